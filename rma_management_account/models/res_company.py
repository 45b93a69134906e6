# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    rma_credit_note_validate = fields.Boolean(
        string="Validate RMA Credit Notes",
        help="Validate the credit notes of RMAs as soon as they are created; "
        "otherwise they wait in draft for an accountant's review.",
    )
    rma_restocking_fee_account_id = fields.Many2one(
        "account.account", string="Restocking Fee Account",
        domain=[("deprecated", "=", False)],
        help="Income account of the restocking fees kept on RMA credit notes.",
    )
