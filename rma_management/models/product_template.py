# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "rma.manager.settings.mixin"]
    _rma_manager_fields = ("rma_returnable", "rma_inspection_required")

    rma_returnable = fields.Boolean(
        string="Returnable",
        company_dependent=True,  # True unless set otherwise: see the default property in data
        help="Customers may return this product through an RMA of the current company.",
    )
    rma_inspection_required = fields.Boolean(
        string="Inspection Required",
        company_dependent=True,
        help="Returned units wait in the RMA location until someone inspected them.",
    )
