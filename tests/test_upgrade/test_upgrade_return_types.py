"""The upgrade from the requested outcome as a selection (11.0.1.2.0) to return
types as records: each old line and category default gets the matching
standard type, and each line keeps its goods and credit behaviour."""
import pytest
from rma_test_databases import log_problems

from .test_upgrade_rmas import INSTALLED, PREVIOUS_RELEASE

#: the last commit with the outcome selection
PREVIOUS_VERSION = PREVIOUS_RELEASE
CODES = ["refund", "replace", "repair", "credit_only", "no_credit"]

OLD_DATA = """
product = env["product.product"].create({"name": "Upgrade widget", "type": "product", "list_price": 10.0})
reason = env["rma.reason"].create({"name": "Upgrade reason"})
category = env["rma.category"].create({"name": "Upgrade exchanges", "default_operation": "replace"})
partner = env["res.partner"].create({"name": "Upgrade customer"})
draft = env["rma.order"].create({"partner_id": partner.id, "line_ids": [
    (0, 0, {"product_id": product.id, "price_unit": 10.0, "reason_id": reason.id, "operation": code})
    for code in %r
]})
approved = env["rma.order"].create({"partner_id": partner.id, "line_ids": [
    (0, 0, {"product_id": product.id, "price_unit": 10.0, "reason_id": reason.id, "operation": "replace"}),
]})
approved.action_confirm()
approved.action_approve()
env.cr.commit()
result({"draft": draft.line_ids.ids, "approved": approved.id, "category": category.id})
""" % CODES

NEW_VALUES = """
data = %r
lines = env["rma.order.line"].browse(data["draft"])
approved = env["rma.order"].browse(data["approved"])
result({
    "types": [env["ir.model.data"].search([("model", "=", "rma.operation"), ("res_id", "=", line.operation_id.id)]).name
              for line in lines],
    "policies": [[line.receipt_policy, line.delivery_policy, line.credit_policy] for line in lines],
    "category": env["rma.category"].browse(data["category"]).default_operation_id.code,
    "advance": [env.ref("rma_management_stock.rma_operation_advance_replace").delivery_timing,
                env.ref("rma_management_stock.rma_operation_advance_replace").credit_policy],
    "approved": [approved.state, approved.line_ids.delivery_policy, approved.line_ids.stock_status,
                 len(approved.picking_ids)],
})
"""

OLD_COLUMNS = """
env.cr.execute("SELECT table_name || '.' || column_name FROM information_schema.columns "
               "WHERE column_name IN ('operation', 'default_operation', 'legacy_operation', "
               "'legacy_default_operation', 'rma_operation') "
               "AND (table_name LIKE 'rma_%' OR table_name = 'stock_return_picking')")
result(sorted(row[0] for row in env.cr.fetchall()))
"""


@pytest.fixture(scope="module")
def upgraded(upgrade):
    """The last release with the outcome selection (the install the RMAs upgrade test shares), given
    lines of every outcome, then upgraded: the data's ids and the upgrade's log."""
    return upgrade(PREVIOUS_VERSION, INSTALLED, OLD_DATA, "rma_management")


def test_the_upgrade_logs_no_error_nor_warning(upgraded):
    _new, _data, upgrade_log = upgraded
    assert log_problems(upgrade_log, warnings=True) == []


def test_old_lines_and_categories_get_the_matching_standard_type(upgraded):
    new, data, _log = upgraded
    values = new.shell(NEW_VALUES % data)[0]
    assert values["types"] == ["rma_operation_%s" % code for code in CODES]
    assert values["policies"] == [
        ["ordered", "none", "on_receipt"],
        ["ordered", "replacement", "none"],
        ["ordered", "repaired", "none"],
        ["none", "none", "on_approval"],
        ["ordered", "none", "none"],
    ]
    assert values["category"] == "replace"
    assert values["advance"] == ["before_receipt", "none"], "the advance replacement comes with the upgrade"
    assert values["approved"] == ["approved", "replacement", "pending", 1], "its receipt, then a replacement"


def test_the_legacy_columns_are_gone(upgraded):
    new, _data, _log = upgraded
    assert new.shell(OLD_COLUMNS)[0] == []
