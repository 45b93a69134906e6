# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    rma_allow_over_receipt = fields.Boolean(
        string="Allow RMA Over-Receipts",
        help="Warehouse staff may receive more than the quantity authorized on an RMA line.",
    )
    rma_warehouse_user_id = fields.Many2one(
        "res.users", string="RMA Receipts Responsible",
        domain=lambda self: [("groups_id", "in", self.env.ref("stock.group_stock_user").ids)],
        help="The warehouse user who gets the to-do of receiving approved returns; "
        "empty: the first warehouse user of the company.",
    )
