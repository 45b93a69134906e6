"""Several users validate the same RMA receipt at the same moment, over
JSON-RPC on a real threaded server (each request its own cursor): one
validation wins, the others are retried by Odoo on a clean slate and find the
receipt done. The goods are received once and credited once."""
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from rma_test_server import JsonRpc, deliver_and_invoice, serving_template_copy, set_all_done

CLIENTS = 8
#: rounds of simultaneous validations, until one made Odoo retry (it almost always does at once)
MAX_ROUNDS = 3
RETRY = "SERIALIZATION_FAILURE, retry"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving_template_copy("concurrent", tmp_path_factory.mktemp("concurrent"), "--workers=0",
                               "--max-cron-threads=0") as server:
        yield server


def _rma_waiting_for_its_receipt(admin):
    """4 units sold at 100.00 without tax, delivered and invoiced; an approved
    RMA of 2 of them (credited on receipt), its receipt filled in: the RMA and the receipt."""
    partner = admin("res.partner", "create", {"name": "Concurrent Customer", "customer": True})
    product = admin("product.product", "create", {
        "name": "Concurrent Widget", "type": "product", "list_price": 100.0, "taxes_id": [(6, 0, [])],
    })
    admin("stock.quant", "create", {"product_id": product, "quantity": 4,
                                    "location_id": admin.ref("stock.stock_location_stock")})
    order = admin("sale.order", "create", {"partner_id": partner, "order_line": [(0, 0, {
        "product_id": product, "product_uom_qty": 4, "tax_id": [(6, 0, [])]})]})
    deliver_and_invoice(admin, order)
    rma = admin("rma.order", "create", {"partner_id": partner, "line_ids": [(0, 0, {
        "sale_line_id": admin("sale.order.line", "search", [("order_id", "=", order)])[0],
        "product_id": product, "product_uom_qty": 2, "reason_id": admin.ref("rma_management.rma_reason_defective"),
    })]})
    admin("rma.order", "action_confirm", [rma])
    if admin("rma.order", "read", [rma], ["state"])[0]["state"] == "to_approve":
        admin("rma.order", "action_approve", [rma])
    receipt = admin("stock.picking", "search", [("rma_id", "=", rma), ("picking_type_code", "=", "incoming")])
    set_all_done(admin, receipt)
    return rma, receipt


def _validate_at_once(admin, receipt):
    """Every client validates the receipt at the same moment: what each got (None or the error)."""
    start = threading.Barrier(CLIENTS)

    def validate(_client):
        start.wait()
        try:
            admin("stock.picking", "button_validate", receipt)
        except AssertionError as error:  # the server's error message
            return str(error)
        return None

    with ThreadPoolExecutor(CLIENTS) as pool:
        return list(pool.map(validate, range(CLIENTS)))


def test_same_receipt_validated_by_eight_users_at_once(server):
    admin = JsonRpc(server, "admin", "admin")
    for _round in range(MAX_ROUNDS):
        retries_before = server.log_text().count(RETRY)
        rma, receipt = _rma_waiting_for_its_receipt(admin)
        errors = _validate_at_once(admin, receipt)
        assert errors == [None] * CLIENTS, "every validation ends well: %s" % errors
        state = admin("stock.picking", "read", receipt, ["state"])[0]["state"]
        lines = admin("rma.order.line", "search_read", [("rma_id", "=", rma)], ["qty_received", "qty_credited"])
        credit_notes = admin("account.invoice", "search_read", [("id", "in", admin(
            "rma.order", "read", [rma], ["credit_note_ids"])[0]["credit_note_ids"])], ["amount_total"])
        assert (state, [(line["qty_received"], line["qty_credited"]) for line in lines]) == ("done", [(2.0, 2.0)])
        assert [note["amount_total"] for note in credit_notes] == [200.0], "credited once"
        if server.log_text().count(RETRY) > retries_before:
            break
    else:
        pytest.fail("the validations never ran into each other: nothing was proven")
    problems = [line for line in server.log_problems()
                if "could not serialize access" not in line and "odoo.sql_db: bad query" not in line]
    assert problems == [], "\n".join(problems)
