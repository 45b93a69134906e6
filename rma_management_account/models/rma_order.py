# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from contextlib import contextmanager

from odoo import _, api, fields, models
from odoo.addons.rma_management.models.mail_message import acting_for
from odoo.addons.rma_management.models.rma_order_status import FOLLOWED
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from .rma_order_line import VALIDATED_INVOICE_STATES

CREDIT_STATUSES = [
    ("none", "Nothing to Credit"),
    ("pending", "Pending Credit"),
    ("credited", "Credited"),
]


class RmaOrder(models.Model):
    _inherit = "rma.order"

    status = fields.Selection(selection_add=[("credit_pending", "Pending Credit"), ("credited", "Credited")])
    credit_status = fields.Selection(
        CREDIT_STATUSES, compute="_compute_credit_status", store=True, index=True, readonly=True,
        help="Pending Credit: something is due or waits on a draft credit note. "
        "Credited: everything creditable is on validated credit notes. "
        "With the warehouse, a refund credited for its goods says what it waits for.",
    )
    credit_due = fields.Boolean(
        compute="_compute_credit_due", help="Some quantity is due and on no credit note yet.",
    )
    credit_note_ids = fields.One2many("account.invoice", "rma_id", readonly=True, copy=False)
    credit_note_count = fields.Integer(compute="_compute_credit_note_count")
    amount_credited = fields.Monetary(
        compute="_compute_amount_credited", store=True, string="Credited Amount",
        help="Total of the validated credit notes, taxes and restocking fees included.",
    )
    amount_credited_company = fields.Monetary(
        compute="_compute_amount_credited", store=True, currency_field="company_currency_id",
        string="Credited in Company Currency",
        help="The credited amount as booked in the company's currency (at each credit note's rate): "
             "lists add these, never amounts in different currencies.",
    )

    # ------------------------------------------------------------------
    # Computed fields
    # ------------------------------------------------------------------

    @api.depends("line_ids.qty_to_credit")
    def _compute_credit_due(self):
        for rma in self:
            rma.credit_due = any(
                float_compare(line.qty_to_credit, 0.0, precision_rounding=line.product_uom.rounding) > 0
                for line in rma.line_ids
            )

    @api.model
    def _get_credit_status_depends(self):
        """Fields the credit status depends on. Extension point: the fields
        ``_get_awaited_credit_status`` reads."""
        return ["line_ids.qty_to_credit", "line_ids.qty_credited", "line_ids.qty_credit_validated"]

    @api.depends(lambda self: self._get_credit_status_depends())
    def _compute_credit_status(self):
        for rma in self:
            lines = rma.line_ids
            if rma.credit_due or any(
                float_compare(line.qty_credited, line.qty_credit_validated,
                              precision_rounding=line.product_uom.rounding) > 0
                for line in lines
            ):
                rma.credit_status = "pending"
            elif any(not float_is_zero(line.qty_credited, precision_rounding=line.product_uom.rounding)
                     for line in lines):
                rma.credit_status = "credited"
            else:
                rma.credit_status = rma._get_awaited_credit_status() or "none"

    @api.multi
    def _get_awaited_credit_status(self):
        """The credit status of an RMA with nothing due nor credited yet whose
        credit waits for a step of the return, False when none does.
        Extension point: a credit on approval is due once approved; the
        warehouse bridge adds the credits that wait for the goods."""
        self.ensure_one()
        return False

    @api.model
    def _get_status_depends(self):
        return [*super(RmaOrder, self)._get_status_depends(), "line_ids.credit_policy", "line_ids.qty_to_credit",
                "line_ids.qty_credited", "line_ids.qty_credit_validated"]

    @api.multi
    def _get_status_facts_by_line(self):
        """The credit: a line is followed once its policy made something
        creditable (a line never invoiced has nothing to wait for)."""
        by_line = super(RmaOrder, self)._get_status_facts_by_line()
        for line in self.mapped("line_ids").filtered(lambda line: line.id in by_line and line.credit_policy != "none"):
            facts = by_line[line.id]
            in_draft = float_compare(line.qty_credited, line.qty_credit_validated,
                                     precision_rounding=line.product_uom.rounding) > 0
            if in_draft or line._is_positive("qty_to_credit"):
                facts |= {FOLLOWED, "credit_pending"}
            elif line._is_positive("qty_credit_validated"):
                facts |= {FOLLOWED, "credited"}
        return by_line

    @api.depends("credit_note_ids")
    def _compute_credit_note_count(self):
        # counted for whoever looks at the RMA, accountant or not
        for rma in self:
            rma.credit_note_count = len(rma.sudo().credit_note_ids)

    @api.depends("credit_note_ids.state", "credit_note_ids.amount_total", "credit_note_ids.amount_total_company_signed")
    def _compute_amount_credited(self):
        for rma in self:
            validated = rma.sudo().credit_note_ids.filtered(lambda inv: inv.state in VALIDATED_INVOICE_STATES)
            rma.amount_credited = sum(validated.mapped("amount_total"))
            # signed: negative on credit notes
            rma.amount_credited_company = -sum(validated.mapped("amount_total_company_signed"))

    # ------------------------------------------------------------------
    # Triggers
    # ------------------------------------------------------------------

    @api.multi
    def _action_approve(self):
        result = super(RmaOrder, self)._action_approve()
        self._credit_automatically()
        return result

    @api.multi
    def _action_cancel(self):
        # sudo: returns users without billing rights cancel and reject RMAs too
        credited = self.sudo().filtered(lambda rma: rma.credit_note_ids.filtered(lambda inv: inv.state != "cancel"))
        if credited:
            raise UserError(
                _("%(rmas)s cannot be cancelled: cancel their credit notes first.")
                % {"rmas": ", ".join(credited.mapped("name"))}
            )
        return super(RmaOrder, self)._action_cancel()

    # ------------------------------------------------------------------
    # Credit notes
    # ------------------------------------------------------------------

    @api.multi
    def _lock_for_credit(self):
        """Serialize crediting per RMA. Creating a credit note rewrites the
        RMA's stored credit status, so a concurrent transaction waiting here
        fails with a serialization error once the first one commits (Odoo
        retries it and finds nothing due) instead of crediting twice."""
        if self.ids:
            self.env.cr.execute("SELECT id FROM rma_order WHERE id IN %s FOR UPDATE", (tuple(self.ids),))

    @api.multi
    def _create_credit_notes(self):
        """Credit what is due on these RMAs (one credit note per RMA and origin
        invoice), validated at once if the company says so. Idempotent: what is
        on a credit note (not cancelled) is never credited again. Returns the
        credit notes created, none when nothing is due."""
        with acting_for(self.env.user):
            credit_notes = self._create_due_credit_notes()
            self._validate_credit_notes_at_once(credit_notes)
        credit_notes._sign_for(self.env.user)
        return credit_notes

    @api.multi
    def _credit_automatically(self):
        """Credit what an approval, a receipt or an inspection made due, for
        the user who triggered it (self's user). An accounting error (a missing
        account, a lock date) does not undo that event: the credit stays due
        (or its credit note in draft), the RMA tells why and its responsible
        gets a to-do; "Create Credit Note" tries again once the cause is fixed."""
        self.recompute()  # a rolled-back attempt clears the cache: nothing pending may be lost with it
        credit_notes = self.env["account.invoice"]
        with acting_for(self.env.user):
            # the stored quantities to credit tell where something is due: the
            # others cost no allocation (an inspection credits nothing most times)
            for rma in self.filtered("credit_due"):
                with rma._reporting_credit_errors():
                    credit_notes |= rma._create_due_credit_notes()
            self._validate_credit_notes_at_once(credit_notes)
        credit_notes._sign_for(self.env.user)
        return credit_notes

    @api.multi
    def _validate_credit_notes_at_once(self, credit_notes):
        """Validate the credit notes whose company validates them at once, as
        superuser (whoever triggers crediting needs no accounting rights) but
        never into a period locked for the user who triggered it: an error
        leaves the credit note in draft, reported on its RMA."""
        user = self.env.user
        for credit_note in credit_notes.sudo()._filter_validate_at_once():
            with credit_note.rma_id.with_env(self.env)._reporting_credit_errors(credit_note):
                credit_note._check_lock_date_for(user)
                credit_note.action_invoice_open()

    @contextmanager
    def _reporting_credit_errors(self, credit_note=None):
        """Undo what the block did on a business error and report it on the RMA."""
        try:
            with self.env.cr.savepoint():
                yield
        except (UserError, ValidationError) as error:
            self.env.clear()  # the cache may hold what the savepoint undid
            self._report_credit_error(error.name, credit_note)

    @api.multi
    def _report_credit_error(self, error, credit_note=None):
        self.ensure_one()
        if credit_note:
            message = _("Credit note %(name)s could not be validated: %(error)s It waits in draft.") % {
                "name": credit_note.display_name, "error": error,
            }
        else:
            message = _("No credit note could be created: %(error)s The credit stays due: once the cause is "
                        "fixed, use Create Credit Note.") % {"error": error}
        self._post_credit_message(message)
        # accounting's to-do, whoever triggered the credit: the returns desk cannot fix it
        return self._schedule_todo(self.env.ref("mail.mail_activity_data_todo"), self._get_accountant(),
                            _("Credit the return"), message)

    @api.multi
    def _get_accountant(self):
        """Who fixes a credit that failed: the company's RMA credits
        responsible, else its first billing manager."""
        self.ensure_one()
        accountant = self.company_id.rma_accountant_id
        if accountant.active:
            return accountant
        return self._get_group_user("account.group_account_manager", self.company_id)

    @api.multi
    def _post_credit_message(self, body):
        """Tell the chatter about a credit, as the user who triggered it."""
        self.ensure_one()
        # sudo: a warehouse or billing user triggering the credit may not write on the RMA
        self.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)

    @api.multi
    def _create_due_credit_notes(self):
        """Draft credit notes of what is due: one per RMA and origin invoice
        (and one on account for lines without origin)."""
        self._lock_for_credit()
        # crediting follows from approvals and receipts: whoever triggers it
        # needs no accounting rights; what is on hold waits for its release
        rmas = self.sudo()._filter_not_held()
        allocations = rmas.mapped("line_ids")._filter_not_held()._get_credit_allocations()
        credit_notes = rmas.env["account.invoice"]
        for rma in rmas:
            for origin_invoice, items in rma._group_credit_allocations(allocations).items():
                credit_note = rma._create_credit_note(origin_invoice, items)
                rma.with_env(self.env)._post_credit_message(
                    _("Credit note created: %(lines)s.") % {"lines": ", ".join(
                        "%s %s" % (qty, line.product_id.display_name) for line, _origin_line, qty in items
                    )}
                )
                credit_notes |= credit_note
        return credit_notes.with_env(self.env)

    @api.multi
    def _group_credit_allocations(self, allocations):
        """The allocations (see rma.order.line's _get_credit_allocations) of
        this RMA's lines by origin invoice: lists of (RMA line, origin invoice
        line, quantity), in the order of the lines."""
        self.ensure_one()
        by_invoice = defaultdict(list)
        for line in self.line_ids:
            for origin_line, qty in allocations.get(line.id, ()):
                by_invoice[origin_line.invoice_id].append((line, origin_line, qty))
        return by_invoice

    @api.multi
    def _create_credit_note(self, origin_invoice, items):
        """The draft credit note of ``items`` (see _group_credit_allocations),
        applied to ``origin_invoice`` when there is one."""
        self.ensure_one()
        values = self._prepare_credit_note(origin_invoice)
        fiscal_position = self.env["account.fiscal.position"].browse(values["fiscal_position_id"])
        values["invoice_line_ids"] = [
            (0, 0, line._prepare_credit_note_line(qty, origin_line, fiscal_position))
            for line, origin_line, qty in items
        ]
        credit_note = self.env["account.invoice"].create(values)
        fee_values = self._prepare_restocking_fee_line(credit_note)
        if fee_values:
            credit_note.write({"invoice_line_ids": [(0, 0, fee_values)]})
        credit_note.compute_taxes()
        return credit_note

    @api.multi
    def _get_credit_journal(self):
        self.ensure_one()
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company_id.id)], limit=1,
        )
        if not journal:
            raise UserError(_("Define a sales journal for %(company)s to credit returns.")
                            % {"company": self.company_id.name})
        return journal

    @api.multi
    def _describe_credit_note(self, origin_invoice):
        self.ensure_one()
        if not origin_invoice:
            return _("Return %(rma)s") % {"rma": self.name}
        return _("Return %(rma)s of %(number)s of %(date)s") % {
            "rma": self.name,
            "number": origin_invoice.number or origin_invoice.display_name,
            "date": origin_invoice.date_invoice or "",
        }

    @api.multi
    def _prepare_credit_note(self, origin_invoice):
        """Values of a credit note of this RMA. With an origin invoice it
        applies to that invoice (its partner, receivable account, journal and
        fiscal position); without, it is an on-account credit."""
        self.ensure_one()
        partner = origin_invoice.partner_id or self.env["res.partner"].browse(
            self.partner_id.address_get(["invoice"])["invoice"]
        )
        partner = partner.with_context(force_company=self.company_id.id)
        positions = self.env["account.fiscal.position"].with_context(force_company=self.company_id.id)
        fiscal_position = origin_invoice.fiscal_position_id or positions.browse(
            positions.get_fiscal_position(partner.id)
        )
        return {
            "type": "out_refund",
            "rma_id": self.id,
            "refund_invoice_id": origin_invoice.id,
            "partner_id": partner.id,
            "account_id": (origin_invoice.account_id or partner.property_account_receivable_id).id,
            "journal_id": (origin_invoice.journal_id or self._get_credit_journal()).id,
            "fiscal_position_id": fiscal_position.id,
            "currency_id": self.currency_id.id,
            "company_id": self.company_id.id,
            "user_id": self.user_id.id,
            "origin": self.name,
            "name": self._describe_credit_note(origin_invoice),
        }

    # ------------------------------------------------------------------
    # Restocking fee
    # ------------------------------------------------------------------

    @api.multi
    def _get_restocking_fee_rule(self):
        """Where the restocking fee comes from: the RMA's category, else the
        first return type of its lines that has one, else the customer's
        return policy."""
        self.ensure_one()
        if self.category_id._has_restocking_fee():
            return self.category_id
        operations = self.line_ids.filtered(lambda line: line.state != "cancel").mapped("operation_id")
        for operation in operations.sorted(lambda operation: (operation.sequence, operation.id)):
            if operation._has_restocking_fee():
                return operation
        policy = self.env["rma.return.policy"]._get_policy(self.commercial_partner_id, self.company_id)
        return policy if policy and policy._has_restocking_fee() else self.env["rma.return.policy"]

    @api.multi
    def _get_restocking_fee_amount(self, credit_note):
        """Fee kept on ``credit_note``, in its currency, never more than its
        untaxed amount; a fixed fee is kept once per RMA."""
        self.ensure_one()
        rule = self._get_restocking_fee_rule()
        if not rule:
            return 0.0
        if rule.restocking_fee_type == "percent":
            fee = credit_note.amount_untaxed * rule.restocking_fee / 100.0
        else:
            already = (self.credit_note_ids - credit_note).filtered(
                lambda inv: inv.state != "cancel"
            ).mapped("invoice_line_ids").filtered("rma_restocking_fee")
            if already:
                return 0.0
            fee = self.company_id.currency_id.with_context(date=self.date).compute(
                rule.restocking_fee, credit_note.currency_id,
            )
        return credit_note.currency_id.round(min(fee, credit_note.amount_untaxed))

    @api.multi
    def _prepare_restocking_fee_line(self, credit_note):
        """Values of the restocking fee line of ``credit_note``, with its own
        income account; empty when no fee applies."""
        fee = self._get_restocking_fee_amount(credit_note)
        if float_is_zero(fee, precision_rounding=credit_note.currency_id.rounding):
            return {}
        account = self.company_id.rma_restocking_fee_account_id
        if not account:
            raise UserError(
                _("A restocking fee applies to %(rma)s: set the restocking fee account in the Returns settings.")
                % {"rma": self.name}
            )
        return {
            "name": _("Restocking fee"),
            "rma_restocking_fee": True,
            "quantity": 1.0,
            "price_unit": -fee,
            "account_id": account.id,
            "invoice_line_tax_ids": [(6, 0, [])],
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.multi
    def action_create_credit_notes(self):
        """The "Create credit note" button: credit what is due now."""
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(_("Only invoicing users can create credit notes by hand."))
        for rma in self:
            if rma.state not in ("approved", "done"):
                raise UserError(_("%(rma)s must be approved before it is credited.") % {"rma": rma.name})
        credit_notes = self._create_credit_notes()
        if not credit_notes:
            raise UserError(
                _("Nothing to credit on %(rmas)s: what the credit policies make creditable is already on "
                  "credit notes, or was never invoiced.") % {"rmas": ", ".join(self.mapped("name"))}
            )
        return credit_notes._get_rma_credit_notes_action()

    @api.multi
    def action_view_credit_notes(self):
        return self.mapped("credit_note_ids")._get_rma_credit_notes_action()
