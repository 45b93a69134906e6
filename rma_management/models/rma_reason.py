# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RmaReason(models.Model):
    _name = "rma.reason"
    _description = "RMA Return Reason"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env["res.company"]._company_default_get("rma.reason"),
    )
