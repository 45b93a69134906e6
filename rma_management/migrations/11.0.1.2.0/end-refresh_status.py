# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The status now follows one precedence table fed by every addon (and gains
Fully Received, Quarantine and Refurbish): recompute the stored status of the
approved and resolved RMAs, and resolve those on which nothing is pending any
more (a credit-only RMA whose credit note was validated stayed approved).
Run at the end of the update, once every RMA addon is loaded."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rmas = env["rma.order"].with_context(active_test=False).search([("state", "in", ("approved", "done"))])
    rmas._refresh_status()
