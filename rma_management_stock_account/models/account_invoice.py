# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    @api.multi
    def invoice_validate(self):
        """A validated credit note may be the last thing an RMA waited for."""
        result = super(AccountInvoice, self).invoice_validate()
        self.sudo().mapped("rma_id")._auto_resolve()
        return result
