# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextvars
from contextlib import contextmanager

from odoo import api, models

#: the partner of the user the suite works for while it runs as superuser
_ACTING_PARTNER = contextvars.ContextVar("rma_acting_partner", default=None)


@contextmanager
def acting_for(user):
    """Work the suite does as superuser on behalf of ``user`` (the credit note
    a warehouse user's receipt creates) is signed by them: every message
    logged meanwhile has them as author, not Administrator. Like
    ``workflow_write``, it lives in Python only: no RPC caller can set it."""
    token = _ACTING_PARTNER.set(user.partner_id.id)
    try:
        yield
    finally:
        _ACTING_PARTNER.reset(token)


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _get_default_author(self):
        partner_id = _ACTING_PARTNER.get()
        if partner_id:
            return self.env["res.partner"].browse(partner_id)
        return super(MailMessage, self)._get_default_author()
