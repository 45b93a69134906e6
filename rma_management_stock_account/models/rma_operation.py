# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .rma_order_line import RECEIPT_CREDIT_POLICIES, RECEIPT_POLICIES


class RmaOperation(models.Model):
    """Types whose goods come back may be credited once they are here."""

    _inherit = "rma.operation"

    credit_policy = fields.Selection(
        selection_add=[*RECEIPT_CREDIT_POLICIES, ("on_goods", "On Receipt, on Acceptance when Inspected")],
    )

    @api.multi
    def _get_allowed_credit_policies(self):
        policies = super(RmaOperation, self)._get_allowed_credit_policies()
        if self.credit_policy != "none" and self.receipt_policy != "none":
            policies = [*policies, *RECEIPT_POLICIES]
        return policies
