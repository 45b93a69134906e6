# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.addons import decimal_precision as dp


class RmaInspectItem(models.TransientModel):
    _name = "rma.inspect.item"
    _inherit = ["rma.value.guard"]
    _description = "Inspection Decision"

    wizard_id = fields.Many2one("rma.inspect", required=True, ondelete="cascade")
    line_id = fields.Many2one(
        "rma.order.line", string="RMA Line",
        help="The line the decision is about, when several lines are inspected at once.",
    )
    product_id = fields.Many2one("product.product", related="line_id.product_id", readonly=True)
    disposition = fields.Selection(
        # the labels of the move's field in the user's language (a callable selection is not translated)
        lambda self: [
            item for item in self.env["stock.move"]._fields["rma_disposition"]._description_selection(self.env)
            if item[0] != "refurbished"
        ],
        required=True, default="stock",
    )
    quantity = fields.Float(required=True, digits=dp.get_precision("Product Unit of Measure"))
    lot_id = fields.Many2one(
        "stock.production.lot", string="Lot/Serial Number",
        help="For tracked products: the lot or serial number returned on this line that the decision is "
             "about. Left empty, the decision takes the line's units left once the others are served.",
    )
