"""While an RMA, or one of its lines, is on hold nothing moves in the
warehouse: its receipts and deliveries are not validated, no inspection is
recorded and no delivery is created; a held line stops that line only."""
from odoo.exceptions import UserError

from .rma_stock_common import RmaStockCase


class TestRmaStockHold(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.quality = self.env.ref("rma_management.rma_hold_reason_quality")
        self.other = self._create_product("Held Gadget")
        self.order = self._sell_and_deliver(self.product, 5)
        self.other_order = self._sell_and_deliver(self.other, 5)
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 20)
        self.env["stock.quant"]._update_available_quantity(self.other, self.stock_location, 20)

    def _hold(self, records, note=False):
        action = records.action_hold_wizard()
        wizard = self.env["rma.hold.wizard"].with_context(action["context"]).create(
            {"reason_id": self.quality.id, "note": note})
        return wizard.action_confirm()

    def _held_message(self, label):
        return "%s is on hold \\(Quality investigation, by " % label

    def _rma(self, operation="refund", inspected=True):
        (self.product | self.other).write({"rma_inspection_required": inspected})
        return self._approve(self._create_rma([
            (self.order.order_line, 3, operation), (self.other_order.order_line, 2, operation),
        ]))

    def _deliveries(self, rma):
        return rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")

    def _ship(self, line, qty):
        wizard = self.env["rma.delivery"].with_context(default_line_id=line.id).create({"quantity": qty})
        return self.env["stock.picking"].browse(wizard.action_confirm()["res_id"])

    def test_receipt_not_validated_on_hold(self):
        rma = self._rma()
        receipt = self._receipt(rma)
        self._hold(rma)
        with self.assertRaisesRegex(UserError, self._held_message(rma.name)):
            rma.action_receive()
        with self.assertRaisesRegex(UserError, self._held_message(rma.name)):
            self._validate(receipt)
        self.assertEqual(receipt.state, "assigned")
        self.assertEqual(rma.line_ids.mapped("qty_received"), [0, 0])
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)

        rma.action_release_hold()
        self._validate(receipt)
        self.assertEqual(rma.line_ids.mapped("qty_received"), [3, 2])
        self.assertEqual(self._quantity(self.product, self.rma_location), 3)

    def test_inspection_refused_on_hold(self):
        rma = self._rma()
        self._validate(self._receipt(rma))
        line = rma.line_ids[0]
        self._hold(rma)
        with self.assertRaisesRegex(UserError, self._held_message(rma.name)):
            rma.action_inspect()
        with self.assertRaisesRegex(UserError, "Returned Widget on %s cannot move: %s is on hold"
                                    % (rma.name, rma.name)):
            line.action_inspect()
        with self.assertRaisesRegex(UserError, "cannot move: %s is on hold" % rma.name):
            self._inspect(line, [("stock", 3)])
        self.assertEqual(line.qty_to_inspect, 3)
        self.assertFalse(line.inspection_result)
        self.assertEqual(self._quantity(self.product, self.rma_location), 3, "nothing left the RMA input")
        self.assertEqual(rma.status, "waiting_inspection")

    def test_delivery_neither_created_nor_validated_on_hold(self):
        rma = self._rma("replace", inspected=False)
        self._validate(self._receipt(rma))
        line = rma.line_ids[0]
        self._hold(rma, "Replacement batch under review")
        with self.assertRaisesRegex(UserError, self._held_message(rma.name)):
            rma.action_ship()
        with self.assertRaisesRegex(UserError, "cannot move: %s is on hold" % rma.name):
            line.action_create_delivery()
        with self.assertRaisesRegex(UserError, "cannot move: %s is on hold" % rma.name):
            line._create_delivery(self.product, 1)
        self.assertFalse(self._deliveries(rma), "no delivery was created")

        rma.action_release_hold()
        delivery = self._ship(line, 3)
        self._hold(rma)
        with self.assertRaisesRegex(UserError, self._held_message(rma.name)):
            self._validate(delivery)
        self.assertEqual(delivery.state, "assigned")
        self.assertEqual(line.qty_delivered, 0)
        rma.action_release_hold()
        self._validate(delivery)
        self.assertEqual(line.qty_delivered, 3)

    def test_line_hold_stops_that_line_only(self):
        rma = self._rma("replace")
        self._validate(self._receipt(rma))
        held, free = rma.line_ids
        self._hold(held)
        label = "Returned Widget on %s" % rma.name
        with self.assertRaisesRegex(UserError, self._held_message(label)):
            rma.action_inspect()
        with self.assertRaisesRegex(UserError, self._held_message(label)):
            self._inspect(held, [("stock", 3)])
        self._inspect(free, [("scrap", 2)], result="failed")
        self.assertEqual((held.qty_to_inspect, free.qty_to_inspect), (3, 0), "the other line is inspected")

        delivery = self._ship(free, 2)
        self.assertEqual(delivery.move_lines.product_id, self.other)
        self._validate(delivery)
        self.assertEqual(free.qty_delivered, 2, "the other line ships")

        held.action_release_hold()
        self._inspect(held, [("scrap", 3)], result="failed")
        self.assertEqual(held.qty_to_inspect, 0)

    def test_refurbished_units_stay_while_held(self):
        rma = self._rma("repair")
        self._validate(self._receipt(rma))
        line = rma.line_ids[0]
        self._inspect(line, [("refurbish", 3)], result="failed")
        self.assertEqual(line.qty_in_refurbish, 3)
        self._hold(line)
        with self.assertRaisesRegex(UserError, self._held_message("Returned Widget on %s" % rma.name)):
            line.action_refurbished_to_stock()
        with self.assertRaisesRegex(UserError, self._held_message("Returned Widget on %s" % rma.name)):
            line.action_decide_refurbish()
        self.assertEqual(line.qty_in_refurbish, 3, "nothing left Refurbish")
        self.assertEqual(self._quantity(self.product, self.warehouse.rma_refurbish_loc_id), 3)
