# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import _, api, models


class RmaOrder(models.Model):
    _inherit = "rma.order"

    @api.multi
    def _get_changes_since_resolved(self):
        """A credit since the RMA resolved keeps it resolved: what it credits
        would no longer match what it did."""
        changes = super(RmaOrder, self)._get_changes_since_resolved()
        credit_notes = self._get_credit_notes_created_since(self.date_done)
        if credit_notes:
            changes.append(_("%s were created") % ", ".join(credit_notes.mapped("display_name")))
        return changes

    @api.multi
    def _get_credit_notes_created_since(self, date):
        self.ensure_one()
        # RMA managers without accounting rights reopen returns too
        return self.sudo().credit_note_ids.filtered(lambda invoice: invoice.create_date > date)
