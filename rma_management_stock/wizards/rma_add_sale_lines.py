# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RmaAddSaleLines(models.TransientModel):
    _inherit = "rma.add.sale.lines"

    @api.multi
    def _prepare_rma(self):
        values = super(RmaAddSaleLines, self)._prepare_rma()
        if self.sale_order_id.warehouse_id:
            values["warehouse_id"] = self.sale_order_id.warehouse_id.id
        return values
