"""Who may change what is credited, and crediting for the user who triggers it:
their lock dates, their name in the chatter, their rights to cancel."""
from odoo import fields
from odoo.exceptions import AccessError, UserError

from .rma_account_common import RmaAccountCase


class TestCreditRights(RmaAccountCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale([(self.product, 10, 100.0, 0.0, self.tax_15)])
        self.sale_line = self.order.order_line
        self.invoice = self._invoice(self.order)
        self.rma_user = self._user("rma_plain_user", "rma_management.group_rma_user")
        self.rma_manager = self._user("rma_plain_manager", "rma_management.group_rma_manager")
        self.no_credit = self.env["rma.category"].create({"name": "Goodwill (test)", "credit_policy": "none"})

    # ------------------------------------------------------------------
    # Credit policy after draft
    # ------------------------------------------------------------------

    def test_only_a_manager_changes_the_credit_policy_after_draft(self):
        rma = self._rma([(self.sale_line, 2)], category=self.no_credit)
        line = rma.line_ids
        line.sudo(self.rma_user).credit_policy = "on_approval"
        line.sudo(self.rma_user).credit_policy = "none"
        self.assertEqual(line.credit_policy, "none", "a draft line's policy is the user's to choose")
        self._approve(rma)
        messages = rma.message_ids
        with self.assertRaisesRegex(AccessError, "Only RMA managers can change Credit Policy of the lines of %s "
                                    "once confirmed." % rma.name), self.env.cr.savepoint():
            line.sudo(self.rma_user).write({"credit_policy": "on_approval"})
        line.invalidate_cache()
        self.assertEqual((line.credit_policy, line.qty_to_credit), ("none", 0))
        self.assertEqual(rma.message_ids, messages)

        line.sudo(self.rma_manager).write({"credit_policy": "on_approval"})
        self.assertEqual((line.credit_policy, line.qty_to_credit), ("on_approval", 2))
        message = rma.message_ids[0]
        self.assertEqual(message.body, "<p>Credit policy changed by %s: Credit Widget No Credit → On Approval.</p>"
                         % self.rma_manager.name)
        self.assertEqual(message.author_id, self.rma_manager.partner_id)
        # unchanged policies are no change
        line.sudo(self.rma_user).write({"credit_policy": "on_approval"})
        self.assertEqual(rma.message_ids[0], message)
        # credited: neither the policy nor the reason change any more, for a manager neither
        rma.action_create_credit_notes()
        self.assertEqual(line.qty_credited, 2)
        for values, message in (({"credit_policy": "none"}, 'The field "Credit Policy" of Credit Widget can no longer'),
                                ({"reason_id": self.other_reason.id}, 'The field "Return Reason" of Credit Widget can '
                                                                      "no longer be changed: credit notes exist")):
            with self.assertRaisesRegex(UserError, message), self.env.cr.savepoint():
                line.sudo(self.rma_manager).write(values)
        line.invalidate_cache()
        self.assertEqual((line.credit_policy, line.reason_id), ("on_approval", self.reason))

    # ------------------------------------------------------------------
    # Lock dates and the chatter
    # ------------------------------------------------------------------

    def _lock_period(self):
        # in SQL: Odoo refuses lock dates through the ORM while the demo data keeps draft entries
        self.env.cr.execute("UPDATE res_company SET period_lock_date = %s WHERE id = %s",
                            (fields.Date.today(), self.company.id))
        self.company.invalidate_cache()
        self.company.rma_credit_note_validate = True

    def test_period_lock_date_of_the_user_who_triggers_the_credit(self):
        self._lock_period()
        moves = self.env["account.move"].search_count([])
        rma = self._rma([(self.sale_line, 1)])
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual(rma.state, "approved")
        credit_note = self._credit_notes(rma)
        self.assertEqual((credit_note.state, credit_note.amount_total, credit_note.move_id),
                         ("draft", 115.0, self.env["account.move"]))
        self.assertEqual(self.env["account.move"].search_count([]), moves, "nothing posted")
        self.assertEqual(self.invoice.residual, 1150.0)
        message = rma.message_ids[0]
        self.assertEqual(
            message.body,
            "<p>Credit note %s could not be validated: Its accounting date %s is not after the lock date %s that "
            "applies to %s. It waits in draft.</p>"
            % (credit_note.display_name, rma._format_date(fields.Date.today()), rma._format_date(fields.Date.today()),
               self.rma_user.name),
        )
        self.assertEqual(message.author_id, self.rma_user.partner_id)
        activity = rma.activity_ids
        self.assertEqual((activity.summary, activity.user_id), ("Credit the return", rma._get_accountant()))
        created = rma.message_ids.filtered(lambda msg: "Credit note created: 1.0 Credit Widget." in msg.body)
        self.assertEqual(created.author_id, self.rma_user.partner_id, "the credit is the triggering user's")

    def test_an_adviser_posts_before_the_period_lock_date(self):
        self._lock_period()
        adviser = self._user("rma_adviser", "rma_management.group_rma_user", "account.group_account_manager")
        rma = self._rma([(self.sale_line, 1)])
        rma.sudo(adviser).action_confirm()
        credit_note = self._credit_notes(rma)
        self.assertEqual(credit_note.state, "paid")
        self.assertEqual(self.invoice.residual, 1150.0 - 115.0)
        self.assertFalse(rma.activity_ids)
        created = rma.message_ids.filtered(lambda msg: "Credit note created" in (msg.body or ""))
        self.assertEqual(created.author_id, adviser.partner_id)
        self.assertEqual(rma.state, "done", "credited at once, nothing else pending: resolved")

    # ------------------------------------------------------------------
    # Cancelling without billing rights
    # ------------------------------------------------------------------

    def test_returns_users_without_billing_rights_cancel_and_reject(self):
        for user in (self.rma_user, self.rma_manager):
            self.assertFalse(user.has_group("account.group_account_invoice"))
        draft = self._rma([(self.sale_line, 1)])
        draft.sudo(self.rma_user).action_cancel()
        self.assertEqual((draft.state, draft.line_ids.state), ("cancel", "cancel"))

        category = self.env["rma.category"].create({"name": "Needs approval (test)", "approval_required": True})
        pending = self._rma([(self.sale_line, 1)], category=category)
        pending.action_confirm()
        self.assertEqual(pending.state, "to_approve")
        wizard = self.env["rma.reject"].sudo(self.rma_manager).create({
            "rma_ids": [(6, 0, pending.ids)], "reason": "Bought elsewhere",
        })
        wizard.action_reject()
        self.assertEqual((pending.state, pending.rejection_reason), ("cancel", "Bought elsewhere"))
        self.assertFalse(pending.credit_note_ids)
