# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order.line is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import _, api, fields, models

from .rma_hold_mixin import HOLD_FIELDS, hold_fields


class RmaOrderLine(models.Model):
    """Holds of one line (see rma.hold.mixin): it stops that line only; a
    held RMA stops all its lines."""

    _name = "rma.order.line"
    _inherit = ["rma.order.line", "rma.hold.mixin"]
    _hold_wizard_field = "line_ids"

    hold_reason_id, hold_note, hold_user_id, hold_date = hold_fields()
    # not stored, like the RMA's (see rma_order_hold)
    on_hold = fields.Boolean(
        compute="_compute_on_hold", search="_search_on_hold",
        help="The line, or its RMA, is on hold: nothing moves on it until released.",
    )

    @api.depends("hold_reason_id", "rma_id.hold_reason_id")
    def _compute_on_hold(self):
        for line in self:
            line.on_hold = bool(line.hold_reason_id or line.rma_id.hold_reason_id)

    @api.model
    def _search_on_hold(self, operator, value):
        held = ["|", ("hold_reason_id", "!=", False), ("rma_id.hold_reason_id", "!=", False)]
        return held if (operator == "=") == bool(value) else ["!", *held]

    @api.model
    def _get_workflow_fields(self):
        return super(RmaOrderLine, self)._get_workflow_fields() | HOLD_FIELDS

    @api.multi
    def _get_hold_label(self):
        self.ensure_one()
        return _("%(product)s on %(rma)s") % {"product": self.product_id.display_name, "rma": self.rma_id.name}

    @api.multi
    def _get_hold_thread(self):
        self.ensure_one()
        return self.rma_id

    @api.multi
    def _get_blocking_hold(self):
        self.ensure_one()
        return self if self.hold_reason_id else self.rma_id.filtered("hold_reason_id")

    @api.multi
    def _on_release(self):
        return self.mapped("rma_id")._on_hold_released()

    @api.multi
    def action_cancel(self):
        """A cancelled line moves no more: its hold ends with it."""
        self._clear_hold()
        return super(RmaOrderLine, self).action_cancel()
