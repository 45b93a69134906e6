# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order.line is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models


class RmaOrderLine(models.Model):
    """Nothing moves on a held line (or a line of a held RMA): no inspection,
    disposition or delivery; its transfers are not validated (see stock.picking)."""

    _inherit = "rma.order.line"

    @api.multi
    def _action_decide(self, source):
        self._check_not_on_hold()
        return super(RmaOrderLine, self)._action_decide(source)

    @api.multi
    def _record_inspections(self, dispositions_by_line, result, note=False, source="input"):
        self._check_not_on_hold()
        return super(RmaOrderLine, self)._record_inspections(dispositions_by_line, result, note, source)

    @api.multi
    def action_refurbished_to_stock(self):
        self._check_not_on_hold()
        return super(RmaOrderLine, self).action_refurbished_to_stock()

    @api.multi
    def _check_can_ship(self):
        result = super(RmaOrderLine, self)._check_can_ship()
        self._check_not_on_hold()
        return result
