"""Returned units are kept apart from the sellable stock: expected returns,
units in the RMA input, in quarantine and being refurbished count neither in
the quantity on hand nor in the forecast; accepted units count from then on.
The Returned Stock view tells what sits where, by RMA line."""
from odoo.exceptions import UserError, ValidationError

from .rma_stock_common import RmaStockCase


class TestRmaReturnedStock(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.product.rma_inspection_required = True
        self.order = self._sell_and_deliver(self.product, 5)
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 995)
        self.quarantine = self.warehouse.rma_quarantine_loc_id
        self.refurbish = self.warehouse.rma_refurbish_loc_id

    def _assert_available(self, on_hand, forecast, message=None):
        """Company-wide, per warehouse (id and name) and in the stock's forecast report."""
        for context in ({}, {"warehouse": self.warehouse.id}, {"warehouse": self.warehouse.name}):
            product = self.product.with_context(**context)
            self.assertEqual((product.qty_available, product.virtual_available), (on_hand, forecast),
                             "%s %s" % (message or "", context))
        forecast_rows = self.env["report.stock.forecast"].search([("product_id", "=", self.product.id)])
        self.assertEqual(sum(forecast_rows.mapped("quantity")), forecast, message)
        self.assertEqual(max(forecast_rows.mapped("cumulative_quantity")), forecast, message)

    def _in_location(self, location):
        return self.product.with_context(location=location.id).qty_available

    def _rows(self, rma):
        rows = self.env["rma.returned.stock"].search([("rma_id", "=", rma.id)])
        return sorted((row.location_id, row.rma_line_id, row.product_id, row.quantity) for row in rows)

    def _decide(self, line, source, items, result="passed"):
        """The inspection wizard opened from the line for the units in ``source``."""
        action = getattr(line, {"quarantine": "action_decide_quarantine",
                                "refurbish": "action_decide_refurbish"}[source])()
        wizard = self.env[action["res_model"]].with_context(action["context"]).create({
            "result": result,
            "item_ids": [(5, 0, 0)] + [(0, 0, {"disposition": disposition, "quantity": qty})
                                       for disposition, qty in items],
        })
        self.assertEqual(wizard.source, source)
        return wizard.action_confirm()

    def test_returned_units_count_once_accepted(self):
        self._assert_available(995, 995, "before the RMA")
        rma = self._approve(self._create_rma([(self.order.order_line, 5, "refund")]))
        self._assert_available(995, 995, "an approved return is not a promise of goods")
        self.assertEqual(self.product.incoming_qty, 0)
        receipt = self._receipt(rma)
        self._validate(receipt)
        self._assert_available(995, 995, "units waiting for inspection are not available")
        self.assertEqual(self._in_location(self.rma_location), 5, "asking for RMA Input shows its units")
        self.assertEqual(self.product.with_context(location=self.rma_location.complete_name).qty_available, 5)
        # valuation: the returned units are the company's, at their original cost
        self.assertEqual(self.product.with_context(company_owned=True).qty_available, 1000)
        self.assertEqual(self.product.stock_value, 1000 * 10.0)
        self.assertEqual(receipt.move_lines.value, 5 * 10.0)
        line = rma.line_ids
        self.assertEqual(self._rows(rma), [(self.rma_location, line, self.product, 5)])
        self.assertEqual(len(self.env["rma.returned.stock"].search([("product_id", "=", self.product.id)])), 1,
                         "the RMA's units are not listed again without RMA")

        self._inspect(line, [("stock", 2), ("quarantine", 2), ("refurbish", 1)], result="partial")
        self._assert_available(997, 997, "the units accepted to stock count from now on")
        self.assertEqual((self._in_location(self.quarantine), self._in_location(self.refurbish)), (2, 1))
        self.assertEqual((line.qty_accepted, line.qty_in_quarantine, line.qty_in_refurbish), (3, 2, 1))
        self.assertEqual(self.product.stock_value, 1000 * 10.0, "moves between own locations change no value")
        self.assertEqual(self._rows(rma), sorted([
            (self.quarantine, line, self.product, 2), (self.refurbish, line, self.product, 1),
        ]))

        self._decide(line, "quarantine", [("stock", 1), ("scrap", 1)], result="partial")
        self._assert_available(998, 998, "a quarantined unit accepted now counts")
        self.assertEqual(self._quantity(self.product, self.quarantine), 0)
        self.assertEqual(self._quantity(self.product, self.warehouse.rma_scrap_loc_id), 1)
        self.assertEqual(line.scrap_ids.location_id, self.quarantine)
        self.assertEqual((line.qty_accepted, line.qty_in_quarantine, line.qty_in_refurbish), (4, 0, 1))
        self.assertEqual((line.qty_inspected, line.qty_to_inspect), (5, 0), "decided again, not inspected twice")

        self._decide(line, "refurbish", [("stock", 1)])
        self._assert_available(999, 999, "refurbished to stock")
        self.assertEqual((line.qty_accepted, line.qty_in_quarantine, line.qty_in_refurbish), (4, 0, 0))
        self.assertEqual(self._rows(rma), [])
        message = rma.message_ids.filtered(lambda message: "in Refurbish by" in (message.body or ""))
        self.assertEqual(len(message), 1)
        self.assertEqual(self.product.stock_value, 999 * 10.0, "the scrapped unit left the valuation")

    def test_refurbishing_units_in_quarantine_and_sending_back(self):
        rma = self._approve(self._create_rma([(self.order.order_line, 4, "refund")]))
        self._validate(self._receipt(rma))
        line = rma.line_ids
        self._inspect(line, [("quarantine", 4)], result="failed")
        self.assertEqual(line.qty_accepted, 0)
        self._decide(line, "quarantine", [("refurbish", 3), ("reject", 1)], result="partial")
        self.assertEqual((line.qty_accepted, line.qty_in_quarantine, line.qty_in_refurbish), (3, 0, 3))
        send_back = rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")
        self.assertEqual((send_back.location_id, send_back.state), (self.quarantine, "assigned"))
        self._validate(send_back)
        self.assertEqual(line.qty_delivered, 1)
        self._decide(line, "refurbish", [("quarantine", 1), ("scrap", 2)], result="failed")
        self.assertEqual((line.qty_accepted, line.qty_in_quarantine, line.qty_in_refurbish), (0, 1, 0))
        self.assertEqual((self._quantity(self.product, self.quarantine), self._quantity(self.product, self.refurbish)),
                         (1, 0))
        self._assert_available(995, 995)

    def test_deciding_again_more_than_is_there_is_refused(self):
        rma = self._approve(self._create_rma([(self.order.order_line, 3, "refund")]))
        self._validate(self._receipt(rma))
        line = rma.line_ids
        self._inspect(line, [("quarantine", 2), ("stock", 1)])
        moves_before = self.env["stock.move"].search_count([])
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._decide(line, "quarantine", [("stock", 3)])
        self.assertIn("only 2.0 of its units are in %s" % self.quarantine.display_name, error.exception.name)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._decide(line, "quarantine", [("quarantine", 1)])
        self.assertIn("already in %s: choose another decision" % self.quarantine.display_name, error.exception.name)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            line.action_decide_refurbish()
            line._record_inspection([("stock", 1, False)], "passed", source="refurbish")
        self.assertIn("only 0.0 of its units are in %s" % self.refurbish.display_name, error.exception.name)
        self.assertEqual(self.env["stock.move"].search_count([]), moves_before)
        self.assertEqual((line.qty_in_quarantine, line.qty_accepted), (2, 1))
        self.assertEqual(self._quantity(self.product, self.quarantine), 2)
        self._assert_available(996, 996)

    def test_expected_returns_straight_to_stock_count_on_arrival(self):
        self.product.rma_inspection_required = False
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        rma = self._approve(self._create_rma([(self.order.order_line, 2, "refund")]))
        self.assertEqual(self._receipt(rma).move_lines.location_dest_id, self.stock_location)
        self._assert_available(995, 995, "expected back is not here yet")
        self.assertEqual(self.product.with_context(location=self.stock_location.id).virtual_available, 995)
        self._validate(self._receipt(rma))
        self._assert_available(997, 997)

    def test_returned_goods_locations_are_flagged(self):
        for location in (self.rma_location, self.quarantine, self.refurbish):
            self.assertTrue(location.rma_returned, location.display_name)
        self.assertFalse(self.stock_location.rma_returned)
        self.assertTrue(self.warehouse.rma_scrap_loc_id.rma_returned, "scrapped returns are inside the warehouse")
        shelf = self.env["stock.location"].create({"name": "Shelf Q1", "location_id": self.quarantine.id})
        self.assertTrue(shelf.rma_returned, "a sub-location inherits the flag")
        self.env["stock.quant"]._update_available_quantity(self.product, shelf, 7)
        self._assert_available(995, 995)
        self.assertEqual(self._in_location(self.quarantine), 7)
        rows = self.env["rma.returned.stock"].search([("product_id", "=", self.product.id)])
        self.assertEqual([(row.location_id, row.warehouse_id, row.rma_id, row.quantity) for row in rows],
                         [(shelf, self.warehouse, self.env["rma.order"], 7)], "units no RMA brought are listed too")
        # a warehouse whose RMA input is another location: that one is flagged
        bench = self.env["stock.location"].create({
            "name": "Returns Bench", "location_id": self.warehouse.view_location_id.id,
        })
        self.assertFalse(bench.rma_returned)
        self.warehouse.rma_loc_id = bench
        self.assertTrue(bench.rma_returned)
        # the sellable stock cannot become a location for returned goods
        for location in (self.stock_location, self.warehouse.view_location_id):
            with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
                self.warehouse.rma_quarantine_loc_id = location
            self.assertIn("holds the stock of %s" % self.warehouse.name, error.exception.name)
            self.assertFalse(location.rma_returned)
        self.assertEqual(self.warehouse.rma_quarantine_loc_id, self.quarantine)
        # upgrade of a database whose RMA locations were not flagged yet
        self.quarantine.rma_returned = False
        self.assertFalse(shelf.rma_returned)
        self.product.invalidate_cache()
        self.assertEqual(self.product.qty_available, 1002)
        self.warehouse._flag_rma_returned_locations()
        self.assertTrue(self.quarantine.rma_returned)
        self.product.invalidate_cache()
        self.assertEqual(self.product.qty_available, 995)

    def test_returned_stock_view_is_per_company(self):
        rule = self.env.ref("rma_management_stock.rule_rma_returned_stock_company")
        self.assertEqual(rule.model_id.model, "rma.returned.stock")
        rma = self._approve(self._create_rma([(self.order.order_line, 5, "refund")]))
        self._validate(self._receipt(rma))
        other = self.env["res.company"].create({"name": "Other Returns Company"})
        clerk = self.env["res.users"].create({
            "name": "Other Clerk", "login": "rma_other_clerk", "company_id": other.id,
            "company_ids": [(6, 0, other.ids)], "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        self.assertEqual(self.env["rma.returned.stock"].sudo(clerk).search([("rma_id", "=", rma.id)]).ids, [])
        warehouse_clerk = self.env["res.users"].create({
            "name": "Clerk", "login": "rma_same_clerk",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        rows = self.env["rma.returned.stock"].sudo(warehouse_clerk).search([("rma_id", "=", rma.id)])
        self.assertEqual(rows.read(["quantity"])[0]["quantity"], 5)

    def test_returned_units_stay_in_the_valuation_at_their_original_cost(self):
        category = self.env["product.category"].create({
            "name": "Perpetual average", "property_cost_method": "average", "property_valuation": "real_time",
        })
        product = self._create_product("Valued Returned Widget", categ_id=category.id, rma_inspection_required=True)
        order = self._sell_and_deliver(product, 5)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        receipt = self._receipt(rma)
        self._validate(receipt)
        entry = self.env["account.move"].search([("stock_move_id", "=", receipt.move_lines.id)])
        valuation_account = product.product_tmpl_id.get_product_accounts()["stock_valuation"]
        self.assertEqual(entry.line_ids.filtered("debit").mapped(lambda aml: (aml.account_id, aml.debit)),
                         [(valuation_account, 50.0)], "received at the cost of the delivery")
        self._inspect(rma.line_ids, [("quarantine", 5)], result="failed")
        self.assertEqual((product.qty_available, product.with_context(company_owned=True).qty_available), (0, 5))
        self.assertEqual(product.stock_value, 50.0)
        # a purchase at 20: the average cost weighs the 5 units at 10 in quarantine
        supplier = self.env.ref("stock.stock_location_suppliers")
        purchase = self.env["stock.picking"].create({
            "picking_type_id": self.warehouse.in_type_id.id,
            "location_id": supplier.id, "location_dest_id": self.stock_location.id,
            "move_lines": [(0, 0, {
                "name": product.name, "product_id": product.id, "product_uom_qty": 5, "product_uom": product.uom_id.id,
                "price_unit": 20.0, "location_id": supplier.id, "location_dest_id": self.stock_location.id,
            })],
        })
        purchase.action_confirm()
        self._validate(purchase)
        self.assertEqual(product.standard_price, 15.0)
        self.assertEqual(product.stock_value, 150.0)
        entries = self.env["account.move"].search_count([])
        self._decide(rma.line_ids, "quarantine", [("stock", 5)])
        self.assertEqual(self.env["account.move"].search_count([]), entries, "moving own units posts nothing")
        self.assertEqual((product.qty_available, product.stock_value), (10, 150.0))
