"""Shared set-up of the bridge tests (rma_management_stock_account): a
customer who bought storable goods that were delivered and invoiced (the
credit is capped by what was invoiced), refund RMAs of them, and helpers to
receive, inspect and look at the credit notes."""
from rma_test_helpers import RmaFlowMixin, return_type

from odoo.tests.common import TransactionCase


class RmaStockAccountCase(RmaFlowMixin, TransactionCase):

    def setUp(self):
        super().setUp()
        if not self.env["ir.module.module"].search_count(
            [("name", "=", "rma_management_stock_account"), ("state", "=", "installed")]
        ):
            self.skipTest("rma_management_stock_account is not installed")
        self.company = self.env.user.company_id
        self.company.write({
            "rma_approval_amount": 0.0,
            "rma_credit_note_validate": False,
            "rma_allow_over_receipt": False,
        })
        self.currency = self.company.currency_id
        self.warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        self.stock_location = self.warehouse.lot_stock_id
        self.customer = self.env["res.partner"].create({"name": "Bridge Customer", "customer": True})
        self.receivable = self.customer.property_account_receivable_id
        self.tax_account = self.env["account.account"].create({
            "name": "RMA Bridge Tax", "code": "RMAB2001",
            "user_type_id": self.env.ref("account.data_account_type_current_liabilities").id,
        })
        self.tax_15 = self.env["account.tax"].create({
            "name": "Sale 15% (RMA bridge test)", "amount": 15.0, "amount_type": "percent",
            "type_tax_use": "sale", "account_id": self.tax_account.id, "refund_account_id": self.tax_account.id,
        })
        self.income = self.env["account.account"].create({
            "name": "RMA Bridge Sales", "code": "RMAB7001",
            "user_type_id": self.env.ref("account.data_account_type_revenue").id,
        })
        self.reason = self.env["rma.reason"].create({"name": "Defective (bridge test)"})
        self.product = self._product("Bridge Widget")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _product(self, name, **values):
        return self.env["product.product"].create(dict({
            "name": name,
            "type": "product",
            "invoice_policy": "delivery",
            "list_price": 49.99,
            "standard_price": 20.0,
            "taxes_id": [(6, 0, self.tax_15.ids)],
            "property_account_income_id": self.income.id,
        }, **values))

    def _sell(self, product, qty, price=49.99):
        """A sales order of ``qty`` ``product``, delivered, invoiced and the
        invoice validated; returns (order, invoice)."""
        self.env["stock.quant"]._update_available_quantity(product, self.stock_location, qty)
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": qty, "price_unit": price,
                                   "tax_id": [(6, 0, self.tax_15.ids)]})],
        })
        order.action_confirm()
        for move in order.picking_ids.mapped("move_lines"):
            move.quantity_done = move.product_uom_qty
        order.picking_ids.button_validate()
        self.assertEqual(order.order_line.qty_delivered, qty)
        invoice = self.env["account.invoice"].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        self.assertEqual(invoice.state, "open")
        return order, invoice

    def _rma(self, sale_line, qty, operation="refund", category=None):
        values = self.env["rma.order.line"]._prepare_from_sale_line(sale_line)
        values.update(product_uom_qty=qty, operation_id=return_type(self.env, operation).id, reason_id=self.reason.id)
        return self.env["rma.order"].create({
            "partner_id": self.customer.id,
            "warehouse_id": self.warehouse.id,
            "category_id": category.id if category else False,
            "line_ids": [(0, 0, values)],
        })

    def _receive(self, rma, qty):
        """Validate the open receipt of ``rma`` for ``qty`` (its only line),
        keeping a backorder for the rest."""
        picking = self._receipt(rma)
        self.assertEqual(len(picking), 1)
        picking.move_lines.quantity_done = qty
        result = picking.button_validate()
        if isinstance(result, dict) and result.get("res_model") == "stock.overprocessed.transfer":
            self.env["stock.overprocessed.transfer"].browse(result["res_id"]).action_confirm()
        elif isinstance(result, dict) and result.get("res_model") == "stock.backorder.confirmation":
            self.env["stock.backorder.confirmation"].browse(result["res_id"]).process()
        self.assertEqual(picking.state, "done")
        return picking

    def _inspect(self, line, items, result="passed"):
        """``items``: (disposition, quantity) pairs, through the inspection wizard."""
        wizard = self.env["rma.inspect"].with_context(default_line_id=line.id).create({
            "result": result,
            "item_ids": [(5, 0, 0)] + [(0, 0, {"disposition": disposition, "quantity": qty})
                                       for disposition, qty in items],
        })
        return wizard.action_confirm()

    def _quantity_in(self, location, product=None):
        quants = self.env["stock.quant"].search([
            ("product_id", "=", (product or self.product).id), ("location_id", "=", location.id),
        ])
        return sum(quants.mapped("quantity"))

    def _credit_notes(self, rma):
        return rma.credit_note_ids.filtered(lambda invoice: invoice.state != "cancel").sorted("id")

    def _assert_credit_note(self, credit_note, qty, untaxed, tax, total):
        self.assertEqual(credit_note.type, "out_refund")
        self.assertEqual(sum(credit_note.invoice_line_ids.mapped("quantity")), qty)
        self.assertEqual(
            (credit_note.amount_untaxed, credit_note.amount_tax, credit_note.amount_total), (untaxed, tax, total)
        )
