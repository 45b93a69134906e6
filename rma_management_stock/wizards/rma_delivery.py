# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.addons import decimal_precision as dp


class RmaDelivery(models.TransientModel):
    """Ship a replacement or a repaired unit to the customer."""

    _name = "rma.delivery"
    _inherit = ["rma.value.guard"]
    _description = "Ship RMA Goods to the Customer"

    line_id = fields.Many2one("rma.order.line", string="RMA Line", required=True, readonly=True)
    product_id = fields.Many2one(
        "product.product", required=True,
        help="What goes to the customer: the same product by default, or another one as replacement.",
    )
    quantity = fields.Float(required=True, digits=dp.get_precision("Product Unit of Measure"))
    scheduled_date = fields.Datetime(required=True, default=fields.Datetime.now)

    @api.model
    def default_get(self, fields_list):
        values = super(RmaDelivery, self).default_get(fields_list)
        line = self.env["rma.order.line"].browse(values.get("line_id"))
        if line:
            values.setdefault("product_id", line.product_id.id)
            values.setdefault("quantity", max(line._get_qty_to_ship(), 0.0))
        return values

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        picking = self.line_id._create_delivery(self.product_id, self.quantity, self.scheduled_date)
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": picking.id,
            "view_mode": "form",
            "target": "current",
        }
