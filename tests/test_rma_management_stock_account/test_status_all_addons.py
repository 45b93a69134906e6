"""With every addon installed, the status follows the goods, what goes out and
the credit together, and the RMA resolves itself once none is pending."""
from rma_test_helpers import return_type

from .common import RmaStockAccountCase


class TestStatusAllAddons(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.order, self.invoice = self._sell(self.product, 10)
        self.sale_line = self.order.order_line

    def test_credit_only_resolves_once_its_credit_note_is_validated(self):
        rma = self._approve(self._rma(self.sale_line, 2, operation="credit_only"))
        self.assertFalse(rma.picking_ids, "no goods come back")
        self.assertEqual((rma.status, rma.state), ("credit_pending", "approved"))
        self._credit_notes(rma).action_invoice_open()
        self.assertEqual(rma.credit_status, "credited")
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_credit_only_validated_at_once_resolves_at_approval(self):
        self.company.rma_credit_note_validate = True
        rma = self._rma(self.sale_line, 2, operation="credit_only")
        rma.action_confirm()
        self.assertEqual(self._credit_notes(rma).state, "paid")
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_no_credit_return_resolves_once_its_goods_are_decided(self):
        rma = self._approve(self._rma(self.sale_line, 2, operation="no_credit"))
        self.assertEqual(rma.line_ids.credit_policy, "none")
        self._receive(rma, 2)
        self.assertEqual((rma.status, rma.state), ("fully_received", "approved"))
        self._inspect(rma.line_ids, [("stock", 2)])
        self.assertFalse(rma.credit_note_ids)
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_goods_first_then_money(self):
        rma = self._approve(self._rma(self.sale_line, 4))
        self._receive(rma, 3)
        self.assertEqual(rma.credit_status, "pending")
        self.assertEqual(rma.status, "partially_received", "the warehouse still waits for one")
        self._receive(rma, 1)
        self.assertEqual(rma.status, "fully_received")
        self._inspect(rma.line_ids, [("stock", 4)])
        self.assertEqual((rma.status, rma.state), ("credit_pending", "approved"))
        self._credit_notes(rma).action_invoice_open()
        self.assertEqual((rma.status, rma.state), ("done", "done"))

    def test_delivered_replacement_waits_for_the_credit_then_stays_delivered(self):
        values = dict(self.env["rma.order.line"]._prepare_from_sale_line(self.sale_line),
                      product_uom_qty=1, reason_id=self.reason.id)
        rma = self._approve(self.env["rma.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "line_ids": [(0, 0, dict(values, operation_id=return_type(self.env, "replace").id)),
                          (0, 0, dict(values, operation_id=return_type(self.env, "refund").id))],
        }))
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 1)
        picking = self._receipt(rma)
        picking.move_lines.write({"quantity_done": 1})
        picking.button_validate()
        replace, refund_line = rma.line_ids.sorted(lambda line: line.operation_id.code != "replace")
        self._inspect(replace, [("scrap", 1)], result="failed")
        self._inspect(refund_line, [("stock", 1)])
        delivery = replace._create_delivery(self.product, 1)
        delivery.move_lines.quantity_done = 1
        delivery.button_validate()
        self.assertEqual(rma.credit_status, "pending")
        self.assertEqual(rma.status, "shipped", "what goes out before the money")
        rma.action_mark_delivered()
        self.assertEqual((rma.status, rma.state), ("credit_pending", "approved"))
        self._credit_notes(rma).action_invoice_open()
        self.assertEqual((rma.status, rma.state), ("delivered", "done"))
