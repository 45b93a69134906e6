"""The runtime itself: the addons are installed and Odoo's own forward flow
(sale, delivery, invoice) works on Python 3.11 with the compatibility layer."""
from odoo.tests.common import TransactionCase

ADDONS = {
    "rma_management": {"sale", "mail"},
    "rma_management_stock": {"rma_management", "sale_stock"},
    "rma_management_account": {"rma_management", "account"},
}


class TestRuntime(TransactionCase):

    def test_addons_installed_with_their_dependencies(self):
        modules = self.env["ir.module.module"].search([("name", "in", list(ADDONS))])
        self.assertEqual({m.name: m.state for m in modules}, dict.fromkeys(ADDONS, "installed"))
        for module in modules:
            self.assertEqual(set(module.dependencies_id.mapped("name")), ADDONS[module.name])

    def test_sale_delivery_invoice(self):
        customer = self.env["res.partner"].create({"name": "Runtime Customer", "customer": True})
        product = self.env["product.product"].create({
            "name": "Runtime Widget",
            "type": "product",
            "invoice_policy": "delivery",
            "list_price": 25.0,
            "taxes_id": [(6, 0, [])],
        })
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.env.user.company_id.id)], limit=1)
        self.env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 10)
        order = self.env["sale.order"].create({
            "partner_id": customer.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 4, "price_unit": 25.0})],
        })
        order.action_confirm()
        self.assertEqual(order.state, "sale")

        picking = order.picking_ids
        self.assertEqual(picking.state, "assigned")
        picking.move_lines.quantity_done = 4
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 4)
        self.assertEqual(product.with_context(location=warehouse.lot_stock_id.id).qty_available, 6)

        invoice = self.env["account.invoice"].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        self.assertEqual(invoice.state, "open")
        self.assertEqual(invoice.amount_total, 100.0)
        self.assertEqual(order.invoice_status, "invoiced")
        lines = invoice.move_id.line_ids
        self.assertEqual(sum(lines.mapped("debit")), 100.0)
        self.assertEqual(sum(lines.mapped("credit")), 100.0)
        receivable = lines.filtered(lambda line: line.account_id == customer.property_account_receivable_id)
        self.assertEqual(receivable.debit, 100.0)
