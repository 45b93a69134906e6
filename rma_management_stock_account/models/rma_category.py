# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .rma_order_line import RECEIPT_CREDIT_POLICIES


class RmaCategory(models.Model):
    _inherit = "rma.category"

    credit_policy = fields.Selection(selection_add=RECEIPT_CREDIT_POLICIES)
