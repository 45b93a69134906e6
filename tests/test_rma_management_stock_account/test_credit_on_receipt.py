"""Refunds credited on receipt: one credit note per validated receipt for what
arrived, never more than authorized, never twice."""
from odoo.exceptions import UserError

from .common import RmaStockAccountCase


class TestCreditOnReceipt(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        # goods without inspection go straight back to stock: received is dealt with
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        self.order, self.invoice = self._sell(self.product, 10)
        self.sale_line = self.order.order_line

    def _credit_status_label(self, rma):
        return dict(rma._fields["credit_status"]._description_selection(self.env))[rma.credit_status]

    def test_receipt_in_batches_of_4_4_2_gives_three_credit_notes(self):
        rma = self._approve(self._rma(self.sale_line, 10))
        line = rma.line_ids
        self.assertEqual(line.credit_policy, "on_receipt")
        self.assertFalse(rma.credit_note_ids, "nothing is credited before the goods are back")
        self.assertEqual((line.qty_to_credit, line.qty_credited), (0, 0))
        self.assertEqual(rma.status, "pending_receipt")
        self.assertEqual(rma.credit_status, "after_receipt", "not Nothing to Credit: the goods are awaited")
        self.assertEqual(self._credit_status_label(rma), "Credit after Receipt")

        self._receive(rma, 4)
        self.assertEqual(line.qty_received, 4)
        self.assertEqual(line.qty_credited, 4)
        self.assertEqual(line.qty_to_credit, 0)
        credit_notes = self._credit_notes(rma)
        self.assertEqual(len(credit_notes), 1)
        # 4 x 49.99 = 199.96, 15 % tax 29.994 -> 29.99
        self._assert_credit_note(credit_notes, 4, 199.96, 29.99, 229.95)
        self.assertEqual(credit_notes.state, "draft")
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.status, "partially_received", "goods first: the warehouse still waits for 6")
        self.assertEqual(rma.credit_status, "pending")

        self._receive(rma, 4)
        self.assertEqual((line.qty_received, line.qty_credited), (8, 8))
        credit_notes = self._credit_notes(rma)
        self.assertEqual(len(credit_notes), 2)
        self._assert_credit_note(credit_notes[1], 4, 199.96, 29.99, 229.95)
        self.assertEqual(rma.status, "partially_received")

        self._receive(rma, 2)
        self.assertEqual((line.qty_received, line.qty_credited, line.qty_to_credit), (10, 10, 0))
        credit_notes = self._credit_notes(rma)
        self.assertEqual(len(credit_notes), 3)
        # 2 x 49.99 = 99.98, tax 14.997 -> 15.00
        self._assert_credit_note(credit_notes[2], 2, 99.98, 15.0, 114.98)
        self.assertEqual(self.invoice.amount_untaxed, 499.9)
        self.assertAlmostEqual(sum(credit_notes.mapped("amount_untaxed")), 499.9, places=2)
        for credit_note in credit_notes:
            self.assertEqual(credit_note.refund_invoice_id, self.invoice)
            self.assertEqual(credit_note.invoice_line_ids.rma_line_id, line)
            self.assertEqual(credit_note.invoice_line_ids.price_unit, 49.99)
        self.assertFalse(self._receipt(rma), "everything arrived")
        self.assertEqual(rma.status, "credit_pending")
        self.assertEqual(rma.state, "approved")

        credit_notes.action_invoice_open()
        self.assertEqual(line.qty_credit_validated, 10)
        self.assertEqual(rma.credit_status, "credited")
        self.assertEqual(rma.state, "done")
        self.assertEqual(rma.status, "done")
        self.assertAlmostEqual(rma.amount_credited, 574.88, places=2)

    def test_goods_waiting_for_action_are_credited_on_receipt_all_the_same(self):
        self.warehouse.rma_in_type_id.rma_receive_to_stock = False
        rma = self._approve(self._rma(self.sale_line, 10))
        line = rma.line_ids
        self._receive(rma, 10)
        self.assertEqual(self._quantity_in(self.warehouse.rma_loc_id), 10)
        self.assertEqual(line.qty_credited, 10)
        self.assertEqual(rma.status, "fully_received", "the warehouse has the goods to deal with first")
        self._inspect(line, [("stock", 10)])
        self.assertEqual(rma.status, "credit_pending")
        self.assertEqual(rma.state, "approved")
        self.assertEqual(len(self._credit_notes(rma)), 1, "deciding on the goods credits nothing more")
        self._credit_notes(rma).action_invoice_open()
        self.assertEqual(rma.state, "done")

    def test_nothing_credited_for_a_receipt_of_another_rma_line(self):
        """A receipt credits the RMA whose goods arrived, not its neighbours."""
        other_order, _invoice = self._sell(self.product, 5)
        rma = self._approve(self._rma(self.sale_line, 10))
        other = self._approve(self._rma(other_order.order_line, 5))
        self._receive(rma, 10)
        self.assertEqual(self._credit_notes(rma).invoice_line_ids.quantity, 10)
        self.assertFalse(other.credit_note_ids)
        self.assertEqual(other.status, "pending_receipt")

    def test_over_receipt_never_credits_more_than_authorized(self):
        self.company.rma_allow_over_receipt = True
        rma = self._approve(self._rma(self.sale_line, 6))
        line = rma.line_ids
        self._receive(rma, 4)
        self._receive(rma, 4)  # 8 of 6 authorized arrived, 10 were invoiced
        self.assertEqual(line.qty_received, 8)
        credit_notes = self._credit_notes(rma)
        self.assertEqual(credit_notes.mapped("invoice_line_ids.quantity"), [4, 2])
        self.assertEqual((line.qty_credited, line.qty_to_credit), (6, 0))
        # 2 x 49.99 = 99.98, tax 15.00
        self._assert_credit_note(credit_notes[1], 2, 99.98, 15.0, 114.98)
        self.assertFalse(rma._create_credit_notes())

    def test_over_receipt_in_one_go(self):
        self.company.rma_allow_over_receipt = True
        rma = self._approve(self._rma(self.sale_line, 3))
        self._receive(rma, 5)
        self.assertEqual(rma.line_ids.qty_received, 5)
        credit_note = self._credit_notes(rma)
        # 3 x 49.99 = 149.97, tax 22.4955 -> 22.50
        self._assert_credit_note(credit_note, 3, 149.97, 22.5, 172.47)

    def test_credit_is_capped_by_what_was_invoiced(self):
        """Goods back but never invoiced: nothing to credit for them."""
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 3, "price_unit": 49.99})],
        })
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 3)
        order.action_confirm()
        order.picking_ids.move_lines.quantity_done = 3
        order.picking_ids.button_validate()
        rma = self._approve(self._rma(order.order_line, 3))
        self._receive(rma, 3)
        self.assertFalse(rma.credit_note_ids)
        self.assertEqual(rma.line_ids.qty_to_credit, 0)
        self.assertEqual(rma.state, "done", "nothing is due: the RMA is resolved with its goods")

    def test_credit_again_creates_nothing(self):
        rma = self._approve(self._rma(self.sale_line, 10))
        self._receive(rma, 10)
        credit_note = self._credit_notes(rma)
        self.assertEqual(len(credit_note), 1)
        self.assertFalse(rma._create_credit_notes(), "what is on a credit note is not credited again")
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.action_create_credit_notes()
        self.assertIn("Nothing to credit", str(error.exception))
        self.assertEqual(rma.credit_note_ids, credit_note)
        self.assertEqual(rma.line_ids.qty_credited, 10)
        # once validated, still nothing more
        credit_note.action_invoice_open()
        self.assertFalse(rma._create_credit_notes())
        self.assertEqual(rma.credit_note_ids, credit_note)

    def test_manual_credit_of_a_partial_receipt_then_receipt_credits_the_rest(self):
        """The button credits what arrived so far; the next receipt only the new goods."""
        rma = self._approve(self._rma(self.sale_line, 10))
        self._receive(rma, 4)
        self._credit_notes(rma).action_invoice_cancel()
        self.assertEqual(rma.line_ids.qty_credited, 0, "a cancelled credit note credits nothing")
        rma.action_create_credit_notes()
        self.assertEqual(self._credit_notes(rma).invoice_line_ids.quantity, 4)
        self._receive(rma, 6)
        self.assertEqual(self._credit_notes(rma).mapped("invoice_line_ids.quantity"), [4, 6])
        self.assertEqual(rma.line_ids.qty_credited, 10)

    def test_accounting_error_does_not_block_the_receipt(self):
        """The warehouse's receipt stands when the credit note cannot be made;
        the credit stays due until accounting fixes the cause."""
        fee_account = self.env["account.account"].create({
            "name": "RMA Bridge Fees", "code": "RMAB7002",
            "user_type_id": self.env.ref("account.data_account_type_other_income").id,
        })
        self.company.rma_restocking_fee_account_id = fee_account
        category = self.env["rma.category"].create({
            "name": "Fee (bridge test)", "restocking_fee_type": "percent", "restocking_fee": 10.0,
        })
        # the settings refuse it now; a database set up before that check may still lack it
        self.env.cr.execute("UPDATE res_company SET rma_restocking_fee_account_id = NULL WHERE id = %s",
                            (self.company.id,))
        self.company.invalidate_cache()
        rma = self._approve(self._rma(self.sale_line, 10, category=category))
        picking = self._receive(rma, 4)
        self.assertEqual(picking.state, "done")
        self.assertEqual(self._quantity_in(self.stock_location), 4)
        line = rma.line_ids
        self.assertEqual((line.qty_received, line.qty_credited, line.qty_to_credit), (4, 0, 4))
        self.assertFalse(rma.credit_note_ids)
        self.assertEqual(rma.credit_status, "pending")
        self.assertIn("No credit note could be created: A restocking fee applies to %s" % rma.name,
                      rma.message_ids[0].body)
        self.assertEqual(len(rma.activity_ids), 1)
        # fixed: the next receipt credits everything that arrived, in one credit note
        self.company.rma_restocking_fee_account_id = fee_account
        self._receive(rma, 6)
        credit_note = self._credit_notes(rma)
        self.assertEqual(credit_note.invoice_line_ids.filtered("product_id").quantity, 10)
        # 10 x 49.99 = 499.90, fee 10 % = 49.99
        self.assertEqual(credit_note.amount_untaxed, 449.91)
