"""The returns flow in a real browser: Debian's Chromium on the Odoo web client
served by a real server. Each step is done by the user whose job it is; the
steps run in order and share the records they make. Screenshots of the main
screens go to docs/."""
from datetime import datetime, timedelta

import pytest
from rma_test_server import JsonRpc, deliver_and_invoice

from .web import WebClient

USERS = {
    "sales": ["sales_team.group_sale_salesman"],
    "manager": ["sales_team.group_sale_salesman", "rma_management.group_rma_manager"],
    "warehouse": ["stock.group_stock_user"],
    "accountant": ["account.group_account_invoice"],
}
PRODUCTS = (
    # name, price, quantity sold, inspection required
    ("Browser Widget", 120.0, 5, True),
    ("Browser Gizmo", 45.0, 3, False),
    ("Browser Gadget", 10.0, 2, False),
)


def prepare_flow(admin):
    """Users and a sales order delivered and invoiced 45 days ago: outside the
    30-day default return window of the demo data."""
    users = {}
    for login, groups in USERS.items():
        users[login] = admin("res.users", "create", {
            "name": login.title(), "login": login, "password": login, "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [admin.ref(group) for group in [*groups, "base.group_user"]])],
        })
    customer = admin("res.partner", "create", {"name": "Browser Customer", "customer": True})
    order = admin("sale.order", "create", {
        "partner_id": customer,
        "user_id": users["sales"],  # the salesman's own order
        "order_line": [(0, 0, {
            "product_id": admin("product.product", "create", {
                "name": name, "type": "consu", "list_price": price, "taxes_id": [(6, 0, [])],
                "rma_inspection_required": inspection,
            }),
            "product_uom_qty": quantity,
            "tax_id": [(6, 0, [])],
        }) for name, price, quantity, inspection in PRODUCTS],
    })
    picking_ids = deliver_and_invoice(admin, order)
    moves = admin("stock.move", "search", [("picking_id", "in", picking_ids)])
    delivered = (datetime.now() - timedelta(days=45)).strftime("%Y-%m-%d %H:%M:%S")
    admin("stock.picking", "write", picking_ids, {"date_done": delivered})
    admin("stock.move", "write", moves, {"date": delivered})
    admin("sale.order", "write", [order], {"confirmation_date": delivered})
    return {"order": order, "customer": customer}


@pytest.fixture(scope="module")
def admin(server):
    return JsonRpc(server, "admin", "admin")


@pytest.fixture(scope="module")
def flow(admin):
    return prepare_flow(admin)


@pytest.fixture
def client_for(browser, server):
    """Opens a logged-in browser tab per user; at the end, no JavaScript error
    in any of them and no traceback in the server's log."""
    clients = []

    def open_client(login):
        client = WebClient(browser, server, login, login)
        clients.append(client)
        return client

    yield open_client
    for client in clients:
        client.close()
    assert not [error for client in clients for error in client.js_errors]
    assert not server.log_problems(), "\n".join(server.log_problems())


def rma_values(admin, flow, *fields):
    return admin("rma.order", "read", [flow["rma"]], list(fields))[0]


def test_1_sales_user_starts_a_return_from_the_order(flow, client_for, admin, docs):
    sales = client_for("sales")
    sales.open_form("sale.order", flow["order"])
    sales.click_button("Return Products", ".o_form_statusbar")
    dialog = ".modal-dialog:visible"
    rows = sales.page.locator(dialog + " .o_field_one2many[name='item_ids'] .o_data_row")
    rows.first.wait_for()
    assert rows.count() == 3
    assert not rows.locator(".o_checkbox input:checked").count(), "nothing ticked yet"
    returns = (("Browser Widget", "99", None), ("Browser Widget", "2", None), ("Browser Gizmo", "1", None),
               ("Browser Gadget", "1", "Replace"))  # the outcome of one line differs from the default
    for product, quantity, outcome in returns:
        row = sales.select_row(rows, product, dialog)
        row.locator("input[name='quantity']").fill(quantity)
        row.locator("input[name='quantity']").press("Tab")
        sales.wait_idle()
        if outcome:
            sales.set_many2one("rma_operation_id", outcome, scope=dialog + " .o_selected_row")
        if quantity == "99":  # more than was delivered: flagged at once, and on the line before Create
            warning = sales.page.locator(".modal-dialog:visible").filter(
                has=sales.page.locator(".modal-title", has_text="Quantity to Return"))
            assert "Only 5.0 Unit(s) can come back" in warning.inner_text()
            warning.locator(".modal-footer button").click()
            sales.wait_idle()
        sales.page.locator(dialog + " .modal-title").first.click()  # leave the row
        sales.wait_idle()
        if quantity == "99":
            assert "can come back" in rows.filter(has_text=product).inner_text()
            assert "text-danger" in rows.filter(has_text=product).get_attribute("class")
    ticked = rows.filter(has=sales.page.locator(".o_checkbox input:checked"))
    assert ticked.count() == 3, "typing a quantity ticks the line"
    sales.set_many2one("reason_id", "Defective", scope=dialog)
    sales.screenshot(docs / "return-wizard.png")
    sales.click_button("Create Return", dialog)
    sales.page.wait_for_selector(".o_form_view .o_field_widget[name='line_ids'] .o_data_row")
    sales.wait_idle()
    flow["rma"] = sales.record_id()
    rma = rma_values(admin, flow, "name", "line_ids")
    flow["rma_name"] = rma["name"]
    lines = admin("rma.order.line", "read", rma["line_ids"], ["product_id", "product_uom_qty", "operation_id"])
    assert sorted((line["product_id"][1], line["product_uom_qty"], line["operation_id"][1]) for line in lines) == [
        ("Browser Gadget", 1.0, "Replace"), ("Browser Gizmo", 1.0, "Refund"), ("Browser Widget", 2.0, "Refund")]
    assert sales.page.inner_text(".o_form_view .oe_title h1").strip() == rma["name"]
    sales.click_button("Confirm", ".o_form_statusbar")
    assert sales.field_text("status") == "Pending Approval"
    assert "is outside its return window" in sales.page.inner_text(".o_form_view .alert-warning")
    assert not sales.button("Approve", ".o_form_statusbar").count(), "RMA users cannot approve"


def test_2_manager_approves(flow, client_for, admin):
    assert "rma" in flow, "step 1 failed"
    manager = client_for("manager")
    manager.open_form("rma.order", flow["rma"])
    manager.click_button("Approve", ".o_form_statusbar")
    assert manager.field_text("status") == "Pending Receipt"
    assert rma_values(admin, flow, "state")["state"] == "approved"


def test_3_warehouse_receives_in_two_batches_inspects_and_ships_a_replacement(flow, client_for, admin, docs):
    """The whole warehouse journey from the RMA's header buttons, back by the breadcrumb."""
    assert "rma" in flow, "step 1 failed"
    warehouse = client_for("warehouse")
    warehouse.open_form("rma.order", flow["rma"])
    back_to_rma = ".o_control_panel .breadcrumb li a:has-text('%s')" % flow["rma_name"]

    warehouse.click_button("Receive", ".o_form_statusbar")  # the receipt opens in edit mode
    moves = warehouse.page.locator(".o_form_editable .o_field_one2many[name='move_lines'] .o_data_row")
    row = warehouse.select_row(moves, "Browser Widget")
    row.locator("input[name='quantity_done']").fill("1")
    warehouse.click_button("Validate", ".o_form_statusbar")  # saves first
    warehouse.click_button("Create Backorder", ".modal-dialog:visible")
    warehouse.click(back_to_rma)
    assert warehouse.field_text("status") == "Partially Received"

    warehouse.click_button("Receive", ".o_form_statusbar")  # the backorder
    warehouse.click_button("Validate", ".o_form_statusbar")
    warehouse.click_button("Apply", ".modal-dialog:visible")  # immediate transfer of everything left
    warehouse.click(back_to_rma)
    assert warehouse.field_text("status") == "Waiting for Inspection"
    assert not warehouse.button("Receive", ".o_form_statusbar").count(), "nothing more to receive"
    warehouse.screenshot(docs / "rma-form-received.png")

    # one wizard for every line waiting, each prefilled with its units to stock
    warehouse.click_button("Inspect", ".o_form_statusbar")
    dialog = ".modal-dialog:visible"
    items = warehouse.page.locator(dialog + " .o_field_one2many[name='item_ids']")
    assert sorted(text.strip() for text in items.locator(".o_data_row").all_inner_texts()) == sorted(
        "%s\tReturn to Stock\t%s" % (product, quantity)
        for product, quantity in (("Browser Widget", "2.000"), ("Browser Gizmo", "1.000"), ("Browser Gadget", "1.000"))
    )
    rows = items.locator(".o_data_row")
    # by position: in edition the row's product is in an input, which has_text does not read
    widget = [text.split("\t")[0] for text in rows.all_inner_texts()].index("Browser Widget")
    warehouse.click(rows.nth(widget).locator("td.o_list_number"))
    row = items.locator(".o_data_row.o_selected_row")
    row.locator("input[name='quantity']").fill("1")
    warehouse.click(items.locator(".o_field_x2many_list_row_add a"))  # the Widget's other unit is scrapped
    row = items.locator(".o_data_row.o_selected_row")
    warehouse.set_many2one("line_id", "Browser Widget", scope=dialog + " .o_selected_row")
    row.locator("select[name='disposition']").select_option(label="Scrap")
    row.locator("input[name='quantity']").fill("1")
    warehouse.click(warehouse.page.locator(dialog + " .modal-title"))  # leave the row: the list keeps it
    warehouse.screenshot(docs / "inspection-wizard.png")
    warehouse.click_button("Record Inspection", dialog)
    lines = admin("rma.order.line", "search_read", [("rma_id", "=", flow["rma"])],
                  ["product_id", "qty_received", "qty_accepted"])
    assert sorted((line["product_id"][1], line["qty_received"], line["qty_accepted"]) for line in lines) == [
        ("Browser Gadget", 1.0, 1.0), ("Browser Gizmo", 1.0, 1.0), ("Browser Widget", 2.0, 1.0)]
    scraps = admin("stock.scrap", "search_read", [("origin", "=", flow["rma_name"])], ["scrap_qty", "state"])
    assert [(scrap["scrap_qty"], scrap["state"]) for scrap in scraps] == [(1.0, "done")]
    assert warehouse.field_text("status") == "Waiting for Action", "the form shows the new state at once"

    warehouse.click_button("Ship Replacement", ".o_form_statusbar")
    warehouse.page.wait_for_selector(".o_form_view .o_field_widget[name='move_lines'] .o_data_row")
    assert "Browser Gadget" in warehouse.page.inner_text(".o_field_widget[name='move_lines']")
    warehouse.click_button("Validate", ".o_form_statusbar")
    warehouse.click_button("Apply", ".modal-dialog:visible")
    assert warehouse.statusbar_value() == "Done"
    warehouse.click(back_to_rma)
    assert warehouse.field_text("status") == "Shipped"
    warehouse.click_button("Mark Delivered", ".o_form_statusbar")
    assert warehouse.field_text("status") == "Pending Credit"
    replaced = admin("rma.order.line", "search_read", [
        ("rma_id", "=", flow["rma"]), ("operation_id", "=", admin.ref("rma_management.rma_operation_replace"))],
        ["qty_delivered"])
    assert [line["qty_delivered"] for line in replaced] == [1.0]
    # ~45 when the returns desk issue was filed; the URL jumps (open_form) are not clicks
    print("warehouse journey: %d clicks" % warehouse.clicks)
    assert warehouse.clicks <= 22, "at most half the clicks of the journey before the header buttons"


def test_4_accountant_validates_the_credit_notes(flow, client_for, admin, docs):
    assert "rma" in flow, "step 1 failed"
    accountant = client_for("accountant")
    accountant.open_form("rma.order", flow["rma"])
    accountant.page.locator(".oe_button_box button").filter(has_text="Credit Notes").click()
    accountant.wait_idle()
    rows = accountant.page.locator(".o_list_view .o_data_row")
    rows.first.wait_for()
    # the Gizmo was credited when it arrived, the Widget when 1 of 2 passed inspection
    texts = rows.all_inner_texts()
    assert len(texts) == 2 and all("Draft" in text for text in texts), texts
    assert sorted("120.00" in text for text in texts) == [False, True], texts
    assert sorted("45.00" in text for text in texts) == [False, True], texts
    for index in range(rows.count()):
        accountant.page.locator(".o_list_view .o_data_row").filter(has_text="Draft").first.click()
        accountant.wait_idle()
        accountant.page.wait_for_selector(".o_form_view")
        if index == 0:
            accountant.screenshot(docs / "credit-note.png")
        accountant.click_button("Validate", ".o_form_statusbar")
        # applied to the unpaid origin invoice at once
        assert accountant.statusbar_value() == "Paid"
        accountant.page.go_back()
        accountant.wait_idle()
    accountant.open_form("rma.order", flow["rma"])
    assert accountant.field_text("credit_status") == "Credited"
    assert accountant.field_text("status") == "Delivered", "resolved, the replacement delivered"
    accountant.screenshot(docs / "rma-form-resolved.png")
    rma = rma_values(admin, flow, "state", "amount_credited")
    assert (rma["state"], rma["amount_credited"]) == ("done", 165.0)


def test_5_print_the_return_authorization(flow, client_for, docs):
    assert "rma" in flow, "step 1 failed"
    sales = client_for("sales")
    sales.open_list("rma_management.action_rma_order")
    sales.screenshot(docs / "rma-list.png")
    sales.open_form("rma.order", flow["rma"])
    sales.page.click(".o_cp_sidebar button:has-text('Print')")
    with sales.page.expect_download() as download:
        sales.page.click(".o_cp_sidebar .dropdown-menu a:has-text('Return Authorization')")
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    report = sales.context.new_page()
    report.goto("%s/report/html/rma_management.report_rma/%d" % (sales.server.url, flow["rma"]))
    assert flow["rma_name"] in report.inner_text("body")
    report.screenshot(path=str(docs / "rma-report.png"))
    report.close()


def test_6_too_many_units_shows_the_error_and_keeps_the_form(flow, client_for, admin):
    sales = client_for("sales")
    rma = admin("rma.order", "create", {"partner_id": flow["customer"]})
    sales.open_form("rma.order", rma)
    sales.page.click(".o_form_button_edit")
    sales.page.click(".o_field_one2many[name='line_ids'] .o_field_x2many_list_row_add a")
    row = ".o_field_one2many[name='line_ids'] .o_selected_row"
    sales.set_many2one("sale_line_id", "Browser Gadget", scope=row)
    sales.page.fill(row + " input[name='product_uom_qty']", "7")
    sales.set_many2one("reason_id", "Defective", scope=row)
    sales.page.click(".o_form_button_save")
    message = sales.dialog_text()
    sales.expected_server_error("odoo.exceptions.ValidationError")
    assert "You cannot return 7.000 Unit(s) of Browser Gadget" in message
    # step 1's replacement of one Gadget counts
    assert "the customer received 2.000 Unit(s) and 1.000 are already on other RMAs, so at most 1.000 can come back" \
        in message
    sales.page.click(".modal-dialog:visible .modal-footer button")
    assert sales.page.locator(".o_form_view.o_form_editable").count() == 1
    assert admin("rma.order.line", "search_count", [("rma_id", "=", rma)]) == 0
