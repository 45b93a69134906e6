# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.addons import decimal_precision as dp


class RmaReturnedStock(models.Model):
    """What sits in each returned-goods location (RMA input, quarantine,
    refurbish), by RMA line: the line's done moves into the location minus
    those out of it (quants do not know the RMA; the moves do), and the
    units there that no RMA line brought, without RMA."""

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
        # ids: a line's row is its first move into the location (a move has one
        # destination); units no RMA line brought take minus their first quant's
        self.env.cr.execute("""
            CREATE VIEW rma_returned_stock AS (
                WITH places AS (
                    SELECT id FROM stock_location WHERE rma_returned AND usage = 'internal'
                ), flows AS (
                    SELECT move.id AS move_id, move.rma_line_id, move.product_id, move.date,
                           move.location_dest_id AS location_id, move.product_qty AS quantity
                      FROM stock_move move
                      JOIN places ON places.id = move.location_dest_id
                     WHERE move.state = 'done' AND move.rma_line_id IS NOT NULL
                    UNION ALL
                    SELECT NULL, move.rma_line_id, move.product_id, NULL, move.location_id, -move.product_qty
                      FROM stock_move move
                      JOIN places ON places.id = move.location_id
                     WHERE move.state = 'done' AND move.rma_line_id IS NOT NULL
                ), per_line AS (
                    SELECT MIN(flows.move_id) AS id, flows.location_id, rma.warehouse_id, line.rma_id,
                           flows.rma_line_id, rma.partner_id, flows.product_id, SUM(flows.quantity) AS quantity,
                           MAX(flows.date) AS date, line.company_id
                      FROM flows
                      JOIN rma_order_line line ON line.id = flows.rma_line_id
                      JOIN rma_order rma ON rma.id = line.rma_id
                     GROUP BY flows.location_id, rma.warehouse_id, line.rma_id, flows.rma_line_id, rma.partner_id,
                              flows.product_id, line.company_id
                    HAVING SUM(flows.quantity) > 0 AND MIN(flows.move_id) IS NOT NULL
                ), on_hand AS (
                    SELECT -MIN(quant.id) AS id, quant.location_id, quant.product_id, SUM(quant.quantity) AS quantity,
                           MAX(quant.in_date) AS date, location.company_id
                      FROM stock_quant quant
                      JOIN places ON places.id = quant.location_id
                      JOIN stock_location location ON location.id = quant.location_id
                     GROUP BY quant.location_id, quant.product_id, location.company_id
                ), unlinked AS (
                    SELECT on_hand.id, on_hand.location_id, warehouse.id AS warehouse_id, NULL::integer AS rma_id,
                           NULL::integer AS rma_line_id, NULL::integer AS partner_id, on_hand.product_id,
                           on_hand.quantity - COALESCE(linked.quantity, 0) AS quantity, on_hand.date,
                           on_hand.company_id
                      FROM on_hand
                      LEFT JOIN (
                          SELECT location_id, product_id, SUM(quantity) AS quantity
                            FROM per_line GROUP BY location_id, product_id
                      ) linked ON linked.location_id = on_hand.location_id AND linked.product_id = on_hand.product_id
                      JOIN stock_location location ON location.id = on_hand.location_id
                      LEFT JOIN stock_warehouse warehouse ON warehouse.view_location_id = (
                          SELECT view.id FROM stock_location view
                           WHERE view.parent_left <= location.parent_left AND view.parent_right > location.parent_left
                             AND view.id IN (SELECT view_location_id FROM stock_warehouse)
                           ORDER BY view.parent_left DESC LIMIT 1
                      )
                     WHERE on_hand.quantity - COALESCE(linked.quantity, 0) > 0
                )
                SELECT rows.*, template.uom_id AS product_uom_id
                  FROM (SELECT * FROM per_line UNION ALL SELECT * FROM unlinked) rows
                  JOIN product_product product ON product.id = rows.product_id
                  JOIN product_template template ON template.id = product.product_tmpl_id
            )
        """)
        return True
