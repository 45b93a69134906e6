"""Inspecting received goods and deciding what happens to each unit."""
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import UserError

from .rma_stock_common import RmaStockCase


class TestRmaInspection(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.product.rma_inspection_required = True
        self.order = self._sell_and_deliver(self.product, 5)

    def _received_rma(self, qty=5, received=None, operation="refund"):
        rma = self._approve(self._create_rma([(self.order.order_line, qty, operation)]))
        self._validate(self._receipt(rma), {self.product: received or qty})
        return rma

    def test_inspection_split_stock_scrap_quarantine(self):
        rma = self._received_rma()
        line = rma.line_ids
        self.assertEqual(rma.status, "waiting_inspection")
        self.assertEqual(line.qty_to_inspect, 5)
        self._inspect(line, [("stock", 3), ("scrap", 1), ("quarantine", 1)], result="partial",
                      note="One cracked, one to check")
        self.assertEqual(self._quantity(self.product, self.stock_location), 3)
        self.assertEqual(self._quantity(self.product, self.warehouse.rma_quarantine_loc_id), 1)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)
        self.assertEqual(self._quantity(self.product, self.warehouse.rma_scrap_loc_id), 1)
        self.assertEqual(self.product.with_context(location=self.stock_location.id).qty_available, 3)
        scrap = line.scrap_ids
        self.assertEqual((scrap.state, scrap.scrap_qty), ("done", 1))
        self.assertEqual(scrap.location_id, self.rma_location)
        self.assertEqual(scrap.move_id.rma_disposition, "scrap")
        self.assertEqual((line.qty_inspected, line.qty_accepted, line.qty_to_inspect), (5, 3, 0))
        self.assertEqual(line.inspection_result, "partial")
        self.assertEqual(line.inspection_user_id, self.env.user)
        self.assertTrue(line.inspection_date)
        self.assertEqual(line.inspection_note, "One cracked, one to check")
        message = rma.message_ids.filtered(lambda message: "Inspection of" in (message.body or ""))
        self.assertEqual(len(message), 1)
        self.assertIn("One cracked, one to check", message.body)
        self.assertIn("1.0 Unit(s): Quarantine", message.body)
        # refund: nothing goes out, but the unit in Quarantine waits for a decision
        self.assertEqual(line.stock_status, "resolved")
        self.assertEqual(line.qty_in_quarantine, 1)
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.status, "waiting_action")

    def test_inspection_in_two_steps(self):
        rma = self._received_rma(received=3)
        line = rma.line_ids
        self._inspect(line, [("stock", 3)])
        self.assertEqual(rma.status, "partially_received")
        self._validate(self._receipt(rma))
        self.assertEqual(rma.status, "waiting_inspection")
        self._inspect(line, [("stock", 2)])
        self.assertEqual(line.qty_accepted, 5)
        self.assertEqual(rma.state, "done")

    def test_inspecting_more_than_received_is_refused(self):
        rma = self._received_rma(received=3)
        line = rma.line_ids
        moves_before = self.env["stock.move"].search_count([])
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self._inspect(line, [("stock", 2), ("scrap", 2)])
        self.assertIn("only 3.0 were received", str(error.exception))
        self.assertEqual(self.env["stock.move"].search_count([]), moves_before)
        self.assertEqual(self._quantity(self.product, self.rma_location), 3)
        self.assertFalse(line.scrap_ids)
        self.assertEqual((line.qty_inspected, line.inspection_result), (0, False))

    def test_disposing_more_than_received_is_refused(self):
        rma = self._received_rma(received=3)
        line = rma.line_ids
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            line._dispose([("stock", 1, False), ("scrap", 3, False)])
        self.assertIn("cannot dispose of 4", str(error.exception))
        self.assertEqual(self._quantity(self.product, self.rma_location), 3)
        self.assertEqual(self._quantity(self.product, self.stock_location), 0)
        self.assertFalse(line.scrap_ids)
        for dispositions in ([("stock", 0, False)], [("stock", 3, False), ("scrap", -1, False)], []):
            with self.assertRaises(UserError) as error, self.env.cr.savepoint():
                line._dispose(dispositions)
            self.assertIn("Enter a positive quantity for each decision", str(error.exception))
        self.assertEqual(self._quantity(self.product, self.rma_location), 3)
        self.assertEqual((line.qty_inspected, line.scrap_ids), (0, self.env["stock.scrap"]))

    def test_goods_of_an_rma_waiting_for_approval_are_not_handled(self):
        rma = self._received_rma(received=3)
        line = rma.line_ids
        with workflow_write():
            line.write({"state": "to_approve"})
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            line._dispose([("stock", 1, False)])
        self.assertIn("is not approved yet", str(error.exception))
        self.assertEqual(self._quantity(self.product, self.rma_location), 3)
        self.assertEqual(line.qty_inspected, 0)

    def test_refurbish_then_to_stock(self):
        rma = self._received_rma(qty=2)
        line = rma.line_ids
        self._inspect(line, [("refurbish", 2)])
        refurbish = self.warehouse.rma_refurbish_loc_id
        self.assertEqual(self._quantity(self.product, refurbish), 2)
        self.assertEqual(line.qty_accepted, 2)
        self.assertEqual(line.qty_in_refurbish, 2)
        line.action_refurbished_to_stock()
        self.assertEqual(self._quantity(self.product, refurbish), 0)
        self.assertEqual(self._quantity(self.product, self.stock_location), 2)
        self.assertEqual(line.qty_in_refurbish, 0, "the form hides Refurbished to Stock now")
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            line.action_refurbished_to_stock()
        self.assertIn("No unit of %s is being refurbished" % self.product.display_name, error.exception.name)
        self.assertEqual(self._quantity(self.product, self.stock_location), 2)

    def test_reject_sends_back_to_customer(self):
        rma = self._received_rma(qty=2)
        line = rma.line_ids
        self._inspect(line, [("reject", 2)], result="failed", note="Not our product")
        self.assertEqual(line.qty_accepted, 0)
        delivery = rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")
        self.assertEqual(delivery.picking_type_id, self.warehouse.rma_out_type_id)
        self.assertEqual(delivery.location_id, self.rma_location)
        self.assertEqual(delivery.state, "assigned")
        self.assertEqual(rma.status, "ready_to_ship")
        self._validate(delivery)
        self.assertEqual(line.qty_delivered, 2)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)
        self.assertEqual(rma.status, "shipped")

    def test_receive_straight_to_stock(self):
        self.product.rma_inspection_required = False
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        rma = self._approve(self._create_rma([(self.order.order_line, 2, "refund")]))
        receipt = self._receipt(rma)
        self.assertEqual(receipt.move_lines.location_dest_id, self.stock_location)
        self._validate(receipt)
        self.assertEqual(self._quantity(self.product, self.stock_location), 2)
        self.assertEqual(rma.line_ids.qty_accepted, 2)
        self.assertEqual(rma.state, "done")

    def test_inspection_required_ignores_straight_to_stock(self):
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        rma = self._received_rma(qty=2)
        self.assertEqual(self._quantity(self.product, self.rma_location), 2)
        self.assertEqual(rma.status, "waiting_inspection")

    def test_inspect_wizard_proposes_everything_to_stock(self):
        rma = self._received_rma(received=4)
        action = rma.line_ids.action_inspect()
        wizard = self.env[action["res_model"]].with_context(action["context"]).create({})
        self.assertEqual(wizard.line_id, rma.line_ids)
        self.assertEqual(wizard.qty_to_inspect, 4)
        self.assertEqual([(item.disposition, item.quantity) for item in wizard.item_ids], [("stock", 4)])
        wizard.action_confirm()
        self.assertEqual(self._quantity(self.product, self.stock_location), 4)
        self.assertEqual(rma.line_ids.inspection_result, "passed")
