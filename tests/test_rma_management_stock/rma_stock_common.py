"""Shared set-up of the rma_management_stock tests: a customer who bought and
received goods, and helpers to approve RMAs and process pickings."""
from datetime import datetime, timedelta

from rma_test_helpers import RmaFlowMixin, return_type

from odoo import fields
from odoo.tests.common import TransactionCase


class RmaStockCase(RmaFlowMixin, TransactionCase):

    def setUp(self):
        super().setUp()
        self.company = self.env.user.company_id
        self.warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        self.stock_location = self.warehouse.lot_stock_id
        self.rma_location = self.warehouse.rma_loc_id
        self.customer = self.env["res.partner"].create({"name": "Returning Customer", "customer": True})
        self.reason = self.env["rma.reason"].create({"name": "Defective"})
        self.product = self._create_product("Returned Widget")

    def _create_product(self, name, **values):
        return self.env["product.product"].create(dict({
            "name": name,
            "type": "product",
            "invoice_policy": "delivery",
            "list_price": 50.0,
            "standard_price": 10.0,
            "taxes_id": [(6, 0, [])],
        }, **values))

    def _sell_and_deliver(self, product, qty, lot_names=None):
        """A confirmed sale of ``qty`` ``product`` whose delivery is done."""
        self.env["stock.quant"]._update_available_quantity(product, self.stock_location, qty)
        if lot_names:
            self.env["stock.quant"]._update_available_quantity(product, self.stock_location, -qty)
            for name in lot_names:
                lot = self.env["stock.production.lot"].create({"name": name, "product_id": product.id})
                self.env["stock.quant"]._update_available_quantity(
                    product, self.stock_location, qty / len(lot_names), lot_id=lot,
                )
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": qty, "price_unit": 50.0})],
        })
        order.action_confirm()
        picking = order.picking_ids
        for move_line in picking.move_line_ids:
            move_line.qty_done = move_line.product_uom_qty
        picking.action_done()
        return order

    def _deliver_late(self, product, qty, days=45):
        """A sale of ``qty`` ``product`` delivered ``days`` ago, to a customer
        whose return window is 30 days."""
        self.customer.rma_return_policy_id = self.env["rma.return.policy"].create({
            "name": "30 days (stock tests)", "window_days": 30,
        })
        order = self._sell_and_deliver(product, qty)
        order.picking_ids.move_lines.write({"date": fields.Datetime.to_string(datetime.now() - timedelta(days=days))})
        return order

    def _return_with_rma(self, delivery, qty, user=None):
        """Odoo's Return of ``delivery`` with *Create RMA*, by ``user``: the return picking."""
        wizard = self.env["stock.return.picking"].sudo(user or self.env.uid).with_context(
            active_id=delivery.id, active_ids=delivery.ids,
        ).create({"create_rma": True, "rma_reason_id": self.reason.id,
                  "rma_operation_id": return_type(self.env, "refund").id})
        wizard.product_return_moves.quantity = qty
        return self.env["stock.picking"].browse(wizard.create_returns()["res_id"])

    def _create_rma(self, lines, **values):
        """``lines``: (sale line or product, quantity, operation) triples."""
        commands = []
        for origin, qty, operation in lines:
            if origin._name == "sale.order.line":
                line_values = self.env["rma.order.line"]._prepare_from_sale_line(origin)
            else:
                line_values = {"product_id": origin.id, "price_unit": origin.lst_price}
            line_values.update(product_uom_qty=qty, operation_id=return_type(self.env, operation).id,
                               reason_id=self.reason.id)
            commands.append((0, 0, line_values))
        return self.env["rma.order"].create(dict({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "line_ids": commands,
        }, **values))

    def _validate(self, picking, quantities=None, backorder=True):
        """Process ``picking`` with ``quantities`` (product -> qty, default all);
        return the backorder, if any."""
        for move in picking.move_lines:
            qty = (quantities or {}).get(move.product_id, move.product_uom_qty)
            move.quantity_done = qty
        result = picking.button_validate()
        if isinstance(result, dict) and result.get("res_model") == "stock.overprocessed.transfer":
            self.env["stock.overprocessed.transfer"].browse(result["res_id"]).action_confirm()
        elif isinstance(result, dict) and result.get("res_model") == "stock.backorder.confirmation":
            wizard = self.env["stock.backorder.confirmation"].browse(result["res_id"])
            if backorder:
                wizard.process()
            else:
                wizard.process_cancel_backorder()
        self.assertEqual(picking.state, "done")
        return self.env["stock.picking"].search([("backorder_id", "=", picking.id)])

    def _quantity(self, product, location):
        quants = self.env["stock.quant"].search([("product_id", "=", product.id), ("location_id", "=", location.id)])
        return sum(quants.mapped("quantity"))

    def _inspect(self, line, items, result="passed", note=False):
        wizard = self.env["rma.inspect"].sudo(line.env.uid).with_context(default_line_id=line.id).create({
            "result": result,
            "note": note,
            "item_ids": [(5, 0, 0)] + [
                (0, 0, {"disposition": disposition, "quantity": qty}) for disposition, qty in items
            ],
        })
        return wizard.action_confirm()
