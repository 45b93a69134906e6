# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models


class RmaOrder(models.Model):
    """No credit note is made for a held RMA or line (see
    _create_due_credit_notes): the automatic credit waits, and is made when
    the hold is released."""

    _inherit = "rma.order"

    @api.multi
    def action_create_credit_notes(self):
        """Refused on a held RMA, and when what is due is on held lines only;
        the lines that are not held are credited."""
        self._check_not_on_hold()
        due = self.mapped("line_ids").filtered(lambda line: line._is_positive("qty_to_credit"))
        if due and not due._filter_not_held():
            due._check_not_on_hold()
        return super(RmaOrder, self).action_create_credit_notes()

    @api.multi
    def _on_hold_released(self):
        """Credit what became due while the RMA or its lines were held."""
        result = super(RmaOrder, self)._on_hold_released()
        self._credit_automatically()
        return result
