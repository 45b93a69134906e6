# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RmaHoldWizard(models.TransientModel):
    _name = "rma.hold.wizard"
    _inherit = ["rma.value.guard"]
    _description = "Put an RMA on Hold"

    rma_ids = fields.Many2many("rma.order", string="RMAs")
    line_ids = fields.Many2many("rma.order.line", string="RMA Lines")
    reason_id = fields.Many2one("rma.hold.reason", string="Hold Reason", required=True)
    note = fields.Text(help="What is awaited before the hold is released: kept on the RMA and in its history.")

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        records = self.rma_ids or self.line_ids
        records._check_hold_manager()
        return records._put_on_hold(self.reason_id, self.note)
