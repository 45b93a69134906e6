# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models


def _one_year_ago(model):
    return fields.Date.to_string(fields.Date.from_string(fields.Date.context_today(model)) - timedelta(days=365))


class RmaArchive(models.TransientModel):
    _name = "rma.archive"
    _inherit = ["rma.value.guard"]
    _description = "Archive Old RMAs"

    date = fields.Date(
        string="Resolved or Cancelled Before", required=True, default=_one_year_ago,
        help="Resolved and cancelled RMAs dated before this day are archived.",
    )

    @api.multi
    def action_archive(self):
        self.ensure_one()
        self.env["rma.order"].browse()._check_manager(_("archive"))
        archived = self.env["rma.order"]._archive_resolved_before(self.date)
        return {
            "type": "ir.actions.act_window",
            "name": _("Archived RMAs"),
            "res_model": "rma.order",
            "view_mode": "tree,form",
            "domain": [("id", "in", archived.ids)],
            "context": {"active_test": False},
        }
