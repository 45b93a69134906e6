"""The status of RMAs that are credited: Pending Credit until the credit notes
are validated, then resolved when nothing else is pending."""
from .rma_account_common import RmaAccountCase


class TestCreditStatus(RmaAccountCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale([(self.product, 10, 100.0, 0.0, self.tax_15)])
        self.sale_line = self.order.order_line

    def test_credit_only_pending_credit_then_resolved(self):
        self._invoice(self.order)
        rma = self._approve(self._rma([(self.sale_line, 2)]))
        self.assertEqual((rma.status, rma.state), ("credit_pending", "approved"))
        credit_note = self._credit_notes(rma)
        credit_note.action_invoice_cancel()
        self.assertEqual((rma.status, rma.state), ("credit_pending", "approved"), "the credit is due again")
        rma.action_create_credit_notes()
        self._credit_notes(rma).action_invoice_open()
        self.assertEqual((rma.credit_status, rma.status, rma.state), ("credited", "done", "done"))

    def test_credit_only_of_an_order_not_invoiced_yet_waits_for_its_invoice(self):
        rma = self._approve(self._rma([(self.sale_line, 2)]))
        self.assertFalse(rma.credit_note_ids, "nothing was invoiced, nothing is credited")
        self.assertEqual(rma.state, "approved", "nothing credited: not resolved")
        self.assertNotIn(rma.status, ("done", "credit_pending", "credited"))
        self._invoice(self.order)
        self.assertEqual((rma.status, rma.state), ("credit_pending", "approved"))
        self._credit_notes(rma).action_invoice_open()
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_no_credit_return_is_not_resolved_by_the_credit(self):
        self._invoice(self.order)
        rma = self._approve(self._rma([(self.sale_line, 2)], operation="no_credit"))
        self.assertEqual(rma.credit_status, "none")
        self.assertEqual(rma.state, "approved", "its goods are what it waits for, or a hand resolving it")
        self.assertNotIn(rma.status, ("done", "credit_pending", "credited"))
        if "picking_ids" not in rma._fields:
            self.assertEqual(rma.status, "approved", "without stock, nothing follows its goods")
        rma.sudo()._auto_resolve()
        self.assertEqual(rma.state, "approved")
