# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

#: credit statuses of a refund whose credit waits for its goods, in the order the steps come
AWAITED_CREDIT_STATUSES = [
    ("after_receipt", "Credit after Receipt"),
    ("after_inspection", "Credit after Inspection"),
]


class RmaOrder(models.Model):
    _inherit = "rma.order"

    credit_status = fields.Selection(selection_add=AWAITED_CREDIT_STATUSES)

    @api.model
    def _get_credit_status_depends(self):
        return [*super(RmaOrder, self)._get_credit_status_depends(), "state", "line_ids.state",
                "line_ids.credit_policy", "line_ids.stock_status", "line_ids.qty_in_quarantine"]

    @api.multi
    def _get_awaited_credit_status(self):
        """An approved refund credited on receipt or acceptance waits for the
        goods, or for their inspection: the earliest step any line waits for."""
        status = super(RmaOrder, self)._get_awaited_credit_status()
        if status or self.state != "approved":
            return status
        awaited = {line._get_awaited_credit_step() for line in self.line_ids}
        return next((step for step, _label in AWAITED_CREDIT_STATUSES if step in awaited), False)

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
