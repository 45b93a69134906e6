"""Credited amounts in lists are added in the company's currency, and the
Return Credits report is reachable by billing users."""
from lxml import etree

from odoo import fields

from .rma_account_common import RmaAccountCase


class TestCreditLists(RmaAccountCase):

    def _foreign_currency(self, rate):
        currency = self.env.ref("base.EUR") if self.currency != self.env.ref("base.EUR") \
            else self.env.ref("base.USD")
        currency.active = True
        today = fields.Date.context_today(self.env.user)
        rates = self.env["res.currency.rate"]
        for cur, cur_rate in ((self.currency, 1.0), (currency, rate)):
            rates.search([("currency_id", "=", cur.id), ("name", "=", today)]).unlink()
            rates.create({"currency_id": cur.id, "name": today, "rate": cur_rate, "company_id": self.company.id})
        return currency

    def _credited_rma(self, pricelist=None):
        order = self._sale([(self.product, 2, 200.0, 0.0, self.tax_15)], pricelist=pricelist)
        self._invoice(order)
        rma = self._rma([(order.order_line, 2)], currency=order.currency_id)
        rma.action_confirm()
        rma.credit_note_ids.action_invoice_open()
        return rma

    def test_credited_amount_in_the_company_currency(self):
        currency = self._foreign_currency(2.0)
        pricelist = self.env["product.pricelist"].create({"name": "Foreign (RMA test)", "currency_id": currency.id})
        foreign = self._credited_rma(pricelist)
        local = self._credited_rma()
        self.assertEqual(foreign.currency_id, currency)
        self.assertEqual((foreign.amount_credited, foreign.amount_credited_company), (460.0, 230.0),
                         "460.00 at 2 per company currency unit, as booked")
        self.assertEqual((local.amount_credited, local.amount_credited_company), (460.0, 460.0))
        self.assertEqual(foreign.amount_total_company, 230.0)
        [group] = self.env["rma.order"].read_group(
            [("id", "in", (foreign | local).ids)], ["amount_credited_company"], [])
        self.assertEqual(group["amount_credited_company"], 690.0)
        arch = etree.fromstring(self.env["rma.order"].fields_view_get(view_type="tree")["arch"])
        self.assertEqual({field.get("name") for field in arch.xpath("//field[@sum]")},
                         {"amount_total_company", "amount_credited_company"})

    def test_billing_users_reach_and_read_return_credits(self):
        rma = self._credited_rma()
        billing = self._user("rma_billing_only", "account.group_account_invoice")
        self.assertFalse(billing.has_group("rma_management.group_rma_user"))
        visible = self.env["ir.ui.menu"].sudo(billing)._visible_menu_ids()
        menu = self.env.ref("rma_management_account.menu_account_rma_credit_report")
        # Odoo 11 shows the Invoicing app (account.menu_finance) only with account_invoicing,
        # which the sales and stock apps install; with account alone there is no such app
        while menu and menu.active:
            self.assertIn(menu.id, visible, "%s is hidden from billing users" % menu.complete_name)
            menu = menu.parent_id
        report = self.env["rma.credit.report"].sudo(billing)
        [group] = report.read_group(
            [("rma_id", "=", rma.id)], ["reason_id", "amount_credited", "quantity"], ["reason_id"])
        self.assertEqual((group["reason_id"][1], group["amount_credited"], group["quantity"]),
                         (self.reason.name, 400.0, 2.0))
        [row] = report.search_read([("rma_id", "=", rma.id)], ["rma_id", "partner_id", "product_id"])
        self.assertEqual(row["rma_id"], (rma.id, rma.name))
