"""Serial-numbered returns: what comes back on a line is what the customer
got from its origin (or what an RMA manager accepted), and what an inspection
decides moves the units the customer returned on that RMA, never another
RMA's waiting in the same RMA input location."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .rma_stock_common import RmaStockCase


class TestRmaLots(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.serial_product = self._create_product("Serial Widget", tracking="serial")
        order = self._sell_and_deliver(self.serial_product, 3, lot_names=["SN-1", "SN-2", "SN-3"])
        self.other_order = self._sell_and_deliver(self.serial_product, 2, lot_names=["SN-4", "SN-5"])
        self.env["stock.production.lot"].create({"name": "SN-9", "product_id": self.serial_product.id})
        self.serials = {
            lot.name: lot for lot in self.env["stock.production.lot"].search(
                [("product_id", "=", self.serial_product.id)]
            )
        }
        # the first RMA's unit arrives first: it is what Odoo's removal strategy would pick
        self.first_rma = self._received_rma(order, ["SN-1"])
        self.second_rma = self._received_rma(order, ["SN-2", "SN-3"])

    def _received_rma(self, order, serial_names):
        rma = self._approve(self._create_rma([(order.order_line, len(serial_names), "replace")]))
        self._receive_serials(rma, serial_names)
        self.assertEqual(rma.line_ids.lot_ids.mapped("name"), sorted(serial_names))
        return rma

    def _receive_serials(self, rma, serial_names):
        receipt = self._receipt(rma)
        move = receipt.move_lines
        move.move_line_ids.unlink()
        for name in serial_names:
            self.env["stock.move.line"].create({
                "move_id": move.id,
                "picking_id": receipt.id,
                "product_id": move.product_id.id,
                "product_uom_id": move.product_uom.id,
                "location_id": move.location_id.id,
                "location_dest_id": move.location_dest_id.id,
                "lot_id": self.serials[name].id,
                "qty_done": 1,
            })
        receipt.action_done()
        return receipt

    def _serials_in(self, location):
        quants = self.env["stock.quant"].search([
            ("product_id", "=", self.serial_product.id), ("location_id", "=", location.id), ("quantity", ">", 0),
        ])
        return sorted(quants.mapped("lot_id.name"))

    def _inspect_lots(self, line, items):
        """``items``: (disposition, quantity, serial name or None) triples."""
        wizard = self.env["rma.inspect"].with_context(default_line_id=line.id).create({
            "item_ids": [(5, 0, 0)] + [
                (0, 0, {"disposition": disposition, "quantity": qty,
                        "lot_id": self.serials[name].id if name else False})
                for disposition, qty, name in items
            ],
        })
        return wizard.action_confirm()

    def test_decisions_take_the_units_returned_on_their_rma(self):
        line = self.second_rma.line_ids
        self._inspect_lots(line, [("stock", 1, None), ("scrap", 1, None)])
        # the first RMA's unit waits untouched; the second RMA's went to stock and scrap
        self.assertEqual(self._serials_in(self.rma_location), ["SN-1"])
        self.assertEqual(self._serials_in(self.stock_location), ["SN-2"])
        self.assertEqual(self._serials_in(self.warehouse.rma_scrap_loc_id), ["SN-3"])
        self.assertEqual(line.scrap_ids.lot_id.name, "SN-3")
        self.assertEqual((line.qty_inspected, line.qty_to_inspect), (2, 0))
        self.assertEqual(self.first_rma.line_ids.qty_to_inspect, 1)
        # the first RMA's unit is rejected: the picking back to the customer reserves that very serial
        self._inspect_lots(self.first_rma.line_ids, [("reject", 1, None)])
        reject = self.first_rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")
        self.assertEqual(reject.state, "assigned")
        self.assertEqual(reject.move_line_ids.lot_id.name, "SN-1")

    def test_inspection_decides_per_serial_number(self):
        line = self.second_rma.line_ids
        # listed last, the decision naming its serial still gets it; the other takes what is left
        self._inspect_lots(line, [("stock", 1, None), ("quarantine", 1, "SN-2")])
        self.assertEqual(self._serials_in(self.warehouse.rma_quarantine_loc_id), ["SN-2"])
        self.assertEqual(self._serials_in(self.stock_location), ["SN-3"])
        self.assertEqual(self._serials_in(self.rma_location), ["SN-1"])
        quarantine_move = line.move_ids.filtered(lambda move: move.rma_disposition == "quarantine")
        self.assertEqual(quarantine_move.rma_lot_id.name, "SN-2")
        self.assertIn("1.0 Unit(s): Quarantine", self.second_rma.message_ids[0].body)

    def test_serial_returned_on_another_rma_is_refused(self):
        line = self.second_rma.line_ids
        moves_before = self.env["stock.move"].search_count([])
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._inspect_lots(line, [("stock", 1, "SN-1"), ("stock", 1, None)])
        self.assertEqual(
            str(error.exception.name),
            "SN-1 was not received on %s for Serial Widget: choose among SN-2, SN-3." % self.second_rma.name,
        )
        self.assertEqual(self.env["stock.move"].search_count([]), moves_before)
        self.assertEqual(self._serials_in(self.rma_location), ["SN-1", "SN-2", "SN-3"])
        self.assertEqual((line.qty_inspected, line.inspection_result), (0, False))

    def test_return_of_the_receipt_reserves_only_what_was_not_disposed(self):
        line = self.second_rma.line_ids
        self._inspect_lots(line, [("stock", 1, "SN-3")])
        receipt = self.second_rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "incoming")
        wizard = self.env["stock.return.picking"].with_context(active_id=receipt.id, active_ids=receipt.ids).create({})
        picking_id, _type = wizard._create_returns()
        returned = self.env["stock.picking"].browse(picking_id)
        returned.action_assign()
        # SN-3 went to stock and SN-1 is the first RMA's: only SN-2 can go back
        self.assertEqual(returned.move_line_ids.lot_id.name, "SN-2")
        self.assertEqual(returned.move_lines.reserved_availability, 1)

    # ------------------------------------------------------------------
    # What may come back on a line
    # ------------------------------------------------------------------

    def _refused_receipt(self, rma, serial_name):
        line = rma.line_ids
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._receive_serials(rma, [serial_name])
        self.env.cache.invalidate()
        self.assertEqual(self._receipt(rma).state, "assigned")
        self.assertEqual((line.qty_received, line.lot_ids.ids), (0, []))
        return str(error.exception.name)

    def test_serial_not_delivered_with_the_origin_line_is_refused(self):
        self._sell_and_deliver(self.serial_product, 1, lot_names=["SN-6"])
        self.serials["SN-6"] = self.env["stock.production.lot"].search([("name", "=", "SN-6")])
        rma = self._approve(self._create_rma([(self.other_order.order_line, 1, "refund")]))
        input_before = self._serials_in(self.rma_location)
        # SN-6 went to the same customer, but with another sales order
        self.assertEqual(
            self._refused_receipt(rma, "SN-6"),
            "SN-6 of Serial Widget was not delivered to Returning Customer with the origin of its line on %s "
            "(%s), which got SN-4, SN-5. Receive the units the customer got, or ask an RMA manager to accept "
            "SN-6 on the line." % (rma.name, self.other_order.name),
        )
        self.assertIn("SN-9 of Serial Widget was not delivered", self._refused_receipt(rma, "SN-9"))
        self.assertEqual(self._serials_in(self.rma_location), input_before)
        self._receive_serials(rma, ["SN-5"])
        self.assertEqual(rma.line_ids.lot_ids.mapped("name"), ["SN-5"])

    def test_rma_manager_accepts_another_serial(self):
        rma = self._approve(self._create_rma([(self.other_order.order_line, 1, "refund")]))
        line = rma.line_ids
        line.accepted_lot_ids = self.serials["SN-9"]
        self.assertIn(
            "accepted SN-9 for Serial Widget, although not delivered to the customer with the origin of the line",
            rma.message_ids[0].body,
        )
        self._receive_serials(rma, ["SN-9"])
        self.assertEqual((line.qty_received, line.lot_ids.mapped("name")), (1, ["SN-9"]))

    def test_only_rma_managers_accept_other_serials(self):
        clerk = self.env["res.users"].create({
            "name": "Lot Clerk", "login": "lot_clerk", "email": "clerk@example.com",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id,
                                  self.env.ref("rma_management.group_rma_user").id])],
        })
        rma = self._approve(self._create_rma([(self.other_order.order_line, 1, "refund")]))
        messages_before = len(rma.message_ids)
        with self.assertRaises(AccessError) as error, self.env.cr.savepoint():
            rma.line_ids.sudo(clerk).write({"accepted_lot_ids": [(4, self.serials["SN-9"].id)]})
        self.assertEqual(
            str(error.exception.name),
            "Only RMA managers can accept lots or serial numbers that the customer did not get from the origin "
            "delivery.",
        )
        self.env.cache.invalidate()
        self.assertFalse(rma.line_ids.accepted_lot_ids)
        self.assertEqual(len(rma.message_ids), messages_before)

    def test_a_lot_of_another_product_cannot_be_accepted(self):
        rma = self._approve(self._create_rma([(self.other_order.order_line, 1, "refund")]))
        other_product = self._create_product("Other Serial Widget", tracking="serial")
        foreign = self.env["stock.production.lot"].create({"name": "OT-1", "product_id": other_product.id})
        messages_before = len(rma.message_ids)
        with self.assertRaisesRegex(ValidationError, "OT-1 is not a lot or serial number of Serial Widget."), \
                self.env.cr.savepoint():
            rma.line_ids.write({"accepted_lot_ids": [(4, foreign.id)]})
        self.env.cache.invalidate()
        self.assertFalse(rma.line_ids.accepted_lot_ids)
        self.assertEqual(len(rma.message_ids), messages_before)
