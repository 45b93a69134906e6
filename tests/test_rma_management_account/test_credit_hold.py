"""No credit note is made for a held RMA or line: "Create Credit Note" is
refused, and the automatic credit (here: the origin order invoiced only
after approval) waits and is made when the hold is released."""
from odoo.exceptions import UserError

from .rma_account_common import RmaAccountCase


class TestCreditHold(RmaAccountCase):

    def setUp(self):
        super().setUp()
        self.dispute = self.env.ref("rma_management.rma_hold_reason_dispute")
        self.other_product = self._product("Credit Gadget", 40.0, self.tax_15)
        self.order = self._sale([(self.product, 10, 100.0, 0.0, self.tax_15),
                                 (self.other_product, 5, 40.0, 0.0, self.tax_15)])
        self.line_widget, self.line_gadget = self.order.order_line

    def _hold(self, records):
        action = records.action_hold_wizard()
        wizard = self.env["rma.hold.wizard"].with_context(action["context"]).create({"reason_id": self.dispute.id})
        return wizard.action_confirm()

    def _approved_before_invoice(self):
        """An approved credit-only RMA of goods not invoiced yet: nothing is creditable until they are."""
        rma = self._approve(self._rma([(self.line_widget, 3), (self.line_gadget, 2)]))
        self.assertFalse(rma.credit_note_ids)
        return rma

    def test_held_rma_credit_waits_for_the_release(self):
        rma = self._approved_before_invoice()
        self._hold(rma)
        self._invoice(self.order)
        self.assertEqual(rma.line_ids.mapped("qty_to_credit"), [3, 2], "due now, but held")
        self.assertFalse(self._credit_notes(rma), "the automatic credit waits")
        self.assertEqual(rma.credit_status, "pending")
        with self.assertRaisesRegex(UserError, "%s is on hold \\(Customer dispute, by " % rma.name):
            rma.action_create_credit_notes()
        self.assertFalse(self._credit_notes(rma))
        self.assertEqual(rma.state, "approved", "not resolved while the credit waits")

        self.assertTrue(rma.action_release_hold())
        credit_note = self._credit_notes(rma)
        self.assertEqual(len(credit_note), 1, "made at release")
        # 3 x 100 + 2 x 40 = 380.00, 15 % tax 57.00
        self.assertEqual((credit_note.amount_untaxed, credit_note.amount_tax, credit_note.amount_total),
                         (380.0, 57.0, 437.0))
        self.assertEqual(rma.line_ids.mapped("qty_credited"), [3, 2])
        self.assertEqual(rma.line_ids.mapped("qty_to_credit"), [0, 0])
        bodies = rma.message_ids.mapped("body")
        self.assertTrue(any("Credit note created" in body for body in bodies))

    def test_held_line_waits_the_other_is_credited(self):
        rma = self._approved_before_invoice()
        widget, gadget = rma.line_ids
        self._hold(widget)
        self._invoice(self.order)
        credit_note = self._credit_notes(rma)
        self.assertEqual(credit_note.invoice_line_ids.rma_line_id, gadget, "only the line that is not held")
        # 2 x 40 = 80.00, tax 12.00
        self.assertEqual((credit_note.amount_untaxed, credit_note.amount_total), (80.0, 92.0))
        self.assertEqual((widget.qty_to_credit, widget.qty_credited), (3, 0))
        with self.assertRaisesRegex(UserError, "Credit Widget on %s is on hold \\(Customer dispute" % rma.name):
            rma.action_create_credit_notes()
        self.assertEqual(self._credit_notes(rma), credit_note, "nothing more was credited")

        widget.action_release_hold()
        second = self._credit_notes(rma) - credit_note
        self.assertEqual(second.invoice_line_ids.rma_line_id, widget)
        # 3 x 100 = 300.00, tax 45.00
        self.assertEqual((second.amount_untaxed, second.amount_tax, second.amount_total), (300.0, 45.0, 345.0))
        self.assertEqual(widget.qty_credited, 3)
