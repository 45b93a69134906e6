# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    rma_returned = fields.Boolean(
        string="Returned Goods, Not Available", index=True,
        help="Returned units here (RMA input, quarantine, refurbish, scrapped returns) do not count in the "
             "quantities on hand and forecast that sales promise; those in internal locations stay in the "
             "inventory valuation. Sub-locations inherit it.",
    )

    @api.model
    def create(self, vals):
        if "rma_returned" not in vals and vals.get("location_id"):
            vals = dict(vals, rma_returned=self.browse(vals["location_id"]).rma_returned)
        return super(StockLocation, self).create(vals)

    @api.multi
    def write(self, vals):
        result = super(StockLocation, self).write(vals)
        if "rma_returned" in vals:
            children = self.with_context(active_test=False).search(
                [("id", "child_of", self.ids), ("id", "not in", self.ids), ("rma_returned", "!=", vals["rma_returned"])]
            )
            if children:
                children.write({"rma_returned": vals["rma_returned"]})
        return result

    @api.model
    def _get_rma_returned_locations(self):
        """The locations whose units do not count as available, archived ones included."""
        return self.with_context(active_test=False).search([("rma_returned", "=", True)])
