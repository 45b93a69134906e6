# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons.rma_management.models.mail_message import acting_for
from odoo.exceptions import UserError

#: the tables of a credit note and its journal entry, whose rows _sign_for attributes
SIGN_QUERIES = {
    table: "UPDATE %s SET create_uid = %%s, write_uid = %%s WHERE id IN %%s" % table
    for table in ("account_invoice", "account_invoice_line", "account_invoice_tax", "account_move", "account_move_line")
}


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    rma_id = fields.Many2one(
        "rma.order", string="RMA", index=True, readonly=True, copy=False, ondelete="restrict",
        help="The return this credit note credits.",
    )
    rma_reason_id = fields.Many2one(
        "rma.reason", compute="_compute_rma_reason_id", store=True, index=True, string="Return Reason",
        help="Reason of the largest credited RMA line.",
    )

    @api.depends("invoice_line_ids.rma_reason_id", "invoice_line_ids.price_subtotal")
    def _compute_rma_reason_id(self):
        for invoice in self:
            lines = invoice.invoice_line_ids.filtered("rma_reason_id")
            invoice.rma_reason_id = max(lines, key=lambda line: line.price_subtotal).rma_reason_id if lines else False

    @api.multi
    def invoice_validate(self):
        result = super(AccountInvoice, self).invoice_validate()
        self.filtered(lambda inv: inv.rma_id and inv.refund_invoice_id)._apply_to_refunded_invoice()
        self.filtered(lambda inv: inv.type == "out_invoice")._credit_waiting_returns()
        self.filtered(lambda inv: inv.rma_id and inv.type == "out_refund")._tell_rmas_credited()
        self._resolve_rmas()
        return result

    @api.multi
    def _tell_rmas_credited(self):
        """The customer follows their return: a validated credit note is news."""
        # sudo: the billing user who validates it may not write on returns; the message is theirs
        with acting_for(self.env.user):
            for credit_note in self.sudo():
                credit_note.rma_id._notify_people(
                    _("Credited: %(amount)s %(currency)s on %(number)s.") % {
                        "amount": credit_note.amount_total, "currency": credit_note.currency_id.name,
                        "number": credit_note.number,
                    },
                    "rma_management_account.mt_rma_credited", self.env["res.users"],
                )
        return True

    @api.multi
    def action_invoice_cancel(self):
        result = super(AccountInvoice, self).action_invoice_cancel()
        self._resolve_rmas()
        return result

    @api.multi
    def _resolve_rmas(self):
        """A credit note validated (or cancelled) may be the last thing its RMA waited for."""
        # sudo: the billing user who validates it may not write on returns; the RMA's chatter says they did it
        with acting_for(self.env.user):
            return self.sudo().mapped("rma_id")._auto_resolve()

    @api.multi
    def _credit_waiting_returns(self):
        """Approved returns of goods invoiced only now get their credit."""
        # sudo to find them: the billing user may not read returns; they are
        # credited for that user all the same (lock dates, chatter)
        rma_lines = self.sudo().mapped("invoice_line_ids.sale_line_ids.rma_line_ids")
        rmas = rma_lines.filtered(lambda line: line.state in ("approved", "done")).mapped("rma_id")
        rmas.with_env(self.env)._credit_automatically()

    @api.multi
    def _filter_validate_at_once(self):
        """The credit notes whose company validates RMA credit notes as soon as they are created."""
        return self.filtered(lambda inv: inv.company_id.rma_credit_note_validate)

    @api.multi
    def _sign_for(self, user):
        """Credit notes the suite made and validated as superuser for ``user``
        are theirs: created, and posted when validated at once, by them (their
        messages already are, see rma_management's ``acting_for``)."""
        invoices = self.sudo()
        moves = invoices.mapped("move_id")
        records = (invoices, invoices.mapped("invoice_line_ids"), invoices.mapped("tax_line_ids"),
                   moves, moves.mapped("line_ids"))
        for rows in records:
            if rows:
                self.env.cr.execute(SIGN_QUERIES[rows._table], (user.id, user.id, tuple(rows.ids)))
                rows.invalidate_cache(["create_uid", "write_uid"], rows.ids)
        return True

    @api.multi
    def _check_lock_date_for(self, user):
        """Credit notes validated as superuser for ``user`` never post into a
        period locked for that user: the fiscal year lock date for everyone,
        the period lock date unless they are an adviser."""
        for invoice in self:
            company = invoice.company_id
            lock_dates = [company.fiscalyear_lock_date]
            if not user.has_group("account.group_account_manager"):
                lock_dates.append(company.period_lock_date)
            lock_date = max(filter(None, lock_dates), default=False)
            # the date the validation gives a credit note without one
            date = invoice.date or invoice.date_invoice or fields.Date.context_today(invoice)
            if lock_date and date <= lock_date:
                raise UserError(
                    _("Its accounting date %(date)s is not after the lock date %(lock_date)s that applies to "
                      "%(user)s.") % {"date": invoice.env["rma.order"]._format_date(date),
                                     "lock_date": invoice.env["rma.order"]._format_date(lock_date),
                                     "user": user.name}
                )

    @api.multi
    def _apply_to_refunded_invoice(self):
        """An RMA credit note pays off the invoice it credits, when that one is open."""
        for credit_note in self:
            invoice = credit_note.refund_invoice_id
            if invoice.state != "open":
                continue
            credit_lines = credit_note.move_id.line_ids.filtered(
                lambda aml, account=invoice.account_id: aml.account_id == account and not aml.reconciled
            )
            for credit_line in credit_lines:
                invoice.assign_outstanding_credit(credit_line.id)

    @api.multi
    def _get_rma_credit_notes_action(self):
        action = self.env["rma.order"]._records_action(
            "account.action_invoice_out_refund", self, form_view_xmlid="account.invoice_form",
        )
        action["context"] = {"default_type": "out_refund", "type": "out_refund"}
        return action

    @api.multi
    def action_view_rma(self):
        self.ensure_one()
        action = self.env["rma.order"]._records_action("rma_management.action_rma_order", self.rma_id)
        action["name"] = _("RMA")
        return action
