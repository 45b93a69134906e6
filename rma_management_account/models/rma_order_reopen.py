# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import _, api, models
from odoo.exceptions import UserError


class RmaOrder(models.Model):
    _inherit = "rma.order"

    @api.multi
    def _check_can_reopen(self):
        """A resolved RMA credited since it resolved stays resolved: what it
        credits would no longer match what it did."""
        result = super(RmaOrder, self)._check_can_reopen()
        for rma in self.filtered("date_done"):
            credit_notes = rma._get_credit_notes_created_since(rma.date_done)
            if credit_notes:
                raise UserError(
                    _("%(rma)s cannot be reopened: %(credit_notes)s were created since it was resolved.")
                    % {"rma": rma.name, "credit_notes": ", ".join(credit_notes.mapped("display_name"))}
                )
        return result

    @api.multi
    def _get_credit_notes_created_since(self, date):
        self.ensure_one()
        # RMA managers without accounting rights reopen returns too
        return self.sudo().credit_note_ids.filtered(lambda invoice: invoice.create_date > date)
