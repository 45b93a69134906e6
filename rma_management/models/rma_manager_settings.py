# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError, ValidationError

from .rma_workflow_guard import changes_value


class RmaManagerSettingsMixin(models.AbstractModel):
    """Fields of other apps' records (a customer's return policy, a product's
    Returnable and Inspection flags) that are returns settings.

    They are company-dependent: customers and products are often shared by
    the companies of a database, and each company decides how it takes
    returns. Whoever may edit the contact or the product may not change them,
    only RMA managers, and a manager changes them for the company they work
    in. The models that use this mixin declare those fields with
    ``company_dependent=True``; its ``create`` and ``write`` check and store
    them."""

    _name = "rma.manager.settings.mixin"
    _description = "Returns Settings on Other Records"

    #: the fields this mixin guards, set by each model that uses it
    _rma_manager_fields = ()

    @api.model
    def create(self, vals):
        settings, vals = self.browse()._split_rma_settings(vals)
        record = super(RmaManagerSettingsMixin, self).create(vals)
        record._write_rma_settings(settings)
        return record

    @api.multi
    def write(self, vals):
        settings, vals = self._split_rma_settings(vals)
        result = super(RmaManagerSettingsMixin, self).write(vals) if vals or not settings else True
        self._write_rma_settings(settings)
        return result

    @api.multi
    def _check_rma_manager_settings(self, vals):
        """Refuse a change of a guarded field by a user who is not an RMA
        manager; on create (no records), any value set counts as a change."""
        if not set(self._rma_manager_fields) & set(vals) or self.env.user.has_group(
            "rma_management.group_rma_manager"
        ):
            return True
        changed = [
            name for name in self._rma_manager_fields
            if name in vals and self._is_rma_setting_change(name, vals[name])
        ]
        if changed:
            raise AccessError(
                _("Only RMA managers can change %(fields)s.")
                % {"fields": ", ".join(self._fields[name].string for name in changed)}
            )
        return True

    @api.multi
    def _is_rma_setting_change(self, name, value):
        return changes_value(self, name, value) if self else bool(value)

    @api.multi
    def _split_rma_settings(self, vals):
        """Check who changes the returns settings in ``vals`` and take them
        out: ``(settings, other values)``, the settings being written by
        ``_write_rma_settings`` once the record exists."""
        self._check_rma_manager_settings(vals)
        settings = {name: vals[name] for name in self._rma_manager_fields if name in vals}
        for name, value in settings.items():
            self._check_rma_setting_value(self._fields[name], value)
        others = {name: value for name, value in vals.items() if name not in settings}
        return settings, others

    @api.model
    def _check_rma_setting_value(self, field, value):
        """Refuse what the field cannot hold, before anything is written."""
        self.env["rma.value.guard"]._check_value(field, value)
        record_id = getattr(value, "id", value)
        if field.type == "many2one" and record_id and not self.env[field.comodel_name].browse(record_id).exists():
            raise ValidationError(
                _("%(field)s: %(value)r is not a record id.") % {"field": field.string, "value": value}
            )
        return True

    @api.multi
    def _write_rma_settings(self, settings):
        """Store the settings for the company the user works in (or the one
        forced in the context), in one property per record and field."""
        if not settings or not self:
            return True
        company_id = self.env.context.get("force_company") or self.env.user.company_id.id
        # properties are partner managers' to write; who may change these
        # settings was checked by _check_rma_manager_settings
        properties = self.env["ir.property"].sudo().with_context(force_company=company_id)
        for name, value in settings.items():
            field = self._fields[name]
            value = field.convert_to_write(field.convert_to_record(field.convert_to_cache(value, self), self), self)
            properties.set_multi(name, self._name, dict.fromkeys(self.ids, value))
        self.invalidate_cache(list(settings), self.ids)
        self.modified(list(settings))
        self.recompute()
        return True
