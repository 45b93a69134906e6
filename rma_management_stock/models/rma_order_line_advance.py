# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order.line is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
"""Advance replacements: the replacement ships on approval, before the goods
come back, and the customer has a number of days to send them."""
from datetime import timedelta

from odoo import _, api, fields, models

from .rma_operation import DELIVERY_TIMINGS


class RmaOrderLine(models.Model):
    _inherit = "rma.order.line"

    # the type's as approved, as its other goods policies (see _compute_goods_policies)
    delivery_timing = fields.Selection(DELIVERY_TIMINGS, compute="_compute_advance_policies", store=True,
                                       string="Ships")
    return_days = fields.Integer(compute="_compute_advance_policies", store=True, string="Return Due Within (Days)")
    return_due_date = fields.Date(
        compute="_compute_return_due_date", store=True, index=True,
        help="Advance replacements: the day the customer's goods are due back, counted from the approval.",
    )

    @api.depends("operation_id")
    def _compute_advance_policies(self):
        for line in self:
            line.delivery_timing = line.operation_id.delivery_timing
            line.return_days = line.operation_id.return_days

    @api.depends("state", "rma_id.approved_date", "delivery_timing", "return_days")
    def _compute_return_due_date(self):
        for line in self:
            approved = line.rma_id.approved_date
            if line.delivery_timing != "before_receipt" or not line.return_days or not approved \
                    or line.state in ("draft", "to_approve"):
                line.return_due_date = False
                continue
            approved_day = fields.Datetime.from_string(approved).date()
            line.return_due_date = fields.Date.to_string(approved_day + timedelta(days=line.return_days))

    @api.multi
    def _ships_in_advance(self):
        self.ensure_one()
        return self.delivery_timing == "before_receipt" and self.delivery_policy != "none"

    @api.multi
    def _ship_in_advance(self):
        """On approval: the advance replacements of these lines go out now, one delivery per RMA."""
        lines = self.filtered(lambda line: line.state == "approved" and line._ships_in_advance())
        return lines._create_deliveries() if lines else self.env["stock.picking"]

    @api.multi
    def _get_qty_shippable(self, totals):
        """An advance replacement ships the authorized quantity, whatever came back yet."""
        if self._ships_in_advance():
            return self.product_uom_qty
        return super(RmaOrderLine, self)._get_qty_shippable(totals)

    @api.model
    def _cron_remind_overdue_returns(self):
        """Each RMA with an advance replacement whose goods are late gets one
        to-do for its responsible (else the receipts responsible)."""
        today = fields.Date.context_today(self)
        lines = self.search([
            ("state", "=", "approved"), ("return_due_date", "<", today),
            ("stock_status", "in", ("pending", "partial")),
        ])
        activity_type = self.env.ref("rma_management_stock.mail_activity_rma_return_overdue")
        for rma in lines.mapped("rma_id").filtered(lambda rma: not rma._get_activities(activity_type)):
            late = lines.filtered(lambda line, rma=rma: line.rma_id == rma)
            user = rma.user_id or rma.company_id.rma_warehouse_user_id
            rma._schedule_todo(
                activity_type, user, _("Goods of %s overdue") % rma.name,
                _("Replacements shipped in advance; the customer's goods were due back on %(date)s: %(products)s.")
                % {"date": rma._format_date(min(late.mapped("return_due_date"))),
                   "products": ", ".join(late.mapped("product_id.display_name"))},
            )
        return True
