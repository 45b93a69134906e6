# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: a refund whose credit waits for its goods reads Credit after
Receipt or Credit after Inspection, not Nothing to Credit: recompute the
credit status of the approved RMAs that had nothing to credit."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rmas = env["rma.order"].with_context(active_test=False).search(
        [("state", "=", "approved"), ("credit_status", "=", "none")]
    )
    env.add_todo(rmas._fields["credit_status"], rmas)
    rmas.recompute()
