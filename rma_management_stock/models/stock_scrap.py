# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockScrap(models.Model):
    _name = "stock.scrap"
    _inherit = ["stock.scrap", "rma.link.guard"]
    _rma_link_fields = ("rma_line_id",)

    rma_line_id = fields.Many2one("rma.order.line", string="RMA Line", index=True, readonly=True)

    @api.multi
    def _prepare_move_values(self):
        values = super(StockScrap, self)._prepare_move_values()
        if self.rma_line_id:
            values.update(rma_line_id=self.rma_line_id.id, rma_disposition="scrap")
            values.update(self.rma_line_id._prepare_chain_from(self.location_id, self.product_id))
        return values
