"""A refund credited on receipt whose goods came back before the RMA was put
on hold: its credit, due only once the origin order is invoiced, waits while
the RMA is held and is made when the hold is released."""
from odoo.exceptions import UserError

from .common import RmaStockAccountCase


class TestHoldCredit(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        self.credit_check = self.env.ref("rma_management.rma_hold_reason_credit_check")

    def _delivered_not_invoiced(self, qty):
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, qty)
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": qty, "price_unit": 49.99,
                                   "tax_id": [(6, 0, self.tax_15.ids)]})],
        })
        order.action_confirm()
        for move in order.picking_ids.mapped("move_lines"):
            move.quantity_done = move.product_uom_qty
        order.picking_ids.button_validate()
        return order

    def _hold(self, rma):
        action = rma.action_hold_wizard()
        wizard = self.env["rma.hold.wizard"].with_context(action["context"]).create(
            {"reason_id": self.credit_check.id, "note": "Account under review"})
        return wizard.action_confirm()

    def test_credit_after_receipt_waits_for_the_release(self):
        order = self._delivered_not_invoiced(10)
        rma = self._approve(self._rma(order.order_line, 6))
        line = rma.line_ids
        self.assertEqual(line.credit_policy, "on_receipt")
        self._receive(rma, 4)
        self.assertEqual((line.qty_received, line.qty_credited, line.qty_to_credit), (4, 0, 0),
                         "received before the hold; nothing invoiced yet, so nothing to credit")
        self.assertEqual(rma.status, "partially_received")

        self._hold(rma)
        invoice = self.env["account.invoice"].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        self.assertEqual(line.qty_to_credit, 4, "due now that the goods are invoiced")
        self.assertFalse(self._credit_notes(rma), "the automatic credit waits while the RMA is held")
        with self.assertRaisesRegex(UserError, "%s is on hold \\(Credit check, by " % rma.name):
            rma.action_create_credit_notes()
        self.assertFalse(self._credit_notes(rma))

        rma.action_release_hold()
        credit_note = self._credit_notes(rma)
        self.assertEqual(len(credit_note), 1, "made at release")
        # 4 x 49.99 = 199.96, 15 % tax 29.994 -> 29.99
        self._assert_credit_note(credit_note, 4, 199.96, 29.99, 229.95)
        self.assertEqual(credit_note.refund_invoice_id, invoice)
        self.assertEqual((line.qty_credited, line.qty_to_credit), (4, 0))

    def test_receipt_while_held_is_refused_and_credits_nothing(self):
        order, _invoice = self._sell(self.product, 10)
        rma = self._approve(self._rma(order.order_line, 4))
        self._hold(rma)
        picking = self._receipt(rma)
        picking.move_lines.quantity_done = 4
        with self.assertRaisesRegex(UserError, "%s is on hold \\(Credit check" % rma.name):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")
        self.assertEqual(rma.line_ids.qty_received, 0)
        self.assertFalse(self._credit_notes(rma), "no credit note")

        rma.action_release_hold()
        self._receive(rma, 4)
        self._assert_credit_note(self._credit_notes(rma), 4, 199.96, 29.99, 229.95)
