# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
# (rma.order is split by responsibility: this file holds its amounts in the company's currency)
from collections import defaultdict

from odoo import api, fields, models

COMPANY_AMOUNT_HELP = ("Converted at the rate of the RMA's date: lists and reports add these, never amounts in "
                       "different currencies.")


class RmaOrder(models.Model):
    _inherit = "rma.order"

    company_currency_id = fields.Many2one(related="company_id.currency_id", readonly=True, string="Company Currency")
    amount_untaxed_company = fields.Monetary(
        compute="_compute_amounts", store=True, currency_field="company_currency_id",
        string="Untaxed Amount in Company Currency", help=COMPANY_AMOUNT_HELP,
    )
    amount_total_company = fields.Monetary(
        compute="_compute_amounts", store=True, currency_field="company_currency_id",
        string="Total in Company Currency", help=COMPANY_AMOUNT_HELP,
    )

    @api.depends("currency_id", "company_id.currency_id", "date")
    def _compute_amounts(self):
        """Computed with the document amounts (one method: stored together, no
        extra write)."""
        result = super(RmaOrder, self)._compute_amounts()
        rates = self._get_company_currency_rates()
        for rma in self:
            company_currency = rma.company_currency_id or rma.currency_id
            rma.amount_untaxed_company = company_currency.round(rma.amount_untaxed * rates[rma.id])
            rma.amount_total_company = company_currency.round(rma.amount_total * rates[rma.id])
        return result

    @api.multi
    def _get_company_currency_rates(self):
        """From each RMA's currency to its company's at its date, by RMA id: one
        rate per currency, company and date, none read when the RMA is in its
        company's currency."""
        groups = defaultdict(list)
        for rma in self:
            groups[rma.currency_id, rma.company_id, rma.date].append(rma.id)
        rates = {}
        for (currency, company, date), rma_ids in groups.items():
            rate = 1.0
            if currency and company.currency_id and currency != company.currency_id:
                rate = currency.with_context(date=date, company_id=company.id).compute(
                    1.0, company.currency_id, round=False)
            rates.update(dict.fromkeys(rma_ids, rate))
        return rates
