"""Validating an RMA receipt costs Odoo's own validation plus a constant:
no query per RMA line for quantities and statuses."""
from .rma_stock_common import RmaStockCase


class TestRmaStockPerformance(RmaStockCase):

    def _products(self, size):
        products = self.env["product.product"]
        for index in range(size):
            products |= self._create_product("Perf Widget %s-%s" % (size, index))
        return products

    def _count_validation(self, picking):
        for move in picking.move_lines:
            move.quantity_done = move.product_uom_qty
        self.env.cache.invalidate()
        before = self.env.cr.sql_log_count
        picking.action_done()
        return self.env.cr.sql_log_count - before

    def _rma_receipt(self, products):
        # returns without credit: with accounting installed too, a refund's receipt would also write a credit note
        rma = self._approve(self._create_rma([(product, 2, "no_credit") for product in products]))
        return rma, self._receipt(rma)

    def _plain_receipt(self, products):
        customers = self.customer.property_stock_customer
        picking = self.env["stock.picking"].create({
            "picking_type_id": self.warehouse.rma_in_type_id.id,
            "location_id": customers.id,
            "location_dest_id": self.rma_location.id,
            "move_lines": [(0, 0, {
                "name": product.name, "product_id": product.id, "product_uom_qty": 2,
                "product_uom": product.uom_id.id, "location_id": customers.id,
                "location_dest_id": self.rma_location.id,
            }) for product in products],
        })
        picking.action_confirm()
        picking.action_assign()
        return picking

    def _overhead(self, size):
        rma, receipt = self._rma_receipt(self._products(size))
        rma_queries = self._count_validation(receipt)
        self.assertEqual(rma.status, "fully_received")
        plain_queries = self._count_validation(self._plain_receipt(self._products(size)))
        return rma_queries - plain_queries

    def test_receipt_validation_overhead_does_not_grow_with_lines(self):
        small = self._overhead(2)
        large = self._overhead(8)
        self.assertLessEqual(large, small + 2, "RMA bookkeeping must not cost queries per line")
        # about 30 for quantities and statuses, the rest once per RMA: the warehouse's
        # to-do marked done and the customer (a follower) told that the goods arrived
        self.assertLessEqual(small, 170)
