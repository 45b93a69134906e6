# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RmaOperation(models.Model):
    _inherit = "rma.operation"

    portal_allowed = fields.Boolean(
        string="Offered on the Portal",
        help="Customers may ask for this outcome when they request a return on the portal.",
    )
