# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools


class ReportStockForecast(models.Model):
    _inherit = "report.stock.forecast"

    @api.model_cr
    def init(self):
        """Stock's forecast reads every internal location; returned units
        waiting for a decision are not available, and returns still expected
        from customers are not promised either: the same rule as the
        products' quantities."""
        super(ReportStockForecast, self).init()
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW report_stock_forecast AS (
                WITH available AS (
                    SELECT id FROM stock_location WHERE usage = 'internal' AND rma_returned IS NOT TRUE
                ), flows AS (
                    SELECT quant.product_id, date_trunc('week', CURRENT_DATE)::date AS date,
                           quant.quantity
                      FROM stock_quant quant
                      JOIN available ON available.id = quant.location_id
                    UNION ALL
                    SELECT move.product_id,
                           date_trunc('week', GREATEST(move.date_expected::date, CURRENT_DATE))::date,
                           CASE WHEN destination.id IS NULL THEN -move.product_qty ELSE move.product_qty END
                      FROM stock_move move
                      LEFT JOIN available source ON source.id = move.location_id
                      LEFT JOIN available destination ON destination.id = move.location_dest_id
                     WHERE move.state IN ('confirmed', 'partially_available', 'assigned', 'waiting')
                       AND (source.id IS NULL) != (destination.id IS NULL)
                       AND (move.rma_line_id IS NULL OR source.id IS NOT NULL)
                ), weekly AS (
                    SELECT product_id, date, SUM(quantity) AS quantity FROM flows GROUP BY product_id, date
                ), weeks AS (
                    SELECT date_trunc('week', CURRENT_DATE)::date AS date
                    UNION
                    SELECT date FROM weekly
                )
                SELECT row_number() OVER (ORDER BY product.product_id, weeks.date) AS id,
                       product.product_id, weeks.date,
                       COALESCE(weekly.quantity, 0) AS quantity,
                       SUM(COALESCE(weekly.quantity, 0)) OVER (
                           PARTITION BY product.product_id ORDER BY weeks.date
                       ) AS cumulative_quantity
                  FROM (SELECT DISTINCT product_id FROM weekly) product
                 CROSS JOIN weeks
                  LEFT JOIN weekly ON weekly.product_id = product.product_id AND weekly.date = weeks.date
            )
        """)
        return True
