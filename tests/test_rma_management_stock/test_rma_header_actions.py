"""The RMA form's header offers the warehouse's next step for the whole RMA:
Receive, Inspect (all lines at once) and Ship; Resolve only when nothing is
pending."""
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import AccessError, UserError

from .rma_stock_common import RmaStockCase


class TestRmaHeaderActions(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.other = self._create_product("Returned Gadget")
        self.order = self._sell_and_deliver(self.product, 5)
        self.other_order = self._sell_and_deliver(self.other, 5)
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 20)
        self.clerk = self.env["res.users"].create({
            "name": "Header Clerk", "login": "header_clerk", "email": "clerk@example.com",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        self.salesman = self.env["res.users"].create({
            "name": "Header Salesman", "login": "header_salesman", "email": "salesman@example.com",
            "groups_id": [(6, 0, [self.env.ref("sales_team.group_sale_salesman").id,
                                  self.env.ref("rma_management.group_rma_user").id])],
        })

    def _two_lines(self, operation="refund", inspected=True):
        (self.product | self.other).write({"rma_inspection_required": inspected})
        return self._approve(self._create_rma([
            (self.order.order_line, 3, operation), (self.other_order.order_line, 2, operation),
        ]))

    def _receipts(self, rma):
        return rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "incoming")

    # Receive

    def test_receive_opens_the_ready_receipt(self):
        rma = self._two_lines()
        self.assertEqual((rma.status, rma.ready_receipt_count), ("pending_receipt", 1))
        action = rma.sudo(self.clerk).action_receive()
        self.assertEqual((action["res_model"], action["res_id"]), ("stock.picking", self._receipts(rma).id))
        self.assertEqual(action["views"][0][1], "form")
        # in edit mode, with the receipts action's own context kept
        self.assertEqual(action["context"], {"form_view_initial_mode": "edit", "contact_display": "partner_address"})
        backorder = self._validate(self._receipt(rma), {self.product: 1, self.other: 2})
        self.assertEqual(rma.status, "partially_received")
        self.assertEqual(rma.sudo(self.clerk).action_receive()["res_id"], backorder.id)

    def test_receive_lists_several_ready_receipts(self):
        rma = self._two_lines()
        second = self._approve(self._create_rma([(self.order.order_line, 1, "refund")]))
        with workflow_write():  # a second receipt on the RMA, whatever its moves
            self._receipt(second).write({"rma_id": rma.id})
        self.assertEqual(rma.ready_receipt_count, 2)
        action = rma.action_receive()
        self.assertFalse(action.get("res_id"))
        self.assertNotIn("form_view_initial_mode", action["context"])
        self.assertEqual(self.env["stock.picking"].search(action["domain"]), self._receipts(rma))

    def test_receive_refused_without_ready_receipt_or_stock_rights(self):
        rma = self._two_lines()
        with self.assertRaisesRegex(AccessError, "Only warehouse users and RMA managers can receive returned goods"):
            rma.sudo(self.salesman).action_receive()
        self._validate(self._receipt(rma))
        with self.assertRaisesRegex(UserError, "%s has no receipt ready to process." % rma.name):
            rma.action_receive()
        self.assertEqual(rma.status, "waiting_inspection")

    # Inspect

    def test_inspect_two_lines_in_one_wizard(self):
        rma = self._two_lines()
        self._validate(self._receipt(rma))
        self.assertTrue(rma.has_lines_to_inspect)
        action = rma.sudo(self.clerk).action_inspect()
        self.assertEqual((action["res_model"], action["target"]), ("rma.inspect", "new"))
        wizard = self.env["rma.inspect"].sudo(self.clerk).with_context(action["context"]).create({})
        line, other_line = rma.line_ids
        self.assertEqual(
            [(item.line_id, item.disposition, item.quantity) for item in wizard.item_ids],
            [(line, "stock", 3), (other_line, "stock", 2)],
        )
        wizard.item_ids.filtered(lambda item: item.line_id == other_line).quantity = 1
        wizard.write({"item_ids": [(0, 0, {"line_id": other_line.id, "disposition": "scrap", "quantity": 1})]})
        messages = len(rma.message_ids)
        self.assertEqual(wizard.action_confirm(), {"type": "ir.actions.act_window_close"})
        self.assertEqual((line.qty_accepted, line.qty_to_inspect), (3, 0))
        self.assertEqual((other_line.qty_accepted, other_line.qty_to_inspect), (1, 0))
        self.assertEqual(self._quantity(self.product, self.stock_location), 23)
        self.assertEqual(self._quantity(self.other, self.stock_location), 1)
        self.assertEqual(self._quantity(self.other, self.warehouse.rma_scrap_loc_id), 1)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)
        self.assertEqual((line | other_line).mapped("inspection_user_id"), self.clerk)
        inspections = rma.message_ids[:len(rma.message_ids) - messages].filtered(
            lambda message: "Inspection of" in (message.body or "")
        )
        self.assertEqual(len(inspections), 1, "one message for the whole inspection")
        self.assertIn("Inspection of %s" % self.product.display_name, inspections.body)
        self.assertIn("Inspection of %s" % self.other.display_name, inspections.body)
        self.assertFalse(rma.has_lines_to_inspect)

    def test_inspect_wizard_refuses_too_much_and_writes_nothing(self):
        rma = self._two_lines()
        self._validate(self._receipt(rma))
        wizard = self.env["rma.inspect"].with_context(rma.action_inspect()["context"]).create({})
        wizard.item_ids[1].quantity = 3
        with self.assertRaisesRegex(UserError, "You cannot dispose of 3.0 Unit"), self.env.cr.savepoint():
            wizard.action_confirm()
        rma.line_ids.invalidate_cache()
        self.assertEqual(rma.line_ids.mapped("qty_to_inspect"), [3, 2])
        self.assertEqual(rma.line_ids.mapped("inspection_result"), [False, False])

    def test_inspect_refused_when_nothing_waits_or_without_stock_rights(self):
        rma = self._two_lines()
        with self.assertRaisesRegex(UserError, "No received unit of %s waits for inspection." % rma.name):
            rma.action_inspect()
        self._validate(self._receipt(rma))
        with self.assertRaisesRegex(AccessError, "Only warehouse users and RMA managers can inspect returned goods"):
            rma.sudo(self.salesman).action_inspect()

    def test_per_line_inspect_still_works(self):
        rma = self._two_lines()
        self._validate(self._receipt(rma))
        line = rma.line_ids[0]
        wizard = self.env["rma.inspect"].with_context(line.action_inspect()["context"]).create({})
        self.assertEqual([(item.line_id, item.quantity) for item in wizard.item_ids], [(line.browse(), 3)])
        wizard.action_confirm()
        self.assertEqual(rma.line_ids.mapped("qty_accepted"), [3, 0])

    # Ship

    def _to_ship(self, operation):
        """Received; the returned units scrapped (replace) or sent to Refurbish (repair)."""
        rma = self._two_lines(operation, inspected=False)
        self._validate(self._receipt(rma))
        for line in rma.line_ids:
            self._inspect(line, [("scrap" if operation == "replace" else "refurbish", line.qty_received)])
        return rma

    def test_ship_replacements_in_one_delivery(self):
        rma = self._to_ship("replace")
        self.env["stock.quant"]._update_available_quantity(self.other, self.stock_location, 5)
        self.assertEqual((rma.status, rma.ship_kind), ("waiting_action", "replacement"))
        action = rma.sudo(self.clerk).action_ship()
        delivery = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(delivery.picking_type_id, self.warehouse.rma_out_type_id)
        self.assertEqual(
            sorted((move.rma_line_id, move.product_id, move.product_uom_qty) for move in delivery.move_lines),
            sorted([(rma.line_ids[0], self.product, 3), (rma.line_ids[1], self.other, 2)]),
        )
        self.assertEqual(delivery.state, "assigned")
        self.assertEqual(rma.status, "ready_to_ship")
        self.assertFalse(rma.ship_kind)
        self._validate(delivery)
        self.assertEqual(rma.line_ids.mapped("qty_delivered"), [3, 2])
        self.assertEqual(rma.status, "shipped")

    def test_ship_repaired_units(self):
        rma = self._to_ship("repair")
        self.assertEqual(rma.ship_kind, "repaired")
        delivery = self.env["stock.picking"].browse(rma.action_ship()["res_id"])
        self.assertEqual(delivery.location_id, self.warehouse.rma_refurbish_loc_id)
        self.assertEqual(sorted(delivery.move_lines.mapped("product_uom_qty")), [2, 3])

    def test_ship_refused_when_nothing_to_ship_and_writes_nothing(self):
        rma = self._two_lines("replace")
        with self.assertRaisesRegex(UserError, "Nothing on %s is ready to ship to the customer." % rma.name):
            rma.action_ship()
        self._validate(self._receipt(rma))
        self.assertEqual(rma.status, "waiting_inspection", "the inspection decides first")
        with self.assertRaisesRegex(UserError, "Nothing on %s is ready to ship" % rma.name):
            rma.action_ship()
        for line in rma.line_ids:
            self._inspect(line, [("scrap", line.qty_received)])
        self.assertEqual(rma.ship_kind, "replacement")
        with self.assertRaisesRegex(AccessError, "Only warehouse users and RMA managers can ship goods"):
            rma.sudo(self.salesman).action_ship()
        self.assertEqual(rma.delivery_count, 0)

    # Resolve

    def test_resolve_offered_only_when_nothing_is_pending(self):
        warranty = self._create_product("Header Warranty", type="service", invoice_policy="order")
        rma = self._approve(self._create_rma([(warranty, 1, "no_credit")]))
        self.assertTrue(rma.can_resolve, "nothing follows the line: resolved by hand")
        goods = self._two_lines("replace", inspected=False)
        self.assertFalse(goods.can_resolve, "goods expected")
        self._validate(self._receipt(goods))
        self.assertFalse(goods.can_resolve, "replacements to ship")
        rma.action_done()
        self.assertEqual(rma.state, "done")
        self.assertFalse(rma.can_resolve)

    # Reopen

    def _delivered(self):
        rma = self._to_ship("replace")
        self.env["stock.quant"]._update_available_quantity(self.other, self.stock_location, 5)
        self._validate(self.env["stock.picking"].browse(rma.action_ship()["res_id"]))
        rma.action_mark_delivered()
        self.assertEqual((rma.state, rma.status), ("done", "delivered"))
        return rma

    def test_reopen_a_resolved_rma_shipped_before(self):
        rma = self._delivered()
        rma.action_reopen()
        self.assertEqual((rma.state, rma.line_ids.mapped("state")), ("approved", ["approved", "approved"]))

    def test_reopen_refused_once_shipped_since_resolved(self):
        rma = self._delivered()
        with workflow_write():  # as if resolved before the delivery was validated
            rma.date_done = "2000-01-01 00:00:00"
        delivery = rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")
        with self.assertRaisesRegex(
            UserError, "%s cannot be reopened: %s were shipped since it was resolved." % (rma.name, delivery.name)
        ):
            rma.action_reopen()
        self.assertEqual(rma.state, "done")
