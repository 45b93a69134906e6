# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.addons import decimal_precision as dp


class RmaReturnedStock(models.Model):
    """What sits in each returned-goods location (RMA input, quarantine,
    refurbish), by RMA line: the line's done moves into the location minus
    those out of it. Quants do not know the RMA; the moves do."""

    _name = "rma.returned.stock"
    _description = "Returned Stock"
    _auto = False
    _order = "location_id, rma_id, rma_line_id"

    location_id = fields.Many2one("stock.location", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    rma_id = fields.Many2one("rma.order", string="RMA", readonly=True)
    rma_line_id = fields.Many2one("rma.order.line", string="RMA Line", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_uom_id = fields.Many2one("product.uom", string="Unit of Measure", readonly=True)
    quantity = fields.Float(readonly=True, digits=dp.get_precision("Product Unit of Measure"))
    date = fields.Datetime(string="Arrived On", readonly=True, help="When the last units of the line arrived here.")
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # the id is the line's first move into the location: each move has one destination
        self.env.cr.execute("""
            CREATE VIEW rma_returned_stock AS (
                WITH flows AS (
                    SELECT move.id AS move_id, move.rma_line_id, move.product_id, move.date,
                           move.location_dest_id AS location_id, move.product_qty AS quantity
                      FROM stock_move move
                      JOIN stock_location location ON location.id = move.location_dest_id
                     WHERE move.state = 'done' AND move.rma_line_id IS NOT NULL
                       AND location.rma_returned AND location.usage = 'internal'
                    UNION ALL
                    SELECT NULL, move.rma_line_id, move.product_id, NULL,
                           move.location_id, -move.product_qty
                      FROM stock_move move
                      JOIN stock_location location ON location.id = move.location_id
                     WHERE move.state = 'done' AND move.rma_line_id IS NOT NULL
                       AND location.rma_returned AND location.usage = 'internal'
                )
                SELECT MIN(flows.move_id) AS id, flows.location_id, rma.warehouse_id, line.rma_id,
                       flows.rma_line_id, rma.partner_id, flows.product_id, template.uom_id AS product_uom_id,
                       SUM(flows.quantity) AS quantity, MAX(flows.date) AS date, line.company_id
                  FROM flows
                  JOIN rma_order_line line ON line.id = flows.rma_line_id
                  JOIN rma_order rma ON rma.id = line.rma_id
                  JOIN product_product product ON product.id = flows.product_id
                  JOIN product_template template ON template.id = product.product_tmpl_id
                 GROUP BY flows.location_id, rma.warehouse_id, line.rma_id, flows.rma_line_id, rma.partner_id,
                          flows.product_id, template.uom_id, line.company_id
                HAVING SUM(flows.quantity) > 0 AND MIN(flows.move_id) IS NOT NULL
            )
        """)
        return True
