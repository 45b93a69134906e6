"""The credit policies the bridge adds to refunds and proposes by default."""
from rma_test_helpers import return_type

from odoo.exceptions import ValidationError

from .common import RmaStockAccountCase


class TestCreditPolicyDefaults(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.order, self.invoice = self._sell(self.product, 10)
        self.sale_line = self.order.order_line

    def test_refund_is_credited_on_receipt(self):
        self.assertEqual(self._rma(self.sale_line, 2).line_ids.credit_policy, "on_receipt")

    def test_refund_of_a_product_requiring_inspection_is_credited_on_acceptance(self):
        self.product.rma_inspection_required = True
        self.assertEqual(self._rma(self.sale_line, 2).line_ids.credit_policy, "on_acceptance")

    def test_other_outcomes_keep_their_policy(self):
        self.assertEqual(self._rma(self.sale_line, 2, operation="credit_only").line_ids.credit_policy, "on_approval")
        self.assertEqual(self._rma(self.sale_line, 2, operation="replace").line_ids.credit_policy, "none")

    def test_a_category_policy_wins(self):
        on_approval = self.env["rma.category"].create({"name": "Credit at once", "credit_policy": "on_approval"})
        self.assertEqual(self._rma(self.sale_line, 2, category=on_approval).line_ids.credit_policy, "on_approval")
        on_acceptance = self.env["rma.category"].create({"name": "Inspect", "credit_policy": "on_acceptance"})
        self.assertFalse(self.product.rma_inspection_required)
        self.assertEqual(
            self._rma(self.sale_line, 2, category=on_acceptance).line_ids.credit_policy, "on_acceptance"
        )
        self.product.rma_inspection_required = True
        on_receipt = self.env["rma.category"].create({"name": "Receive", "credit_policy": "on_receipt"})
        self.assertEqual(self._rma(self.sale_line, 2, category=on_receipt).line_ids.credit_policy, "on_receipt")

    def test_changing_the_outcome_to_refund_proposes_on_receipt(self):
        rma = self._rma(self.sale_line, 2, operation="credit_only")
        rma.line_ids.operation_id = return_type(self.env, "refund")
        self.assertEqual(rma.line_ids.credit_policy, "on_receipt")

    def test_on_receipt_is_accepted_for_refunds_and_refused_without_goods(self):
        rma = self._rma(self.sale_line, 2)
        line = rma.line_ids
        line.credit_policy = "on_acceptance"
        line.credit_policy = "on_receipt"
        self.assertEqual(line.credit_policy, "on_receipt")
        credit_only = self._rma(self.sale_line, 2, operation="credit_only").line_ids
        for policy in ("on_receipt", "on_acceptance"):
            with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
                credit_only.credit_policy = policy
            self.assertIn("choose one of", str(error.exception))
            self.assertEqual(credit_only.credit_policy, "on_approval")

    def test_on_receipt_for_a_category(self):
        category = self.env["rma.category"].create({"name": "Receipt first", "credit_policy": "on_receipt"})
        self.assertEqual(category.credit_policy, "on_receipt")

    def test_credit_only_is_credited_at_approval_without_goods(self):
        rma = self._approve(self._rma(self.sale_line, 3, operation="credit_only"))
        self.assertFalse(rma.picking_ids, "nothing comes back")
        credit_note = self._credit_notes(rma)
        self._assert_credit_note(credit_note, 3, 149.97, 22.5, 172.47)
        self.assertEqual(credit_note.refund_invoice_id, self.invoice)
        self.assertEqual(rma.line_ids.qty_received, 0)

    def test_another_product_proposes_its_policy_again(self):
        line = self._rma(self.sale_line, 2).line_ids
        self.assertEqual(line.credit_policy, "on_receipt")
        inspected = self._product("Bridge Gadget to inspect", rma_inspection_required=True)
        line.write({"product_id": inspected.id, "sale_line_id": False})
        self.assertEqual(line.credit_policy, "on_acceptance", "what needs an inspection is credited once accepted")
        line.product_id = self.product
        self.assertEqual(line.credit_policy, "on_receipt")


class TestServiceCredit(RmaStockAccountCase):
    """Services come back without goods: they are credited without any receipt."""

    def setUp(self):
        super().setUp()
        self.warranty = self._product("Bridge Warranty", type="service", invoice_policy="order")
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "order_line": [(0, 0, {"product_id": self.warranty.id, "product_uom_qty": 2, "price_unit": 30.0,
                                   "tax_id": [(6, 0, self.tax_15.ids)]})],
        })
        order.action_confirm()
        self.sale_line = order.order_line
        self.sale_line.qty_delivered = 2  # what the salesman records for a service
        self.env["account.invoice"].browse(order.action_invoice_create()).action_invoice_open()

    def test_service_refund_is_credited_at_approval_without_receipt(self):
        receive_first = self.env["rma.category"].create({"name": "Receive first", "credit_policy": "on_receipt"})
        rma = self._rma(self.sale_line, 2, category=receive_first)
        self.assertEqual(rma.line_ids.credit_policy, "on_approval")
        self._approve(rma)
        self.assertFalse(rma.picking_ids)
        self._assert_credit_note(self._credit_notes(rma), 2, 60.0, 9.0, 69.0)

    def test_service_cannot_wait_for_its_receipt(self):
        line = self._rma(self.sale_line, 1).line_ids
        for policy in ("on_receipt", "on_acceptance"):
            with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
                line.credit_policy = policy
            self.assertEqual(
                str(error.exception.name),
                'Bridge Warranty is a service: nothing of it is received, so it cannot have the credit policy "%s".'
                % ("On Receipt" if policy == "on_receipt" else "On Acceptance"),
            )
            line.invalidate_cache()
            self.assertEqual(line.credit_policy, "on_approval")
