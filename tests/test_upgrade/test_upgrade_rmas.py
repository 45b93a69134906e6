"""RMAs in every state, made through their actions by the previous release,
keep their business facts when the database is upgraded, and go on from
where they stood: the rest of a partial receipt comes in and is credited,
the credit notes are validated, the RMAs resolve.

The previous release is installed from the project's history without demo
data (see conftest.py). Its scripts read the requested outcome of a line
whichever way the installed version stores it.

PREVIOUS_RELEASE is the release the next one upgrades from: when a change
that needs migration scripts is merged, point it at the commit just before
that change (the merge's first parent), so that the scripts are run here."""
import pytest
from rma_test_databases import log_problems

#: the commit the upgrade starts from
PREVIOUS_RELEASE = "c57f59ce4feafd2a6d4f6ab5f095d7286b830212"
#: installed at PREVIOUS_RELEASE and upgraded
ADDONS = "rma_management,rma_management_stock,rma_management_account,rma_management_stock_account"
#: without demo data the company has no chart of accounts: the generic one
INSTALLED = ADDONS + ",l10n_generic_coa"

#: the helpers of every script below, run in either version's shell
HELPERS = '''
from odoo import models


def outcome_values(code):
    """The values giving a line the requested outcome ``code``."""
    if "operation_id" in env["rma.order.line"]._fields:
        return {"operation_id": env.ref("rma_management.rma_operation_%s" % code).id}
    return {"operation": code}


def outcome(line):
    return line.operation_id.code if "operation_id" in line._fields else line.operation


def receive(rma, qty):
    """Validate the open receipt of the RMA (one line) for qty, a backorder keeping the rest."""
    picking = rma.picking_ids.filtered(
        lambda picking: picking.picking_type_code == "incoming" and picking.state not in ("done", "cancel"))
    assert len(picking) == 1, picking
    picking.move_lines.quantity_done = qty
    answer = picking.button_validate()
    if isinstance(answer, dict) and answer.get("res_model") == "stock.backorder.confirmation":
        env["stock.backorder.confirmation"].browse(answer["res_id"]).process()
    assert picking.state == "done", picking.state


def inspect(line, items, result):
    """Record the inspection of line through its wizard: items are (disposition, quantity)."""
    env["rma.inspect"].with_context(default_line_id=line.id).create({
        "result": result,
        "item_ids": [(5, 0, 0)] + [(0, 0, {"disposition": disposition, "quantity": qty})
                                   for disposition, qty in items],
    }).action_confirm()


def validate_credit_notes(rma):
    rma.credit_note_ids.filtered(lambda invoice: invoice.state == "draft").action_invoice_open()


RMA_FIELDS = ("name", "state", "status", "credit_status", "credit_due", "amount_untaxed", "amount_tax",
              "amount_total", "amount_credited", "approval_reason", "approved_date", "date_done", "delivered_date")
LINE_FIELDS = ("product_id", "state", "product_uom_qty", "price_unit", "price_subtotal", "price_total",
               "sale_line_id", "origin_invoice_id", "credit_policy", "stock_status", "inspection_result",
               "qty_received", "qty_inspected", "qty_to_inspect", "qty_accepted", "qty_in_quarantine",
               "qty_in_refurbish", "qty_delivered", "qty_credited", "qty_credit_validated", "qty_to_credit")
MOVE_FIELDS = ("product_id", "state", "product_uom_qty", "quantity_done", "location_id", "location_dest_id",
               "picking_id", "rma_disposition", "scrapped")
PICKING_FIELDS = ("name", "state", "picking_type_id", "location_id", "location_dest_id", "backorder_id",
                  "move_lines")
SCRAP_FIELDS = ("state", "scrap_qty", "location_id", "scrap_location_id", "move_id")
INVOICE_FIELDS = ("number", "type", "state", "amount_untaxed", "amount_tax", "amount_total", "residual",
                  "refund_invoice_id", "origin")
ACTIVITY_FIELDS = ("activity_type_id", "user_id", "summary", "date_deadline")
INVOICE_LINE_FIELDS = ("product_id", "quantity", "price_unit", "price_subtotal", "invoice_line_tax_ids",
                       "account_id", "rma_line_id")


def read(record, names):
    """The values of record's fields, as JSON: records by their ids."""
    def plain(value):
        if isinstance(value, models.BaseModel):
            return value.ids
        return round(value, 4) if isinstance(value, float) else value
    return {name: plain(record[name]) for name in names}


def snapshot(data):
    """The business facts of the RMAs of data, their transfers, credit notes and the stock of their products."""
    facts = {}
    for key, rma_id in data["rmas"].items():
        rma = env["rma.order"].browse(rma_id)
        facts[key] = dict(
            read(rma, RMA_FIELDS),
            lines=[dict(read(line, LINE_FIELDS), outcome=outcome(line),
                        moves=[read(move, MOVE_FIELDS) for move in line.move_ids.sorted("id")],
                        scraps=[read(scrap, SCRAP_FIELDS) for scrap in line.scrap_ids.sorted("id")])
                   for line in rma.line_ids.sorted("id")],
            pickings=[read(picking, PICKING_FIELDS) for picking in rma.picking_ids.sorted("id")],
            activities=[read(activity, ACTIVITY_FIELDS) for activity in rma.activity_ids.sorted("id")],
            credit_notes=[dict(read(invoice, INVOICE_FIELDS),
                               lines=[read(line, INVOICE_LINE_FIELDS) for line in invoice.invoice_line_ids])
                          for invoice in rma.credit_note_ids.sorted("id")],
        )
    stock = {}
    for quant in env["stock.quant"].search([("product_id", "in", list(data["products"].values()))]):
        where = "%s in %s" % (quant.product_id.name, quant.location_id.complete_name)
        stock[where] = round(stock.get(where, 0.0) + quant.quantity, 4)
    facts["stock"] = {where: qty for where, qty in stock.items() if qty}
    return facts
'''

#: a customer who bought and was invoiced storable goods, and RMAs of them in every state
RMAS_IN_EVERY_STATE = HELPERS + '''
company = env.user.company_id
company.write({"rma_approval_amount": 0.0, "rma_credit_note_validate": False, "rma_allow_over_receipt": False})
warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
customer = env["res.partner"].create({"name": "Upgrade Customer", "customer": True})
tax_account = env["account.account"].create({
    "name": "Upgrade Tax", "code": "RMAU2001",
    "user_type_id": env.ref("account.data_account_type_current_liabilities").id,
})
tax = env["account.tax"].create({
    "name": "Sale 15% (upgrade)", "amount": 15.0, "amount_type": "percent", "type_tax_use": "sale",
    "account_id": tax_account.id, "refund_account_id": tax_account.id,
})
income = env["account.account"].create({
    "name": "Upgrade Sales", "code": "RMAU7001", "user_type_id": env.ref("account.data_account_type_revenue").id,
})


def product(name, price, **values):
    return env["product.product"].create(dict({
        "name": name, "type": "product", "invoice_policy": "delivery", "list_price": price, "standard_price": 10.0,
        "taxes_id": [(6, 0, tax.ids)], "property_account_income_id": income.id,
    }, **values))


products = {"widget": product("Upgrade Widget", 40.0),
            "inspected": product("Upgrade Inspected Widget", 60.0, rma_inspection_required=True)}
sold = {"widget": 20, "inspected": 10}
for key, qty in sold.items():
    # what is sold, and a few more widgets to ship as replacements
    env["stock.quant"]._update_available_quantity(products[key], warehouse.lot_stock_id, qty + 5)
order = env["sale.order"].create({
    "partner_id": customer.id, "warehouse_id": warehouse.id,
    "order_line": [(0, 0, {"product_id": products[key].id, "product_uom_qty": qty,
                           "price_unit": products[key].list_price, "tax_id": [(6, 0, tax.ids)]})
                   for key, qty in sold.items()],
})
order.action_confirm()
for move in order.picking_ids.mapped("move_lines"):
    move.quantity_done = move.product_uom_qty
order.picking_ids.button_validate()
invoice = env["account.invoice"].browse(order.action_invoice_create())
invoice.action_invoice_open()
sale_lines = {key: order.order_line.filtered(lambda line: line.product_id == products[key]) for key in sold}
reason = env["rma.reason"].create({"name": "Upgrade: defective"})
approval = env["rma.category"].create({"name": "Upgrade: approved by a manager", "approval_required": True})


def rma(key, qty, code, category=approval.browse()):
    values = dict(env["rma.order.line"]._prepare_from_sale_line(sale_lines[key]), product_uom_qty=qty,
                  reason_id=reason.id, **outcome_values(code))
    return env["rma.order"].create({"partner_id": customer.id, "warehouse_id": warehouse.id,
                                    "category_id": category.id, "line_ids": [(0, 0, values)]})


rmas = {"draft": rma("widget", 1, "refund")}
rmas["pending_approval"] = rma("widget", 2, "replace", approval)
rmas["pending_approval"].action_confirm()
rmas["partially_received"] = rma("widget", 5, "refund")
rmas["partially_received"].action_confirm()
receive(rmas["partially_received"], 3)
rmas["inspected"] = rma("inspected", 4, "refund")
rmas["inspected"].action_confirm()
receive(rmas["inspected"], 4)
inspect(rmas["inspected"].line_ids, [("stock", 3), ("scrap", 1)], "partial")
rmas["credited"] = rma("widget", 2, "credit_only")
rmas["credited"].action_confirm()
validate_credit_notes(rmas["credited"])
rmas["resolved"] = rma("widget", 2, "replace")
rmas["resolved"].action_confirm()
receive(rmas["resolved"], 2)
inspect(rmas["resolved"].line_ids, [("scrap", 2)], "failed")
wizard = env["rma.delivery"].with_context(default_line_id=rmas["resolved"].line_ids.id).create({})
delivery = env["stock.picking"].browse(wizard.action_confirm()["res_id"])
delivery.move_lines.quantity_done = 2
delivery.button_validate()
rmas["resolved"].action_mark_delivered()
rmas["cancelled"] = rma("widget", 1, "replace")
rmas["cancelled"].action_confirm()
rmas["cancelled"].action_cancel()
env.cr.commit()
data = {"rmas": {key: record.id for key, record in rmas.items()},
        "products": {key: record.id for key, record in products.items()}, "invoice": invoice.id}
result(dict(data, snapshot=snapshot(data)))
'''

SNAPSHOT = HELPERS + '''
result(snapshot(data))
'''

#: what comes next on the upgraded database (not committed: each test sees the upgraded data)
NEXT_STEPS = HELPERS + '''
rmas = {key: env["rma.order"].browse(rma_id) for key, rma_id in data["rmas"].items()}
partial, inspected = rmas["partially_received"], rmas["inspected"]
receive(partial, 2)
steps = {"received": read(partial.line_ids, ("qty_received", "qty_credited", "qty_to_credit", "stock_status")),
         "credit_notes": [read(invoice, ("state", "amount_untaxed", "amount_tax", "amount_total", "refund_invoice_id"))
                          for invoice in partial.credit_note_ids.sorted("id")]}
inspect(partial.line_ids, [("stock", 5)], "passed")
for rma in (partial, inspected):
    validate_credit_notes(rma)
rmas["pending_approval"].action_approve()
rmas["draft"].action_confirm()
steps["rmas"] = {key: read(rma, ("state", "status", "credit_status", "amount_credited"))
                 for key, rma in rmas.items()}
steps["validated"] = partial.line_ids.qty_credit_validated
steps["receipts"] = {key: [[picking.state, picking.move_lines.product_uom_qty] for picking in rmas[key].picking_ids]
                     for key in ("pending_approval", "draft")}
steps["stock"] = snapshot(data)["stock"]
result(steps)
'''


@pytest.fixture(scope="module")
def upgraded(upgrade):
    """The RMAs made by the previous release, upgraded: ``(new, data, upgrade_log)``."""
    return upgrade(PREVIOUS_RELEASE, INSTALLED, RMAS_IN_EVERY_STATE, ADDONS)


def run_on(new, script, data):
    """What ``script`` hands back, run on the upgraded database with the ids of ``data`` as ``data``."""
    ids = {key: data[key] for key in ("rmas", "products")}
    return new.shell("data = %r\n%s" % (ids, script))[0]


def test_the_upgrade_logs_no_error_nor_warning(upgraded):
    _new, _data, upgrade_log = upgraded
    assert log_problems(upgrade_log, warnings=True) == []


def test_the_previous_release_made_rmas_in_every_state(upgraded):
    """The starting point is what the scenario means: otherwise an unchanged snapshot proves little."""
    _new, data, _log = upgraded
    before = data["snapshot"]
    assert {key: (before[key]["state"], before[key]["status"]) for key in data["rmas"]} == {
        "draft": ("draft", "draft"),
        "pending_approval": ("to_approve", "to_approve"),
        "partially_received": ("approved", "partially_received"),
        "inspected": ("approved", "credit_pending"),
        "credited": ("done", "done"),
        "resolved": ("done", "delivered"),
        "cancelled": ("cancel", "cancel"),
    }
    assert {line["outcome"] for key in data["rmas"] for line in before[key]["lines"]} == {
        "refund", "replace", "credit_only",
    }
    partial = before["partially_received"]["lines"][0]
    assert (partial["qty_received"], partial["qty_credited"], partial["credit_policy"]) == (3, 3, "on_receipt")
    assert [picking["state"] for picking in before["partially_received"]["pickings"]] == ["done", "assigned"]
    inspected = before["inspected"]["lines"][0]
    assert (inspected["qty_accepted"], inspected["qty_credited"], inspected["inspection_result"]) == (3, 3, "partial")
    assert [scrap["scrap_qty"] for scrap in inspected["scraps"]] == [1]
    assert [(note["state"], note["amount_total"]) for note in before["credited"]["credit_notes"]] == [("paid", 92.0)]
    assert [picking["state"] for picking in before["cancelled"]["pickings"]] == ["cancel"]
    assert len(before["pending_approval"]["activities"]) == 1, "the approver's to-do"
    # 25 widgets and 15 inspected ones in stock, 20 and 10 sold; 2 replacements shipped, the returned ones scrapped;
    # 3 in the RMA input from the partial receipt; 3 of 4 inspected back in stock, 1 scrapped
    assert before["stock"] == {
        "Upgrade Widget in Physical Locations/WH/Stock": 3, "Upgrade Widget in Partner Locations/Customers": 17,
        "Upgrade Widget in Physical Locations/WH/RMA Input": 3,
        "Upgrade Widget in Physical Locations/WH/Scrapped Returns": 2,
        "Upgrade Inspected Widget in Physical Locations/WH/Stock": 8,
        "Upgrade Inspected Widget in Partner Locations/Customers": 6,
        "Upgrade Inspected Widget in Physical Locations/WH/Scrapped Returns": 1,
    }


def differences(before, after, path="snapshot"):
    """Where ``after`` differs from ``before`` (nested JSON values): readable lines."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [change for key in sorted(set(before) | set(after))
                for change in differences(before.get(key, "<missing>"), after.get(key, "<missing>"),
                                          "%s.%s" % (path, key))]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [change for index, (old, new) in enumerate(zip(before, after, strict=True))
                for change in differences(old, new, "%s[%d]" % (path, index))]
    return [] if before == after else ["%s: %r before the upgrade, %r after" % (path, before, after)]


def test_the_rmas_transfers_and_credit_notes_are_unchanged(upgraded):
    new, data, _log = upgraded
    changes = differences(data["snapshot"], run_on(new, SNAPSHOT, data))
    assert not changes, "the upgrade changed:\n" + "\n".join(changes)


def test_the_rmas_go_on_after_the_upgrade(upgraded):
    new, data, _log = upgraded
    steps = run_on(new, NEXT_STEPS, data)
    # the rest of the receipt came in and was credited on receipt: 2 x 40.00 + 15% tax
    assert steps["received"] == {"qty_received": 5, "qty_credited": 5, "qty_to_credit": 0, "stock_status": "decide"}
    assert steps["credit_notes"] == [
        {"state": "draft", "amount_untaxed": 120.0, "amount_tax": 18.0, "amount_total": 138.0,
         "refund_invoice_id": [data["invoice"]]},
        {"state": "draft", "amount_untaxed": 80.0, "amount_tax": 12.0, "amount_total": 92.0,
         "refund_invoice_id": [data["invoice"]]},
    ]
    assert steps["validated"] == 5
    rmas = steps["rmas"]
    assert rmas["partially_received"] == {
        "state": "done", "status": "done", "credit_status": "credited", "amount_credited": 230.0,
    }
    # 3 x 60.00 + 15% tax
    assert rmas["inspected"] == {"state": "done", "status": "done", "credit_status": "credited",
                                 "amount_credited": 207.0}
    assert (rmas["pending_approval"]["state"], rmas["pending_approval"]["status"]) == ("approved", "pending_receipt")
    assert (rmas["draft"]["state"], rmas["draft"]["status"]) == ("approved", "pending_receipt")
    assert steps["receipts"] == {"pending_approval": [["assigned", 2]], "draft": [["assigned", 1]]}
    # the rest of the partial receipt left the customer, and its 5 units went from the RMA input to stock
    assert steps["stock"] == {
        "Upgrade Widget in Physical Locations/WH/Stock": 8, "Upgrade Widget in Partner Locations/Customers": 15,
        "Upgrade Widget in Physical Locations/WH/Scrapped Returns": 2,
        "Upgrade Inspected Widget in Physical Locations/WH/Stock": 8,
        "Upgrade Inspected Widget in Partner Locations/Customers": 6,
        "Upgrade Inspected Widget in Physical Locations/WH/Scrapped Returns": 1,
    }
