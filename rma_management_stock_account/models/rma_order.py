# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RmaOrder(models.Model):
    _inherit = "rma.order"

    @api.multi
    def _after_receipt(self, lines):
        result = super(RmaOrder, self)._after_receipt(lines)
        lines.mapped("rma_id")._credit_automatically()
        return result

    @api.multi
    def _after_inspection(self, lines):
        result = super(RmaOrder, self)._after_inspection(lines)
        lines.mapped("rma_id")._credit_automatically()
        return result
