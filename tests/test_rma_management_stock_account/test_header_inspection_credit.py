"""The header's Inspect, with all addons: lines credited on acceptance and
inspected together are credited on one credit note; Reopen is refused once
the RMA was credited since it resolved."""
from rma_test_helpers import return_type

from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import UserError

from .common import RmaStockAccountCase


class TestHeaderInspectionCredit(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.other = self._product("Bridge Gadget")
        (self.product | self.other).write({"rma_inspection_required": True})
        order = self._sell_both()
        line, other_line = order.order_line
        self.rma = self._rma(line, 4)
        values = self.env["rma.order.line"]._prepare_from_sale_line(other_line)
        values.update(product_uom_qty=2, operation_id=return_type(self.env, "refund").id, reason_id=self.reason.id)
        self.rma.write({"line_ids": [(0, 0, values)]})
        self._approve(self.rma)
        receipt = self._receipt(self.rma)
        for move in receipt.move_lines:
            move.quantity_done = move.product_uom_qty
        receipt.button_validate()
        self.assertEqual(self.rma.line_ids.mapped("credit_policy"), ["on_acceptance"] * 2)

    def _sell_both(self):
        """4 of the product and 2 of the other, delivered and on one validated invoice."""
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 4)
        self.env["stock.quant"]._update_available_quantity(self.other, self.stock_location, 2)
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": qty, "price_unit": 49.99,
                                   "tax_id": [(6, 0, self.tax_15.ids)]})
                           for product, qty in ((self.product, 4), (self.other, 2))],
        })
        order.action_confirm()
        for move in order.picking_ids.mapped("move_lines"):
            move.quantity_done = move.product_uom_qty
        order.picking_ids.button_validate()
        self.env["account.invoice"].browse(order.action_invoice_create()).action_invoice_open()
        return order

    def _inspect_all(self):
        wizard = self.env["rma.inspect"].with_context(self.rma.action_inspect()["context"]).create({})
        self.assertEqual(len(wizard.item_ids), 2)
        wizard.action_confirm()
        return self._credit_notes(self.rma)

    def test_one_credit_note_for_the_lines_inspected_together(self):
        credit_note = self._inspect_all()
        self.assertEqual(len(credit_note), 1)
        self.assertEqual(
            sorted((line.product_id, line.quantity) for line in credit_note.invoice_line_ids),
            sorted([(self.product, 4), (self.other, 2)]),
        )
        self.assertEqual(self.rma.line_ids.mapped("qty_accepted"), [4, 2])

    def _credited_and_resolved(self):
        credit_note = self._inspect_all()
        credit_note.action_invoice_open()
        self.assertEqual((self.rma.status, self.rma.state), ("done", "done"))
        return credit_note

    def test_reopen_allowed_when_credited_before_it_resolved(self):
        self._credited_and_resolved()
        self.rma.action_reopen()
        self.assertEqual(self.rma.state, "approved")

    def test_reopen_refused_once_credited_since_it_resolved(self):
        credit_note = self._credited_and_resolved()
        with workflow_write():  # as if resolved before the credit note was created
            self.rma.date_done = "2000-01-01 00:00:00"
        with self.assertRaisesRegex(UserError, "%s cannot be reopened: .* were created since it was resolved."
                                    % self.rma.name):
            self.rma.action_reopen()
        self.assertEqual((self.rma.state, credit_note.state), ("done", "paid"), "the credit note stays as it was")
