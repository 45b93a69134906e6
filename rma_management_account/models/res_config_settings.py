# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    rma_credit_note_validate = fields.Boolean(related="company_id.rma_credit_note_validate")
    rma_restocking_fee_account_id = fields.Many2one(related="company_id.rma_restocking_fee_account_id")
    rma_accountant_id = fields.Many2one(related="company_id.rma_accountant_id")
