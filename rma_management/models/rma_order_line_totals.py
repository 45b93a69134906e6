# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
# (rma.order.line is split by responsibility: this file holds its subtotal in the company's currency)
from odoo import api, fields, models


class RmaOrderLine(models.Model):
    """The line's subtotal in the company's currency, for the Returns Analysis
    and the Returned Items list: they add lines of RMAs in several currencies."""

    _inherit = "rma.order.line"

    company_currency_id = fields.Many2one(related="rma_id.company_currency_id", readonly=True,
                                          string="Company Currency")
    price_subtotal_company = fields.Monetary(
        compute="_compute_amounts", store=True, currency_field="company_currency_id",
        string="Subtotal in Company Currency",
        help="Converted at the rate of the RMA's date: lists and reports add these, never amounts in "
             "different currencies.",
    )

    @api.depends("rma_id.company_id.currency_id", "rma_id.date")
    def _compute_amounts(self):
        """Computed with the line's amounts (one method: stored together, no extra write)."""
        result = super(RmaOrderLine, self)._compute_amounts()
        rates = self.mapped("rma_id")._get_company_currency_rates()
        for line in self:
            currency = line.company_currency_id or line.rma_id.currency_id
            line.price_subtotal_company = currency.round(line.price_subtotal * rates.get(line.rma_id.id, 1.0))
        return result
