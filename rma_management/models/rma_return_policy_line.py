# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class RmaReturnPolicyLine(models.Model):
    _name = "rma.return.policy.line"
    _description = "RMA Return Policy Override"
    _order = "policy_id, product_id, categ_id"

    policy_id = fields.Many2one("rma.return.policy", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", ondelete="cascade")
    categ_id = fields.Many2one("product.category", string="Product Category", ondelete="cascade")
    window_days = fields.Integer(string="Return Window (days)", required=True)

    _sql_constraints = [
        ("window_days_positive", "CHECK (window_days >= 0)", "The return window cannot be negative."),
    ]

    @api.constrains("product_id", "categ_id", "policy_id")
    def _check_target(self):
        for line in self:
            if bool(line.product_id) == bool(line.categ_id):
                raise ValidationError(_("A return policy override applies to either a product or a product category."))
