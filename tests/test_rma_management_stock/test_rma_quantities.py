"""Quantities that add up: what ships follows what came back, and the
quantities of the warehouse wizards respect their unit's rounding."""
from odoo.exceptions import UserError, ValidationError

from .rma_stock_common import RmaStockCase


class TestRmaQuantities(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.order = self._sell_and_deliver(self.product, 5)
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 20)

    def _deliveries(self, rma):
        return rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")

    def _delivery_wizard(self, line, **values):
        return self.env["rma.delivery"].with_context(default_line_id=line.id).create(values)

    def test_closed_receipt_ships_what_came_back(self):
        rma = self._approve(self._create_rma([(self.order.order_line, 5, "replace")]))
        line = rma.line_ids
        self._validate(self._receipt(rma), {self.product: 3})
        line.action_close_receipt()
        self._inspect(line, [("scrap", 3)], result="failed")
        self.assertEqual((line.qty_received, rma.status), (3, "waiting_action"))
        self.assertEqual(self._delivery_wizard(line).quantity, 3, "the wizard proposes what came back")
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._delivery_wizard(line, quantity=5).action_confirm()
        self.assertEqual(
            str(error.exception.name),
            "You can ship between 0 and 3.0 Unit(s) for Returned Widget on %s, not 5.0: a unit goes out for each "
            "unit received and not rejected (3.0 of the 5.0 authorized), and 0.0 are already on deliveries."
            % rma.name,
        )
        self.assertFalse(self._deliveries(rma))
        delivery = self.env["stock.picking"].browse(self._delivery_wizard(line).action_confirm()["res_id"])
        self._validate(delivery)
        self.assertEqual((line.qty_delivered, rma.status), (3, "shipped"))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            line._create_delivery(self.product, 1)
        self.assertEqual(self._deliveries(rma), delivery)

    def test_units_still_expected_ship_once_received(self):
        rma = self._approve(self._create_rma([(self.order.order_line, 4, "replace")]))
        line = rma.line_ids
        with self.assertRaisesRegex(UserError, "between 0 and 0.0"), self.env.cr.savepoint():
            line._create_delivery(self.product, 1)
        backorder = self._validate(self._receipt(rma), {self.product: 1})
        self._validate(line._create_delivery(self.product, 1))
        with self.assertRaisesRegex(UserError, "between 0 and 0.0"), self.env.cr.savepoint():
            line._create_delivery(self.product, 1)
        self._validate(backorder)
        self.assertEqual(self._delivery_wizard(line).quantity, 3)

    def test_rejected_units_get_no_replacement(self):
        rma = self._approve(self._create_rma([(self.order.order_line, 3, "replace")]))
        line = rma.line_ids
        self._validate(self._receipt(rma))
        self._inspect(line, [("reject", 1), ("scrap", 2)], result="partial")
        self.assertEqual(self._delivery_wizard(line).quantity, 2)
        with self.assertRaisesRegex(UserError, r"between 0 and 2.0 .*\(2.0 of the 3.0 authorized\)"), \
                self.env.cr.savepoint():
            line._create_delivery(self.product, 3)

    def test_wizard_quantities_follow_unit_rounding(self):
        pieces = self.env["product.uom"].create({
            "name": "Pieces", "rounding": 1.0, "uom_type": "reference",
            "category_id": self.env["product.uom.categ"].create({"name": "RMA Test Pieces"}).id,
        })
        bolt = self._create_product("Bolt", uom_id=pieces.id, uom_po_id=pieces.id)
        order = self._sell_and_deliver(bolt, 3)
        rma = self._approve(self._create_rma([(order.order_line, 3, "replace")]))
        line = rma.line_ids
        self._validate(self._receipt(rma))
        moves_before = self.env["stock.move"].search_count([])
        with self.assertRaisesRegex(
            ValidationError, r"1\.5 Pieces of Bolt is not a quantity of that unit: Pieces are counted in steps "
                             r"of 1\.0\.",
        ), self.env.cr.savepoint():
            self._inspect(line, [("stock", 1.5), ("scrap", 1.5)])
        self.assertEqual((line.qty_inspected, line.inspection_result), (0, False))
        self._inspect(line, [("scrap", 3)], result="failed")
        with self.assertRaisesRegex(ValidationError, "counted in steps of 1.0"), self.env.cr.savepoint():
            self._delivery_wizard(line, product_id=bolt.id, quantity=2.5).action_confirm()
        self.assertFalse(self._deliveries(rma))
        self.assertEqual(self.env["stock.move"].search_count([]), moves_before + 1, "only the scrap moved")
