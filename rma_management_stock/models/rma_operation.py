# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

RECEIPT_POLICIES = [
    ("none", "No Receipt"),
    ("ordered", "Authorized Quantity"),
]
INSPECTION_POLICIES = [
    ("product", "As the Product Says"),
    ("always", "Always"),
    ("never", "Never"),
]
DELIVERY_POLICIES = [
    ("none", "Nothing"),
    ("replacement", "A Replacement"),
    ("repaired", "The Repaired Unit"),
]
DELIVERY_TIMINGS = [
    ("after_receipt", "After Receipt"),
    ("before_receipt", "Before Receipt (Advance)"),
]
#: the type's goods policies, copied on its lines (see rma.operation._get_line_policy_fields)
GOODS_POLICY_FIELDS = {"receipt_policy", "inspection_policy", "delivery_policy", "delivery_timing", "return_days"}


class RmaOperation(models.Model):
    """What of the goods a return type moves: whether they come back, whether
    they are inspected, what goes out to the customer."""

    _inherit = "rma.operation"

    receipt_policy = fields.Selection(
        RECEIPT_POLICIES, required=True, default="ordered",
        help="No Receipt: nothing comes back (credit only). Authorized Quantity: a receipt of the authorized "
        "quantity is created on approval.",
    )
    inspection_policy = fields.Selection(
        INSPECTION_POLICIES, required=True, default="product",
        help="Whether the received units wait for an inspection: as the product's Inspection Required says, "
        "always, or never (they wait for a decision only).",
    )
    delivery_policy = fields.Selection(
        DELIVERY_POLICIES, string="Ships Out", required=True, default="none",
        help="What goes out to the customer: nothing, a replacement from stock, or the repaired unit from "
        "the Refurbish location; a unit for each unit received and not rejected.",
    )

    delivery_timing = fields.Selection(
        DELIVERY_TIMINGS, string="Ships", required=True, default="after_receipt",
        help="After Receipt: a unit goes out for each unit received and not rejected. Before Receipt: the "
        "authorized quantity goes out on approval, and the customer's goods are expected afterwards.",
    )
    return_days = fields.Integer(
        string="Return Due Within (Days)",
        help="Advance replacements: days after the approval within which the customer's goods are due; "
        "the RMA's responsible gets a to-do when they are late (0: no deadline).",
    )

    @api.model
    def _get_line_policy_fields(self):
        return super(RmaOperation, self)._get_line_policy_fields() | GOODS_POLICY_FIELDS

    @api.multi
    def _inspects(self, product):
        """Whether the received units of ``product`` (read in the RMA's company) wait for an inspection."""
        self.ensure_one()
        if self.inspection_policy == "product":
            # on the template: the product's copy of the company-dependent flag is cached for every company alike
            return product.product_tmpl_id.rma_inspection_required
        return self.inspection_policy == "always"
