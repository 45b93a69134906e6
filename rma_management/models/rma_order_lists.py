# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
# (rma.order is split by responsibility: this file is how lists find and order RMAs)
from odoo import api, fields, models
from odoo.osv import expression

#: what people type to find an RMA: its number, the customer, their reference,
#: the sales order and invoice it returns (the search view's RMA field matches the same)
NAME_SEARCH_FIELDS = ("name", "partner_id", "customer_reference", "sale_order_ids.name", "invoice_reference")
POSITIVE_OPERATORS = ("ilike", "like", "=", "=like", "=ilike")


class RmaOrder(models.Model):
    _inherit = "rma.order"

    status = fields.Selection(group_expand="_group_expand_status")
    product_summary = fields.Text(
        string="Products", compute="_compute_product_summary",
        help="One line per product and quantity: what the kanban cards show.",
    )

    @api.depends("line_ids.product_id", "line_ids.product_uom_qty", "line_ids.product_uom", "line_ids.state")
    def _compute_product_summary(self):
        for rma in self:
            rma.product_summary = "\n".join(
                "%s: %g %s" % (line.product_id.display_name, line.product_uom_qty, line.product_uom.name)
                for line in rma.line_ids if line.state != "cancel"
            )

    @api.model
    def _group_expand_status(self, statuses, domain, order):
        """The statuses that have RMAs, in process order (not the order in
        which the addons added them to the selection)."""
        return sorted(statuses, key=self._get_status_rank)

    @api.model
    def _get_name_search_domain(self, name, operator="ilike"):
        return expression.OR([[(field, operator, name)] for field in NAME_SEARCH_FIELDS])

    @api.model
    def _name_search(self, name="", args=None, operator="ilike", limit=100, name_get_uid=None):
        """An RMA is found by what the customer or the sales team knows of it,
        not only by its number."""
        if not name or operator not in POSITIVE_OPERATORS:
            return super(RmaOrder, self)._name_search(
                name, args=args, operator=operator, limit=limit, name_get_uid=name_get_uid)
        domain = expression.AND([list(args or []), self._get_name_search_domain(name, operator)])
        access_rights_uid = name_get_uid or self._uid
        ids = self._search(domain, limit=limit, access_rights_uid=access_rights_uid)
        return self.browse(ids).sudo(access_rights_uid).name_get()
