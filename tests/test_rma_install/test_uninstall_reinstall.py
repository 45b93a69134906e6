"""Uninstalling the suite with RMAs in the database, then installing it again.

Module operations reload the registry, which a TransactionCase cannot live
through: this test runs the project's launcher on a throw-away copy of the
test template database (demo data, the addons installed, RMAs in it), and
reads the results with SQL."""
import os
from contextlib import closing

import pytest
from rma_test_databases import OdooProcess, copy_database, drop_database, log_problems

import odoo

#: receives the demo RMA approved before the stock addon was installed, and puts one unit in quarantine
RECEIVE = """
rma = env.ref("rma_management.rma_demo_approved")
receipt = rma.picking_ids
for move in receipt.move_lines:
    move.quantity_done = move.product_uom_qty
receipt.action_done()
line = rma.line_ids.filtered(lambda line: line.qty_received)[0]
line._record_inspection([("quarantine", 1.0, False)], "failed")
warehouse = rma.warehouse_id
# another warehouse scraps its returns in Odoo's Scrapped location
other = env["stock.warehouse"].search([("id", "!=", warehouse.id)], limit=1)
other.write({"rma_scrap_loc_id": env.ref("stock.stock_location_scrapped").id})
env.cr.commit()
result({
    "receipt": [receipt.id, receipt.name, receipt.state],
    "types": (warehouse.rma_in_type_id | warehouse.rma_out_type_id).ids,
    "input": warehouse.rma_loc_id.id,
    "quarantine": warehouse.rma_quarantine_loc_id.id,
    "other": other.id,
    "shared": other.rma_scrap_loc_id.ids,
})
"""

UNINSTALL = """
env["ir.module.module"].search([("name", "=", "rma_management")]).button_immediate_uninstall()
env.cr.commit()
"""

#: a new RMA after the reinstall, and its receipt
NEW_RMA = """
warehouse = env.ref("stock.warehouse0")
rma = env["rma.order"].create({
    "partner_id": env.ref("base.res_partner_2").id,
    "warehouse_id": warehouse.id,
    "line_ids": [(0, 0, {
        "product_id": env.ref("product.product_product_7").id, "product_uom_qty": 1,
        "price_unit": 10.0, "reason_id": env.ref("rma_management.rma_reason_defective").id,
    })],
})
rma.action_confirm()
if rma.state == "to_approve":
    rma.action_approve()
env.cr.commit()
result({
    "state": rma.state,
    "receipt": rma.picking_ids.mapped("name"),
    "types": (warehouse.rma_in_type_id | warehouse.rma_out_type_id).ids,
    "input": warehouse.rma_loc_id.id,
    "other": env["stock.warehouse"].browse(%d).read(["rma_scrap_loc_id"])[0],
})
"""


def _rows(database, query, params=()):
    with closing(odoo.sql_db.db_connect(database).cursor()) as cr:
        cr.execute(query, params)
        return cr.fetchall()


@pytest.fixture()
def database():
    template = os.environ.get("RMA_TEST_TEMPLATE")
    if not template:
        pytest.fail("RMA_TEST_TEMPLATE is not set: run this test through make test (setup/test.sh)")
    name = "%s_reinstall" % odoo.tools.config["db_name"]
    copy_database(template, name)
    try:
        yield name
    finally:
        drop_database(name)


def test_uninstall_keeps_the_history_and_reinstall_continues(database):
    odoo_process = OdooProcess(database)
    before, _log = odoo_process.shell(RECEIVE)
    receipt_id, receipt_name, receipt_state = before["receipt"]
    assert receipt_state == "done"

    # uninstalling the core takes the other addons along, and logs no error
    _result, log = odoo_process.shell(UNINSTALL, log_level="info")
    assert log_problems(log, warnings=True) == []
    assert _rows(database, "SELECT name, state FROM ir_module_module WHERE name LIKE 'rma\\_%%' ORDER BY name") == [
        ("rma_management", "uninstalled"), ("rma_management_account", "uninstalled"),
        ("rma_management_portal", "uninstalled"), ("rma_management_stock", "uninstalled"),
        ("rma_management_stock_account", "uninstalled"),
    ]
    assert _rows(database, "SELECT count(*) FROM ir_model_data WHERE module LIKE 'rma\\_%%'") == [(0,)]
    # the transfers stay, their operation types and the locations holding units are archived
    assert _rows(database, "SELECT name, state FROM stock_picking WHERE id = %s", (receipt_id,)) == [
        (receipt_name, "done"),
    ]
    assert _rows(database, "SELECT DISTINCT active FROM stock_picking_type WHERE id IN %s",
                 (tuple(before["types"]),)) == [(False,)]
    held = _rows(database, """
        SELECT location.id, location.active, sum(quant.quantity) FROM stock_location location
          JOIN stock_quant quant ON quant.location_id = location.id
         WHERE location.id IN %s GROUP BY location.id ORDER BY location.id
    """, ((before["input"], before["quarantine"]),))
    assert [(location, active) for location, active, _qty in held] == [
        (before["input"], False), (before["quarantine"], False),
    ]
    assert all(qty > 0 for _location, _active, qty in held)
    # Odoo's Scrapped location, chosen for returns, stays active
    assert _rows(database, "SELECT DISTINCT active FROM stock_location WHERE id IN %s",
                 (tuple(before["shared"]),)) == [(True,)]

    # the reinstall takes the archived types and locations back and continues their numbering
    log = odoo_process.run("-i", "rma_management_stock,rma_management_account,rma_management_portal",
                           "--stop-after-init", "--log-level=warn")
    assert log_problems(log, warnings=True) == []
    assert _rows(database, "SELECT DISTINCT state FROM ir_module_module WHERE name LIKE 'rma\\_%%'") == [
        ("installed",),
    ]
    after, _log = odoo_process.shell(NEW_RMA % before["other"])
    assert after["state"] == "approved"
    assert after["types"] == before["types"]
    assert after["input"] == before["input"]
    assert [after["other"]["rma_scrap_loc_id"][0]] == before["shared"]
    assert _rows(database, "SELECT count(*) FROM stock_picking_type WHERE id IN %s AND active",
                 (tuple(before["types"]),)) == [(2,)]
    prefix = receipt_name.rsplit("/", 1)[0]
    assert len(after["receipt"]) == 1 and after["receipt"][0].startswith(prefix + "/")
    assert after["receipt"][0] > receipt_name, "the numbering continues after the receipts made before"
