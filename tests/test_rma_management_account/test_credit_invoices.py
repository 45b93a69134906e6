"""What each invoice of an origin sales order line has left to credit: shared
by quantity among the lines returning it, and credited against the invoice
that billed the units, or the one the user chose."""
from odoo.exceptions import UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from .rma_account_common import RmaAccountCase


class TestCreditInvoices(RmaAccountCase):

    # ------------------------------------------------------------------
    # One invoice shared by several lines
    # ------------------------------------------------------------------

    def test_two_lines_share_the_invoiced_quantity(self):
        order = self._sale([(self.product, 3, 100.0, 0.0, self.tax_15)])
        invoice = self._invoice(order)
        rma = self._approve(self._rma([(order.order_line, 1), (order.order_line, 2)]))
        self.assertEqual(rma.line_ids.mapped("qty_credited"), [1, 2])
        self.assertEqual(rma.line_ids.mapped("qty_to_credit"), [0, 0])
        credit_note = self._credit_notes(rma)
        self.assertEqual(len(credit_note), 1)
        self.assertEqual(credit_note.refund_invoice_id, invoice)
        self.assertEqual(sorted(credit_note.invoice_line_ids.mapped("quantity")), [1, 2])
        self.assertEqual((credit_note.amount_untaxed, credit_note.amount_tax, credit_note.amount_total),
                         (300.0, 45.0, 345.0))

    def test_many_lines_share_the_invoiced_quantity_line_by_line(self):
        order = self._sale([(self.product, 30, 100.0, 0.0, self.tax_15)])
        self._invoice(order, quantities={order.order_line: 25})
        rma = self._approve(self._rma([(order.order_line, 1)] * 30))
        lines = rma.line_ids.sorted("id")
        self.assertEqual(lines[:25].mapped("qty_credited"), [1.0] * 25, "each line takes what it is due")
        self.assertEqual(lines[25:].mapped("qty_credited"), [0.0] * 5, "nothing is left for the last ones")
        self.assertEqual(sum(rma.line_ids.mapped("qty_to_credit")), 0)
        credit_note = self._credit_notes(rma)
        self.assertEqual(len(credit_note.invoice_line_ids), 25)
        self.assertEqual((credit_note.amount_untaxed, credit_note.amount_tax, credit_note.amount_total),
                         (2500.0, 375.0, 2875.0))
        # the rest, once invoiced, goes to the lines still waiting for it
        self._invoice(order)
        self.assertEqual(rma.line_ids.mapped("qty_credited"), [1.0] * 30)
        self.assertEqual(self._credit_notes(rma).sorted("id")[-1].amount_total, 575.0)

    # ------------------------------------------------------------------
    # Several invoices of one sales order line
    # ------------------------------------------------------------------

    def _sold_in_two_invoices(self):
        """4 units invoiced 2 + 2: returns (sale line, earlier invoice, later invoice)."""
        order = self._sale([(self.product, 4, 100.0, 0.0, self.tax_15)])
        earlier = self._invoice(order, quantities={order.order_line: 2})
        later = self._invoice(order)
        self.assertEqual((earlier.amount_total, later.amount_total), (230.0, 230.0))
        return order.order_line, earlier, later

    def test_credited_against_the_invoices_that_billed_the_units(self):
        sale_line, earlier, later = self._sold_in_two_invoices()
        self.company.rma_credit_note_validate = True
        rma = self._rma([(sale_line, 3)])
        rma.action_confirm()
        self.assertEqual(rma.state, "done", "credited at once, nothing else pending: resolved")
        self.assertEqual(rma.line_ids.qty_credited, 3)
        credit_notes = self._credit_notes(rma).sorted("id")
        self.assertEqual(credit_notes.mapped("refund_invoice_id"), later | earlier)
        self.assertEqual([(cn.refund_invoice_id, cn.invoice_line_ids.quantity, cn.amount_total, cn.state)
                          for cn in credit_notes],
                         [(later, 2.0, 230.0, "paid"), (earlier, 1.0, 115.0, "paid")],
                         "the latest invoice first, each credit note applied to its own invoice")
        self.assertIn(later.number, credit_notes[0].name)
        self.assertIn(earlier.number, credit_notes[1].name)
        self.assertEqual((later.residual, later.state), (0.0, "paid"))
        self.assertEqual((earlier.residual, earlier.state), (115.0, "open"))
        self.assertEqual(rma.amount_credited, 345.0)
        # the next return gets what the earlier invoice has left
        other = self._rma([(sale_line, 1)])
        other.action_confirm()
        self.assertEqual(other.state, "done")
        self.assertEqual(self._credit_notes(other).refund_invoice_id, earlier)
        self.assertEqual(self._credit_notes(other).amount_total, 115.0)
        self.assertEqual((earlier.residual, earlier.state), (0.0, "paid"))

    def test_a_chosen_invoice_is_honoured(self):
        sale_line, earlier, later = self._sold_in_two_invoices()
        rma = self._rma([(sale_line, 3)])
        line = rma.line_ids
        line.origin_invoice_id = earlier
        self._approve(rma)
        credit_note = self._credit_notes(rma)
        self.assertEqual(len(credit_note), 1)
        self.assertEqual((credit_note.refund_invoice_id, credit_note.invoice_line_ids.quantity), (earlier, 2.0))
        self.assertEqual(credit_note.amount_total, 230.0)
        self.assertEqual((line.qty_credited, line.qty_to_credit), (2, 0), "the chosen invoice billed 2 only")
        # credited: the choice stays
        changed = 'The field "Invoice to Credit" of Credit Widget can no longer be changed'
        with self.assertRaisesRegex(UserError, changed), \
                self.env.cr.savepoint():
            line.origin_invoice_id = later
        line.invalidate_cache()
        self.assertEqual(line.origin_invoice_id, earlier)
        # the line and the automatic ones leave each other what they need
        other = self._approve(self._rma([(sale_line, 1)]))
        self.assertEqual(self._credit_notes(other).refund_invoice_id, later)
        self.assertEqual(other.line_ids.qty_credited, 1)

    def test_only_a_validated_invoice_of_the_origin_line_can_be_chosen(self):
        sale_line, earlier, later = self._sold_in_two_invoices()
        other_order = self._sale([(self.product, 1, 100.0, 0.0, self.tax_15)])
        other_invoice = self._invoice(other_order)
        rma = self._rma([(sale_line, 1)])
        line = rma.line_ids
        with self.assertRaisesRegex(ValidationError, "Credit Widget cannot be credited against .*: choose a "
                                    "validated customer invoice of its origin sales order line."), \
                self.env.cr.savepoint():
            line.origin_invoice_id = other_invoice
        line.invalidate_cache()
        self.assertFalse(line.origin_invoice_id)
        # the form offers the validated invoices of the origin line only
        domain = safe_eval(line._fields["origin_invoice_id"].domain, {"sale_line_id": sale_line.id})
        self.assertEqual(self.env["account.invoice"].search(domain), earlier | later)
