"""Approval runs on every path: the request date, credit prices, lines
without origin and the approval amount; an RMA is never created approved."""
from datetime import date, timedelta

from rma_test_helpers import return_type

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import RmaCase


def days_ago(days):
    return fields.Date.to_string(date.today() - timedelta(days=days))


def shown(day):
    """``day`` as messages show it to an English user."""
    return fields.Date.from_string(day).strftime("%m/%d/%Y")


class TestRequestDate(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([(self.product, 4, 100.0, 0.0)])

    def test_backdated_request_needs_approval(self):
        self._backdate(self.order, 45)
        rma = self._rma_from_order(self.order, {self.product: 1})
        # dated back into the window: 25 days after delivery
        rma.date = days_ago(20)
        self.assertFalse(rma.line_ids.out_of_window)
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual(rma.state, "to_approve")
        self.assertEqual(
            rma.approval_reason, "The request is dated 20 days before it was entered (%s)." % shown(days_ago(20)),
        )

    def test_backdating_within_the_tolerance(self):
        self._backdate(self.order, 45)
        self.company.rma_backdate_tolerance = 20
        rma = self._rma_from_order(self.order, {self.product: 1})
        rma.date = days_ago(20)
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual((rma.state, rma.approval_reason), ("approved", False))

    def test_request_in_the_future_refused(self):
        before = self.env["rma.order"].search_count([])
        with self.assertRaisesRegex(ValidationError, r"The request date of RMA/.* \(%s\) is in the future"
                                    % shown(days_ago(-1))), self.env.cr.savepoint():
            self._rma_from_order(self.order, {self.product: 1}).write({"date": days_ago(-1)})
        self.assertEqual(self.env["rma.order"].search_count([]), before)

    def test_request_before_the_delivery_refused(self):
        self._backdate(self.order, 10)
        rma = self._rma_from_order(self.order, {self.product: 1})
        with self.assertRaisesRegex(ValidationError, "is dated %s, before Widget reached the customer"
                                    % shown(days_ago(30))), self.env.cr.savepoint():
            rma.write({"date": days_ago(30)})
        rma.invalidate_cache()
        self.assertEqual(rma.date, fields.Date.context_today(rma))

    def test_confirming_a_request_dated_before_its_delivery_refused(self):
        self._backdate(self.order, 10)
        rma = self.env["rma.order"].create({"partner_id": self.customer.id, "date": days_ago(30)})
        line_values = self.env["rma.order.line"]._prepare_from_sale_line(self.order.order_line)
        rma.write({"line_ids": [(0, 0, dict(line_values, product_uom_qty=1, reason_id=self.reason.id))]})
        with self.assertRaisesRegex(ValidationError, "is dated %s, before Widget reached the customer"
                                    % shown(days_ago(30))):
            rma.action_confirm()
        self.assertEqual((rma.state, rma.line_ids.state), ("draft", "draft"))


class TestCreditPricesAndAmounts(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([(self.product, 4, 100.0, 0.0), (self.product_2, 4, 40.0, 0.0)])

    def test_negative_credit_price_refused(self):
        rma = self._rma_from_order(self.order, {self.product: 2})
        for values in ({"price_unit": -50.0}, {"price_unit": -0.01}):
            with self.assertRaisesRegex(ValidationError, "The credit price of Widget cannot be negative"), \
                    self.env.cr.savepoint():
                rma.line_ids.write(values)
        rma.invalidate_cache()
        self.assertEqual((rma.line_ids.price_unit, rma.amount_total), (100.0, 240.0))
        count = self.env["rma.order.line"].search_count([])
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            rma.write({"line_ids": [(0, 0, {"product_id": self.product_2.id, "sale_line_id": False,
                                             "price_unit": -1000.0, "reason_id": self.reason.id})]})
        self.assertEqual(self.env["rma.order.line"].search_count([]), count)

    def test_a_line_lowering_the_total_does_not_skip_the_amount_rule(self):
        self.company.rma_approval_amount = 150.0
        rebate = self.env["account.tax"].create({
            "name": "RMA test rebate -90%", "amount": -90.0, "amount_type": "percent", "type_tax_use": "sale",
        })
        rma = self._rma_from_order(self.order, {self.product: 2})
        rma.line_ids.tax_ids = rebate
        self.assertEqual(rma.amount_total, 20.0, "2 x 100 less 90 %")
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual(rma.state, "to_approve")
        self.assertIn("The total 200.0", rma.approval_reason)


class TestLinesWithoutOrigin(RmaCase):

    def test_credit_without_origin_needs_a_manager(self):
        rma = self._rma([{"product_id": self.product.id, "price_unit": 100.0, "product_uom_qty": 10000000,
                          "operation_id": return_type(self.env, "credit_only").id}])
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual(rma.state, "to_approve")
        self.assertEqual(
            rma.approval_reason,
            "Widget does not come from a sales order: returns without origin need a manager's approval.",
        )

    def test_category_may_allow_lines_without_origin(self):
        category = self.env["rma.category"].create({"name": "Samples", "allow_without_origin": True})
        rma = self._rma([{"product_id": self.product.id, "price_unit": 10.0}], category_id=category.id)
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual((rma.state, rma.approval_reason), ("approved", False))

    def test_lines_with_origin_need_no_manager(self):
        order = self._sale_order([(self.product, 1, 100.0, 0.0)])
        rma = self._rma_from_order(order)
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual(rma.state, "approved")


class TestNeverCreatedApproved(RmaCase):

    def test_create_with_a_state_refused(self):
        rmas, lines = self.env["rma.order"], self.env["rma.order.line"]
        count = (rmas.search_count([]), lines.search_count([]))
        values = {"partner_id": self.customer.id, "line_ids": [(0, 0, {
            "product_id": self.product.id, "price_unit": 10.0, "reason_id": self.reason.id,
        })]}
        for user in (self.rma_user, self.rma_manager):
            for extra in ({"state": "approved"}, {"approved_user_id": user.id}, {"status": "done"},
                          {"amount_total": 0.0}, {"amount_total": 1.0}):
                with self.assertRaisesRegex(UserError, "set by the returns workflow only"), self.env.cr.savepoint():
                    rmas.sudo(user).create(dict(values, **extra))
            with self.assertRaisesRegex(UserError, "State of RMA Line are set by the returns workflow only"), \
                    self.env.cr.savepoint():
                rmas.sudo(user).create(dict(values, line_ids=[(0, 0, dict(values["line_ids"][0][2], state="done"))]))
        self.assertEqual((rmas.search_count([]), lines.search_count([])), count)

    def test_context_defaults_do_not_set_the_state(self):
        rma = self.env["rma.order"].sudo(self.rma_user).with_context(
            default_state="approved", default_approved_user_id=self.rma_user.id,
        ).create({"partner_id": self.customer.id, "line_ids": [(0, 0, {
            "product_id": self.product.id, "price_unit": 10.0, "reason_id": self.reason.id,
        })]})
        self.assertEqual((rma.state, rma.line_ids.state, rma.approved_user_id.id), ("draft", "draft", False))
