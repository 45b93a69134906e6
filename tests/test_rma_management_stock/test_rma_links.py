"""Moves, transfers and scrap orders point at RMAs only when the suite made
them: a caller over RPC cannot tie a receipt of their own to an RMA line."""
from odoo.exceptions import UserError

from .rma_stock_common import RmaStockCase

REFUSED = ("are set by the returns workflow only: receipts, deliveries and scrap orders of an RMA are created "
           "from the RMA.")


class TestRmaLinks(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.clerk = self.env["res.users"].create({
            "name": "Links Clerk", "login": "rma_links_clerk", "email": "links.clerk@example.com",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        self.order = self._sell_and_deliver(self.product, 5)
        self.rma = self._approve(self._create_rma([(self.order.order_line, 5, "refund")]))
        self.line = self.rma.line_ids
        self.receipt = self._receipt(self.rma)
        self.customers = self.customer.property_stock_customer

    def _move_values(self, **values):
        return dict({
            "name": "By hand", "product_id": self.product.id, "product_uom_qty": 5,
            "product_uom": self.product.uom_id.id, "location_id": self.customers.id,
            "location_dest_id": self.rma_location.id,
        }, **values)

    def _assert_refused(self, fields, call):
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            call()
        self.assertRegex(error.exception.name, "^%s of .* %s$" % (fields, REFUSED))

    def test_moves_are_not_linked_from_outside(self):
        moves = self.env["stock.move"].sudo(self.clerk)
        count = moves.search_count([("rma_line_id", "=", self.line.id)])
        self._assert_refused("RMA Line", lambda: moves.create(self._move_values(rma_line_id=self.line.id)))
        # a context sent over RPC holds JSON values only: it cannot stand for the suite
        self._assert_refused("RMA Line", lambda: moves.with_context(rma_workflow="1").create(
            self._move_values(rma_line_id=self.line.id)))
        delivery_move = self.order.picking_ids.move_lines.sudo(self.clerk)
        self._assert_refused("RMA Line", lambda: delivery_move.write({"rma_line_id": self.line.id}))
        receipt_move = self.receipt.move_lines.sudo(self.clerk)
        self._assert_refused("RMA Disposition", lambda: receipt_move.write({"rma_disposition": "stock"}))
        self._assert_refused("RMA Line, Inspected Lot/Serial Number",
                             lambda: receipt_move.write({"rma_line_id": False, "rma_lot_id": False}))
        self.assertEqual(moves.search_count([("rma_line_id", "=", self.line.id)]), count)
        self.assertFalse(delivery_move.rma_line_id)
        self.assertEqual((receipt_move.rma_line_id, receipt_move.rma_disposition), (self.line, False))

    def test_transfers_are_not_linked_from_outside(self):
        pickings = self.env["stock.picking"].sudo(self.clerk)
        count = pickings.search_count([("rma_id", "=", self.rma.id)])
        self._assert_refused("RMA", lambda: pickings.create({
            "picking_type_id": self.warehouse.rma_in_type_id.id, "location_id": self.customers.id,
            "location_dest_id": self.rma_location.id, "rma_id": self.rma.id,
            "move_lines": [(0, 0, self._move_values())],
        }))
        # moves created with their transfer are checked too
        self._assert_refused("RMA Line", lambda: pickings.create({
            "picking_type_id": self.warehouse.rma_in_type_id.id, "location_id": self.customers.id,
            "location_dest_id": self.rma_location.id,
            "move_lines": [(0, 0, self._move_values(rma_line_id=self.line.id))],
        }))
        delivery = self.order.picking_ids.sudo(self.clerk)
        self._assert_refused("RMA, RMA Return", lambda: delivery.write({"rma_id": self.rma.id, "is_rma_return": True}))
        self.assertEqual(pickings.search_count([("rma_id", "=", self.rma.id)]), count)
        self.assertEqual((delivery.rma_id, delivery.is_rma_return), (self.env["rma.order"], False))

    def test_scrap_orders_are_not_linked_from_outside(self):
        self._validate(self.receipt)
        scraps = self.env["stock.scrap"].sudo(self.clerk)
        self._assert_refused("RMA Line", lambda: scraps.create({
            "product_id": self.product.id, "product_uom_id": self.product.uom_id.id, "scrap_qty": 1,
            "location_id": self.rma_location.id, "rma_line_id": self.line.id,
        }))
        self.assertFalse(self.line.scrap_ids)
        self.assertEqual(self._quantity(self.product, self.rma_location), 5)

    def test_copies_keep_their_links_but_cannot_set_any(self):
        receipt = self.receipt.sudo(self.clerk)
        delivery = self.order.picking_ids.sudo(self.clerk)
        count = self.env["stock.move"].search_count([("rma_line_id", "=", self.line.id)])
        self._assert_refused("RMA Line", lambda: delivery.move_lines.copy({"rma_line_id": self.line.id}))
        self._assert_refused("RMA", lambda: delivery.copy({"rma_id": self.rma.id}))
        self.assertEqual(self.env["stock.move"].search_count([("rma_line_id", "=", self.line.id)]), count)
        self.assertEqual(self.rma.picking_ids, self.receipt)
        copy = receipt.copy()
        self.assertEqual((copy.rma_id, copy.is_rma_return), (self.rma, True))
        self.assertEqual(copy.move_lines.rma_line_id, self.line)
        self.assertFalse(copy.env.context.get("rma_workflow"), "the copy does not carry the suite's rights")
        self._assert_refused("RMA", lambda: copy.write({"rma_id": False}))
