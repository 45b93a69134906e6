# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    rma_approval_amount = fields.Monetary(
        related="company_id.rma_approval_amount",
        currency_field="rma_currency_id",
    )
    rma_backdate_tolerance = fields.Integer(related="company_id.rma_backdate_tolerance")
    rma_approver_id = fields.Many2one(related="company_id.rma_approver_id")
    rma_currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
