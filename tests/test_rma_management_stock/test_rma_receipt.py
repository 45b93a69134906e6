"""Receiving returned goods: receipts, batches, over- and under-receipt,
lots, the Return wizard of deliveries, valuation and cancellation."""
import json

from lxml import etree
from rma_test_helpers import return_type

from odoo.exceptions import UserError, ValidationError

from .rma_stock_common import RmaStockCase


class TestRmaReceipt(RmaStockCase):

    def test_warehouses_get_rma_locations_and_types(self):
        for field in ("rma_loc_id", "rma_quarantine_loc_id", "rma_refurbish_loc_id", "rma_scrap_loc_id",
                      "rma_in_type_id", "rma_out_type_id"):
            self.assertTrue(self.warehouse[field], field)
        self.assertEqual(self.warehouse.rma_loc_id.usage, "internal")
        self.assertFalse(self.warehouse.rma_loc_id.id in self.env["stock.location"].search(
            [("id", "child_of", self.stock_location.id)]).ids, "returns are not sellable stock")
        self.assertTrue(self.warehouse.rma_scrap_loc_id.scrap_location)
        new = self.env["stock.warehouse"].create({"name": "Returns Hub", "code": "RHUB"})
        self.assertEqual(new.rma_loc_id.location_id, new.view_location_id)
        self.assertEqual(new.rma_in_type_id.code, "incoming")
        self.assertEqual(new.rma_in_type_id.default_location_dest_id, new.rma_loc_id)
        self.assertEqual(new.rma_out_type_id.code, "outgoing")
        self.assertEqual(new.rma_out_type_id.default_location_src_id, new.lot_stock_id)

    def test_rma_warehouse_from_sale_order(self):
        order = self._sell_and_deliver(self.product, 2)
        wizard = self.env["rma.add.sale.lines"].with_context(default_sale_order_id=order.id).create({
            "reason_id": self.reason.id,
        })
        wizard.item_ids.write({"selected": True})
        rma = self.env["rma.order"].browse(wizard.action_add_lines()["res_id"])
        self.assertEqual(rma.warehouse_id, order.warehouse_id)

    def test_receipt_in_three_batches(self):
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 10, "refund")]))
        line = rma.line_ids
        receipt = self._receipt(rma)
        self.assertEqual(len(receipt), 1)
        self.assertTrue(receipt.is_rma_return)
        self.assertEqual(receipt.picking_type_id, self.warehouse.rma_in_type_id)
        self.assertEqual(receipt.location_dest_id, self.rma_location)
        self.assertEqual(receipt.move_lines.rma_line_id, line)
        self.assertEqual(rma.receipt_count, 1)
        self.assertEqual(rma.status, "pending_receipt")

        backorder = self._validate(receipt, {self.product: 4})
        self.assertEqual(line.qty_received, 4)
        self.assertEqual(rma.status, "partially_received")
        self.assertEqual(backorder.rma_id, rma)
        self.assertTrue(backorder.is_rma_return)

        backorder = self._validate(backorder, {self.product: 4})
        self.assertEqual(line.qty_received, 8)
        self.assertEqual(rma.status, "partially_received")

        self.assertFalse(self._validate(backorder))
        self.assertEqual(line.qty_received, 10)
        self.assertEqual(rma.receipt_count, 3)
        self.assertEqual(self._quantity(self.product, self.rma_location), 10)
        self.assertEqual(self._quantity(self.product, self.stock_location), 0)
        # received, no inspection needed: the goods wait for a decision, not for an action
        self.assertEqual(line.stock_status, "decide")
        self.assertEqual(rma.status, "fully_received")
        self.assertEqual(self.product.with_context(location=self.stock_location.id).qty_available, 0)

    def test_lines_of_one_product_from_two_orders_keep_their_own_moves(self):
        first, second = self._sell_and_deliver(self.product, 2), self._sell_and_deliver(self.product, 3)
        rma = self._approve(self._create_rma([(first.order_line, 2, "refund"), (second.order_line, 3, "refund")]))
        receipt = self._receipt(rma)
        self.assertEqual(len(receipt.move_lines), 2, "one move per RMA line, not merged")
        self._validate(receipt)
        self.assertEqual(rma.line_ids.mapped("qty_received"), [2, 3])
        self.assertEqual(rma.status, "fully_received")

    def test_over_receipt_refused_without_setting(self):
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        receipt = self._receipt(rma)
        receipt.move_lines.quantity_done = 6
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            receipt.with_context(skip_overprocessed_check=True).button_validate()
        self.assertIn("at most 5.0 can arrive", str(error.exception))
        self._assert_nothing_received(rma, receipt)

    def _assert_nothing_received(self, rma, receipt):
        self.env["stock.picking"].invalidate_cache()  # what the rolled-back validation left in the cache
        self.assertEqual(receipt.state, "assigned")
        self.assertFalse(self.env["stock.picking"].search([("backorder_id", "=", receipt.id)]))
        self.assertEqual(rma.line_ids.qty_received, 0)
        self.assertEqual(self._quantity(self.product, self.rma_location), 0)
        self.assertEqual(rma.status, "pending_receipt")

    def _receipt_with_added_operation(self, product, qty):
        """The receipt of an RMA of 5, all received, plus an operation line of
        ``qty`` ``product`` added by hand (linked to no move yet)."""
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        receipt = self._receipt(rma)
        receipt.move_line_ids.qty_done = 5
        self.env["stock.move.line"].create({
            "picking_id": receipt.id,
            "product_id": product.id,
            "product_uom_id": product.uom_id.id,
            "location_id": receipt.location_id.id,
            "location_dest_id": receipt.location_dest_id.id,
            "qty_done": qty,
        })
        return rma, receipt

    def test_over_receipt_through_a_detailed_operation_added_by_hand(self):
        rma, receipt = self._receipt_with_added_operation(self.product, 2)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            receipt.with_context(skip_overprocessed_check=True).button_validate()
        self.assertEqual(
            error.exception.name,
            "You cannot receive 7.0 Unit(s) of Returned Widget for %s: 5.0 are authorized and 0.0 already "
            "received, so at most 5.0 can arrive. Receive the authorized quantity, or ask a manager to allow "
            "over-receipts in the settings." % rma.name,
        )
        self._assert_nothing_received(rma, receipt)

    def test_a_product_not_on_the_rma_is_refused_on_its_receipt(self):
        stranger = self._create_product("Unexpected Gadget")
        rma, receipt = self._receipt_with_added_operation(stranger, 1)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            receipt.button_validate()
        self.assertEqual(
            error.exception.name,
            "Unexpected Gadget is not on %s: its receipt brings the returned goods only. Receive it on another "
            "receipt, or on an RMA of its own." % rma.name,
        )
        self._assert_nothing_received(rma, receipt)
        self.assertEqual(self._quantity(stranger, self.rma_location), 0)

    def test_over_receipt_allowed_by_setting(self):
        self.company.rma_allow_over_receipt = True
        self.assertTrue(self.env["res.config.settings"].create({}).rma_allow_over_receipt)
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        self._validate(self._receipt(rma), {self.product: 6})
        self.assertEqual(rma.line_ids.qty_received, 6)
        self.assertEqual(self._quantity(self.product, self.rma_location), 6)

    def test_under_receipt_close_remaining(self):
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 10, "refund")]))
        backorder = self._validate(self._receipt(rma), {self.product: 7})
        self.assertEqual(rma.status, "partially_received")
        rma.action_close_receipt()
        self.assertEqual(backorder.state, "cancel")
        self.assertEqual(rma.line_ids.qty_received, 7)
        self.assertEqual(rma.status, "fully_received")
        with self.assertRaises(UserError), self.env.cr.savepoint():
            rma.line_ids.action_close_receipt()

    def test_receipt_cancelled_in_the_warehouse(self):
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 10, "refund")]))
        backorder = self._validate(self._receipt(rma), {self.product: 6})
        backorder.action_cancel()
        self.assertEqual((rma.status, rma.state), ("fully_received", "approved"), "6 received units wait")
        other_order = self._sell_and_deliver(self.product, 4)
        other = self._approve(self._create_rma([(other_order.order_line, 4, "refund")]))
        self._receipt(other).action_cancel()
        self.assertEqual(other.line_ids.qty_received, 0)
        self.assertEqual((other.status, other.state), ("done", "done"), "nothing is coming any more")

    def test_under_receipt_without_backorder(self):
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 10, "refund")]))
        self._validate(self._receipt(rma), {self.product: 3}, backorder=False)
        self.assertEqual(rma.line_ids.qty_received, 3)
        self.assertEqual(rma.status, "fully_received")

    def test_lot_tracked_product(self):
        product = self._create_product("Tracked Widget", tracking="lot")
        order = self._sell_and_deliver(product, 3, lot_names=["LOT-A"])
        lot = self.env["stock.production.lot"].search([("name", "=", "LOT-A"), ("product_id", "=", product.id)])
        rma = self._approve(self._create_rma([(order.order_line, 3, "refund")]))
        receipt = self._receipt(rma)
        receipt.move_line_ids.write({"lot_id": lot.id, "qty_done": 3})
        receipt.button_validate()
        line = rma.line_ids
        self.assertEqual(line.qty_received, 3)
        self.assertEqual(line.lot_ids, lot)
        quant = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", self.rma_location.id)]
        )
        self.assertEqual(quant.lot_id, lot)
        self.assertEqual(quant.quantity, 3)
        # scrapping a unit writes off that lot
        self._inspect(line, [("stock", 2), ("scrap", 1)])
        self.assertEqual(line.scrap_ids.lot_id, lot)
        self.assertEqual(self._quantity(product, self.stock_location), 2)

    def test_create_rma_from_delivery_return(self):
        order = self._sell_and_deliver(self.product, 5)
        delivery = order.picking_ids
        wizard = self.env["stock.return.picking"].with_context(active_id=delivery.id, active_ids=delivery.ids).create({
            "create_rma": True,
            "rma_reason_id": self.reason.id,
            "rma_operation_id": return_type(self.env, "refund").id,
        })
        wizard._onchange_create_rma()
        self.assertEqual(wizard.location_id, self.rma_location)
        wizard.product_return_moves.quantity = 2
        picking = self.env["stock.picking"].browse(wizard.create_returns()["res_id"])
        rma = picking.rma_id
        self.assertTrue(rma)
        self.assertTrue(picking.is_rma_return)
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.partner_id, self.customer)
        self.assertEqual(rma.line_ids.sale_line_id, order.order_line)
        self.assertEqual(rma.line_ids.product_uom_qty, 2)
        self.assertEqual(rma.picking_ids, picking, "the return is the receipt, no other one")
        self.assertEqual(picking.picking_type_id, self.warehouse.rma_in_type_id,
                         "received through RMA Receipts: it shows on the warehouse's RMA card")
        self.assertEqual(picking.move_lines.picking_type_id, self.warehouse.rma_in_type_id)
        self.assertEqual(picking.location_dest_id, self.rma_location)
        self.assertEqual(rma.status, "pending_receipt")
        self._validate(picking)
        self.assertEqual(rma.line_ids.qty_received, 2)
        self.assertEqual(self._quantity(self.product, self.rma_location), 2)

    def test_late_return_through_the_wizard_waits_for_a_manager(self):
        clerk = self.env["res.users"].create({
            "name": "Returns Clerk", "login": "rma_wizard_clerk", "email": "wizard.clerk@example.com",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        picking = self._return_with_rma(self._deliver_late(self.product, 5).picking_ids, 2, user=clerk)
        rma = picking.rma_id
        self.assertEqual(rma.state, "to_approve", "late: a manager decides, whoever returned the goods")
        self.assertFalse(rma.approved_user_id)
        self.assertIn("%s is outside its return window" % self.product.display_name, rma.approval_reason)
        self.assertEqual(rma.picking_ids, picking, "the return is the receipt, no other one")
        self.assertEqual(picking.move_lines.rma_line_id, rma.line_ids)
        rma.action_approve()
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.picking_ids, picking, "approving adds no second receipt")
        self.assertEqual(rma.receipt_count, 1)
        self._validate(picking.sudo(clerk))
        self.assertEqual(rma.line_ids.qty_received, 2)
        self.assertEqual(self._quantity(self.product, self.rma_location), 2)

    def test_create_rma_from_return_of_a_sale_by_the_dozen(self):
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 12)
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "product_uom_qty": 1, "price_unit": 120.0,
                "product_uom": self.env.ref("product.product_uom_dozen").id,
            })],
        })
        order.action_confirm()
        self._validate(order.picking_ids)
        delivery = order.picking_ids
        wizard = self.env["stock.return.picking"].with_context(active_id=delivery.id, active_ids=delivery.ids).create({
            "create_rma": True, "rma_reason_id": self.reason.id, "rma_operation_id": return_type(self.env, "refund").id,
        })
        wizard.product_return_moves.quantity = 6
        rma = self.env["stock.picking"].browse(wizard.create_returns()["res_id"]).rma_id
        line = rma.line_ids
        self.assertEqual((line.product_uom, line.product_uom_qty), (self.product.uom_id, 6), "returned in units")
        self.assertAlmostEqual(line.price_unit, 10.0, msg="120 a dozen is 10 a unit")
        self.assertAlmostEqual(line.price_subtotal, 60.0)

    def test_create_rma_from_return_without_the_form(self):
        order = self._sell_and_deliver(self.product, 5)
        delivery = order.picking_ids
        wizard = self.env["stock.return.picking"].with_context(active_id=delivery.id, active_ids=delivery.ids).create({
            "create_rma": True, "rma_reason_id": self.reason.id,
        })
        self.assertNotEqual(wizard.location_id, self.rma_location, "no onchange ran")
        picking = self.env["stock.picking"].browse(wizard.create_returns()["res_id"])
        self.assertEqual(picking.location_dest_id, self.rma_location)
        self.assertEqual(picking.move_lines.location_dest_id, self.rma_location)
        self.assertEqual(picking.rma_id.state, "approved")

    def test_create_rma_from_return_needs_a_reason(self):
        order = self._sell_and_deliver(self.product, 5)
        delivery = order.picking_ids
        wizard = self.env["stock.return.picking"].with_context(active_id=delivery.id, active_ids=delivery.ids).create({
            "create_rma": True,
        })
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            wizard.create_returns()
        self.assertIn("return reason", str(error.exception))
        self.assertEqual(delivery.sale_id.picking_ids, delivery)

    def test_returned_goods_valued_at_delivery_cost(self):
        category = self.env["product.category"].create({
            "name": "Perpetual",
            "property_cost_method": "average",
            "property_valuation": "real_time",
        })
        product = self._create_product("Valued Widget", categ_id=category.id)
        order = self._sell_and_deliver(product, 5)
        delivery_move = order.picking_ids.move_lines
        self.assertEqual(delivery_move.value, -50.0)
        product.standard_price = 15.0  # the cost changed since the delivery
        rma = self._approve(self._create_rma([(order.order_line, 2, "refund")]))
        receipt = self._receipt(rma)
        self._validate(receipt)
        move = receipt.move_lines
        self.assertEqual(move.price_unit, 10.0)
        self.assertEqual(move.value, 20.0)
        accounts = product.product_tmpl_id.get_product_accounts()
        entry = self.env["account.move"].search([("stock_move_id", "=", move.id)])
        delivery_entry = self.env["account.move"].search([("stock_move_id", "=", delivery_move.id)])
        debit = entry.line_ids.filtered("debit")
        credit = entry.line_ids.filtered("credit")
        self.assertEqual((debit.account_id, debit.debit), (accounts["stock_valuation"], 20.0))
        self.assertEqual((credit.account_id, credit.credit), (accounts["stock_output"], 20.0))
        # the receipt reverses the delivery's accounts
        self.assertEqual(delivery_entry.line_ids.filtered("debit").account_id, credit.account_id)
        self.assertEqual(delivery_entry.line_ids.filtered("credit").account_id, debit.account_id)

    def test_cancel_rma_cancels_open_pickings(self):
        order = self._sell_and_deliver(self.product, 10)
        rma = self._approve(self._create_rma([(order.order_line, 10, "refund")]))
        first = self._receipt(rma)
        backorder = self._validate(first, {self.product: 4})
        self._inspect(rma.line_ids, [("stock", 4)])
        rma.action_cancel()
        self.assertEqual(rma.state, "cancel")
        self.assertEqual(first.state, "done")
        self.assertEqual(backorder.state, "cancel")
        self.assertEqual(rma.line_ids.qty_received, 4)

    def test_received_line_cannot_be_cancelled(self):
        order = self._sell_and_deliver(self.product, 10)
        other_product = self._create_product("Other Widget")
        rma = self._approve(self._create_rma([(order.order_line, 4, "refund"), (other_product, 1, "refund")]))
        self._validate(self._receipt(rma), {self.product: 2, other_product: 0})
        received, other = rma.line_ids
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            received.action_cancel()
        self.assertIn("already received", str(error.exception))
        self.assertEqual(received.state, "approved")
        other_moves = other.move_ids.filtered(lambda move: move.state not in ("done", "cancel"))
        self.assertTrue(other_moves)
        other.action_cancel()
        self.assertEqual(set(other.move_ids.mapped("state")), {"cancel"})

    def test_delivery_date_from_delivery_moves(self):
        order = self._sell_and_deliver(self.product, 2)
        rma = self._create_rma([(order.order_line, 1, "refund")])
        done = order.picking_ids.move_lines
        done.write({"date": "2026-01-15 10:00:00"})
        self.assertEqual(str(rma.line_ids._get_delivery_dates()[rma.line_ids.id]), "2026-01-15")

    def test_warehouse_user_receives_and_inspects(self):
        user = self.env["res.users"].create({
            "name": "Warehouse Clerk",
            "login": "rma_clerk",
            "email": "clerk@example.com",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        self.product.rma_inspection_required = True
        order = self._sell_and_deliver(self.product, 2)
        rma = self._approve(self._create_rma([(order.order_line, 2, "refund")]))
        receipt = self._receipt(rma).sudo(user)
        self._validate(receipt)
        self.assertEqual(rma.status, "waiting_inspection")
        self._inspect(rma.line_ids.sudo(user), [("stock", 2)])
        self.assertEqual(rma.state, "done")

    def test_warehouse_staff_work_in_the_returns_app(self):
        clerk = self.env["res.users"].create({
            "name": "Warehouse Clerk", "login": "rma_clerk_app", "email": "clerk.app@example.com",
            "groups_id": [(6, 0, [self.env.ref("stock.group_stock_user").id])],
        })
        desk = self.env["res.users"].create({
            "name": "Returns Desk", "login": "rma_desk_app", "email": "desk.app@example.com",
            "groups_id": [(6, 0, [self.env.ref("rma_management.group_rma_user").id])],
        })
        self.assertTrue(clerk.has_group("rma_management.group_rma_user"), "warehouse staff reach the Returns menu")
        stock_only = ("action_inspect", "action_create_delivery", "action_close_receipt",
                      "action_refurbished_to_stock")
        for user, hidden in ((clerk, False), (desk, True)):
            arch = etree.fromstring(self.env["rma.order.line"].sudo(user).fields_view_get(
                view_id=self.env.ref("rma_management.view_rma_order_line_form").id, view_type="form",
            )["arch"])
            for name in stock_only:
                modifiers = json.loads(arch.xpath("//button[@name='%s']" % name)[0].get("modifiers"))
                self.assertEqual(modifiers["invisible"] is True, hidden, "%s for %s" % (name, user.name))
        # the returns desk reads the orders an RMA comes from and the moves of its lines
        order = self._sell_and_deliver(self.product, 1)
        rma = self._approve(self._create_rma([(order.order_line, 1, "refund")]))
        self.assertEqual(rma.sudo(desk).sale_order_ids.read(["name"])[0]["name"], order.name)
        line = rma.line_ids.sudo(desk)
        moves = self.env["stock.move"].browse(line.read(["move_ids"])[0]["move_ids"]).sudo(desk)
        self.assertEqual(moves.read(["product_uom_qty"])[0]["product_uom_qty"], 1)

    def test_received_minus_returned_to_customer(self):
        order = self._sell_and_deliver(self.product, 5)
        rma = self._approve(self._create_rma([(order.order_line, 5, "refund")]))
        receipt = self._receipt(rma)
        self._validate(receipt)
        wizard = self.env["stock.return.picking"].with_context(active_id=receipt.id, active_ids=receipt.ids).create({})
        wizard.product_return_moves.quantity = 2
        back = self.env["stock.picking"].browse(wizard.create_returns()["res_id"])
        self.assertEqual(back.rma_id, rma)
        self._validate(back)
        self.assertEqual(rma.line_ids.qty_received, 3)
        self.assertEqual(self._quantity(self.product, self.rma_location), 3)

    def test_returned_to_customer_after_receiving_straight_to_stock(self):
        self.product.rma_inspection_required = False
        self.warehouse.rma_in_type_id.rma_receive_to_stock = True
        order = self._sell_and_deliver(self.product, 5)
        rma = self._approve(self._create_rma([(order.order_line, 5, "replace")]))
        receipt = self._receipt(rma)
        self._validate(receipt)
        self.assertEqual(rma.line_ids.qty_accepted, 5)
        wizard = self.env["stock.return.picking"].with_context(active_id=receipt.id, active_ids=receipt.ids).create({})
        wizard.product_return_moves.quantity = 2
        self._validate(self.env["stock.picking"].browse(wizard.create_returns()["res_id"]))
        line = rma.line_ids
        self.assertEqual((line.qty_received, line.qty_inspected, line.qty_accepted), (3, 3, 3))
        self.assertEqual(self._quantity(self.product, self.stock_location), 3)

    def test_warehouse_locked_once_approved(self):
        order = self._sell_and_deliver(self.product, 2)
        rma = self._approve(self._create_rma([(order.order_line, 2, "refund")]))
        other = self.env["stock.warehouse"].create({"name": "Second Returns Hub", "code": "RHB2"})
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.warehouse_id = other
        self.assertIn("Warehouse of %s can no longer be changed" % rma.name, str(error.exception))
        self.assertEqual(rma.warehouse_id, self.warehouse)
        self.assertEqual(self._receipt(rma).location_dest_id, self.rma_location)

    def test_warehouse_of_another_company_is_refused(self):
        other_company = self.env["res.company"].create({"name": "Other Returns Co"})
        other_warehouse = self.env["stock.warehouse"].search([("company_id", "=", other_company.id)], limit=1)
        self.assertTrue(other_warehouse.rma_in_type_id, "the new company's warehouse is set up for returns")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._create_rma([(self.product, 1, "refund")], warehouse_id=other_warehouse.id)
        self.assertFalse(self.env["rma.order"].search([("warehouse_id", "=", other_warehouse.id)]))

    def test_demo_approved_rma_waits_for_its_goods(self):
        rma = self.env.ref("rma_management.rma_demo_approved")
        self.assertEqual(rma.receipt_count, 1)
        self.assertEqual(rma.status, "pending_receipt")
        self.assertEqual(rma.picking_ids.location_dest_id, rma.warehouse_id.rma_loc_id)

    def test_rma_user_without_stock_rights_gets_the_receipt(self):
        user = self.env["res.users"].create({
            "name": "Returns Desk",
            "login": "rma_desk",
            "email": "desk@example.com",
            "groups_id": [(6, 0, [self.env.ref("rma_management.group_rma_user").id])],
        })
        samples = self.env["rma.category"].create({"name": "Samples", "allow_without_origin": True})
        rma = self._create_rma([(self.product, 1, "refund")], category_id=samples.id).sudo(user)
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.receipt_count, 1)
        self.assertEqual(rma.status, "pending_receipt")
        # the warehouse receives the unit with its lot; the returns desk sees it on the line
        receipt = self._receipt(self.env["rma.order"].browse(rma.id))
        lot = self.env["stock.production.lot"].create({"name": "DESK-1", "product_id": self.product.id})
        receipt.move_line_ids.write({"lot_id": lot.id, "qty_done": 1})
        receipt.action_done()
        rma.invalidate_cache()
        self.assertEqual(rma.line_ids.read(["lot_ids", "qty_received"])[0]["qty_received"], 1)
        self.assertEqual(rma.line_ids.lot_ids.mapped("name"), ["DESK-1"])
        self.assertEqual(rma.status, "fully_received")
