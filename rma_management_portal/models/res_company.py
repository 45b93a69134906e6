# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    rma_portal_user_id = fields.Many2one(
        "res.users", string="Portal Requests Responsible",
        help="Gets the to-do of the return requests customers make on the portal for orders without "
             "salesperson (empty: the first RMA manager).",
    )
