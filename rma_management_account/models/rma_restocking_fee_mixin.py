# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.addons import decimal_precision as dp

FEE_TYPES = [("percent", "Percentage of the Credit"), ("fixed", "Fixed Amount per RMA")]


class RmaRestockingFeeMixin(models.AbstractModel):
    """A restocking fee kept on credit notes: return policies and categories have one."""

    _name = "rma.restocking.fee.mixin"
    _description = "RMA Restocking Fee"

    restocking_fee_type = fields.Selection(
        FEE_TYPES,
        help="Kept on the customer's credit notes as a line of its own. A percentage applies to "
        "the untaxed amount of each credit note, a fixed amount (in the company's currency) once per RMA.",
    )
    restocking_fee = fields.Float(
        digits=dp.get_precision("Account"),
        help="Percentage or amount, depending on the type of fee.",
    )

    _sql_constraints = [
        ("restocking_fee_positive", "CHECK (restocking_fee >= 0)", "A restocking fee cannot be negative."),
    ]

    @api.constrains("restocking_fee_type", "restocking_fee")
    def _check_restocking_fee_account(self):
        """A fee is set only where its company has the income account to keep it on."""
        for rule in self.filtered("restocking_fee_type"):
            (rule.company_id or self.env.user.company_id)._check_restocking_fee_account()
        return True

    @api.multi
    def _has_restocking_fee(self):
        """Whether a fee applies; False for an empty recordset."""
        return bool(self.restocking_fee_type and self.restocking_fee)
