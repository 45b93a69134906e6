# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .rma_workflow_guard import workflow_write

#: written by the hold actions only
HOLD_FIELDS = {"hold_reason_id", "hold_note", "hold_user_id", "hold_date"}


def hold_fields():
    """New definitions of the HOLD_FIELDS, in that order, for a model's own
    class. Not declared on the mixin: a mixin's fields come first in the
    model's fields, which reorders the recomputation of the RMAs' stored
    figures (one more query per line on inspections, see bench_stock)."""
    return (
        fields.Many2one("rma.hold.reason", string="Hold Reason", readonly=True, copy=False, index=True,
                        ondelete="restrict"),
        fields.Text(string="Hold Note", readonly=True, copy=False),
        fields.Many2one("res.users", string="Put on Hold By", readonly=True, copy=False),
        fields.Datetime(string="On Hold Since", readonly=True, copy=False),
    )


class RmaHoldMixin(models.AbstractModel):
    """Holds of RMAs and RMA lines: an RMA manager stops everything on a
    return (or one line) with a reason, and releases it. The guarded actions
    of each addon call ``_check_not_on_hold``; automatic triggers skip what is
    held and run again from ``rma.order._on_hold_released``. The models
    declare the fields (see ``hold_fields``) and add ``HOLD_FIELDS`` to their
    workflow fields: only these actions write them."""

    _name = "rma.hold.mixin"
    _description = "RMA Hold"
    #: the field of the Put on Hold wizard that holds records of this model
    _hold_wizard_field = None

    # ------------------------------------------------------------------
    # What each model says (see rma_order_hold, rma_order_line_hold)
    # ------------------------------------------------------------------

    @api.multi
    def _get_hold_label(self):
        """How messages name the record: the RMA number, or the line's product and RMA."""
        raise NotImplementedError()

    @api.multi
    def _get_hold_thread(self):
        """The RMA whose chatter tells of this record's holds."""
        raise NotImplementedError()

    @api.multi
    def _get_blocking_hold(self):
        """The held record that stops this one (itself, or its RMA), if any."""
        self.ensure_one()
        return self.filtered("hold_reason_id")

    @api.multi
    def _filter_not_held(self):
        """These records but those stopped by a hold: what automatic triggers act on."""
        return self.filtered(lambda record: not record._get_blocking_hold())

    @api.multi
    def _on_release(self):
        """Extension point of the models: what runs once these records' holds are released."""
        return True

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    @api.multi
    def _check_not_on_hold(self):
        """Refuse to move anything on records stopped by a hold, naming the
        hold: called by every guarded action, next to its other checks."""
        for record in self:
            held = record._get_blocking_hold()
            if not held:
                continue
            values = {
                "record": record._get_hold_label(), "held": held._get_hold_label(),
                "reason": held.hold_reason_id.name, "user": held.hold_user_id.name,
                "date": self.env["rma.order"]._format_date(held.hold_date),
            }
            if held == record:
                message = _("%(record)s is on hold (%(reason)s, by %(user)s since %(date)s): nothing moves on it "
                            "until an RMA manager releases the hold.")
            else:
                message = _("%(record)s cannot move: %(held)s is on hold (%(reason)s, by %(user)s since %(date)s) "
                            "until an RMA manager releases the hold.")
            raise UserError(message % values)
        return True

    @api.model
    def _check_hold_manager(self):
        if not self.env.user.has_group("rma_management.group_rma_manager"):
            raise AccessError(_("Only RMA managers can put returns on hold and release them."))
        return True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.multi
    def action_hold_wizard(self):
        """The Put on Hold dialog: a reason and a note."""
        self._check_hold_manager()
        return self.env["rma.order"]._wizard_action(_("Put on Hold"), "rma.hold.wizard", {
            "default_%s" % self._hold_wizard_field: [(6, 0, self.ids)],
        })

    @api.multi
    def _put_on_hold(self, reason, note=False, automatic=False):
        """Hold these records, told in their RMA's chatter as the acting user."""
        if not reason:
            raise UserError(_("Choose why the return is put on hold."))
        for record in self:
            if record.hold_reason_id:
                raise UserError(
                    _("%(record)s is already on hold (%(reason)s): release it first.")
                    % {"record": record._get_hold_label(), "reason": record.hold_reason_id.name}
                )
            if record.state in ("done", "cancel"):
                raise UserError(
                    _("%s is resolved or cancelled: nothing moves on it any more, there is nothing to hold.")
                    % record._get_hold_label()
                )
        note = (note or "").strip() or False
        with workflow_write():
            self.write({
                "hold_reason_id": reason.id, "hold_note": note,
                "hold_user_id": self.env.uid, "hold_date": fields.Datetime.now(),
            })
        for record in self:
            if automatic:
                body = _("%(record)s put on hold automatically: %(reason)s.")
            else:
                body = _("%(record)s put on hold by %(user)s: %(reason)s.")
            body %= {"record": record._get_hold_label(), "user": self.env.user.name, "reason": reason.name}
            record._get_hold_thread().message_post(body=body + (" %s" % note if note else ""))
        return True

    @api.multi
    def action_release_hold(self):
        """Release the holds of these records: what waited for it runs now."""
        self._check_hold_manager()
        for record in self:
            if not record.hold_reason_id:
                raise UserError(_("%s is not on hold.") % record._get_hold_label())
        reasons = {record.id: record.hold_reason_id.name for record in self}
        self._clear_hold()
        for record in self:
            record._get_hold_thread().message_post(
                body=_("Hold of %(record)s released by %(user)s (it was: %(reason)s).")
                % {"record": record._get_hold_label(), "user": self.env.user.name, "reason": reasons[record.id]}
            )
        return self._on_release()

    @api.multi
    def _clear_hold(self):
        """Forget the holds of these records (released, or ended by a cancellation)."""
        with workflow_write():
            self.filtered("hold_reason_id").write(
                {"hold_reason_id": False, "hold_note": False, "hold_user_id": False, "hold_date": False}
            )
        return True
