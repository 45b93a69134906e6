"""The status sequence of RMAs whose goods come back, and when they resolve
themselves, are resolved or cancelled by hand."""
from odoo.exceptions import UserError

from .rma_stock_common import RmaStockCase


class TestRmaStatus(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.order = self._sell_and_deliver(self.product, 10)
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 10)

    def _approved(self, qty, operation="refund"):
        return self._approve(self._create_rma([(self.order.order_line, qty, operation)]))

    def _deliveries(self, rma):
        return rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")

    def test_partial_then_fully_received_then_decided_resolves(self):
        rma = self._approved(5)
        self.assertEqual(rma.status, "pending_receipt")
        self._validate(self._receipt(rma), {self.product: 2})
        self.assertEqual(rma.status, "partially_received")
        self._validate(self._receipt(rma))
        self.assertEqual((rma.status, rma.state), ("fully_received", "approved"), "5 units wait for a decision")
        self._inspect(rma.line_ids, [("stock", 5)])
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def _status_labels(self, line):
        stock_statuses = dict(line._fields["stock_status"]._description_selection(self.env))
        statuses = dict(line.rma_id._fields["status"]._description_selection(self.env))
        return stock_statuses[line.stock_status], statuses[line.rma_id.status]

    def test_no_inspection_refund_received_to_input_is_to_decide(self):
        """The receipt type keeps returns in RMA Input: the units wait for a decision, which the line says."""
        self.assertFalse(self.warehouse.rma_in_type_id.rma_receive_to_stock)
        rma = self._approved(5)
        line = rma.line_ids
        self._validate(self._receipt(rma))
        self.assertEqual((self._quantity(self.product, self.rma_location),
                          self._quantity(self.product, self.stock_location)), (5, 10))
        self.assertEqual((line.stock_status, rma.status), ("decide", "fully_received"))
        self.assertEqual(self._status_labels(line), ("To Decide", "Fully Received"))
        self._inspect(line, [("stock", 5)])
        self.assertEqual((line.stock_status, rma.state), ("resolved", "done"))
        self.assertEqual(self._quantity(self.product, self.stock_location), 15)

    def test_no_inspection_refund_received_straight_to_stock_says_so(self):
        """The receipt type receives returns straight to stock: the line is not waiting for anything."""
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        rma = self._approved(5)
        line = rma.line_ids
        self._validate(self._receipt(rma), {self.product: 2})
        self.assertEqual((line.stock_status, rma.status), ("partial", "partially_received"))
        self._validate(self._receipt(rma))
        self.assertEqual((self._quantity(self.product, self.rma_location),
                          self._quantity(self.product, self.stock_location)), (0, 15))
        self.assertEqual((line.stock_status, line.qty_accepted), ("stocked", 5))
        self.assertEqual(self._status_labels(line)[0], "Received to Stock")
        self.assertEqual((rma.status, rma.state), ("done", "done"), "nothing is left to do with the goods")

    def test_inspection_required_waits_for_inspection_after_the_receipt(self):
        self.product.rma_inspection_required = True
        rma = self._approved(2)
        self._validate(self._receipt(rma))
        self.assertEqual(rma.status, "waiting_inspection")
        self._inspect(rma.line_ids, [("stock", 2)])
        self.assertEqual(rma.state, "done")

    def test_units_in_quarantine_keep_the_rma_open(self):
        rma = self._approved(3)
        self._validate(self._receipt(rma))
        self._inspect(rma.line_ids, [("stock", 2), ("quarantine", 1)], result="partial")
        self.assertEqual(rma.line_ids.qty_in_quarantine, 1)
        self.assertEqual(self._quantity(self.product, self.warehouse.rma_quarantine_loc_id), 1)
        self.assertEqual((rma.status, rma.state), ("waiting_action", "approved"), "the unit waits for a decision")

    def test_units_in_refurbish_keep_a_refund_open_until_back_in_stock(self):
        rma = self._approved(2)
        self._validate(self._receipt(rma))
        self._inspect(rma.line_ids, [("refurbish", 2)])
        self.assertEqual((rma.status, rma.state), ("in_progress", "approved"))
        rma.line_ids.action_refurbished_to_stock()
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_replacement_shipped_then_delivered_is_kept_once_resolved(self):
        rma = self._approved(2, operation="replace")
        self._validate(self._receipt(rma))
        self._inspect(rma.line_ids, [("scrap", 2)], result="failed")
        self.assertEqual(rma.status, "waiting_action", "the replacement is to ship")
        wizard = self.env["rma.delivery"].with_context(default_line_id=rma.line_ids.id).create({})
        delivery = self.env["stock.picking"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual(rma.status, "ready_to_ship")
        self._validate(delivery)
        self.assertEqual((rma.status, rma.state), ("shipped", "approved"), "until the customer confirms")
        rma.action_mark_delivered()
        self.assertEqual((rma.status, rma.state), ("delivered", "done"), "resolved, and still says Delivered")
        self.assertTrue(rma.delivered_date)

    def test_resolving_by_hand_with_an_open_receipt_is_refused(self):
        rma = self._approved(5)
        self._validate(self._receipt(rma), {self.product: 2})
        backorder = self._receipt(rma)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.action_done()
        self.assertIn("%s cannot be resolved while %s are open" % (rma.name, backorder.name), error.exception.name)
        self.assertIn("close the remaining receipt", error.exception.name)
        self.assertEqual((rma.state, rma.line_ids.state, backorder.state), ("approved", "approved", "assigned"))
        # nothing more comes: closing the receipt leaves 2 units to decide, then the RMA may be resolved
        rma.action_close_receipt()
        self.assertEqual((rma.status, rma.state), ("fully_received", "approved"))
        rma.action_done()
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_resolving_by_hand_with_an_open_delivery_is_refused(self):
        rma = self._approved(1, operation="replace")
        self._validate(self._receipt(rma))
        self._inspect(rma.line_ids, [("scrap", 1)], result="failed")
        delivery = rma.line_ids._create_delivery(self.product, 1)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.action_done()
        self.assertIn("while %s are open" % delivery.name, error.exception.name)
        self.assertEqual((rma.state, delivery.state), ("approved", "assigned"))

    def test_closing_a_receipt_with_nothing_received_resolves(self):
        rma = self._approved(2)
        rma.action_close_receipt()
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_cancelling_an_rma_with_received_goods_is_refused(self):
        rma = self._approved(5)
        self._validate(self._receipt(rma), {self.product: 2})
        backorder = self._receipt(rma)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.action_cancel()
        self.assertIn("%s cannot be cancelled: %s received from the customer still wait in RMA Input"
                      % (rma.name, self.product.display_name), error.exception.name)
        self.assertEqual((rma.state, rma.status, backorder.state), ("approved", "partially_received", "assigned"))
        self.assertEqual(self._quantity(self.product, self.rma_location), 2)
        # once decided, the received units stay where they went and the rest is cancelled
        self._inspect(rma.line_ids, [("stock", 2)])
        rma.action_cancel()
        self.assertEqual((rma.state, backorder.state), ("cancel", "cancel"))

    def test_validating_the_receipt_of_a_cancelled_rma_is_refused(self):
        rma = self._approved(2)
        receipt = self._receipt(rma)
        rma.action_cancel()
        self.assertEqual(receipt.state, "cancel")
        receipt.move_lines.quantity_done = 2
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            receipt.button_validate()
        self.assertIn("%s cannot be validated: it was cancelled with %s" % (receipt.name, rma.name),
                      error.exception.name)
        self.assertEqual((receipt.state, rma.line_ids.qty_received), ("cancel", 0))
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)

    def test_validating_a_closed_receipt_is_refused(self):
        rma = self._approved(2)
        receipt = self._receipt(rma)
        rma.action_close_receipt()
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            receipt.action_done()
        self.assertIn("it was cancelled, nothing more is expected on it for %s" % rma.name, error.exception.name)
