# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "rma.manager.settings.mixin"]
    _rma_manager_fields = ("rma_return_policy_id",)

    rma_return_policy_id = fields.Many2one(
        "rma.return.policy",
        string="Return Policy", company_dependent=True,
        help="Return policy of this customer in the current company; empty: the company's default policy.",
    )
    rma_ids = fields.One2many("rma.order", "partner_id", string="RMAs")
    rma_count = fields.Integer(string="RMA Count", compute="_compute_rma_count")

    @api.multi
    def _compute_rma_count(self):
        """Counts the RMAs of each partner and of its contacts, in one query."""
        commercial_partners = self.mapped("commercial_partner_id")
        groups = self.env["rma.order"].read_group(
            [("commercial_partner_id", "in", commercial_partners.ids)],
            ["commercial_partner_id"], ["commercial_partner_id"],
        )
        counts = {group["commercial_partner_id"][0]: group["commercial_partner_id_count"] for group in groups}
        for partner in self:
            partner.rma_count = counts.get(partner.commercial_partner_id.id, 0)

    @api.multi
    def action_view_rmas(self):
        self.ensure_one()
        rmas = self.env["rma.order"].search([("commercial_partner_id", "=", self.commercial_partner_id.id)])
        action = self.env["rma.order"]._records_action("rma_management.action_rma_order", rmas)
        action["context"] = {"default_partner_id": self.id}
        return action
