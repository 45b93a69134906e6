"""Shipping replacements and repaired units back to the customer."""
from odoo.exceptions import UserError

from .rma_stock_common import RmaStockCase


class TestRmaDelivery(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.order = self._sell_and_deliver(self.product, 5)
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 20)

    def _inspected_rma(self, operation, disposition, qty=5):
        rma = self._approve(self._create_rma([(self.order.order_line, qty, operation)]))
        self._validate(self._receipt(rma))
        self._inspect(rma.line_ids, [(disposition, qty)], result="failed")
        return rma

    def _ship(self, line, **values):
        wizard = self.env["rma.delivery"].with_context(default_line_id=line.id).create(values)
        return self.env["stock.picking"].browse(wizard.action_confirm()["res_id"])

    def test_replacement_shipped_in_two_parts(self):
        rma = self._inspected_rma("replace", "scrap")
        line = rma.line_ids
        self.assertEqual(rma.status, "waiting_action")
        delivery = self._ship(line, scheduled_date="2026-12-01 09:00:00")
        self.assertEqual(delivery.picking_type_id, self.warehouse.rma_out_type_id)
        self.assertEqual(delivery.scheduled_date, "2026-12-01 09:00:00")
        self.assertEqual(delivery.move_lines.product_uom_qty, 5)
        self.assertTrue(delivery.is_rma_return)
        self.assertEqual(rma.delivery_count, 1)
        self.assertEqual(rma.status, "ready_to_ship")
        backorder = self._validate(delivery, {self.product: 3})
        self.assertEqual(line.qty_delivered, 3)
        self.assertEqual(rma.status, "ready_to_ship")
        self._validate(backorder)
        self.assertEqual(line.qty_delivered, 5)
        self.assertEqual(self._quantity(self.product, self.stock_location), 15)
        self.assertEqual(rma.status, "shipped")
        self.assertEqual(rma.state, "approved", "until the customer confirms the shipped goods")
        rma.action_mark_delivered()
        self.assertEqual((rma.status, rma.state), ("delivered", "done"), "nothing else pending: resolved")

    def _customer_sends_back(self, delivery, qty):
        wizard = self.env["stock.return.picking"].with_context(
            active_id=delivery.id, active_ids=delivery.ids,
        ).create({})
        wizard.product_return_moves.quantity = qty
        back = self.env["stock.picking"].browse(wizard.create_returns()["res_id"])
        self._validate(back)
        return back

    def test_replacement_sent_back_by_the_customer_is_to_ship_again(self):
        rma = self._inspected_rma("replace", "scrap", qty=2)
        line = rma.line_ids
        delivery = self._ship(line)
        self._validate(delivery)
        self.assertEqual(rma.status, "shipped")
        back = self._customer_sends_back(delivery, 2)
        self.assertEqual(back.rma_id, rma)
        self.assertEqual(line.qty_received, 2, "the replacement coming back is no new return")
        self.assertEqual(line.qty_delivered, 0)
        self.assertEqual(rma.status, "waiting_action", "the replacement is to ship again")
        self.assertEqual(self._ship(line).move_lines.product_uom_qty, 2)

    def test_rejected_units_sent_back_again_are_to_decide_again(self):
        rma = self._inspected_rma("refund", "reject", qty=2)
        line = rma.line_ids
        delivery = rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")
        self._validate(delivery)
        self.assertEqual(rma.status, "shipped")
        self._customer_sends_back(delivery, 1)
        self.assertEqual((line.qty_received, line.qty_delivered, line.qty_to_inspect), (2, 1, 1))
        self.assertEqual(self._quantity(self.product, self.rma_location), 1)
        self.assertEqual(rma.status, "fully_received", "the unit back in RMA Input waits for a decision")
        self._inspect(line, [("scrap", 1)])
        self.assertEqual(line.qty_to_inspect, 0)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)

    def test_replacement_by_another_product_in_two_deliveries(self):
        other = self._create_product("Newer Widget")
        self.env["stock.quant"]._update_available_quantity(other, self.stock_location, 5)
        rma = self._inspected_rma("replace", "stock")
        line = rma.line_ids
        first = self._ship(line, product_id=other.id, quantity=2)
        self.assertEqual(first.move_lines.product_id, other)
        self.assertEqual(rma.status, "ready_to_ship")
        self._validate(first)
        self.assertEqual(rma.status, "waiting_action", "3 more to ship")
        second = self._ship(line, product_id=other.id)
        self.assertEqual(second.move_lines.product_uom_qty, 3)
        self._validate(second)
        self.assertEqual(line.qty_delivered, 5)
        self.assertEqual(self._quantity(other, self.stock_location), 0)
        self.assertEqual(rma.status, "shipped")

    def test_shipping_more_than_authorized_is_refused(self):
        rma = self._inspected_rma("replace", "scrap")
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._ship(rma.line_ids, quantity=6)
        self.assertIn("between 0 and 5.0", str(error.exception))
        self.assertFalse(rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing"))

    def test_shipping_replacement_for_refund_line_is_refused(self):
        rma = self._approve(self._create_rma([(self.order.order_line, 2, "refund")]))
        self._validate(self._receipt(rma))
        pickings = rma.picking_ids
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.line_ids._create_delivery(self.product, 1)
        self.assertIn("Only replace and repair lines", str(error.exception))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            rma.line_ids.action_create_delivery()
        self.assertEqual(rma.picking_ids, pickings)
        self.assertEqual(self._quantity(self.product, self.stock_location), 20)

    def test_repair_ships_the_repaired_unit(self):
        rma = self._inspected_rma("repair", "refurbish", qty=1)
        line = rma.line_ids
        self.assertEqual(rma.status, "in_progress")
        delivery = self._ship(line)
        self.assertEqual(delivery.location_id, self.warehouse.rma_refurbish_loc_id)
        self.assertEqual(delivery.state, "assigned")
        self._validate(delivery)
        self.assertEqual(self._quantity(self.product, self.warehouse.rma_refurbish_loc_id), 0)
        self.assertEqual(line.qty_delivered, 1)
        self.assertEqual(rma.status, "shipped")

    def test_repair_ships_another_product_from_the_refurbish_location(self):
        """Units beyond repair may be swapped for another product found
        there: only the line's own product follows its moves."""
        spare = self._create_product("Refurbished Spare")
        refurbish = self.warehouse.rma_refurbish_loc_id
        self.env["stock.quant"]._update_available_quantity(spare, refurbish, 2)
        rma = self._approve(self._create_rma([(self.order.order_line, 2, "repair")]))
        self._validate(self._receipt(rma))
        self._inspect(rma.line_ids, [("refurbish", 1), ("scrap", 1)], result="partial")
        delivery = self._ship(rma.line_ids, product_id=spare.id, quantity=2)
        self.assertEqual((delivery.state, delivery.move_lines.reserved_availability), ("assigned", 2))
        self._validate(delivery)
        self.assertEqual(self._quantity(spare, refurbish), 0)
        self.assertEqual(self._quantity(self.product, refurbish), 1, "the customer's repaired unit stays")

    def test_mark_delivered_only_when_shipped(self):
        rma = self._inspected_rma("replace", "scrap")
        with self.assertRaises(UserError), self.env.cr.savepoint():
            rma.action_mark_delivered()
        self.assertFalse(rma.delivered_date)
