# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .rma_order_line import CREDIT_POLICIES


class RmaCategory(models.Model):
    _name = "rma.category"
    _inherit = ["rma.category", "rma.restocking.fee.mixin"]

    credit_policy = fields.Selection(
        CREDIT_POLICIES,
        help="When refund and credit-only lines of RMAs of this category are credited; "
        "empty: as their requested outcome says.",
    )

