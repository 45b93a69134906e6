# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import _, api, fields, models

from .rma_hold_mixin import HOLD_FIELDS, hold_fields


class RmaOrder(models.Model):
    """Holds of a whole return (see rma.hold.mixin): nothing moves on a held
    RMA; a category may hold its new RMAs until a manager releases them."""

    _name = "rma.order"
    _inherit = ["rma.order", "rma.hold.mixin"]
    _hold_wizard_field = "rma_ids"

    hold_reason_id, hold_note, hold_user_id, hold_date = hold_fields()
    # not stored: searched through the indexed hold reasons, it costs nothing to the workflow's writes
    on_hold = fields.Boolean(
        compute="_compute_on_hold", search="_search_on_hold",
        help="The RMA, or one of its lines, is on hold: nothing moves on it until released.",
    )

    @api.depends("hold_reason_id", "line_ids.hold_reason_id")
    def _compute_on_hold(self):
        for rma in self:
            rma.on_hold = bool(rma.hold_reason_id or any(rma.line_ids.mapped("hold_reason_id")))

    @api.model
    def _search_on_hold(self, operator, value):
        held = ["|", ("hold_reason_id", "!=", False), ("line_ids.hold_reason_id", "!=", False)]
        return held if (operator == "=") == bool(value) else ["!", *held]

    @api.model
    def create(self, vals):
        rma = super(RmaOrder, self).create(vals)
        reason, source = rma._get_automatic_hold_reason()
        if reason:
            rma._put_on_hold(reason, _("Held automatically until released: new RMAs of %s start on hold.")
                             % source, automatic=True)
        return rma

    @api.multi
    def _get_automatic_hold_reason(self):
        """The hold reason a new RMA starts on hold for and what decided it
        (its name), or (an empty reason, None): its category's, else the first
        of its lines' return types'. Extension point."""
        self.ensure_one()
        if self.category_id.hold_reason_id:
            return self.category_id.hold_reason_id, self.category_id.name
        holding = self.line_ids.mapped("operation_id").filtered("hold_reason_id")[:1]
        return holding.hold_reason_id, holding.name

    @api.model
    def _get_workflow_fields(self):
        return super(RmaOrder, self)._get_workflow_fields() | HOLD_FIELDS

    @api.multi
    def _get_hold_label(self):
        self.ensure_one()
        return self.name

    @api.multi
    def _get_hold_thread(self):
        return self

    @api.multi
    def _on_release(self):
        return self._on_hold_released()

    @api.multi
    def _on_hold_released(self):
        """Called by releasing a hold with the RMAs whose hold, or the hold of
        one of whose lines, was released. Extension point: the automatic
        triggers that waited run now (credits, see rma_management_account);
        they skip what is still held."""
        return True

    @api.multi
    def _check_lines_not_on_hold(self):
        """Refuse an action of the whole RMA while one of its active lines is held."""
        return self.mapped("line_ids").filtered(lambda line: line.state != "cancel")._check_not_on_hold()

    # ------------------------------------------------------------------
    # Guarded actions of the core
    # ------------------------------------------------------------------

    @api.multi
    def _check_can_confirm(self):
        result = super(RmaOrder, self)._check_can_confirm()
        self._check_not_on_hold()
        self._check_lines_not_on_hold()
        return result

    @api.multi
    def _action_cancel(self):
        """A cancelled return moves no more: its holds, and its lines', end with it."""
        self._clear_hold()
        self.mapped("line_ids")._clear_hold()
        return super(RmaOrder, self)._action_cancel()

    @api.multi
    def action_approve(self):
        self._check_not_on_hold()
        self._check_lines_not_on_hold()
        return super(RmaOrder, self).action_approve()
