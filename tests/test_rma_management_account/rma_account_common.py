"""Shared set-up of the rma_management_account tests: a customer, taxes, a
product, sales orders delivered and invoiced the way the installed addons
allow (pickings with stock, manual delivered quantities without)."""
from rma_test_helpers import RmaFlowMixin, deliver_in_full, return_type

from odoo.tests.common import TransactionCase


def skip_unless_installed(case, module="rma_management_account"):
    """These tests need the addon; databases without it skip them."""
    if not case.env["ir.module.module"].search_count([("name", "=", module), ("state", "=", "installed")]):
        case.skipTest("%s is not installed" % module)


class RmaAccountCase(RmaFlowMixin, TransactionCase):

    def setUp(self):
        super().setUp()
        skip_unless_installed(self)
        self.company = self.env.user.company_id
        self.company.write({"rma_approval_amount": 0.0, "rma_credit_note_validate": False})
        self.currency = self.company.currency_id
        self.customer = self.env["res.partner"].create({"name": "Credit Customer", "customer": True})
        self.receivable = self.customer.property_account_receivable_id
        self.tax_account = self.env["account.account"].create({
            "name": "RMA Test Tax", "code": "RMA2001",
            "user_type_id": self.env.ref("account.data_account_type_current_liabilities").id,
        })
        self.tax_15 = self._tax("Sale 15% (RMA test)", 15.0)
        self.income = self.env["account.account"].create({
            "name": "RMA Test Sales", "code": "RMA7001",
            "user_type_id": self.env.ref("account.data_account_type_revenue").id,
        })
        self.fee_account = self.env["account.account"].create({
            "name": "RMA Test Restocking Fees", "code": "RMA7002",
            "user_type_id": self.env.ref("account.data_account_type_other_income").id,
        })
        self.product = self._product("Credit Widget", 100.0, self.tax_15)
        self.reason = self.env["rma.reason"].create({"name": "Defective (test)"})
        self.other_reason = self.env["rma.reason"].create({"name": "Not needed (test)"})

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _tax(self, name, amount, price_include=False):
        return self.env["account.tax"].create({
            "name": name, "amount": amount, "amount_type": "percent", "type_tax_use": "sale",
            "price_include": price_include,
            "account_id": self.tax_account.id, "refund_account_id": self.tax_account.id,
        })

    def _product(self, name, price, taxes):
        return self.env["product.product"].create({
            "name": name,
            "type": "consu",
            "invoice_policy": "order",
            "list_price": price,
            "taxes_id": [(6, 0, taxes.ids)],
            "property_account_income_id": self.income.id,
        })

    def _sale(self, lines, pricelist=None):
        """A confirmed and delivered sales order; ``lines``: (product, qty, price, discount, taxes)."""
        values = {
            "partner_id": self.customer.id,
            "order_line": [
                (0, 0, {"product_id": product.id, "product_uom_qty": qty, "price_unit": price,
                        "discount": discount, "tax_id": [(6, 0, taxes.ids)]})
                for product, qty, price, discount, taxes in lines
            ],
        }
        if pricelist:
            values["pricelist_id"] = pricelist.id
        order = self.env["sale.order"].create(values)
        order.action_confirm()
        deliver_in_full(order)
        return order

    def _invoice(self, order, quantities=None):
        """Invoice ``order`` and validate; ``quantities`` by sale line changes what is invoiced."""
        invoice = self.env["account.invoice"].browse(order.action_invoice_create())
        for invoice_line in invoice.invoice_line_ids:
            if quantities and invoice_line.sale_line_ids in quantities:
                invoice_line.quantity = quantities[invoice_line.sale_line_ids]
        invoice.compute_taxes()
        invoice.action_invoice_open()
        return invoice

    def _rma(self, items, operation="credit_only", category=None, partner=None, currency=None):
        """An RMA of ``items``: (sale line or product, qty[, price])."""
        lines = []
        for item in items:
            origin, qty = item[0], item[1]
            if origin._name == "sale.order.line":
                values = self.env["rma.order.line"]._prepare_from_sale_line(origin)
            else:
                values = {"product_id": origin.id, "price_unit": origin.lst_price,
                          "tax_ids": [(6, 0, origin.taxes_id.ids)]}
            values.update(product_uom_qty=qty, reason_id=self.reason.id,
                          operation_id=return_type(self.env, operation).id)
            if len(item) > 2:
                values["price_unit"] = item[2]
            lines.append((0, 0, values))
        return self.env["rma.order"].create({
            "partner_id": (partner or self.customer).id,
            "category_id": category.id if category else False,
            "currency_id": (currency or self.currency).id,
            "line_ids": lines,
        })

    def _credit_notes(self, rma):
        return rma.credit_note_ids.filtered(lambda inv: inv.state != "cancel")

    def _user(self, login, *group_xmlids):
        """A user of the main company with only these groups."""
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.replace("_", " ").title(), "login": login, "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [self.env.ref(xmlid).id for xmlid in group_xmlids])],
        })

    def _move_balance(self, move, account):
        lines = move.line_ids.filtered(lambda aml: aml.account_id == account)
        return round(sum(lines.mapped("debit")) - sum(lines.mapped("credit")), 2)
