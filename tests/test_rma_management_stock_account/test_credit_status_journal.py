"""Status of an RMA whose goods are dealt with while its credit is due, and
the journal entry of the credit note."""
from .common import RmaStockAccountCase


class TestCreditStatusJournal(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        self.order, self.invoice = self._sell(self.product, 10)
        self.sale_line = self.order.order_line
        self.rma = self._approve(self._rma(self.sale_line, 4))

    def test_credit_pending_until_the_credit_note_is_validated(self):
        self._receive(self.rma, 4)
        credit_note = self._credit_notes(self.rma)
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(self.rma.line_ids.stock_status, "stocked")
        self.assertEqual(self.rma.status, "credit_pending")
        self.assertEqual(self.rma.credit_status, "pending")
        self.assertEqual(self.rma.state, "approved")
        credit_note.action_invoice_open()
        self.assertEqual(self.rma.state, "done")
        self.assertEqual(self.rma.status, "done")

    def test_cancelled_credit_note_keeps_the_credit_due(self):
        self._receive(self.rma, 4)
        self._credit_notes(self.rma).action_invoice_cancel()
        self.assertEqual(self.rma.line_ids.qty_to_credit, 4)
        self.assertEqual(self.rma.status, "credit_pending")
        self.assertEqual(self.rma.state, "approved")
        credit_note = self.rma.action_create_credit_notes()
        self.assertEqual(self._credit_notes(self.rma).id, credit_note["res_id"])
        self._credit_notes(self.rma).action_invoice_open()
        self.assertEqual(self.rma.state, "done")

    def test_validate_at_once_resolves_right_after_the_receipt(self):
        self.company.rma_credit_note_validate = True
        self._receive(self.rma, 4)
        credit_note = self._credit_notes(self.rma)
        self.assertEqual(credit_note.state, "paid", "validated and applied to the origin invoice")
        self.assertEqual(self.rma.credit_status, "credited")
        self.assertEqual(self.rma.state, "done")
        self.assertEqual(self.rma.status, "done")

    def test_validate_at_once_with_a_partial_receipt_keeps_the_rma_open(self):
        self.company.rma_credit_note_validate = True
        self._receive(self.rma, 3)
        self.assertEqual(self._credit_notes(self.rma).state, "paid")
        self.assertEqual(self.rma.state, "approved")
        self.assertEqual(self.rma.status, "partially_received")
        self._receive(self.rma, 1)
        self.assertEqual(self._credit_notes(self.rma).mapped("state"), ["paid", "paid"])
        self.assertEqual(self.rma.state, "done")

    def test_journal_entry_hits_the_origin_income_account_and_the_receivable(self):
        self._receive(self.rma, 4)
        credit_note = self._credit_notes(self.rma)
        credit_note.action_invoice_open()
        origin_line = self.invoice.invoice_line_ids
        self.assertEqual(origin_line.account_id, self.income)
        self.assertEqual(credit_note.invoice_line_ids.account_id, origin_line.account_id)
        self.assertEqual(credit_note.account_id, self.receivable)
        move = credit_note.move_id
        self.assertEqual(move.state, "posted")
        self.assertAlmostEqual(sum(move.line_ids.mapped("debit")), sum(move.line_ids.mapped("credit")), places=2)
        self.assertAlmostEqual(sum(move.line_ids.mapped("debit")), 229.95, places=2)

        def balance(account):
            lines = move.line_ids.filtered(lambda aml: aml.account_id == account)
            return round(sum(lines.mapped("debit")) - sum(lines.mapped("credit")), 2)

        # 4 x 49.99 = 199.96 back out of sales, 29.99 of tax, 229.95 owed to the customer
        self.assertEqual(balance(self.income), 199.96)
        self.assertEqual(balance(self.tax_account), 29.99)
        self.assertEqual(balance(self.receivable), -229.95)
        self.assertEqual(move.line_ids.mapped("partner_id"), self.customer.commercial_partner_id)
        # the credit pays off part of the origin invoice
        self.assertEqual(self.invoice.amount_total, 574.89)
        self.assertAlmostEqual(self.invoice.residual, 574.89 - 229.95, places=2)

    def test_validating_one_credit_note_of_a_partial_receipt_keeps_the_rma_open(self):
        self._receive(self.rma, 3)
        self._credit_notes(self.rma).action_invoice_open()
        self.assertEqual(self.rma.state, "approved")
        self.assertEqual(self.rma.status, "partially_received")
        self._receive(self.rma, 1)
        self.assertEqual(self.rma.status, "credit_pending")
        self._credit_notes(self.rma)[1].action_invoice_open()
        self.assertEqual(self.rma.state, "done")

    def test_a_warehouse_user_without_accounting_rights_credits_by_receiving(self):
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Bridge Warehouse Clerk", "login": "bridge_clerk", "email": "bridge_clerk@example.com",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        self.assertFalse(user.has_group("account.group_account_invoice"))
        picking = self._receipt(self.rma).sudo(user)
        picking.move_lines.quantity_done = 4
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        credit_note = self._credit_notes(self.rma)
        self._assert_credit_note(credit_note, 4, 199.96, 29.99, 229.95)
        self.assertEqual(self.rma.status, "credit_pending")
