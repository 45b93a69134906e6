"""A customer's return request from the portal, on the server: the back end's
rules (returnable products and quantities, the customer's own order, the
outcomes offered on the portal), a draft RMA marked as requested, the
customer's message and files, and a to-do for the returns desk. Refusals
write nothing."""
from rma_test_helpers import return_type
from test_rma_management.common import RmaCase

from odoo.exceptions import AccessError, UserError


class TestPortalRequest(RmaCase):

    def setUp(self):
        super().setUp()
        self.customer.write({"is_company": True})
        self.contact = self.env["res.partner"].create({
            "name": "Portal Buyer", "parent_id": self.customer.id, "email": "buyer@example.com"})
        self.portal_user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Portal Buyer", "login": "rma.portal.request", "partner_id": self.contact.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
        })
        self.salesman = self._user("portal_salesman", "rma_management.group_rma_user")
        self.order = self._sale_order([(self.product, 5, 100.0, 0.0), (self.product_2, 2, 40.0, 0.0)],
                                      user_id=self.salesman.id)
        self.widget_line, self.gizmo_line = self.order.order_line
        self.Rma = self.env["rma.order"].sudo(self.portal_user)

    def _request(self, quantities, operation="refund", order=None, **values):
        return self.Rma._create_portal_request(
            (order or self.order).id, {line.id: qty for line, qty in quantities.items()},
            values.pop("reason_id", self.reason.id), return_type(self.env, operation).id, **values)

    def assertNothingWritten(self, call, exception, message):
        counts = [self.env[model].search_count([]) for model in ("rma.order", "mail.activity", "ir.attachment")]
        with self.assertRaisesRegex(exception, message):
            call()
        self.assertEqual(
            [self.env[model].search_count([]) for model in ("rma.order", "mail.activity", "ir.attachment")], counts)

    def test_request_makes_a_draft_rma_for_the_desk(self):
        rma = self._request({self.widget_line: 2}, comment="The lid is <b>cracked</b>",
                            files=[("lid.jpg", b"\xff\xd8 not really a photo")])
        self.assertEqual((rma.state, rma.portal_requested, rma.partner_id), ("draft", True, self.customer))
        self.assertEqual(rma.user_id, self.salesman, "the order's salesperson handles it")
        line = rma.line_ids
        self.assertEqual((line.sale_line_id, line.product_uom_qty, line.price_unit, line.operation_id.code),
                         (self.widget_line, 2.0, 100.0, "refund"))
        self.assertEqual(rma.amount_total, 240.0)
        self.assertEqual(rma.customer_note, "The lid is <b>cracked</b>")
        message = rma.message_ids.filtered(lambda message: message.author_id == self.contact)
        self.assertIn("The lid is &lt;b&gt;cracked&lt;/b&gt;", message.body, "the comment is escaped")
        self.assertEqual(message.attachment_ids.mapped("name"), ["lid.jpg"])
        activity = rma.activity_ids
        self.assertEqual((activity.activity_type_id.name, activity.user_id), ("RMA Request", self.salesman))
        # the desk confirms it as any other RMA
        rma.sudo(self.salesman).action_confirm()
        self.assertIn(rma.state, ("to_approve", "approved"))

    def test_requests_follow_the_back_end_rules(self):
        self._request({self.widget_line: 4})
        self.assertNothingWritten(lambda: self._request({self.widget_line: 2}), UserError,
                                  "Only 1.0 Unit\\(s\\) can come back")
        self.assertNothingWritten(lambda: self._request({self.gizmo_line: -1}), UserError, "cannot be negative")
        self.assertNothingWritten(lambda: self._request({self.gizmo_line: 0}), UserError, "at least one product")
        self.assertNothingWritten(lambda: self._request({self.gizmo_line: 1}, reason_id=0), UserError,
                                  "Choose the reason")
        self.assertNothingWritten(lambda: self._request({self.gizmo_line: 1}, operation="credit_only"), UserError,
                                  "This outcome cannot be requested here")
        # what the company offers on the portal is data: a type allowed there can be asked for
        return_type(self.env, "credit_only").write({"portal_allowed": True})
        self.assertEqual(self._request({self.gizmo_line: 1}, operation="credit_only").line_ids.operation_id,
                         return_type(self.env, "credit_only"))
        self.env["ir.config_parameter"].sudo().set_param("rma_management_portal.max_upload_mb", "0.001")
        self.assertNothingWritten(
            lambda: self._request({self.gizmo_line: 1}, files=[("big.jpg", b"x" * 2000)]), UserError,
            "big.jpg is too large")

    def test_another_customers_order_or_line_is_refused(self):
        other_order = self._sale_order([(self.product, 3, 100.0, 0.0)], partner=self.other_customer)
        self.assertNothingWritten(lambda: self._request({other_order.order_line: 1}, order=other_order),
                                  AccessError, "This order is not one of yours")
        # a line of another order slipped into the form of one's own order
        self.assertNothingWritten(lambda: self._request({other_order.order_line: 1}), AccessError,
                                  "These products are not on your order")

    def test_the_form_lists_what_can_still_come_back(self):
        self._request({self.widget_line: 3})
        lines = self.env["rma.order"].sudo()._get_portal_return_lines(self.order)
        by_product = {line["sale_line"].product_id: line for line in lines}
        self.assertEqual((by_product[self.product]["qty_delivered"], by_product[self.product]["qty_returnable"]),
                         (5.0, 2.0))
        self.assertTrue(by_product[self.product]["deadline"], "the last day of the return window")
        self.assertFalse(by_product[self.product]["refusal"])
        self.product_2.product_tmpl_id.write({"rma_returnable": False})
        lines = self.env["rma.order"].sudo()._get_portal_return_lines(self.order)
        gizmo = next(line for line in lines if line["sale_line"] == self.gizmo_line)
        self.assertEqual((gizmo["qty_returnable"], gizmo["refusal"]), (0.0, "Not returnable."))
