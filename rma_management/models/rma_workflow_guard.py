# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextvars
from contextlib import contextmanager

from odoo import _, api, models
from odoo.exceptions import UserError

#: set while the suite's own code writes workflow fields (see workflow_write)
_WORKFLOW_WRITE = contextvars.ContextVar("rma_workflow_write", default=False)

#: fields of Odoo's chatter mixins: computed, never written by a form
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message")



@contextmanager
def workflow_write():
    """The block in which the suite's own code writes workflow fields and
    links to RMAs. A marker of the running code, not a context key: no RPC
    caller can set it, and it switches no environment (a new environment
    would read every context-dependent field again: translated names,
    company properties)."""
    token = _WORKFLOW_WRITE.set(True)
    try:
        yield
    finally:
        _WORKFLOW_WRITE.reset(token)


def is_workflow_write():
    """Is the running code in a ``workflow_write`` block?"""
    return _WORKFLOW_WRITE.get()


def changes_value(records, name, value):
    """Would writing ``value`` (as given to ``write``) into the field ``name``
    change it on one of ``records``? For many2one, selection, boolean and
    scalar fields."""
    field = records._fields[name]
    return any((field.convert_to_write(record[name], record) or False) != (value or False) for record in records)


class RmaWorkflowGuard(models.AbstractModel):
    """What only the returns workflow writes, and values that make sense.

    RMAs and their lines carry figures the suite computes (received, credited
    and due quantities, amounts, statuses, copies of the RMA's customer and
    company) and workflow fields that only its actions change (state,
    approvals, inspections). Odoo writes any stored field it is given, so a
    caller with write access could forge them over RPC; this mixin refuses
    that, and refuses values the database or Python would choke on (NaN, a
    NUL byte, a date in the year 10000) with a message instead of a server
    error. The suite's own code writes workflow fields in a
    ``workflow_write()`` block.
    """

    _name = "rma.workflow.guard"
    _inherit = "rma.value.guard"
    _description = "RMA Workflow Guard"

    @api.model
    def _get_workflow_fields(self):
        """Names of the fields only the suite's code writes: every computed
        field without an inverse (stored figures, read-only related copies).
        Extension point: models and addons add their workflow fields."""
        return {
            name for name, field in self._fields.items()
            if field.compute and not field.inverse and not name.startswith(MAIL_FIELD_PREFIXES)
        }

    @api.model
    def _is_workflow_write(self):
        return is_workflow_write()

    @api.model
    def _check_workflow_vals(self, vals, create=False):
        """Refuse ``vals`` that set workflow fields outside the workflow, and
        values that cannot be stored. On ``create``, a workflow field that is
        not computed may be given its default value (a copy gives the state
        "draft"). Overrides
        that read ``vals`` before calling ``super`` call this first."""
        if not self._is_workflow_write():
            forbidden = sorted(
                name for name in self._get_workflow_fields() & set(vals)
                if not (create and self._is_workflow_default(name, vals[name]))
            )
            if forbidden:
                raise UserError(
                    _("%(fields)s of %(model)s are set by the returns workflow only: they cannot be written.")
                    % {"fields": ", ".join(self._fields[name].string for name in forbidden),
                       "model": self._description}
                )
        self._check_values(vals)

    @api.model
    def _is_workflow_default(self, name, value):
        """Is ``value`` what a new record gets anyway for this workflow field?"""
        field = self._fields[name]
        return not field.compute and value == (field.default(self) if field.default else False)

    @api.model
    def _without_workflow_defaults(self):
        """This model without context defaults for workflow fields: a
        ``default_state`` sent by a caller must not create an approved RMA."""
        if self._is_workflow_write():
            return self
        forbidden = {"default_%s" % name for name in self._get_workflow_fields()}
        if not forbidden & set(self.env.context):
            return self
        # a new context without those keys: keyword arguments could only add or change keys
        context = {key: value for key, value in self.env.context.items() if key not in forbidden}
        return self.with_context(context)  # pylint: disable=context-overridden
