"""Services come back without goods: a refund or a return without credit of a
service creates no receipt, and nothing of them can be replaced or repaired."""
from rma_test_helpers import return_type

from odoo.exceptions import ValidationError

from .rma_stock_common import RmaStockCase


class TestRmaServices(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.warranty = self._create_product("Extended Warranty", type="service", invoice_policy="order")
        self.order = self._sell_and_deliver(self.product, 2)

    def test_service_lines_get_no_receipt(self):
        rma = self._approve(self._create_rma([
            (self.order.order_line, 2, "refund"), (self.warranty, 1, "refund"), (self.warranty, 1, "no_credit"),
        ]))
        goods, refund, no_credit = rma.line_ids
        receipt = self._receipt(rma)
        self.assertEqual(receipt.move_lines.mapped("rma_line_id"), goods)
        self.assertFalse((refund | no_credit).mapped("move_ids"))
        self.assertEqual(self.env["stock.move"].search_count([("product_id", "=", self.warranty.id)]), 0)
        self._validate(receipt)
        # the services wait for nothing in the warehouse: the goods give the status
        self.assertEqual((refund.stock_status, no_credit.stock_status), (False, False))
        self.assertEqual(rma.status, {"inspect": "waiting_inspection", "decide": "fully_received"}[goods.stock_status])

    def test_rma_of_services_only_creates_no_picking(self):
        rma = self._approve(self._create_rma([(self.warranty, 1, "refund"), (self.warranty, 1, "no_credit")]))
        self.assertFalse(rma.picking_ids)
        self.assertNotIn(rma.status, ("pending_receipt", "partially_received"))

    def test_service_cannot_be_replaced_or_repaired(self):
        lines_before = self.env["rma.order.line"].search_count([])
        with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
            self._create_rma([(self.warranty, 1, "replace")])
        self.assertEqual(
            str(error.exception.name),
            'Extended Warranty is a service: no goods come back, so its outcome cannot be "Replace". Choose another '
            "outcome, such as Refund or Credit Only.",
        )
        self.assertEqual(self.env["rma.order.line"].search_count([]), lines_before)
        rma = self._create_rma([(self.warranty, 1, "refund")])
        with self.assertRaisesRegex(ValidationError, 'its outcome cannot be "Repair"'), self.env.cr.savepoint():
            rma.line_ids.operation_id = return_type(self.env, "repair")
        rma.line_ids.invalidate_cache()
        self.assertEqual(rma.line_ids.operation_id, return_type(self.env, "refund"))
