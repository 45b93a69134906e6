"""Shared set-up of the core RMA tests: a customer, products, and sales
orders confirmed and delivered (through their real delivery orders where
stock is installed)."""
from datetime import datetime, timedelta

from rma_test_helpers import deliver_in_full

from odoo import fields
from odoo.tests.common import TransactionCase


class RmaCase(TransactionCase):

    def setUp(self):
        super().setUp()
        self.company = self.env.user.company_id
        self.customer = self.env["res.partner"].create({"name": "Returning Customer", "customer": True})
        self.other_customer = self.env["res.partner"].create({"name": "Other Customer", "customer": True})
        self.tax = self.env["account.tax"].create({
            "name": "RMA test VAT 20%",
            "amount": 20.0,
            "amount_type": "percent",
            "type_tax_use": "sale",
        })
        self.category = self.env["product.category"].create({"name": "RMA Test Gadgets"})
        self.sub_category = self.env["product.category"].create({
            "name": "RMA Test Small Gadgets", "parent_id": self.category.id,
        })
        self.product = self._product("Widget", 100.0)
        self.product_2 = self._product("Gizmo", 40.0)
        self.reason = self.env["rma.reason"].create({"name": "Broken on arrival"})
        self.env["rma.return.policy"].search([("is_default", "=", True)]).write({"is_default": False})
        self.policy = self.env["rma.return.policy"].create({
            "name": "Test 30 days", "window_days": 30, "is_default": True,
        })
        self.rma_user = self._user("rma_user", "rma_management.group_rma_user")
        self.rma_manager = self._user("rma_manager", "rma_management.group_rma_manager")

    def _product(self, name, price, **values):
        return self.env["product.product"].create(dict({
            "name": name,
            "type": "consu",
            "categ_id": self.sub_category.id,
            "list_price": price,
            "taxes_id": [(6, 0, self.tax.ids)],
            "invoice_policy": "delivery",
        }, **values))

    def _user(self, login, group):
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.replace("_", " ").title(),
            "login": login,
            "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [self.env.ref(group).id, self.env.ref("sales_team.group_sale_salesman").id])],
        })

    def _sale_order(self, lines, partner=None, deliver=True, **values):
        """A confirmed order; ``lines``: (product, quantity, price, discount) tuples."""
        order = self.env["sale.order"].create(dict({
            "partner_id": (partner or self.customer).id,
            "order_line": [(0, 0, {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "price_unit": price,
                "discount": discount,
                "tax_id": [(6, 0, self.tax.ids)],
            }) for product, quantity, price, discount in lines],
        }, **values))
        order.action_confirm()
        if deliver:
            deliver_in_full(order)
        return order

    def _backdate(self, order, days):
        """As if ``order`` was confirmed and delivered ``days`` ago."""
        when = fields.Datetime.to_string(datetime.now() - timedelta(days=days))
        if "picking_ids" in order._fields:
            order.picking_ids.write({"date_done": when})
            order.picking_ids.mapped("move_lines").write({"date": when})
        order.write({"confirmation_date": when, "date_order": when})

    def _rma(self, lines, partner=None, **values):
        """A draft RMA; ``lines``: dicts of rma.order.line values (reason defaulted)."""
        return self.env["rma.order"].create(dict({
            "partner_id": (partner or self.customer).id,
            "line_ids": [(0, 0, dict({"reason_id": self.reason.id}, **line)) for line in lines],
        }, **values))

    def _rma_from_order(self, order, quantities=None, **values):
        """An RMA created through the sales order's wizard; ``quantities``: product -> qty."""
        wizard = self.env["rma.add.sale.lines"].with_context(
            default_sale_order_id=order.id, default_partner_id=order.partner_id.id,
        ).create(dict({"reason_id": self.reason.id}, **values))
        for item in wizard.item_ids:
            if quantities is None or item.product_id in quantities:
                item.write({"selected": True, "quantity": (quantities or {}).get(item.product_id, item.quantity)})
        action = wizard.action_add_lines()
        return self.env["rma.order"].browse(action["res_id"])
