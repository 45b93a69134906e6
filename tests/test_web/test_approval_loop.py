"""The approval loop in a real browser, as the users who are told: the sales
user confirms a return that needs approval, the manager finds the to-do in
their activity menu and approves, the to-do is gone, the responsible has the
news in their inbox and the warehouse user the receipt to-do."""
import pytest
from rma_test_server import JsonRpc

from .web import WebClient

USERS = {
    "loop_sales": ["sales_team.group_sale_salesman"],
    "loop_manager": ["sales_team.group_sale_salesman", "rma_management.group_rma_manager"],
    "loop_warehouse": ["stock.group_stock_user"],
}
ACTIVITY_COUNTER = ".o_mail_navbar_item:has(.fa-clock-o) .o_notification_counter"
INBOX_COUNTER = ".o_mail_navbar_item:has(.fa-comments) .o_notification_counter"


@pytest.fixture(scope="module")
def loop(server):
    """The users (told in Discuss only: no e-mail server here), the company's
    approver and receipts responsible, and a draft RMA of the sales user."""
    admin = JsonRpc(server, "admin", "admin")
    users = {}
    for login, groups in USERS.items():
        users[login] = admin("res.users", "create", {
            "name": login.replace("_", " ").title(), "login": login, "password": login,
            "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [admin.ref(group) for group in [*groups, "base.group_user"]])],
        })
    partners = admin("res.users", "read", list(users.values()), ["partner_id"])
    admin("res.users", "write", [user["id"] for user in partners], {"notification_type": "inbox"})
    company = admin("res.users", "read", [users["loop_sales"]], ["company_id"])[0]["company_id"][0]
    admin("res.company", "write", [company], {
        "rma_approver_id": users["loop_manager"], "rma_warehouse_user_id": users["loop_warehouse"],
    })
    customer = admin("res.partner", "create", {"name": "Loop Customer", "customer": True})
    product = admin("product.product", "create", {"name": "Loop Widget", "type": "consu", "list_price": 30.0})
    sales = JsonRpc(server, "loop_sales", "loop_sales")
    rma = sales("rma.order", "create", {
        "partner_id": customer,
        "line_ids": [(0, 0, {
            "product_id": product, "product_uom_qty": 1, "price_unit": 30.0,
            "product_uom": admin.ref("product.product_uom_unit"),
            "reason_id": admin.ref("rma_management.rma_reason_defective"),
        })],
    })
    return {"admin": admin, "users": users, "rma": rma}


def _activities(loop, user):
    return loop["admin"]("mail.activity", "search_read", [
        ("res_model", "=", "rma.order"), ("res_id", "=", loop["rma"]), ("user_id", "=", loop["users"][user]),
    ], ["activity_type_id"])


def test_the_approval_loop(loop, browser, server):
    clients = []
    try:
        sales = WebClient(browser, server, "loop_sales", "loop_sales")
        clients.append(sales)
        sales.open_form("rma.order", loop["rma"])
        sales.click_button("Confirm", ".o_form_statusbar")
        assert sales.field_text("status") == "Pending Approval"

        manager = WebClient(browser, server, "loop_manager", "loop_manager")
        clients.append(manager)
        manager.page.wait_for_selector(ACTIVITY_COUNTER)
        assert int(manager.page.inner_text(ACTIVITY_COUNTER).strip() or 0) >= 1
        assert [act["activity_type_id"][1] for act in _activities(loop, "loop_manager")] == ["RMA Approval"]
        manager.page.locator(".o_mail_navbar_item:has(.fa-clock-o) a.dropdown-toggle").click()
        manager.wait_idle()
        assert "Return Merchandise Authorization" in manager.page.inner_text(".o_mail_navbar_dropdown_channels")
        manager.open_form("rma.order", loop["rma"])
        assert "Approve or reject" in manager.page.inner_text(".oe_chatter")
        manager.click_button("Approve", ".o_form_statusbar")
        planned = manager.page.inner_text(".oe_chatter .o_mail_activity")
        assert "Approve or reject" not in planned, "the to-do is done"
        assert "Receive the goods" in planned, "the warehouse's to-do is planned"
        assert not _activities(loop, "loop_manager")

        sales.page.reload()
        sales.page.wait_for_selector(INBOX_COUNTER)
        sales.wait_idle()
        assert int(sales.page.inner_text(INBOX_COUNTER).strip() or 0) >= 1, "the responsible is told"

        warehouse = WebClient(browser, server, "loop_warehouse", "loop_warehouse")
        clients.append(warehouse)
        warehouse.page.wait_for_selector(ACTIVITY_COUNTER)
        assert int(warehouse.page.inner_text(ACTIVITY_COUNTER).strip() or 0) >= 1
        assert [act["activity_type_id"][1] for act in _activities(loop, "loop_warehouse")] == ["RMA Receipt"]
    finally:
        for client in clients:
            client.close()
    assert not [error for client in clients for error in client.js_errors]
    assert not server.log_problems(), "\n".join(server.log_problems())
