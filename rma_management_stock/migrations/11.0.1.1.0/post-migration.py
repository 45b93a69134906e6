# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: returned units are kept apart from the sellable stock; flag
the RMA input, quarantine and refurbish locations that warehouses already have."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["stock.warehouse"].with_context(active_test=False).search([])._flag_rma_returned_locations()
