"""Holds: an RMA manager puts an RMA, or one of its lines, on hold with a
reason; nothing moves on it (confirm, approve) until the hold is released;
a category may hold its new RMAs."""
from odoo.exceptions import AccessError, UserError

from .common import RmaCase


class TestRmaHold(RmaCase):

    def setUp(self):
        super().setUp()
        self.dispute = self.env.ref("rma_management.rma_hold_reason_dispute")
        self.credit_check = self.env.ref("rma_management.rma_hold_reason_credit_check")
        self.order = self._sale_order([(self.product, 2, 100.0, 0.0), (self.product_2, 3, 40.0, 0.0)])
        self.rma = self._rma_from_order(self.order)

    def _hold(self, records, reason, note=False, user=None):
        """Put ``records`` on hold through the Put on Hold wizard, as ``user`` (the manager by default)."""
        records = records.sudo(user or self.rma_manager)
        action = records.action_hold_wizard()
        wizard = self.env["rma.hold.wizard"].sudo(user or self.rma_manager).with_context(
            action["context"]).create({"reason_id": reason.id, "note": note})
        return wizard.action_confirm()

    def _messages(self, rma):
        """The RMA's messages, the last one first."""
        rma.invalidate_cache(["message_ids"])
        return rma.message_ids.sorted("id", reverse=True)

    def test_hold_data_and_menu(self):
        names = self.env["rma.hold.reason"].search([]).mapped("name")
        for name in ("Customer dispute", "Credit check", "Quality investigation"):
            self.assertIn(name, names)
        menu = self.env.ref("rma_management.menu_rma_hold_reason")
        self.assertEqual(menu.parent_id, self.env.ref("rma_management.menu_rma_config"))
        self.assertEqual(menu.action.res_model, "rma.hold.reason")

    def test_manager_puts_rma_on_hold_and_releases_it(self):
        self.assertTrue(self._hold(self.rma, self.dispute, "  Customer contests the price  "))
        self.assertEqual(self.rma.hold_reason_id, self.dispute)
        self.assertEqual(self.rma.hold_user_id, self.rma_manager)
        self.assertEqual(self.rma.hold_note, "Customer contests the price")
        self.assertTrue(self.rma.hold_date)
        self.assertTrue(self.rma.on_hold)
        self.assertEqual(self.rma.line_ids.mapped("on_hold"), [True, True], "a held RMA holds all its lines")
        self.assertEqual(self.env["rma.order"].search([("on_hold", "=", True), ("id", "=", self.rma.id)]), self.rma)
        held = self._messages(self.rma)[0]
        self.assertEqual(held.author_id, self.rma_manager.partner_id, "told as the real manager")
        self.assertIn("%s put on hold by Rma Manager: Customer dispute." % self.rma.name, held.body)
        self.assertIn("Customer contests the price", held.body)

        with self.assertRaisesRegex(UserError, "already on hold \\(Customer dispute\\): release it first"):
            self._hold(self.rma, self.credit_check)

        self.assertTrue(self.rma.sudo(self.rma_manager).action_release_hold())
        self.assertFalse(self.rma.hold_reason_id or self.rma.hold_user_id or self.rma.hold_date or self.rma.hold_note)
        self.assertFalse(self.rma.on_hold)
        self.assertFalse(any(self.rma.line_ids.mapped("on_hold")))
        released = self._messages(self.rma)[0]
        self.assertEqual(released.author_id, self.rma_manager.partner_id)
        self.assertIn("Hold of %s released by Rma Manager (it was: Customer dispute)." % self.rma.name, released.body)
        self.rma.action_confirm()
        self.assertEqual(self.rma.state, "approved", "released, it moves again")

    def test_non_manager_cannot_hold_nor_release(self):
        messages = self._messages(self.rma)
        message = "Only RMA managers can put returns on hold and release them."
        with self.assertRaisesRegex(AccessError, message):
            self.rma.sudo(self.rma_user).action_hold_wizard()
        with self.assertRaisesRegex(AccessError, message):
            self._hold(self.rma, self.dispute, user=self.rma_user)
        with self.assertRaisesRegex(UserError, "set by the returns workflow only"):
            self.rma.sudo(self.rma_user).write({"hold_reason_id": self.dispute.id})
        with self.assertRaisesRegex(UserError, "set by the returns workflow only"):
            self.rma.line_ids[0].sudo(self.rma_user).write({"hold_reason_id": self.dispute.id})
        self.assertFalse(self.rma.hold_reason_id or self.rma.line_ids.mapped("hold_reason_id"))
        self.assertEqual(self._messages(self.rma), messages, "nothing was written")

        self._hold(self.rma, self.dispute)
        with self.assertRaisesRegex(AccessError, message):
            self.rma.sudo(self.rma_user).action_release_hold()
        self.assertEqual(self.rma.hold_reason_id, self.dispute, "still on hold")

    def test_confirm_and_approve_refused_on_hold(self):
        self._hold(self.rma, self.dispute)
        with self.assertRaises(UserError) as error:
            self.rma.action_confirm()
        self.assertIn("%s is on hold (Customer dispute, by Rma Manager since " % self.rma.name, error.exception.name)
        self.assertIn("nothing moves on it until an RMA manager releases the hold.", error.exception.name)
        self.assertEqual(self.rma.state, "draft")
        self.assertEqual(self.rma.line_ids.mapped("state"), ["draft", "draft"])

        self.rma.sudo(self.rma_manager).action_release_hold()
        self.company.rma_approval_amount = 1.0
        self.rma.action_confirm()
        self.assertEqual(self.rma.state, "to_approve")
        self._hold(self.rma, self.credit_check)
        with self.assertRaisesRegex(UserError, "%s is on hold \\(Credit check" % self.rma.name):
            self.rma.sudo(self.rma_manager).action_approve()
        self.assertEqual(self.rma.state, "to_approve")
        self.assertFalse(self.rma.approved_user_id)

    def test_line_hold(self):
        line, other = self.rma.line_ids
        self._hold(line, self.dispute, "Serial number to check")
        self.assertEqual((line.hold_reason_id, line.hold_user_id), (self.dispute, self.rma_manager))
        self.assertEqual((line.on_hold, other.on_hold), (True, False), "only that line is held")
        self.assertFalse(self.rma.hold_reason_id)
        self.assertTrue(self.rma.on_hold, "the RMA shows that one of its lines is held")
        lines = self.env["rma.order.line"]
        self.assertEqual(lines.search([("on_hold", "=", True), ("rma_id", "=", self.rma.id)]), line)
        self.assertEqual(lines.search([("on_hold", "=", False), ("rma_id", "=", self.rma.id)]), other)
        self.assertEqual(self.env["rma.order"].search([("on_hold", "=", True), ("id", "=", self.rma.id)]), self.rma,
                         "the On Hold filter finds the RMA of a held line")
        self.assertIn("Widget on %s put on hold by Rma Manager: Customer dispute. Serial number to check"
                      % self.rma.name, self._messages(self.rma)[0].body)
        with self.assertRaisesRegex(UserError, "Widget on %s is on hold \\(Customer dispute" % self.rma.name):
            self.rma.action_confirm()
        self.assertEqual(self.rma.state, "draft")

        line.sudo(self.rma_manager).action_release_hold()
        self.assertFalse(self.rma.on_hold)
        self.assertIn("Hold of Widget on %s released by Rma Manager" % self.rma.name,
                      self._messages(self.rma)[0].body)
        self.rma.action_confirm()
        self.assertEqual(self.rma.state, "approved")

    def test_line_of_held_rma_names_the_rma(self):
        self._hold(self.rma, self.dispute)
        with self.assertRaisesRegex(UserError, "Widget on %(rma)s cannot move: %(rma)s is on hold \\(Customer dispute"
                                    % {"rma": self.rma.name}):
            self.rma.line_ids[0]._check_not_on_hold()

    def test_resolved_or_cancelled_rma_cannot_be_held(self):
        self.rma.action_cancel()
        with self.assertRaisesRegex(UserError, "resolved or cancelled: nothing moves on it any more"):
            self._hold(self.rma, self.dispute)
        self.assertFalse(self.rma.hold_reason_id)

    def test_cancelling_ends_the_hold(self):
        line = self.rma.line_ids[0]
        self._hold(line, self.credit_check)
        line.action_cancel()
        self.assertEqual((line.state, line.hold_reason_id.id, line.on_hold), ("cancel", False, False))
        self._hold(self.rma, self.dispute)
        self.rma.action_cancel()
        self.assertEqual(self.rma.state, "cancel")
        self.assertFalse(self.rma.hold_reason_id or self.rma.on_hold, "nothing is left on hold")

    def test_category_holds_new_rmas(self):
        category = self.env["rma.category"].create({
            "name": "Disputed accounts", "hold_reason_id": self.credit_check.id, "allow_without_origin": True,
        })
        rma = self.env["rma.order"].sudo(self.rma_user).create({
            "partner_id": self.customer.id, "category_id": category.id,
            "line_ids": [(0, 0, {"product_id": self.product.id, "reason_id": self.reason.id, "product_uom_qty": 1})],
        })
        self.assertEqual(rma.hold_reason_id, self.credit_check, "a returns user creates it: it starts on hold")
        self.assertEqual(rma.hold_user_id, self.rma_user)
        self.assertIn("Disputed accounts", rma.hold_note)
        self.assertIn("%s put on hold automatically: Credit check." % rma.name, self._messages(rma)[0].body)
        with self.assertRaisesRegex(UserError, "%s is on hold \\(Credit check" % rma.name):
            rma.action_confirm()
        self.assertEqual(rma.state, "draft")
        rma.sudo(self.rma_manager).action_release_hold()
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")
        self.assertFalse(self.rma.hold_reason_id, "other categories do not hold")

    def test_return_type_holds_new_rmas(self):
        quality = self.env["rma.operation"].create({
            "name": "Quality claim", "code": "quality_claim", "hold_reason_id": self.credit_check.id,
        })
        rma = self.env["rma.order"].sudo(self.rma_user).create({
            "partner_id": self.customer.id,
            "line_ids": [(0, 0, {"product_id": self.product.id, "reason_id": self.reason.id, "product_uom_qty": 1,
                                 "operation_id": quality.id})],
        })
        self.assertEqual(rma.hold_reason_id, self.credit_check, "a line of a holding type holds the new RMA")
        self.assertIn("Quality claim", rma.hold_note)
        with self.assertRaisesRegex(UserError, "%s is on hold \\(Credit check" % rma.name):
            rma.action_confirm()
        self.assertEqual(rma.state, "draft")
        self.assertFalse(self.rma.hold_reason_id, "other types do not hold")
