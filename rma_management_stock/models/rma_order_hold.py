# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models


class RmaOrder(models.Model):
    """Nothing the warehouse does for the whole RMA (receive, inspect, ship)
    starts while it, or a line it would handle, is on hold."""

    _inherit = "rma.order"

    @api.multi
    def _check_can_receive(self):
        self._check_not_on_hold()
        return super(RmaOrder, self)._check_can_receive()

    @api.multi
    def _check_can_inspect(self):
        self._check_not_on_hold()
        for rma in self:
            rma._get_lines_to_inspect()._check_not_on_hold()
        return super(RmaOrder, self)._check_can_inspect()

    @api.multi
    def _check_can_ship(self):
        self._check_not_on_hold()
        for rma in self:
            rma._get_lines_to_ship()._check_not_on_hold()
        return super(RmaOrder, self)._check_can_ship()
