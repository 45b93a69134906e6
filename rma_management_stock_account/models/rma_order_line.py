# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

#: credit policies that need the goods to be received
RECEIPT_CREDIT_POLICIES = [
    ("on_receipt", "On Receipt"),
    ("on_acceptance", "On Acceptance"),
    ("on_full_acceptance", "When Completely Accepted"),
]
RECEIPT_POLICIES = [policy for policy, _label in RECEIPT_CREDIT_POLICIES]


class RmaOrderLine(models.Model):
    _inherit = "rma.order.line"

    credit_policy = fields.Selection(selection_add=RECEIPT_CREDIT_POLICIES)

    @api.model
    def _get_default_credit_policy(self, operation, category, product):
        """A type credited on the goods credits for what came back, or for
        what passed the inspection when its units are inspected; a category's
        policy wins. Nothing of a service is received: it is credited without
        goods."""
        if product.type == "service":
            if category.credit_policy in RECEIPT_POLICIES:
                category = category.browse()
            return super(RmaOrderLine, self)._get_default_credit_policy(operation, category, product)
        if operation.credit_policy == "on_goods" and not category.credit_policy \
                and "on_receipt" in operation._get_allowed_credit_policies():
            return "on_acceptance" if operation._inspects(product) else "on_receipt"
        return super(RmaOrderLine, self)._get_default_credit_policy(operation, category, product)

    @api.constrains("credit_policy", "product_id")
    def _check_service_credit_policy(self):
        for line in self:
            if line.product_id.type == "service" and line.credit_policy in RECEIPT_POLICIES:
                raise ValidationError(
                    _("%(product)s is a service: nothing of it is received, so it cannot have the credit policy "
                      "\"%(policy)s\".")
                    % {"product": line.product_id.display_name,
                       "policy": self._describe_credit_policies([line.credit_policy])}
                )

    @api.multi
    def _get_awaited_credit_step(self):
        """The step of the return the line's credit waits for (see the RMA's
        credit status), False when it waits for none; read from stored fields."""
        self.ensure_one()
        if self.state != "approved":
            return False
        if self.credit_policy == "on_receipt" and self.stock_status in ("pending", "partial"):
            return "after_receipt"
        if self.credit_policy in ("on_acceptance", "on_full_acceptance") and (
            self.stock_status in ("pending", "partial", "inspect", "decide") or self._is_positive("qty_in_quarantine")
        ):
            return "after_inspection"
        return False

    @api.model
    def _get_credit_qty_depends(self):
        return [*super(RmaOrderLine, self)._get_credit_qty_depends(), "qty_received", "qty_accepted"]

    @api.multi
    def _get_policy_credit_qty(self):
        quantities = super(RmaOrderLine, self)._get_policy_credit_qty()
        for line in self:
            if line.credit_policy == "on_receipt":
                quantities[line.id] = line.qty_received
            elif line.credit_policy == "on_acceptance":
                quantities[line.id] = line.qty_accepted
            elif line.credit_policy == "on_full_acceptance":
                # nothing until every authorized unit passed: then all of them
                complete = float_compare(
                    line.qty_accepted, line.product_uom_qty, precision_rounding=line.product_uom.rounding
                ) >= 0
                quantities[line.id] = line.qty_accepted if complete else 0.0
        return quantities
