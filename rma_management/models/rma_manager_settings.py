# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

from .rma_workflow_guard import changes_value


class RmaManagerSettingsMixin(models.AbstractModel):
    """Fields of other apps' records (a customer's return policy, a product's
    Returnable and Inspection flags) that are returns settings: whoever may
    edit the contact or the product may not change them, only RMA managers."""

    _name = "rma.manager.settings.mixin"
    _description = "Returns Settings on Other Records"

    #: the fields this mixin guards, set by each model that uses it
    _rma_manager_fields = ()

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
