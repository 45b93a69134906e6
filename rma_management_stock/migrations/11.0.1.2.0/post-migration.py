# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.2.0: a line whose received units wait in RMA Input without needing an
inspection is To Decide (it read Waiting for Action), one whose units went
straight to stock is Received to Stock (it read Resolved): recompute the
warehouse status of the lines that had those two."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    lines = env["rma.order.line"].with_context(active_test=False).search(
        [("stock_status", "in", ("action", "resolved"))]
    )
    env.add_todo(lines._fields["stock_status"], lines)
    lines.recompute()
