"""A receipt credits for the warehouse user who validated it: never into a
period locked for that user, and in their name in the chatter."""
from odoo import fields

from .common import RmaStockAccountCase


class TestCreditLockDate(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        self.order, self.invoice = self._sell(self.product, 10)
        self.rma = self._approve(self._rma(self.order.order_line, 4))
        self.company.rma_credit_note_validate = True
        # in SQL: Odoo refuses lock dates through the ORM while the demo data keeps draft entries
        self.env.cr.execute("UPDATE res_company SET period_lock_date = %s WHERE id = %s",
                            (fields.Date.today(), self.company.id))
        self.company.invalidate_cache()

    def _receive_as(self, groups, login):
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.replace("_", " ").title(), "login": login, "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [self.env.ref(xmlid).id for xmlid in groups])],
        })
        picking = self._receipt(self.rma).sudo(user)
        picking.move_lines.quantity_done = 4
        picking.button_validate()
        self.assertEqual(picking.state, "done", "the receipt stands whatever happens to the credit")
        return user

    def test_the_warehouse_user_does_not_post_into_a_locked_period(self):
        moves = self.env["account.move"].search_count([])
        user = self._receive_as(["stock.group_stock_user"], "bridge_locked_clerk")
        credit_note = self._credit_notes(self.rma)
        self._assert_credit_note(credit_note, 4, 199.96, 29.99, 229.95)
        self.assertEqual((credit_note.state, credit_note.move_id), ("draft", self.env["account.move"]))
        self.assertEqual(self.env["account.move"].search_count([]), moves, "nothing posted")
        self.assertAlmostEqual(self.invoice.residual, 574.89, places=2)
        self.assertEqual(self.rma.credit_status, "pending")
        message = self.rma.message_ids[0]
        self.assertIn("could not be validated: Its accounting date %s is not after the lock date %s that applies "
                      "to %s. It waits in draft." % (self.rma._format_date(fields.Date.today()),
                                                   self.rma._format_date(fields.Date.today()), user.name),
                      message.body)
        self.assertEqual(message.author_id, user.partner_id)
        activity = self.rma.activity_ids
        self.assertEqual((activity.summary, activity.user_id), ("Credit the return", self.rma._get_accountant()))
        created = self.rma.message_ids.filtered(lambda msg: "Credit note created: 4.0 Bridge Widget." in msg.body)
        self.assertEqual(created.author_id, user.partner_id)

    def test_an_adviser_receiving_posts(self):
        user = self._receive_as(["stock.group_stock_user", "account.group_account_manager"], "bridge_adviser")
        credit_note = self._credit_notes(self.rma)
        self.assertEqual(credit_note.state, "paid")
        self.assertAlmostEqual(self.invoice.residual, 574.89 - 229.95, places=2)
        self.assertFalse(self.rma.activity_ids)
        created = self.rma.message_ids.filtered(lambda msg: "Credit note created" in msg.body)
        self.assertEqual(created.author_id, user.partner_id)

    def test_the_credit_note_and_its_entry_are_the_receiving_users(self):
        """Created and posted as superuser (the clerk has no accounting rights),
        but theirs in the records and the chatter, not Administrator's."""
        self.env.cr.execute("UPDATE res_company SET period_lock_date = NULL WHERE id = %s", (self.company.id,))
        self.company.invalidate_cache()
        user = self._receive_as(["stock.group_stock_user"], "bridge_signing_clerk")
        credit_note = self._credit_notes(self.rma)
        self.assertEqual(credit_note.state, "paid")
        self.assertEqual(len(credit_note.move_id.line_ids), 3)  # receivable, income, tax
        for record in (credit_note, credit_note.invoice_line_ids, credit_note.tax_line_ids,
                       credit_note.move_id, credit_note.move_id.line_ids):
            self.assertEqual((record.mapped("create_uid"), record.mapped("write_uid")), (user, user), record._name)
        messages = credit_note.message_ids  # the validation's tracking
        self.assertTrue(messages.mapped("tracking_value_ids"))
        self.assertEqual(messages.mapped("author_id"), user.partner_id)
