"""Return policies, approval rules, the approval workflow and its locks."""
from datetime import date, timedelta

from rma_test_helpers import return_type

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import RmaCase


def days_ago(days):
    return fields.Datetime.to_string(fields.Datetime.from_string(fields.Datetime.now()) - timedelta(days=days))


class TestRmaPolicy(RmaCase):

    def _late_order(self, days, product=None, partner=None):
        order = self._sale_order([(product or self.product, 2, 100.0, 0.0)], partner=partner)
        self._backdate(order, days)
        return order

    def _deadline(self, order):
        rma = self._rma_from_order(order, {order.order_line.product_id: 1})
        return rma.line_ids.return_deadline, rma

    def assertOutOfWindow(self, rma, expected, message):
        rma.invalidate_cache()
        self.assertEqual(rma.line_ids.out_of_window, expected, message)

    def test_default_policy_window(self):
        order = self._late_order(10)
        deadline, rma = self._deadline(order)
        expected = fields.Date.from_string(order.confirmation_date[:10]) + timedelta(days=30)
        self.assertEqual(deadline, fields.Date.to_string(expected))
        self.assertFalse(rma.line_ids.out_of_window)

    def test_most_specific_rule_wins(self):
        rma = self._deadline(self._late_order(45))[1]
        self.assertOutOfWindow(rma, True, "30 days by default")
        overrides = self.env["rma.return.policy.line"]
        overrides.create({"policy_id": self.policy.id, "categ_id": self.category.id, "window_days": 60})
        self.assertOutOfWindow(rma, False, "60 days for the parent category")
        overrides.create({"policy_id": self.policy.id, "categ_id": self.sub_category.id, "window_days": 40})
        self.assertOutOfWindow(rma, True, "40 days for the nearer category")
        overrides.create({"policy_id": self.policy.id, "product_id": self.product.id, "window_days": 90})
        self.assertOutOfWindow(rma, False, "90 days for the product itself")

    def test_customer_policy_beats_default(self):
        order = self._late_order(45)
        generous = self.env["rma.return.policy"].create({"name": "VIP", "window_days": 60})
        self.customer.rma_return_policy_id = generous
        self.assertFalse(self._deadline(order)[1].line_ids.out_of_window)

    def test_contact_uses_its_company_policy(self):
        strict = self.env["rma.return.policy"].create({"name": "Strict", "window_days": 5})
        self.customer.rma_return_policy_id = strict
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        order = self._late_order(10, partner=contact)
        self.assertTrue(self._deadline(order)[1].line_ids.out_of_window)

    def test_window_counts_to_the_request_date(self):
        order = self._late_order(45)
        rma = self._rma_from_order(order, {self.product: 1})
        self.assertTrue(rma.line_ids.out_of_window)
        rma.date = fields.Date.to_string(date.today() - timedelta(days=20))
        self.assertFalse(rma.line_ids.out_of_window, "requested 25 days after delivery")
        self.company.rma_backdate_tolerance = 20  # else dating it back needs a manager
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")

    def test_without_any_policy_no_window(self):
        self.policy.is_default = False
        deadline, rma = self._deadline(self._late_order(400))
        self.assertFalse(deadline)
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")

    def test_single_default_policy_per_company(self):
        with self.assertRaisesRegex(Exception, "only one default return policy"), self.env.cr.savepoint():
            self.env["rma.return.policy"].create({"name": "Second default", "is_default": True})

    def test_override_needs_product_or_category(self):
        with self.assertRaisesRegex(Exception, "either a product or a product category"), self.env.cr.savepoint():
            self.env["rma.return.policy.line"].create({"policy_id": self.policy.id, "window_days": 3})


class TestRmaApproval(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([(self.product, 10, 100.0, 0.0), (self.product_2, 5, 40.0, 0.0)])

    def _confirmed(self, quantities=None, **values):
        rma = self._rma_from_order(self.order, quantities or {self.product: 2}, **values)
        rma.sudo(self.rma_user).action_confirm()
        return rma

    def test_within_policy_straight_to_approved(self):
        rma = self._confirmed()
        self.assertEqual(rma.state, "approved")
        self.assertNotIn(rma.status, ("draft", "to_approve"), "the warehouse and accounting addons refine it")
        self.assertEqual(set(rma.line_ids.mapped("state")), {"approved"})
        self.assertEqual(rma.approved_user_id, self.rma_user)
        self.assertFalse(rma.approval_reason)

    def test_outside_window_needs_approval(self):
        self._backdate(self.order, 45)
        rma = self._confirmed()
        self.assertEqual((rma.state, rma.status), ("to_approve", "to_approve"))
        self.assertIn("Widget is outside its return window (returnable until", rma.approval_reason)
        self.assertIn("Approval required", rma.message_ids[0].body)

    def test_category_requires_approval(self):
        category = self.env["rma.category"].create({"name": "Warranty", "approval_required": True})
        rma = self._confirmed(category_id=category.id)
        self.assertEqual(rma.state, "to_approve")
        self.assertEqual(rma.approval_reason, "The category Warranty requires approval.")

    def test_amount_above_limit_needs_approval(self):
        self.company.rma_approval_amount = 1000.0
        small = self._confirmed({self.product: 8})  # 8 x 100 + 20% = 960
        self.assertEqual(small.state, "approved")
        large = self._confirmed({self.product: 1, self.product_2: 1})  # 120 + 48 = 168, total so far fine
        self.assertEqual(large.state, "approved")
        self.company.rma_approval_amount = 150.0
        over = self._confirmed({self.product_2: 4})  # 4 x 40 x 1.2 = 192
        self.assertEqual(over.state, "to_approve")
        self.assertIn("The total 192.0", over.approval_reason)
        self.assertIn("exceeds the approval amount of 150.0", over.approval_reason)

    def test_user_cannot_approve_manager_can(self):
        category = self.env["rma.category"].create({"name": "Warranty", "approval_required": True})
        rma = self._confirmed(category_id=category.id)
        with self.assertRaisesRegex(AccessError, "Only RMA managers can approve returns"):
            rma.sudo(self.rma_user).action_approve()
        self.assertEqual(rma.state, "to_approve")
        with self.assertRaises(AccessError):
            rma.sudo(self.rma_user).with_context(rma_workflow=True)._action_reject("no")
        rma.sudo(self.rma_manager).action_approve()
        self.assertEqual((rma.state, rma.approved_user_id), ("approved", self.rma_manager))

    def test_approve_only_pending(self):
        rma = self._rma_from_order(self.order, {self.product: 1})
        with self.assertRaisesRegex(UserError, "is not waiting for approval"):
            rma.sudo(self.rma_manager).action_approve()
        self.assertEqual(rma.state, "draft")

    def test_reject_needs_a_reason(self):
        category = self.env["rma.category"].create({"name": "Warranty", "approval_required": True})
        rma = self._confirmed(category_id=category.id)
        wizard = self.env["rma.reject"].sudo(self.rma_manager).create({"rma_ids": [(6, 0, rma.ids)], "reason": " "})
        with self.assertRaisesRegex(UserError, "Give the reason for rejecting the return"):
            wizard.action_reject()
        self.assertEqual(rma.state, "to_approve")
        self.env["rma.reject"].sudo(self.rma_manager).create({
            "rma_ids": [(6, 0, rma.ids)], "reason": "Warranty expired",
        }).action_reject()
        self.assertEqual((rma.state, rma.status, rma.rejection_reason), ("cancel", "rejected", "Warranty expired"))

    def test_back_to_draft_while_pending(self):
        category = self.env["rma.category"].create({"name": "Warranty", "approval_required": True})
        rma = self._confirmed(category_id=category.id)
        rma.action_draft()
        self.assertEqual((rma.state, rma.approval_reason), ("draft", False))
        rma.line_ids.product_uom_qty = 3
        self.assertEqual(rma.line_ids.product_uom_qty, 3)

    def test_confirm_needs_lines(self):
        rma = self.env["rma.order"].create({"partner_id": self.customer.id})
        with self.assertRaisesRegex(UserError, "Add at least one line"):
            rma.action_confirm()
        self.assertEqual(rma.state, "draft")

    def test_locked_once_approved(self):
        rma = self._confirmed()
        line = rma.line_ids
        for values, message in [
            ({"partner_id": self.other_customer.id}, "Customer of RMA/.* can no longer be changed"),
            ({"line_ids": [(0, 0, {"product_id": self.product_2.id, "reason_id": self.reason.id})]},
             "Lines cannot be added to or removed from"),
            ({"line_ids": [(2, line.id)]}, "Lines cannot be added to or removed from"),
            ({"line_ids": [(1, line.id, {"product_uom_qty": 1})]}, "authorized quantity, price and outcome"),
            ({"line_ids": [(1, line.id, {"price_unit": 1.0})]}, "authorized quantity, price and outcome"),
            ({"line_ids": [(1, line.id, {"operation_id": return_type(self.env, "replace").id})]},
             "authorized quantity, price and outcome"),
            ({"date": "2020-01-01"}, "Date of RMA/.* can no longer be changed"),
        ]:
            with self.assertRaisesRegex(UserError, message), self.env.cr.savepoint():
                rma.write(values)
        with self.assertRaisesRegex(UserError, "Only lines of draft RMAs can be deleted"):
            line.unlink()
        draft_line = self._rma_from_order(self.order, {self.product: 1}).line_ids
        with self.assertRaisesRegex(UserError, "Lines cannot be added to or removed from"), self.env.cr.savepoint():
            draft_line.rma_id = rma
        self.assertEqual((rma.partner_id, line.product_uom_qty, len(rma.line_ids)), (self.customer, 2, 1))
        rma.write({"customer_note": "Ship it back in its box", "user_id": self.rma_manager.id})
        self.assertEqual(rma.customer_note, "Ship it back in its box")

    def test_state_only_through_actions(self):
        rma = self._rma_from_order(self.order, {self.product: 1})
        # what an RPC caller can send: any JSON value in the context
        for context in ({}, {"rma_workflow": True}, {"rma_workflow": "1"}):
            as_user = rma.sudo(self.rma_user).with_context(**context)
            for values in ({"state": "approved"}, {"approved_user_id": self.rma_user.id},
                           {"approval_reason": False}, {"rejection_reason": "Too late"}):
                with self.assertRaisesRegex(UserError, "set by the returns workflow only"), self.env.cr.savepoint():
                    as_user.write(values)
            with self.assertRaisesRegex(UserError, "State of RMA Line are set by the returns workflow only"):
                as_user.line_ids.write({"state": "approved"})
        self.assertEqual((rma.state, rma.line_ids.state), ("draft", "draft"))
        self.assertFalse(rma.approved_user_id or rma.rejection_reason)

    def test_cancel_is_irreversible(self):
        rma = self._confirmed()
        rma.action_cancel()
        self.assertEqual((rma.state, rma.status), ("cancel", "cancel"))
        self.assertEqual(rma.line_ids.state, "cancel")
        with self.assertRaisesRegex(UserError, "already resolved or cancelled"):
            rma.action_cancel()
        with self.assertRaisesRegex(UserError, "is not waiting for approval"):
            rma.sudo(self.rma_manager).action_approve()
        with self.assertRaisesRegex(UserError, "Only RMAs pending approval"):
            rma.action_draft()
        with self.assertRaisesRegex(UserError, "A cancelled RMA cannot be modified"):
            rma.write({"customer_reference": "again"})
        with self.assertRaisesRegex(UserError, "A cancelled RMA line cannot be modified"):
            rma.line_ids.write({"price_unit": 1.0})
        with self.assertRaisesRegex(UserError, "Only draft RMAs can be confirmed"):
            rma.action_confirm()
        self.assertEqual(rma.state, "cancel")
        rma.write({"internal_note": "Customer changed their mind"})

    def test_cancel_single_line(self):
        # credit only: no receipt keeps it from being resolved by hand, whichever addons are installed
        rma = self._confirmed({self.product: 2, self.product_2: 1},
                              rma_operation_id=return_type(self.env, "credit_only").id)
        gizmo = rma.line_ids.filtered(lambda line: line.product_id == self.product_2)
        gizmo.action_cancel()
        self.assertEqual(gizmo.state, "cancel")
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.amount_untaxed, 200.0)
        self.assertIn("Line cancelled: 1.000 Unit(s) of Gizmo", rma.message_ids[0].body)
        rma.action_done()
        self.assertEqual(gizmo.state, "cancel", "a cancelled line stays cancelled")
        self.assertEqual(rma.line_ids.filtered(lambda line: line.product_id == self.product).state, "done")

    def test_resolve_only_approved(self):
        rma = self._rma_from_order(self.order, {self.product: 1},
                                   rma_operation_id=return_type(self.env, "credit_only").id)
        with self.assertRaisesRegex(UserError, "Only approved RMAs can be resolved"):
            rma.action_done()
        rma.action_confirm()
        rma.action_done()
        self.assertEqual((rma.state, rma.status), ("done", "done"))

    def test_acknowledge(self):
        rma = self._rma_from_order(self.order, {self.product: 1})
        rma.sudo(self.rma_user).action_acknowledge()
        self.assertEqual(rma.acknowledged_user_id, self.rma_user)
        self.assertTrue(rma.acknowledged_date)

    def test_delete_only_draft_or_cancelled(self):
        rma = self._confirmed()
        with self.assertRaisesRegex(UserError, "Only draft or cancelled RMAs can be deleted"):
            rma.unlink()
        rma.action_cancel()
        rma.unlink()
        self.assertFalse(rma.exists())

    def test_archive_old_rmas(self):
        self._backdate(self.order, 3000)
        old, old_cancelled, recent, still_open = [
            self._rma_from_order(self.order, {self.product: 1},
                                 rma_operation_id=return_type(self.env, "credit_only").id) for _i in range(4)
        ]
        (old | old_cancelled | still_open).write({"date": "2020-01-15"})
        (old | old_cancelled | recent | still_open).action_confirm()
        (old | recent).sudo(self.rma_manager).filtered(lambda rma: rma.state == "to_approve").action_approve()
        (old | recent).action_done()
        old_cancelled.action_cancel()
        wizard = self.env["rma.archive"].sudo(self.rma_manager).create({"date": "2021-01-01"})
        action = wizard.action_archive()
        self.assertEqual(set(action["domain"][0][2]), set((old | old_cancelled).ids))
        self.assertEqual((old | old_cancelled).mapped("active"), [False, False])
        self.assertTrue(recent.active and still_open.active)
        hidden = self.env["rma.order"].search([("id", "in", (old | recent).ids)])
        self.assertEqual(hidden, recent)
        with self.assertRaisesRegex(AccessError, "Only RMA managers can archive"):
            self.env["rma.archive"].sudo(self.rma_user).create({"date": str(date.today())}).action_archive()


class TestRmaHistory(RmaCase):

    def test_customer_change_must_match_the_origin_orders(self):
        order = self._sale_order([(self.product, 10, 100.0, 0.0)])
        rma = self._rma_from_order(order, {self.product: 3})
        with self.assertRaisesRegex(Exception, "belongs to Returning Customer, not to the customer of"), \
                self.env.cr.savepoint():
            rma.write({"partner_id": self.other_customer.id})
        rma.invalidate_cache()
        self.assertEqual(rma.partner_id, self.customer)

    def test_chatter_is_the_change_history(self):
        order = self._sale_order([(self.product, 10, 100.0, 0.0)])
        rma = self._rma_from_order(order, {self.product: 3})
        rma.line_ids.write({"product_uom_qty": 4, "price_unit": 95.0})
        self.assertIn(
            "Line changed: 3.000 Unit(s) of Widget at 100.0 (Refund, Broken on arrival) → "
            "4.000 Unit(s) of Widget at 95.0 (Refund, Broken on arrival)",
            rma.message_ids[0].body,
        )
        rma.write({"line_ids": [(0, 0, {"product_id": self.product_2.id, "reason_id": self.reason.id,
                                         "price_unit": 10.0})]})
        self.assertIn("Line added: 1.000 Unit(s) of Gizmo at 10.0", "".join(rma.message_ids.mapped("body")))
        buyer = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        rma.write({"partner_id": buyer.id})
        tracked = rma.message_ids.mapped("tracking_value_ids").filtered(
            lambda value: value.field == "partner_id"
        ).sorted("id")[-1]
        self.assertEqual(
            (tracked.old_value_char, tracked.new_value_char), ("Returning Customer", "Returning Customer, Buyer"),
        )
        rma.action_confirm()
        rma.action_approve()  # the added line comes from no sales order
        states = rma.message_ids.mapped("tracking_value_ids").filtered(lambda value: value.field == "state")
        self.assertEqual(states[0].new_value_char, "Approved")
