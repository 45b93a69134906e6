# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    rma_receive_to_stock = fields.Boolean(
        string="Receive Returns Straight to Stock",
        help="On RMA receipts of this type, products that need no inspection go directly to the "
        "warehouse stock instead of waiting in the RMA input location.",
    )
