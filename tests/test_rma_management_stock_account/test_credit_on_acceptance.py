"""Refunds of products that require an inspection are credited on acceptance:
for what passed the inspection, nothing before."""
from odoo.exceptions import UserError

from .common import RmaStockAccountCase


class TestCreditOnAcceptance(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.product.rma_inspection_required = True
        self.order, self.invoice = self._sell(self.product, 10)
        self.rma = self._approve(self._rma(self.order.order_line, 10))
        self.line = self.rma.line_ids

    def test_inspection_scrapping_one_of_ten_credits_nine(self):
        self.assertEqual(self.line.credit_policy, "on_acceptance")
        self.assertEqual(self.rma.credit_status, "after_inspection", "the credit waits for the goods and inspection")
        self._receive(self.rma, 10)
        self.assertEqual(self.line.qty_received, 10)
        self.assertFalse(self.rma.credit_note_ids, "nothing is credited before the inspection")
        self.assertEqual(self.line.qty_to_credit, 0)
        self.assertEqual(self.rma.status, "waiting_inspection")
        self.assertEqual(self.rma.credit_status, "after_inspection", "not Nothing to Credit while it waits")
        labels = dict(self.rma._fields["credit_status"]._description_selection(self.env))
        self.assertEqual(labels[self.rma.credit_status], "Credit after Inspection")

        self._inspect(self.line, [("stock", 9), ("scrap", 1)], result="partial")
        self.assertEqual((self.line.qty_accepted, self.line.qty_to_inspect), (9, 0))
        self.assertEqual(self._quantity_in(self.stock_location), 9)
        self.assertEqual(self._quantity_in(self.warehouse.rma_scrap_loc_id), 1)
        credit_note = self._credit_notes(self.rma)
        self.assertEqual(len(credit_note), 1)
        # 9 x 49.99 = 449.91, tax 67.4865 -> 67.49
        self._assert_credit_note(credit_note, 9, 449.91, 67.49, 517.40)
        self.assertEqual((self.line.qty_credited, self.line.qty_to_credit), (9, 0))
        self.assertEqual(self.rma.status, "credit_pending")
        self.assertEqual(self.rma.state, "approved")
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self.rma.action_create_credit_notes()
        self.assertIn("Nothing to credit", str(error.exception))
        self.assertEqual(self._credit_notes(self.rma), credit_note)

        credit_note.action_invoice_open()
        self.assertEqual(self.rma.state, "done")
        self.assertEqual(self.rma.credit_status, "credited")
        self.assertEqual(self.line.qty_credit_validated, 9)

    def test_inspection_in_two_steps_credits_each_accepted_part(self):
        self._receive(self.rma, 6)
        self._inspect(self.line, [("stock", 5), ("quarantine", 1)], result="partial")
        self.assertEqual(self._credit_notes(self.rma).invoice_line_ids.quantity, 5)
        self.assertEqual(self.rma.status, "partially_received")
        self._receive(self.rma, 4)
        self.assertEqual(len(self._credit_notes(self.rma)), 1, "a receipt credits nothing on acceptance")
        self._inspect(self.line, [("refurbish", 4)])
        credit_notes = self._credit_notes(self.rma)
        self.assertEqual(credit_notes.mapped("invoice_line_ids.quantity"), [5, 4])
        # 4 x 49.99 = 199.96, tax 29.99
        self._assert_credit_note(credit_notes[1], 4, 199.96, 29.99, 229.95)
        self.assertEqual(self.line.qty_credited, 9)

    def test_failed_inspection_credits_nothing_and_resolves(self):
        self._receive(self.rma, 10)
        self._inspect(self.line, [("scrap", 10)], result="failed")
        self.assertFalse(self.rma.credit_note_ids)
        self.assertEqual(self.line.qty_to_credit, 0)
        self.assertEqual(self.rma.credit_status, "none")
        self.assertEqual(self.rma.state, "done")

    def test_validate_at_once_resolves_right_after_the_inspection(self):
        self.company.rma_credit_note_validate = True
        self._receive(self.rma, 10)
        self.assertFalse(self.rma.credit_note_ids)
        self.assertEqual(self.rma.state, "approved")
        self._inspect(self.line, [("stock", 9), ("scrap", 1)], result="partial")
        credit_note = self._credit_notes(self.rma)
        self.assertEqual(credit_note.state, "paid", "validated and applied to the origin invoice")
        self._assert_credit_note(credit_note, 9, 449.91, 67.49, 517.40)
        self.assertEqual(self.rma.credit_status, "credited")
        self.assertEqual(self.rma.state, "done")
        self.assertEqual(self.rma.status, "done")
