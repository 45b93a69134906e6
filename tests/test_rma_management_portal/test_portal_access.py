"""What a portal user may read of returns, on the server: the record rules and
the fields kept from them, whatever page or RPC call asks."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestPortalAccess(TransactionCase):

    def setUp(self):
        super().setUp()
        self.customer = self.env["res.partner"].create({"name": "Portal Company", "is_company": True})
        self.contact = self.env["res.partner"].create({"name": "Portal Buyer", "parent_id": self.customer.id})
        self.other = self.env["res.partner"].create({"name": "Other Company", "is_company": True})
        self.portal_user = self.env["res.users"].create({
            "name": "Portal Buyer", "login": "rma.portal.buyer", "partner_id": self.contact.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
        })
        product = self.env["product.product"].create({"name": "Portal Widget", "list_price": 30.0})
        reason = self.env["rma.reason"].create({"name": "Portal reason"})
        self.own, self.foreign = [self.env["rma.order"].create({
            "partner_id": partner.id, "internal_note": "Margin too thin, do not tell", "customer_note": "Pack it well",
            "line_ids": [(0, 0, {"product_id": product.id, "product_uom_qty": 2, "price_unit": 30.0,
                                 "reason_id": reason.id})],
        }) for partner in (self.customer, self.other)]

    def test_portal_user_reads_the_returns_of_the_own_company_only(self):
        Rma = self.env["rma.order"].sudo(self.portal_user)
        self.assertEqual(Rma.search([]), self.own)
        self.assertEqual(self.env["rma.order.line"].sudo(self.portal_user).search([]), self.own.line_ids)
        self.assertEqual(Rma.browse(self.own.id).read(["name", "customer_note", "amount_total"])[0]["amount_total"],
                         60.0)
        with self.assertRaises(AccessError):
            Rma.browse(self.foreign.id).read(["name"])
        with self.assertRaises(AccessError):
            Rma.browse(self.own.id).write({"customer_note": "Changed by the customer"})
        self.assertEqual(self.own.customer_note, "Pack it well")

    def test_internal_note_and_token_are_never_sent_to_portal_users(self):
        own = self.env["rma.order"].sudo(self.portal_user).browse(self.own.id)
        for field in ("internal_note", "access_token"):
            with self.assertRaises(AccessError):
                own.read([field])
        self.assertNotIn("internal_note", own.fields_get())

    def test_each_return_has_its_own_share_token(self):
        tokens = (self.own | self.foreign).mapped("access_token")
        self.assertEqual(len(set(tokens)), 2)
        self.assertTrue(all(len(token) == 36 for token in tokens))
        self.assertFalse(self.own.copy().access_token == self.own.access_token)

    def test_links_open_the_portal_page_for_customers_and_the_form_for_the_desk(self):
        action = self.own.get_access_action(access_uid=self.portal_user.id)
        self.assertEqual((action["type"], action["url"]), ("ir.actions.act_url", "/my/returns/%d" % self.own.id))
        self.assertNotEqual(self.own.get_access_action()["type"], "ir.actions.act_url")
        self.assertNotEqual(self.foreign.get_access_action(access_uid=self.portal_user.id)["type"],
                            "ir.actions.act_url")
        self.assertEqual(self.own.action_view_portal()["url"], "/my/returns/%d" % self.own.id)

    def test_status_steps_follow_the_process(self):
        self.assertEqual(self.own._get_portal_steps(), [
            ("Draft", False, True), ("Approved", False, False), ("Resolved", False, False)])
        self.own.action_confirm()  # no sales order: it needs approval
        self.assertEqual(self.own.state, "to_approve")
        self.assertEqual([label for label, _passed, _current in self.own._get_portal_steps()],
                         ["Draft", "Pending Approval", "Approved", "Resolved"])
        self.assertEqual([current for _label, _passed, current in self.own._get_portal_steps()],
                         [False, True, False, False])

    def test_demo_portal_customer_has_a_delivered_order_to_return(self):
        user = self.env.ref("base.demo_user0")
        order = self.env.ref("rma_management_stock.rma_demo_portal_order")
        self.assertEqual((user.login, order.partner_id), ("portal", user.partner_id))
        self.assertEqual(self.env["rma.order"].sudo(user)._get_portal_order(order.id), order, "the user's own")
        lines = self.env["rma.order"].sudo()._get_portal_return_lines(order)
        self.assertEqual([(line["qty_delivered"], line["qty_returnable"]) for line in lines], [(4.0, 4.0)])
