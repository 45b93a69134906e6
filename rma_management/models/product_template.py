# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    rma_returnable = fields.Boolean(
        string="Returnable",
        default=True,
        help="Customers may return this product through an RMA.",
    )
    rma_inspection_required = fields.Boolean(
        string="Inspection Required",
        help="Returned units wait in the RMA location until someone inspected them.",
    )
