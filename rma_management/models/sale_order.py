# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    rma_line_ids = fields.One2many("rma.order.line", "sale_order_id", string="RMA Lines")
    rma_count = fields.Integer(string="RMA Count", compute="_compute_rma_count")

    @api.depends("rma_line_ids.rma_id")
    def _compute_rma_count(self):
        for order in self:
            order.rma_count = len(order.rma_line_ids.mapped("rma_id"))

    @api.multi
    def action_create_rma(self):
        """Start a return from this order: pick lines and quantities in a wizard."""
        self.ensure_one()
        if self.state not in ("sale", "done"):
            raise UserError(_("Only confirmed sales orders can have returns: confirm %s first.") % self.name)
        return self.env["rma.order"]._wizard_action(_("Return Products"), "rma.add.sale.lines", {
            "default_sale_order_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_company_id": self.company_id.id,
        })

    @api.multi
    def action_view_rmas(self):
        self.ensure_one()
        return self.env["rma.order"]._records_action(
            "rma_management.action_rma_order", self.rma_line_ids.mapped("rma_id"),
        )
