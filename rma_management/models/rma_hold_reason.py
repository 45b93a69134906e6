# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RmaHoldReason(models.Model):
    """Why a return is put on hold: a list the company keeps (seed 003's
    holds on exceptions: a customer dispute, a credit check...)."""

    _name = "rma.hold.reason"
    _description = "RMA Hold Reason"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True, help="When to use this reason, and what releases the hold.")
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env["res.company"]._company_default_get("rma.hold.reason"),
    )
