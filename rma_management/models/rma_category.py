# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RmaCategory(models.Model):
    _name = "rma.category"
    _description = "RMA Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    approval_required = fields.Boolean(
        help="RMAs of this category always wait for a manager's approval.",
    )
    allow_without_origin = fields.Boolean(
        string="Lines without Origin",
        help="Lines that come from no sales order are approved without a manager. Otherwise a manager "
        "approves them: nothing else caps what they credit.",
    )
    default_operation_id = fields.Many2one(
        "rma.operation", string="Default Return Type", ondelete="restrict",
        help="Requested outcome proposed on new lines of RMAs of this category.",
    )
    hold_reason_id = fields.Many2one(
        "rma.hold.reason", string="Hold New RMAs",
        help="New RMAs of this category start on hold for this reason, until an RMA manager releases them.",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env["res.company"]._company_default_get("rma.category"),
    )
