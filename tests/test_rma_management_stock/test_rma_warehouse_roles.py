"""Returned goods are handled by the warehouse (and RMA managers): a salesman
who follows RMAs, and may edit transfers, neither moves goods nor
validates the transfers that credit customers."""
from odoo.exceptions import AccessError

from .rma_stock_common import RmaStockCase


class TestRmaWarehouseRoles(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.salesman = self._user("Roles Salesman", "sales_team.group_sale_salesman")
        self.clerk = self._user("Roles Clerk", "stock.group_stock_user")
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 10)
        order = self._sell_and_deliver(self.product, 10)
        # a repair: 3 of 5 received (2 still expected), 1 in refurbishing, 2 to inspect
        self.repair = self._approve(self._create_rma([(order.order_line, 5, "repair")]))
        self.repair_line = self.repair.line_ids
        self.backorder = self._validate(self._receipt(self.repair), {self.product: 3})
        self._inspect(self.repair_line, [("refurbish", 1)])
        # a replacement shipped in full
        self.replace = self._approve(self._create_rma([(order.order_line, 2, "replace")]))
        self._validate(self._receipt(self.replace))
        self._inspect(self.replace.line_ids, [("scrap", 2)])
        self._validate(self.replace.line_ids._create_delivery(self.product, 2))
        self.assertEqual(self.replace.status, "shipped")

    def _user(self, name, group):
        return self.env["res.users"].create({
            "name": name, "login": name.lower().replace(" ", "_"), "email": "%s@example.com" % name.split()[1],
            "groups_id": [(6, 0, [self.env.ref(group).id])],
        })

    def _actions(self, user):
        """Each warehouse action of the scenario, done by ``user``."""
        line = self.repair_line.sudo(user)
        inspect = self.env["rma.inspect"].sudo(user).with_context(default_line_id=line.id)
        deliver = self.env["rma.delivery"].sudo(user).with_context(default_line_id=line.id)
        return [
            ("inspect returned goods", line.action_inspect),
            ("inspect returned goods", lambda: inspect.create({
                "result": "passed", "item_ids": [(0, 0, {"disposition": "stock", "quantity": 2})],
            }).action_confirm()),
            ("ship goods to customers", line.action_create_delivery),
            ("ship goods to customers", lambda: deliver.create(
                {"quantity": 1, "product_id": self.product.id}).action_confirm()),
            ("move refurbished units to stock", line.action_refurbished_to_stock),
            ("close the receipts of returns", line.action_close_receipt),
            ("close the receipts of returns", self.repair.sudo(user).action_close_receipt),
            ("mark returns as delivered", self.replace.sudo(user).action_mark_delivered),
            ("inspect returned goods", line.action_decide_refurbish),
            ("inspect returned goods", lambda: inspect.create({
                "source": "refurbish", "result": "failed",
                "item_ids": [(0, 0, {"disposition": "scrap", "quantity": 1})],
            }).action_confirm()),
        ]

    def _state(self):
        self.env.cache.invalidate()  # what a refused action left in the cache
        line = self.repair_line
        return {
            "stock": [self._quantity(self.product, location) for location in (
                self.rma_location, self.warehouse.rma_refurbish_loc_id, self.stock_location)],
            "line": (line.qty_received, line.qty_inspected, line.qty_in_refurbish, line.qty_delivered,
                     line.inspection_result),
            "transfers": [(picking.id, picking.state) for picking in self.repair.picking_ids],
            "delivered": self.replace.delivered_date,
        }

    def test_salesman_handles_no_goods(self):
        before = self._state()
        for action, call in self._actions(self.salesman):
            with self.assertRaises(AccessError) as error, self.env.cr.savepoint():
                call()
            self.assertEqual(error.exception.name, "Only warehouse users and RMA managers can %s." % action)
            self.assertEqual(self._state(), before, action)
        backorder = self.backorder.sudo(self.salesman)
        backorder.move_lines.quantity_done = 2
        with self.assertRaises(AccessError) as error, self.env.cr.savepoint():
            backorder.button_validate()
        self.assertEqual(error.exception.name,
                         "Only warehouse users can validate the transfers of returns: %s." % backorder.name)
        self.assertEqual(self._state(), before)

    def test_billing_user_neither_ships_nor_receives(self):
        billing = self._user("Roles Billing", "account.group_account_invoice")
        before = self._state()
        with self.assertRaises(AccessError) as error, self.env.cr.savepoint():
            self._actions(billing)[3][1]()
        self.assertEqual(error.exception.name, "Only warehouse users and RMA managers can ship goods to customers.")
        backorder = self.backorder.sudo(billing)
        backorder.move_lines.quantity_done = 2
        with self.assertRaises(AccessError) as error, self.env.cr.savepoint():
            backorder.action_done()
        self.assertEqual(error.exception.name,
                         "Only warehouse users can validate the transfers of returns: %s." % backorder.name)
        self.assertEqual(self._state(), before)

    def test_warehouse_user_handles_the_goods(self):
        line = self.repair_line.sudo(self.clerk)
        in_stock = self._quantity(self.product, self.stock_location)
        last = self._validate(self.backorder.sudo(self.clerk), {self.product: 1})
        self.assertEqual(line.qty_received, 4)
        self.assertTrue(line.action_close_receipt())
        self.assertEqual(last.state, "cancel")
        self.assertEqual(line.action_inspect()["res_model"], "rma.inspect")
        self._inspect(line, [("stock", 2), ("refurbish", 1)])
        self.assertEqual(line.inspection_user_id, self.clerk)
        self.assertTrue(line.action_refurbished_to_stock())
        self.assertEqual(self._quantity(self.product, self.stock_location), in_stock + 4, "2 passed, 2 refurbished")
        self.assertEqual(line.action_create_delivery()["res_model"], "rma.delivery")
        wizard = self.env["rma.delivery"].sudo(self.clerk).with_context(default_line_id=line.id).create(
            {"quantity": 1, "product_id": self.product.id})
        delivery = self.env["stock.picking"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual((delivery.picking_type_id, delivery.move_lines.product_uom_qty),
                         (self.warehouse.rma_out_type_id, 1))
        self.assertTrue(self.replace.sudo(self.clerk).action_mark_delivered())
        self.assertEqual(self.replace.status, "delivered")
