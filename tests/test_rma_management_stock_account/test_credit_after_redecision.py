"""Units in quarantine or being refurbished can be decided again; a refund
credited on acceptance credits them when they are accepted, once."""
from .common import RmaStockAccountCase


class TestCreditAfterRedecision(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.product.rma_inspection_required = True
        self.order, self.invoice = self._sell(self.product, 10)
        self.rma = self._approve(self._rma(self.order.order_line, 10))
        self.line = self.rma.line_ids
        self._receive(self.rma, 10)
        self.quarantine = self.warehouse.rma_quarantine_loc_id

    def _decide_again(self, source, items, result="passed"):
        wizard = self.env["rma.inspect"].with_context(default_line_id=self.line.id).create({
            "source": source,
            "result": result,
            "item_ids": [(5, 0, 0)] + [(0, 0, {"disposition": disposition, "quantity": qty})
                                       for disposition, qty in items],
        })
        return wizard.action_confirm()

    def test_quarantined_units_are_credited_once_accepted(self):
        self._inspect(self.line, [("stock", 6), ("quarantine", 4)], result="partial")
        self.assertEqual(self._credit_notes(self.rma).invoice_line_ids.quantity, 6)
        self._decide_again("quarantine", [("stock", 1), ("refurbish", 2), ("scrap", 1)], result="partial")
        self.assertEqual((self.line.qty_accepted, self.line.qty_in_quarantine, self.line.qty_in_refurbish), (9, 0, 2))
        credit_notes = self._credit_notes(self.rma)
        self.assertEqual(credit_notes.mapped("invoice_line_ids.quantity"), [6, 3])
        # 3 x 49.99 = 149.97, tax 22.4955 -> 22.50
        self._assert_credit_note(credit_notes[1], 3, 149.97, 22.50, 172.47)
        # the refurbished units go to stock: accepted already, nothing more is credited
        self._decide_again("refurbish", [("stock", 2)])
        self.assertEqual(self._quantity_in(self.stock_location), 9)
        self.assertEqual(self._credit_notes(self.rma), credit_notes)
        self.assertEqual(self.line.qty_credited, 9)

    def test_returned_units_are_valued_at_their_original_cost(self):
        receipt = self.rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "incoming")
        self.assertEqual(receipt.move_lines.price_unit, self.line._get_original_unit_cost())
        self.assertEqual(receipt.move_lines.value, 10 * self.line._get_original_unit_cost())
        self._inspect(self.line, [("quarantine", 10)], result="failed")
        self.assertEqual(self.product.with_context(company_owned=True).qty_available,
                         self._quantity_in(self.stock_location) + 10)
        self.assertEqual(self.product.qty_available, self._quantity_in(self.stock_location))
        self._decide_again("quarantine", [("stock", 10)])
        self.assertEqual(self.product.qty_available, self._quantity_in(self.stock_location))
        self.assertEqual(self._credit_notes(self.rma).invoice_line_ids.quantity, 10)
