# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

#: context value of the suite's own writes of workflow fields: a Python
#: object, so that no RPC caller can forge it (an RPC context holds JSON only)
WORKFLOW_WRITE = object()

#: fields of Odoo's chatter mixins: computed, never written by a form
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message")

#: the largest number a quantity or an amount may hold (numeric columns of PostgreSQL hold more,
#: but nothing returned is worth more than this)
MAX_NUMBER = 1e15
#: PostgreSQL's integer columns
MAX_INTEGER = 2 ** 31 - 1
#: dates before 1900 or after 9999 cannot be formatted by Python's strftime
DATE_YEARS = (1900, 9999)


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
    error. The suite's own code writes workflow fields under
    ``with_context(rma_workflow=WORKFLOW_WRITE)``.
    """

    _name = "rma.workflow.guard"
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
        return self.env.context.get("rma_workflow") is WORKFLOW_WRITE

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
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is not None:
                self._check_value(field, value)

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

    # ------------------------------------------------------------------
    # Values that can be stored
    # ------------------------------------------------------------------

    @api.model
    def _check_value(self, field, value):
        """Raise a ValidationError naming ``field`` when ``value`` is not one it can hold."""
        checker = getattr(self, "_check_value_%s" % field.type, None)
        if checker is None or value is False or value is None:
            return
        problem = checker(field, value)
        if problem:
            raise ValidationError(_("%(field)s: %(problem)s") % {"field": field.string, "problem": problem})

    @api.model
    def _check_value_float(self, field, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return _("%r is not a number.") % (value,)
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            return _("%r is not a usable number.") % (value,)
        return None

    _check_value_monetary = _check_value_float

    @api.model
    def _check_value_integer(self, field, value):
        if isinstance(value, bool) or not isinstance(value, int):
            return _("%r is not a whole number.") % (value,)
        if abs(value) > MAX_INTEGER:
            return _("%r is too large.") % (value,)
        return None

    @api.model
    def _check_value_many2one(self, field, value):
        if isinstance(value, models.BaseModel):
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_INTEGER:
            return _("%r is not a record id.") % (value,)
        return None

    @api.model
    def _check_value_char(self, field, value):
        if isinstance(value, str) and "\x00" in value:
            return _("the text holds a NUL character.")
        return None

    _check_value_text = _check_value_char
    _check_value_html = _check_value_char

    @api.model
    def _check_value_selection(self, field, value):
        allowed = [key for key, _label in field._description_selection(self.env)]
        if value not in allowed:
            return _("%r is not one of the choices.") % (value,)
        return None

    @api.model
    def _check_value_date(self, field, value):
        return self._check_date_value(value, fields.Date.from_string)

    @api.model
    def _check_value_datetime(self, field, value):
        return self._check_date_value(value, fields.Datetime.from_string)

    @api.model
    def _check_date_value(self, value, parse):
        try:
            parsed = value if isinstance(value, date) else parse(value)
        except (TypeError, ValueError):
            return _("%r is not a date.") % (value,)
        if not DATE_YEARS[0] <= parsed.year <= DATE_YEARS[1]:
            return _("%r is out of the range of dates.") % (value,)
        return None
