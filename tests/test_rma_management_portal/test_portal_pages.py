"""My Returns served by a real server: a portal user logged in over HTTP sees
the list and the page of the own company's returns, downloads the Return
Authorization, and is sent away from other customers' returns; a share link
opens a page without an account."""
import re

import pytest
import requests
from rma_test_server import JsonRpc, deliver_and_invoice, serving_template_copy


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """A server, two customers with a confirmed return each, and the first one's portal user logged in."""
    with serving_template_copy("portal", tmp_path_factory.mktemp("portal"), "--workers=0",
                               "--max-cron-threads=0") as server:
        admin = JsonRpc(server, "admin", "admin")
        product = admin("product.product", "create", {"name": "Portal Lamp", "list_price": 25.0,
                                                      "taxes_id": [(6, 0, [])]})
        rmas = {}
        for name in ("Lamp Buyers Ltd", "Other Buyers Ltd"):
            partner = admin("res.partner", "create", {"name": name, "is_company": True,
                                                      "email": "%s@example.com" % name[:5].lower()})
            rma = admin("rma.order", "create", {
                "partner_id": partner, "customer_note": "Send it back in its box",
                "internal_note": "Known troublemaker",
                "line_ids": [(0, 0, {"product_id": product, "product_uom_qty": 2, "price_unit": 25.0,
                                     "tax_ids": [(6, 0, [])],
                                     "reason_id": admin.ref("rma_management.rma_reason_defective")})],
            })
            admin("rma.order", "action_confirm", [rma])
            rmas[name] = admin("rma.order", "read", [rma], ["name", "partner_id"])[0]
        own = rmas["Lamp Buyers Ltd"]
        contact = admin("res.partner", "create", {"name": "Lamp Buyer", "parent_id": own["partner_id"][0],
                                                  "email": "buyer@lamps.example.com"})
        admin("res.users", "create", {"name": "Lamp Buyer", "login": "lamp.buyer", "password": "lamp.buyer",
                                      "partner_id": contact,
                                      "groups_id": [(6, 0, [admin.ref("base.group_portal")])]})
        session = requests.Session()
        session.post(server.url + "/web/session/authenticate", json={"jsonrpc": "2.0", "params": {
            "db": server.database, "login": "lamp.buyer", "password": "lamp.buyer"}}, timeout=60).raise_for_status()
        yield server, admin, session, own, rmas["Other Buyers Ltd"]
        assert server.log_problems() == [], server.log_text()[-5000:]


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))


def test_my_home_counts_and_lists_the_own_returns(portal):
    server, _admin, session, own, other = portal
    home = session.get(server.url + "/my/home", timeout=60)
    assert re.search(r'<span class="badge">1</span>\s*<a href="/my/returns">Returns</a>', home.text)
    listing = session.get(server.url + "/my/returns", timeout=60)
    assert listing.status_code == 200
    assert own["name"] in listing.text and other["name"] not in listing.text
    assert "Pending Approval" in _text(listing) and "$ 50.00" in _text(listing)
    empty = session.get(server.url + "/my/returns?filterby=done", timeout=60)
    assert own["name"] not in empty.text and "There are currently no returns" in empty.text
    # an unknown filter or sorting falls back to the default instead of failing
    assert own["name"] in session.get(server.url + "/my/returns?filterby=x&sortby=y", timeout=60).text


def test_the_return_page_shows_what_the_customer_may_see(portal):
    server, _admin, session, own, _other = portal
    page = session.get(server.url + "/my/returns/%d" % own["id"], timeout=60)
    text = _text(page)
    assert page.status_code == 200 and own["name"] in text
    assert "Portal Lamp" in text and "Send it back in its box" in text
    assert "Known troublemaker" not in text, "never the internal note"
    assert re.search(r'<li class="active">\s*<strong>Pending Approval</strong>', page.text)
    pdf = session.get(server.url + "/my/returns/pdf/%d" % own["id"], timeout=120)
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")


def test_another_customers_return_is_refused(portal):
    server, admin, session, _own, other = portal
    for url in ("/my/returns/%d", "/my/returns/pdf/%d", "/my/returns/%d?access_token=forged"):
        response = session.get(server.url + url % other["id"], timeout=60, allow_redirects=False)
        assert response.status_code in (302, 303) and response.headers["Location"].endswith("/my"), url
    missing = session.get(server.url + "/my/returns/999999", timeout=60, allow_redirects=False)
    assert missing.status_code in (302, 303)
    assert admin("rma.order", "search_count", [("id", "=", other["id"])]) == 1


def test_a_share_link_opens_the_page_without_an_account(portal):
    server, admin, _session, _own, other = portal
    token = admin("rma.order", "read", [other["id"]], ["access_token"])[0]["access_token"]
    anonymous = requests.get(server.url + "/my/returns/%d?access_token=%s" % (other["id"], token), timeout=60)
    assert anonymous.status_code == 200 and other["name"] in anonymous.text
    assert "Known troublemaker" not in anonymous.text
    pdf = requests.get(server.url + "/my/returns/pdf/%d?access_token=%s" % (other["id"], token), timeout=120)
    assert pdf.content.startswith(b"%PDF-")


def test_messages_of_the_desk_reach_the_customer_not_its_internal_notes(portal):
    server, admin, session, own, _other = portal
    admin("rma.order", "message_post", [own["id"]], body="Your parcel label is attached.",
          message_type="comment", subtype="mail.mt_comment")
    admin("rma.order", "message_post", [own["id"]], body="Check the serial first.",
          message_type="comment", subtype="mail.mt_note")
    chatter = session.post(server.url + "/mail/chatter_init", json={"jsonrpc": "2.0", "params": {
        "res_model": "rma.order", "res_id": own["id"], "allow_composer": True}}, timeout=60).json()["result"]
    bodies = " ".join(message["body"] for message in chatter["messages"])
    assert "Your parcel label is attached." in bodies and "Check the serial first." not in bodies
    assert chatter["options"]["display_composer"]
    session.post(server.url + "/mail/chatter_post", data={
        "res_model": "rma.order", "res_id": own["id"], "message": "Thanks, parcel sent today.",
        "csrf_token": re.search(r'csrf_token: "([^"]+)"', session.get(
            server.url + "/my/returns/%d" % own["id"], timeout=60).text).group(1),
    }, headers={"Referer": server.url + "/my/returns/%d" % own["id"]}, timeout=60)
    messages = admin("mail.message", "search_read", [("model", "=", "rma.order"), ("res_id", "=", own["id"]),
                                                     ("body", "ilike", "parcel sent today")], ["author_id"])
    assert [message["author_id"][1] for message in messages] == ["Lamp Buyers Ltd, Lamp Buyer"], "as the customer"


def _delivered_order(admin, partner, quantity=3):
    product = admin("product.product", "create", {"name": "Portal Kettle", "type": "consu", "list_price": 40.0,
                                                  "taxes_id": [(6, 0, [])]})
    order = admin("sale.order", "create", {"partner_id": partner, "order_line": [(0, 0, {
        "product_id": product, "product_uom_qty": quantity, "tax_id": [(6, 0, [])]})]})
    deliver_and_invoice(admin, order)
    return order, admin("sale.order.line", "search", [("order_id", "=", order)])[0]


def _form(session, server, url):
    page = session.get(server.url + url, timeout=60)
    return page, re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_the_customer_requests_a_return_of_a_delivered_order(portal):
    server, admin, session, own, _other = portal
    order, line = _delivered_order(admin, own["partner_id"][0])
    assert "/my/orders/%d/return" % order in session.get(server.url + "/my/orders/%d" % order, timeout=60).text
    assert "/my/orders/%d/return" % order in session.get(server.url + "/my/returns/request", timeout=60).text
    form, csrf = _form(session, server, "/my/orders/%d/return" % order)
    assert "Portal Kettle" in form.text and 'name="qty_%d"' % line in form.text
    reason = admin.ref("rma_management.rma_reason_defective")
    sent = session.post(server.url + "/my/orders/%d/return" % order, data={
        "csrf_token": csrf, "qty_%d" % line: "1", "reason_id": reason,
        "operation_id": admin.ref("rma_management.rma_operation_replace"),
        "comment": "Whistle broken",
    }, files={"attachments": ("whistle.png", b"\x89PNG fake", "image/png")}, timeout=60)
    assert "?requested=1" in sent.url and "was sent to our returns desk" in sent.text
    rma_id = int(re.search(r"/my/returns/(\d+)", sent.url).group(1))
    rma = admin("rma.order", "read", [rma_id], ["state", "portal_requested", "partner_id", "message_ids"])[0]
    assert (rma["state"], rma["portal_requested"], rma["partner_id"][0]) == ("draft", True, own["partner_id"][0])
    lines = admin("rma.order.line", "search_read", [("rma_id", "=", rma_id)], ["product_uom_qty", "operation_id"])
    assert [(line_["product_uom_qty"], line_["operation_id"][1]) for line_ in lines] == [(1.0, "Replace")]
    photos = admin("ir.attachment", "search_read", [("res_model", "=", "rma.order"), ("res_id", "=", rma_id)],
                   ["name"])
    assert [photo["name"] for photo in photos] == ["whistle.png"]
    assert admin("rma.order", "read", [rma_id], ["name"])[0]["name"] in session.get(
        server.url + "/my/returns", timeout=60).text, "the request is in My Returns"


def test_a_bad_or_tampered_request_is_refused_on_the_form(portal):
    server, admin, session, own, other = portal
    order, line = _delivered_order(admin, own["partner_id"][0], quantity=2)
    other_order, other_line = _delivered_order(admin, other["partner_id"][0])
    before = admin("rma.order", "search_count", [])
    reason = admin.ref("rma_management.rma_reason_defective")
    refund = admin.ref("rma_management.rma_operation_refund")
    _page, csrf = _form(session, server, "/my/orders/%d/return" % order)
    url = server.url + "/my/orders/%d/return" % order
    for data, message in (
        ({"qty_%d" % line: "abc"}, "Quantities to return must be numbers: &quot;abc&quot; is not."),
        ({"qty_%d" % line: "nan"}, "Quantities to return must be numbers: &quot;nan&quot; is not."),
        ({"qty_%d" % line: "5"}, "Only 2.0 Unit(s) can come back."),
        ({"qty_%d" % line: "-1"}, "Quantities to return cannot be negative."),
        ({"qty_%d" % line: "1", "reason_id": ""}, "Choose the reason of the return."),
        ({"qty_%d" % line: "1", "operation_id": admin.ref("rma_management.rma_operation_credit_only")},
         "This outcome cannot be requested here"),
        ({"qty_%d" % line: "1", "operation_id": "refund"}, "This outcome cannot be requested here"),
    ):
        answer = session.post(url, data=dict({"csrf_token": csrf, "reason_id": reason, "operation_id": refund},
                                             **data), timeout=60)
        assert answer.status_code == 200 and message in answer.text, (data, _text(answer)[:2000])
        assert 'value="%s"' % data["qty_%d" % line] in answer.text, "what was typed is kept"
    tampered = session.post(url, data={"csrf_token": csrf, "reason_id": reason, "operation_id": refund,
                                       "qty_%d" % other_line: "1"}, timeout=60)
    assert tampered.status_code == 404
    foreign = session.get(server.url + "/my/orders/%d/return" % other_order, timeout=60)
    assert foreign.status_code == 404
    assert admin("rma.order", "search_count", []) == before, "nothing written"
