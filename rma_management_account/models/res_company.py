# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    rma_credit_note_validate = fields.Boolean(
        string="Validate RMA Credit Notes",
        help="Validate the credit notes of RMAs as soon as they are created; "
        "otherwise they wait in draft for an accountant's review.",
    )
    rma_restocking_fee_account_id = fields.Many2one(
        "account.account", string="Restocking Fee Account",
        domain=[("deprecated", "=", False)],
        help="Income account of the restocking fees kept on RMA credit notes.",
    )
    rma_accountant_id = fields.Many2one(
        "res.users", string="RMA Credits Responsible",
        domain=lambda self: [("groups_id", "in", self.env.ref("account.group_account_invoice").ids)],
        help="The accountant who gets the to-do when a return could not be credited automatically; "
        "empty: the first billing manager of the company.",
    )

    @api.constrains("rma_restocking_fee_account_id")
    def _check_restocking_fee_account(self):
        """A restocking fee applies only with its income account: said when
        the settings are saved, not when the first credit fails."""
        for company in self.filtered(lambda company: not company.rma_restocking_fee_account_id):
            rules = company._get_restocking_fee_rules()
            if rules:
                raise ValidationError(
                    _("A Restocking Fee is set on %(rules)s: set the Restocking Fee Account of %(company)s "
                      "in the Returns settings, or remove the fee first.")
                    % {"rules": ", ".join(rules), "company": company.name}
                )
        return True

    @api.multi
    def _get_restocking_fee_rules(self):
        """The names of the categories and return policies of this company
        (or shared) with a restocking fee."""
        self.ensure_one()
        domain = [("company_id", "in", [self.id, False]), ("restocking_fee_type", "!=", False),
                  ("restocking_fee", ">", 0)]
        return (self.env["rma.category"].search(domain).mapped("display_name")
                + self.env["rma.return.policy"].search(domain).mapped("display_name"))
