# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    rma_approval_amount = fields.Monetary(
        string="RMA Approval Amount",
        currency_field="currency_id",
        help="RMAs whose total exceeds this amount need a manager's approval. 0 means no limit.",
    )

    rma_backdate_tolerance = fields.Integer(
        string="RMA Backdating Tolerance (days)",
        help="An RMA dated more days than this before it was entered waits for a manager's approval: "
        "its request date is what the return windows are checked against.",
    )

    rma_approver_id = fields.Many2one(
        "res.users", string="RMA Approver",
        domain=lambda self: [("groups_id", "in", self.env.ref("rma_management.group_rma_manager").ids)],
        help="The RMA manager who gets the to-do of the returns waiting for approval; "
        "empty: the first RMA manager other than the requester.",
    )

    _sql_constraints = [
        ("rma_backdate_tolerance_positive", "CHECK (rma_backdate_tolerance >= 0)",
         "The RMA backdating tolerance cannot be negative."),
    ]

    @api.model
    def create(self, vals):
        company = super(ResCompany, self).create(vals)
        company._create_rma_sequence()
        return company

    @api.multi
    def _create_rma_sequence(self):
        """Each company numbers its own RMAs: RMA/2026/0001."""
        sequences = self.env["ir.sequence"].sudo()
        for company in self:
            sequences |= sequences.create(self._prepare_rma_sequence(company))
        return sequences

    @api.model
    def _create_rma_sequence_all(self):
        """On install: a sequence for every company that has none yet."""
        numbered = self.env["ir.sequence"].sudo().search([("code", "=", "rma.order")]).mapped("company_id")
        return (self.search([]) - numbered)._create_rma_sequence()

    @api.model
    def _prepare_rma_sequence(self, company):
        return {
            "name": _("RMA (%s)") % company.name,
            "code": "rma.order",
            "prefix": "RMA/%(year)s/",
            "padding": 4,
            "company_id": company.id,
        }
