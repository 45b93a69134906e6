# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.addons.rma_management.models.rma_workflow_guard import is_workflow_write, workflow_write
from odoo.exceptions import UserError


class RmaLinkGuard(models.AbstractModel):
    """Stock records that point at RMAs are made by the suite only: anyone
    allowed to edit transfers could otherwise tie a receipt of their own to
    an RMA line over RPC and have it counted, and credited, as returned.

    The suite's code writes the fields of ``_rma_link_fields`` in core's
    ``workflow_write()`` block, which no RPC caller can open. Copies stay
    allowed: Odoo's Return wizard, backorders and move splits copy RMA
    transfers, which keep their links."""

    _name = "rma.link.guard"
    _description = "Links to RMAs Set by the Returns Workflow Only"

    #: fields that tie a record to an RMA, set by the models inheriting the guard
    _rma_link_fields = ()

    @api.model
    def create(self, vals):
        self._check_rma_link(vals)
        return super(RmaLinkGuard, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_rma_link(vals)
        return super(RmaLinkGuard, self).write(vals)

    @api.multi
    @api.returns("self", lambda value: value.id)
    def copy(self, default=None):
        """A copy keeps the links of its original, but its ``default`` cannot set any."""
        self._check_rma_link(default or {})
        with workflow_write():
            return super(RmaLinkGuard, self).copy(default)

    @api.model
    def _check_rma_link(self, vals):
        """Refuse ``vals`` that set a link to an RMA outside the suite's code."""
        names = [name for name in self._rma_link_fields if name in vals]
        if names and not is_workflow_write():
            raise UserError(
                _("%(fields)s of %(model)s are set by the returns workflow only: receipts, deliveries and "
                  "scrap orders of an RMA are created from the RMA.")
                % {"fields": ", ".join(self._fields[name].string for name in names),
                   "model": self._description}
            )
