# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.addons import decimal_precision as dp


class RmaAddSaleLinesItem(models.TransientModel):
    _name = "rma.add.sale.lines.item"
    _inherit = ["rma.value.guard"]
    _description = "Product to Return from a Sales Order"

    wizard_id = fields.Many2one("rma.add.sale.lines", required=True, ondelete="cascade")
    selected = fields.Boolean(string="Return")
    sale_line_id = fields.Many2one("sale.order.line", string="Order Line", required=True, readonly=True)
    product_id = fields.Many2one(related="sale_line_id.product_id", readonly=True)
    product_uom = fields.Many2one(related="sale_line_id.product_uom", readonly=True)
    qty_delivered = fields.Float(
        related="sale_line_id.qty_delivered", readonly=True, digits=dp.get_precision("Product Unit of Measure"),
    )
    qty_returnable = fields.Float(
        string="Returnable", readonly=True, digits=dp.get_precision("Product Unit of Measure"),
    )
    quantity = fields.Float(string="Quantity to Return", digits=dp.get_precision("Product Unit of Measure"))
