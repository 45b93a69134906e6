# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .rma_order_line import CREDIT_POLICIES


class RmaOperation(models.Model):
    """When a return type credits the customer, and the restocking fee it keeps."""

    _name = "rma.operation"
    _inherit = ["rma.operation", "rma.restocking.fee.mixin"]

    credit_policy = fields.Selection(
        CREDIT_POLICIES, required=True, default="on_approval",
        help="When the lines of this type are credited, unless their RMA's category says otherwise; each line "
        "gets it as its own credit policy, editable until something is credited. No Credit: its lines are never "
        "credited.",
    )

    @api.multi
    def _get_allowed_credit_policies(self):
        """Credit policies a line of this type may have. Extension point:
        crediting on receipt or acceptance needs goods that come back."""
        self.ensure_one()
        if self.credit_policy == "none":
            return ["none"]
        return ["none", "on_approval"]
