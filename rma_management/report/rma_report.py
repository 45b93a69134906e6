# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportRma(models.AbstractModel):
    """The Return Authorization sent to the customer: whoever may read the
    RMA may print it."""

    _name = "report.rma_management.report_rma"
    _description = "Return Authorization"

    @api.model
    def get_report_values(self, docids, data=None):
        rmas = self.env["rma.order"].browse(docids)
        rmas.check_access_rights("read")
        rmas.check_access_rule("read")
        return {
            "doc_ids": docids,
            "doc_model": "rma.order",
            # the document names the origin orders, which a plain employee may not read
            "docs": rmas.sudo(),
            "data": data,
        }
