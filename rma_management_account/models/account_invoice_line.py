# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountInvoiceLine(models.Model):
    _inherit = "account.invoice.line"

    rma_line_id = fields.Many2one(
        "rma.order.line", string="RMA Line", index=True, readonly=True, copy=False, ondelete="restrict",
    )
    rma_reason_id = fields.Many2one(
        related="rma_line_id.reason_id", store=True, readonly=True, string="Return Reason", index=True,
    )
    rma_restocking_fee = fields.Boolean(
        string="Restocking Fee", readonly=True, copy=False,
        help="The restocking fee kept on an RMA credit note.",
    )
