"""A return type created from Configuration, without code: "Return for credit
after full acceptance" brings the goods back, inspects them always and
credits the customer once every authorized unit passed, then all of them."""
from odoo.exceptions import ValidationError

from .common import RmaStockAccountCase


class TestReturnTypeFromScratch(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.full_acceptance = self.env["rma.operation"].create({
            "name": "Return for credit after full acceptance",
            "code": "credit_after_full_acceptance",
            "receipt_policy": "ordered",
            "inspection_policy": "always",
            "delivery_policy": "none",
            "credit_policy": "on_full_acceptance",
        })
        self.order, self.invoice = self._sell(self.product, 4)

    def test_a_return_through_the_new_type_end_to_end(self):
        self.assertFalse(self.product.rma_inspection_required, "the type inspects, not the product")
        rma = self._approve(self._rma(self.order.order_line, 4, operation=self.full_acceptance))
        line = rma.line_ids
        self.assertEqual(line.credit_policy, "on_full_acceptance", "the line's policy comes from its type")
        self.assertEqual((rma.status, rma.credit_status), ("pending_receipt", "after_inspection"))

        self._receive(rma, 2)
        self.assertEqual((line.stock_status, line.qty_to_inspect), ("partial", 2))
        self._inspect(line, [("stock", 2)])
        self.assertEqual((line.qty_accepted, line.qty_to_credit), (2, 0))
        self.assertFalse(rma.credit_note_ids, "half accepted: nothing is credited yet")
        self.assertEqual((rma.status, rma.credit_status), ("partially_received", "after_inspection"))

        self._receive(rma, 2)
        self.assertFalse(rma.credit_note_ids, "received is not accepted")
        self.assertEqual(rma.status, "waiting_inspection")
        self._inspect(line, [("stock", 2)])
        credit_note = self._credit_notes(rma)
        self.assertEqual(len(credit_note), 1)
        # 4 x 49.99 = 199.96, tax 15% 29.994 -> 29.99
        self._assert_credit_note(credit_note, 4, 199.96, 29.99, 229.95)
        self.assertEqual(credit_note.refund_invoice_id, self.invoice)
        self.assertEqual(rma.status, "credit_pending")
        self.assertEqual(self._quantity_in(self.stock_location), 4)

        credit_note.action_invoice_open()
        self.assertEqual((rma.state, rma.credit_status), ("done", "credited"))
        self.assertEqual(line.qty_credit_validated, 4)

    def test_a_unit_rejected_means_no_credit(self):
        rma = self._approve(self._rma(self.order.order_line, 4, operation=self.full_acceptance))
        self._receive(rma, 4)
        self._inspect(rma.line_ids, [("stock", 3), ("scrap", 1)], result="partial")
        self.assertFalse(rma.credit_note_ids, "not completely accepted")
        self.assertEqual(rma.line_ids.qty_to_credit, 0)
        self.assertEqual(rma.state, "done", "nothing is pending any more")

    def test_the_type_offers_the_goods_policies_only_with_goods_coming_back(self):
        goodwill = self.env["rma.operation"].create({
            "name": "Goodwill credit", "code": "goodwill", "receipt_policy": "none", "credit_policy": "on_approval",
        })
        line = self._rma(self.order.order_line, 1, operation=goodwill).line_ids
        self.assertEqual(line.credit_policy, "on_approval")
        with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
            line.credit_policy = "on_full_acceptance"
        self.assertIn("choose one of No Credit, On Approval", str(error.exception.name))
        self.assertEqual(line.credit_policy, "on_approval")
