"""The customer's side in a real browser: a portal user asks for the return of
one line of a delivered order with a photo, a tampered quantity is refused on
the form, the returns desk approves the request, and the customer sees the
new status and downloads the Return Authorization. Screenshots for the README."""
import base64

import pytest
from rma_test_server import JsonRpc, deliver_and_invoice

from .web import WebClient

PORTAL_HOME = ".o_portal_my_home"
#: a 1x1 PNG: the photo of the damage
PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")


@pytest.fixture(scope="module")
def shop(server):
    """A customer company with a portal user and an order of 3 lamps delivered and invoiced."""
    admin = JsonRpc(server, "admin", "admin")
    company = admin("res.partner", "create", {"name": "Browser Lamp Shop", "is_company": True, "customer": True})
    contact = admin("res.partner", "create", {"name": "Lamp Shop Buyer", "parent_id": company,
                                              "email": "buyer@lampshop.example.com"})
    admin("res.users", "create", {"name": "Lamp Shop Buyer", "login": "lampshop", "password": "lampshop",
                                  "partner_id": contact, "groups_id": [(6, 0, [admin.ref("base.group_portal")])]})
    product = admin("product.product", "create", {"name": "Browser Lamp", "type": "consu", "list_price": 35.0,
                                                  "taxes_id": [(6, 0, [])]})
    order = admin("sale.order", "create", {"partner_id": company, "order_line": [(0, 0, {
        "product_id": product, "product_uom_qty": 3, "tax_id": [(6, 0, [])]})]})
    deliver_and_invoice(admin, order)
    return {"admin": admin, "order": order, "company": company,
            "line": admin("sale.order.line", "search", [("order_id", "=", order)])[0]}


@pytest.fixture
def customer(browser, server):
    client = WebClient(browser, server, "lampshop", "lampshop", landing=PORTAL_HOME)
    yield client
    client.close()
    assert not client.js_errors
    assert not server.log_problems(), "\n".join(server.log_problems())


def test_customer_requests_a_return_and_follows_it(shop, customer, server, docs, tmp_path):
    admin = shop["admin"]
    page = customer.page
    page.goto("%s/my/orders/%d" % (server.url, shop["order"]))
    customer.click(page.locator("a.o_rma_portal_request"))
    form = page.locator("form.o_rma_portal_request_form")
    form.wait_for()
    row = form.locator("tr[data-line-id='%d']" % shop["line"])
    assert "Browser Lamp" in row.inner_text() and "3.0" in row.inner_text()

    # a quantity that is no number: refused on the form, what was typed kept, nothing written
    before = admin("rma.order", "search_count", [])
    row.locator("input").fill("three")
    form.locator("select[name='reason_id']").select_option(label="Defective")
    customer.click(form.locator("button.o_rma_portal_submit"))
    assert "Quantities to return must be numbers" in page.inner_text(".o_rma_portal_error")
    assert page.locator("tr[data-line-id='%d'] input" % shop["line"]).input_value() == "three"
    assert admin("rma.order", "search_count", []) == before

    form = page.locator("form.o_rma_portal_request_form")
    form.locator("tr[data-line-id='%d'] input" % shop["line"]).fill("1")
    form.locator("select[name='reason_id']").select_option(label="Defective")
    form.locator("select[name='operation_id']").select_option(label="Replace")
    form.locator("textarea[name='comment']").fill("The shade arrived cracked.")
    photo = tmp_path / "cracked-shade.png"
    photo.write_bytes(PHOTO)
    form.locator("input[name='attachments']").set_input_files(str(photo))
    customer.screenshot(docs / "portal-request.png")
    customer.click(form.locator("button.o_rma_portal_submit"))
    assert "was sent to our returns desk" in page.inner_text(".o_rma_portal_requested")
    rma_id = int(page.url.split("/my/returns/")[1].split("?")[0])
    rma = admin("rma.order", "read", [rma_id], ["name", "state", "portal_requested", "user_id"])[0]
    assert (rma["state"], rma["portal_requested"]) == ("draft", True)
    assert rma["name"] in page.inner_text(".o_rma_portal_page h4")
    assert admin("ir.attachment", "search_read", [("res_model", "=", "rma.order"), ("res_id", "=", rma_id)],
                 ["name"])[0]["name"] == "cracked-shade.png"

    # the returns desk confirms and approves it; the customer sees where it stands
    admin("rma.order", "action_confirm", [rma_id])
    if admin("rma.order", "read", [rma_id], ["state"])[0]["state"] == "to_approve":
        admin("rma.order", "action_approve", [rma_id])
    page.goto("%s/my/returns/%d" % (server.url, rma_id))
    customer.wait_idle()
    assert page.inner_text(".o_rma_portal_steps li.active").strip() == "Pending Receipt"
    page.locator("#discussion .o_portal_chatter_messages").wait_for()
    customer.screenshot(docs / "portal-return.png")
    with page.expect_download() as download:
        page.click("a.o_rma_portal_download")
    assert download.value.path().read_bytes().startswith(b"%PDF-")
    page.goto("%s/my/returns" % server.url)
    customer.wait_idle()
    assert rma["name"] in page.inner_text(".o_rma_portal_list")
    customer.screenshot(docs / "portal-returns.png")
