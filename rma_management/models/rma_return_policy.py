# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class RmaReturnPolicy(models.Model):
    """How long after delivery a customer may return goods.

    A customer's policy applies to it, the company's default policy to every
    other customer. Within a policy, an override for the product wins over one
    for its category (the nearest parent category first), which wins over the
    policy's own window.
    """

    _name = "rma.return.policy"
    _description = "RMA Return Policy"
    _order = "is_default desc, name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    window_days = fields.Integer(
        string="Return Window (days)",
        required=True,
        default=30,
        help="Days after delivery (or after the order date when nothing was delivered) "
        "during which returns are accepted without approval.",
    )
    is_default = fields.Boolean(
        string="Default Policy",
        help="Applies to every customer that has no policy of its own.",
    )
    line_ids = fields.One2many("rma.return.policy.line", "policy_id", string="Overrides", copy=True)
    partner_ids = fields.Many2many(
        "res.partner", string="Customers", compute="_compute_partner_ids",
        help="Customers that have this policy in its company (in yours for a policy of every company).",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env["res.company"]._company_default_get("rma.return.policy"),
    )

    _sql_constraints = [
        ("window_days_positive", "CHECK (window_days >= 0)", "The return window cannot be negative."),
    ]

    @api.constrains("is_default", "company_id", "active")
    def _check_single_default(self):
        for policy in self.filtered(lambda p: p.is_default and p.active):
            others = self.search_count([
                ("id", "!=", policy.id),
                ("is_default", "=", True),
                ("company_id", "=", policy.company_id.id),
            ])
            if others:
                raise ValidationError(_("There can be only one default return policy per company."))

    @api.multi
    def _compute_partner_ids(self):
        for policy in self:
            company = policy.company_id or self.env.user.company_id
            policy.partner_ids = self.env["res.partner"].with_context(force_company=company.id).search(
                [("rma_return_policy_id", "=", policy.id)]
            )

    @api.model
    def _get_policy(self, partner, company):
        """The policy that applies to ``partner`` in ``company``: its own
        (customers' policies are per company), else the company's default."""
        policy = self.browse(
            partner.commercial_partner_id.with_context(force_company=company.id).rma_return_policy_id.id
        )
        if policy.company_id and policy.company_id != company:
            policy = self.browse()
        if not policy:
            policy = self.search([
                ("is_default", "=", True),
                ("company_id", "in", [company.id, False]),
            ], order="company_id", limit=1)
        return policy

    @api.multi
    def _get_window_days(self, product):
        """Days of the most specific rule of this policy for ``product``."""
        self.ensure_one()
        by_product = {line.product_id: line.window_days for line in self.line_ids if line.product_id}
        if product in by_product:
            return by_product[product]
        by_category = {line.categ_id: line.window_days for line in self.line_ids if line.categ_id}
        category = product.categ_id
        while category:
            if category in by_category:
                return by_category[category]
            category = category.parent_id
        return self.window_days
