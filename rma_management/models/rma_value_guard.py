# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: the largest number a quantity or an amount may hold (numeric columns of PostgreSQL hold more,
#: but nothing returned is worth more than this)
MAX_NUMBER = 1e15
#: PostgreSQL's integer columns
MAX_INTEGER = 2 ** 31 - 1
#: dates before 1900 or after 9999 cannot be formatted by Python's strftime
DATE_YEARS = (1900, 9999)


class RmaValueGuard(models.AbstractModel):
    """Values the database or Python would choke on (NaN, 1e308, "abc" for a
    number or an id, a NUL byte, a date in the year 10000, an unknown choice)
    get a message naming the field instead of a server error, and nothing is
    written. The RMA wizards inherit it as it is; RMAs and their lines check
    through the workflow guard, before their overrides read the values."""

    _name = "rma.value.guard"
    _description = "RMA Value Guard"

    @api.model
    def create(self, vals):
        self._check_values(vals)
        return super(RmaValueGuard, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_values(vals)
        return super(RmaValueGuard, self).write(vals)

    @api.model
    def _check_values(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is not None:
                self._check_value(field, value)

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
