"""A database made with the previous version of the addons, upgraded to this
one: what its users had set keeps its meaning, and the upgrade logs no error.

The previous version is taken from the project's history, installed on a
throw-away database, given data through its own code, then upgraded by the
checkout's addons (see conftest.py)."""
import pytest
from rma_test_databases import log_problems

#: 11.0.1.0.0, as it landed before the returns settings became per company
PREVIOUS_VERSION = "c6a60ec81c9a358f20400f796f918235a46cd243"
#: installed at PREVIOUS_VERSION (the stock and accounting bridge installs itself)
INSTALLED = "rma_management_stock,rma_management_account"

OLD_DATA = """
Company = env["res.company"]
main = env.ref("base.main_company")
other = Company.create({"name": "Upgrade Other Co"})
Policy, Partner, Template = env["rma.return.policy"], env["res.partner"], env["product.template"]
shared_policy = Policy.create({"name": "Shared 90 days", "window_days": 90, "company_id": False})
main_policy = Policy.create({"name": "Main 60 days", "window_days": 60, "company_id": main.id})
partners = {
    "shared_with_shared_policy": Partner.create({"name": "Shared customer", "company_id": False,
                                                 "rma_return_policy_id": shared_policy.id}),
    "shared_with_main_policy": Partner.create({"name": "Shared customer 2", "company_id": False,
                                               "rma_return_policy_id": main_policy.id}),
    "other_with_shared_policy": Partner.create({"name": "Other's customer", "company_id": other.id,
                                                "rma_return_policy_id": shared_policy.id}),
    "without_policy": Partner.create({"name": "Plain customer", "company_id": False}),
}
templates = {
    "shared_not_returnable": Template.create({"name": "Shared final sale", "company_id": False,
                                              "rma_returnable": False}),
    "other_not_returnable": Template.create({"name": "Other's final sale", "company_id": other.id,
                                             "rma_returnable": False}),
    "shared_inspected": Template.create({"name": "Shared inspected", "company_id": False,
                                         "rma_inspection_required": True}),
    "plain": Template.create({"name": "Plain product", "company_id": False}),
}
env.cr.commit()
result({
    "companies": {"main": main.id, "other": other.id},
    "policies": {"shared": shared_policy.id, "main": main_policy.id},
    "partners": {key: partner.id for key, partner in partners.items()},
    "templates": {key: template.id for key, template in templates.items()},
})
"""

NEW_VALUES = """
data = %r
result({
    company: {
        "policies": {key: env["res.partner"].with_context(force_company=company_id).browse(partner_id)
                     .rma_return_policy_id.id for key, partner_id in data["partners"].items()},
        "returnable": {key: env["product.template"].with_context(force_company=company_id).browse(template_id)
                       .rma_returnable for key, template_id in data["templates"].items()},
        "inspected": {key: env["product.template"].with_context(force_company=company_id).browse(template_id)
                      .rma_inspection_required for key, template_id in data["templates"].items()},
    }
    for company, company_id in data["companies"].items()
})
"""

OLD_COLUMNS = """
env.cr.execute(
    "SELECT table_name || '.' || column_name FROM information_schema.columns "
    "WHERE column_name IN ('rma_return_policy_id', 'rma_returnable', 'rma_inspection_required')"
)
result(sorted(row[0] for row in env.cr.fetchall()))
"""

RETURNED_LOCATIONS = """
fields = ("rma_loc_id", "rma_quarantine_loc_id", "rma_refurbish_loc_id", "rma_scrap_loc_id", "lot_stock_id")
result(sorted(
    [warehouse.name, field_name, warehouse[field_name].rma_returned]
    for warehouse in env["stock.warehouse"].with_context(active_test=False).search([]) for field_name in fields
))
"""


@pytest.fixture(scope="module")
def upgraded(upgrade):
    """The previous version installed and given data, then upgraded: the data's ids and the upgrade's log."""
    return upgrade(PREVIOUS_VERSION, INSTALLED, OLD_DATA, "rma_management")


def test_the_upgrade_logs_no_error(upgraded):
    _new, _data, upgrade_log = upgraded
    assert log_problems(upgrade_log) == []


def test_each_company_keeps_the_returns_settings_it_had(upgraded):
    new, data, _log = upgraded
    values = new.shell(NEW_VALUES % data)[0]
    shared, main = data["policies"]["shared"], data["policies"]["main"]
    # a shared customer's policy applied everywhere; a policy of one company only there
    assert values["main"]["policies"] == {
        "shared_with_shared_policy": shared, "shared_with_main_policy": main,
        "other_with_shared_policy": False, "without_policy": False,
    }
    assert values["other"]["policies"] == {
        "shared_with_shared_policy": shared, "shared_with_main_policy": False,
        "other_with_shared_policy": shared, "without_policy": False,
    }
    assert values["main"]["returnable"] == {
        "shared_not_returnable": False, "other_not_returnable": True, "shared_inspected": True, "plain": True,
    }
    assert values["other"]["returnable"] == {
        "shared_not_returnable": False, "other_not_returnable": False, "shared_inspected": True, "plain": True,
    }
    for company in ("main", "other"):
        assert values[company]["inspected"] == {
            "shared_not_returnable": False, "other_not_returnable": False, "shared_inspected": True, "plain": False,
        }


def test_the_old_columns_are_gone(upgraded):
    new, _data, _log = upgraded
    assert new.shell(OLD_COLUMNS)[0] == []


def test_the_rma_locations_are_kept_apart_from_the_sellable_stock(upgraded):
    new, _data, _log = upgraded
    flags = new.shell(RETURNED_LOCATIONS)[0]
    assert flags, "warehouses exist"
    assert [[name, field, flag] for name, field, flag in flags if flag != (field != "lot_stock_id")] == []
