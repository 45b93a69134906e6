"""Transfers of an RMA are validated while the RMA allows its goods to
move: approved (or resolved), never pending approval, never cancelled."""
from odoo.exceptions import UserError

from .rma_stock_common import RmaStockCase


class TestRmaTransferRules(RmaStockCase):

    def _assert_refused(self, picking, message):
        moves_before = picking.move_lines.mapped("state")
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._validate(picking)
        self.assertEqual(error.exception.name, message)
        self.env["stock.picking"].invalidate_cache()  # what the rolled-back validation left in the cache
        self.assertEqual(picking.move_lines.mapped("state"), moves_before)
        self.assertFalse(self.env["stock.picking"].search([("backorder_id", "=", picking.id)]))

    def test_return_of_an_rma_pending_approval_waits_for_the_approval(self):
        picking = self._return_with_rma(self._deliver_late(self.product, 5).picking_ids, 2)
        rma = picking.rma_id
        self.assertEqual(rma.state, "to_approve")
        self._assert_refused(picking, "%s is Pending Approval: %s can be validated once the RMA is approved." % (
            rma.name, picking.name))
        self.assertEqual(rma.line_ids.qty_received, 0)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)
        self.assertEqual(rma.state, "to_approve")
        rma.action_approve()
        self._validate(picking)
        self.assertEqual(rma.line_ids.qty_received, 2)

    def test_receipt_of_a_cancelled_rma_is_refused(self):
        order = self._sell_and_deliver(self.product, 5)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        receipt = self._receipt(rma)
        rma.action_cancel()
        self.assertEqual(receipt.state, "cancel")
        again = receipt.copy()  # duplicating a transfer stays allowed
        again.action_confirm()
        self._assert_refused(again, "%s on %s is Cancelled: %s cannot be validated for it." % (
            self.product.display_name, rma.name, again.name))
        self.assertEqual(rma.line_ids.qty_received, 0)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)

    def test_receipt_of_a_cancelled_line_is_refused(self):
        order = self._sell_and_deliver(self.product, 5)
        other_product = self._create_product("Other Widget")
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund"), (other_product, 1, "refund")]))
        receipt = self._receipt(rma)
        kept, cancelled = rma.line_ids
        cancelled.action_cancel()
        again = receipt.copy()
        again.action_confirm()
        self._assert_refused(again, "Other Widget on %s is Cancelled: %s cannot be validated for it." % (
            rma.name, again.name))
        self.assertEqual((kept.qty_received, cancelled.qty_received), (0, 0))
        self._validate(receipt)
        self.assertEqual(kept.qty_received, 5)

    def test_cancelled_rma_sends_received_units_back(self):
        order = self._sell_and_deliver(self.product, 5)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        receipt = self._receipt(rma)
        self._validate(receipt, {self.product: 3})
        self._inspect(rma.line_ids, [("reject", 3)], result="failed")
        send_back = rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")
        rma.action_cancel()
        self.assertEqual((rma.state, send_back.state), ("cancel", "assigned"), "the customer's goods still go back")
        self._validate(send_back)
        self.assertEqual(rma.line_ids.qty_delivered, 3)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)

    def test_units_returned_to_the_customer_let_the_rma_be_cancelled(self):
        order = self._sell_and_deliver(self.product, 5)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        receipt = self._receipt(rma)
        self._validate(receipt, {self.product: 3})
        wizard = self.env["stock.return.picking"].with_context(active_id=receipt.id, active_ids=receipt.ids).create({})
        self._validate(self.env["stock.picking"].browse(wizard.create_returns()["res_id"]))
        self.assertEqual(rma.line_ids.qty_received, 0)
        rma.action_cancel()
        self.assertEqual(rma.state, "cancel")
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)
