# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RmaReject(models.TransientModel):
    _name = "rma.reject"
    _inherit = ["rma.value.guard"]
    _description = "Reject RMA"

    rma_ids = fields.Many2many("rma.order", string="RMAs", required=True)
    reason = fields.Text(required=True, help="Why the return is refused: kept on the RMA and in its history.")

    @api.multi
    def action_reject(self):
        self.ensure_one()
        return self.rma_ids._action_reject(self.reason)
