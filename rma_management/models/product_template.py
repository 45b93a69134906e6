# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "rma.manager.settings.mixin"]
    _rma_manager_fields = ("rma_returnable", "rma_inspection_required")

    rma_returnable = fields.Boolean(
        string="Returnable",
        default=True,
        help="Customers may return this product through an RMA.",
    )
    rma_inspection_required = fields.Boolean(
        string="Inspection Required",
        help="Returned units wait in the RMA location until someone inspected them.",
    )

    @api.multi
    def write(self, vals):
        self._check_rma_manager_settings(vals)
        return super(ProductTemplate, self).write(vals)
