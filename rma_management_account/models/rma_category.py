# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .rma_order_line import CREDIT_POLICIES


class RmaCategory(models.Model):
    _name = "rma.category"
    _inherit = ["rma.category", "rma.restocking.fee.mixin"]

    credit_policy = fields.Selection(
        CREDIT_POLICIES,
        help="When refund and credit-only lines of RMAs of this category are credited; "
        "empty: as their requested outcome says.",
    )

    @api.constrains("credit_policy")
    def _check_credit_policy(self):
        allowed = self.env["rma.order.line"]._get_allowed_credit_policies("refund")
        for category in self.filtered("credit_policy"):
            if category.credit_policy not in allowed:
                raise ValidationError(
                    _("The credit policy of the category %(category)s is not available: choose one of %(allowed)s.")
                    % {"category": category.name,
                       "allowed": self.env["rma.order.line"]._describe_credit_policies(allowed)}
                )
