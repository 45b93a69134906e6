# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.addons.stock.report.report_stock_forecast import ReportStockForecat as StockForecast  # sic in Odoo 11


def uninstall_hook(cr, registry):
    """The RMA locations and operation types hold the history of returns:
    archive them before Odoo removes the addon (see ``_archive_rma_setup``)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["stock.warehouse"].with_context(active_test=False).search([])._archive_rma_setup()
    # stock's own forecast view again: ours reads the returned-goods flag of
    # locations, whose column goes with the addon (and the view with it)
    StockForecast.init(env["report.stock.forecast"])
