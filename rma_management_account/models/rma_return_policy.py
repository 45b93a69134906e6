# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class RmaReturnPolicy(models.Model):
    _name = "rma.return.policy"
    _inherit = ["rma.return.policy", "rma.restocking.fee.mixin"]
