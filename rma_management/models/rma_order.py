# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .rma_workflow_guard import workflow_write

STATES = [
    ("draft", "Draft"),
    ("to_approve", "Pending Approval"),
    ("approved", "Approved"),
    ("done", "Resolved"),
    ("cancel", "Cancelled"),
]

#: display status; rma_management_stock and rma_management_account add theirs, see rma_order_status
STATUSES = [
    ("draft", "Draft"),
    ("to_approve", "Pending Approval"),
    ("approved", "Approved"),
    ("done", "Resolved"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]

#: states in which customer, origin and quantities can no longer be changed
LOCKED_STATES = ("to_approve", "approved", "done", "cancel")

#: what only the workflow actions write: approving and rejecting are checked there
WORKFLOW_FIELDS = {
    "state", "approval_reason", "approved_date", "approved_user_id", "rejection_reason",
    "acknowledged_date", "acknowledged_user_id",
}

#: fields that stay editable on a cancelled RMA
CANCELLED_EDITABLE_PREFIXES = ("message_", "activity_")
CANCELLED_EDITABLE_FIELDS = {"active", "internal_note"}


class RmaOrder(models.Model):
    _name = "rma.order"
    _description = "Return Merchandise Authorization"
    _inherit = ["mail.thread", "mail.activity.mixin", "rma.workflow.guard"]
    _order = "date desc, id desc"

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/", index=True)
    active = fields.Boolean(default=True, help="Archived RMAs are hidden from default searches.")
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange",
    )
    status = fields.Selection(
        STATUSES, compute="_compute_status", store=True, index=True, readonly=True,
        help="Where the return stands, from its state and what its lines still expect (see rma_order_status).",
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, copy=False,
        readonly=True, states={"draft": [("readonly", False)]},
        help="Date of the return request: return windows are checked against it.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]},
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, readonly=True, index=True,
        string="Commercial Entity",
    )
    contact_id = fields.Many2one(
        "res.partner", track_visibility="onchange",
        help="The customer's buyer or contact for this return.",
    )
    customer_reference = fields.Char(help="The customer's PO or return reference.")
    sale_order_ids = fields.Many2many(
        "sale.order", string="Sales Orders", compute="_compute_sale_order_ids", store=True,
        relation="rma_order_sale_order_rel", column1="rma_id", column2="order_id",
    )
    sale_order_count = fields.Integer(compute="_compute_sale_order_ids", store=True, string="Sales Order Count")
    invoice_reference = fields.Char(string="Invoice Reference(s)", help="The original invoice numbers.")
    category_id = fields.Many2one(
        "rma.category", track_visibility="onchange", index=True,
        readonly=True, states={"draft": [("readonly", False)]},
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, index=True,
        track_visibility="onchange",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True, states={"draft": [("readonly", False)]},
        default=lambda self: self.env["res.company"]._company_default_get("rma.order"),
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, readonly=True, states={"draft": [("readonly", False)]},
        default=lambda self: self.env.user.company_id.currency_id,
    )
    line_ids = fields.One2many("rma.order.line", "rma_id", string="Lines", copy=True)
    line_count = fields.Integer(compute="_compute_amounts", store=True)
    amount_untaxed = fields.Monetary(compute="_compute_amounts", store=True, string="Untaxed Amount")
    amount_tax = fields.Monetary(compute="_compute_amounts", store=True, string="Taxes")
    amount_total = fields.Monetary(compute="_compute_amounts", store=True, string="Total", track_visibility="onchange")
    internal_note = fields.Text(help="For your team only: never printed.")
    customer_note = fields.Text(help="Printed on the return authorization sent to the customer.")
    acknowledged_date = fields.Datetime(readonly=True, copy=False, track_visibility="onchange")
    acknowledged_user_id = fields.Many2one("res.users", string="Acknowledged By", readonly=True, copy=False)
    approval_reason = fields.Text(
        readonly=True, copy=False,
        help="Why this RMA needs a manager's approval, as found when it was confirmed.",
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    approved_user_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    rejection_reason = fields.Text(readonly=True, copy=False, track_visibility="onchange")

    _sql_constraints = [
        ("name_company_unique", "UNIQUE (name, company_id)", "An RMA number must be unique per company."),
    ]

    # ------------------------------------------------------------------
    # Computed fields
    # ------------------------------------------------------------------

    @api.depends("line_ids.sale_line_id")
    def _compute_sale_order_ids(self):
        for rma in self:
            orders = rma.line_ids.mapped("sale_line_id.order_id")
            rma.sale_order_ids = orders
            rma.sale_order_count = len(orders)

    @api.depends("line_ids.price_subtotal", "line_ids.price_tax", "line_ids.state")
    def _compute_amounts(self):
        for rma in self:
            lines = rma.line_ids.filtered(lambda line: line.state != "cancel")
            rma.line_count = len(lines)
            rma.amount_untaxed = sum(lines.mapped("price_subtotal"))
            rma.amount_tax = sum(lines.mapped("price_tax"))
            rma.amount_total = rma.amount_untaxed + rma.amount_tax

    @api.onchange("company_id")
    def _onchange_company_id_currency(self):
        self.currency_id = self.company_id.currency_id

    @api.constrains("partner_id", "currency_id")
    def _check_lines_origin(self):
        """Changing the customer or currency must keep the origin orders coherent."""
        self.mapped("line_ids")._check_origin()

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model
    def _get_workflow_fields(self):
        return super(RmaOrder, self)._get_workflow_fields() | WORKFLOW_FIELDS

    @api.model
    def create(self, vals):
        self._check_workflow_vals(vals, create=True)
        if vals.get("company_id") and "currency_id" not in vals:
            vals = dict(vals, currency_id=self.env["res.company"].browse(vals["company_id"]).currency_id.id)
        if vals.get("name", "/") == "/":
            company_id = vals.get("company_id") or self.default_get(["company_id"]).get("company_id")
            vals = dict(vals, name=self._next_number(company_id))
        # lines created with the RMA are in its creation message, not one each
        rmas = self._without_workflow_defaults().with_context(
            rma_skip_line_log=True,
            rma_locked_sale_lines=self.env["rma.order.line"]._lock_origin_lines_of_commands(vals.get("line_ids")),
        )
        rmas._prefetch_product_settings(vals.get("company_id") or rmas.default_get(["company_id"]).get("company_id"),
                                        vals.get("line_ids"))
        rma = super(RmaOrder, rmas).create(vals)
        return rma.with_env(self.env)

    @api.model
    def _prefetch_product_settings(self, company_id, line_commands):
        """Read the returns settings of the products an RMA is created with
        at once, in the environment its lines are created in: the lines'
        checks find them in the cache instead of reading them line by line."""
        product_ids = [
            command[2]["product_id"] for command in line_commands or ()
            if isinstance(command, (list, tuple)) and len(command) == 3 and command[0] == 0
            and isinstance(command[2], dict) and isinstance(command[2].get("product_id"), int)
        ]
        products = self.env["product.product"].browse(product_ids).exists()
        templates = self._in_company(products.mapped("product_tmpl_id"), company_id)
        for name in templates._rma_manager_fields:
            templates.mapped(name)
        return True

    @api.model
    def _next_number(self, company_id):
        number = self.env["ir.sequence"].with_context(force_company=company_id).next_by_code("rma.order")
        if not number:
            raise UserError(_("No RMA numbering sequence is defined for this company."))
        return number

    @api.multi
    def write(self, vals):
        self._check_workflow_vals(vals)
        self._check_editable(vals)
        if vals.get("line_ids"):
            locked = self.env["rma.order.line"]._lock_origin_lines_of_commands(vals["line_ids"])
            return super(RmaOrder, self.with_context(rma_locked_sale_lines=locked)).write(vals)
        return super(RmaOrder, self).write(vals)

    @api.multi
    def unlink(self):
        if any(rma.state not in ("draft", "cancel") for rma in self):
            raise UserError(_("Only draft or cancelled RMAs can be deleted. Cancel the RMA first."))
        return super(RmaOrder, self).unlink()

    @api.multi
    def _check_editable(self, vals):
        """Customer, origin and authorized quantities are locked once an RMA
        left draft; a cancelled RMA cannot be edited at all."""
        cancelled = self.filtered(lambda rma: rma.state == "cancel")
        if cancelled and any(
            not name.startswith(CANCELLED_EDITABLE_PREFIXES) and name not in CANCELLED_EDITABLE_FIELDS
            for name in vals
        ):
            raise UserError(_("A cancelled RMA cannot be modified: %s.") % ", ".join(cancelled.mapped("name")))
        locked = self.filtered(lambda rma: rma.state in LOCKED_STATES)
        if not locked:
            return
        changed = sorted(self._get_locked_fields() & set(vals))
        if changed:
            raise UserError(
                _("%(fields)s of %(rmas)s can no longer be changed.")
                % {"fields": ", ".join(self._fields[name].string for name in changed),
                   "rmas": ", ".join(locked.mapped("name"))}
            )
        # 1 (update) is checked by the line itself; 4 (keep) is what the client sends for untouched lines
        if any(command[0] not in (1, 4) for command in vals.get("line_ids", ())):
            raise UserError(
                _("Lines cannot be added to or removed from %s any more.") % ", ".join(locked.mapped("name"))
            )

    @api.model
    def _get_locked_fields(self):
        """Fields that no longer change once the RMA left draft. Extension point."""
        return {"name", "partner_id", "company_id", "currency_id", "date", "category_id"}

    @api.multi
    def _set_state(self, state, **values):
        """Move the RMAs and their lines (except cancelled lines) to ``state``,
        writing the other workflow ``values`` with it: the only way they change."""
        with workflow_write():
            self.write(dict(values, state=state))
            self.mapped("line_ids").filtered(lambda line: line.state != "cancel").write({"state": state})

    # ------------------------------------------------------------------
    # Other actions
    # ------------------------------------------------------------------

    @api.multi
    def action_draft(self):
        """Back to draft, to edit a return that waits for approval."""
        for rma in self:
            if rma.state != "to_approve":
                raise UserError(_("Only RMAs pending approval can be set back to draft: %s is not.") % rma.name)
        self._close_approval_activities()
        self._set_state("draft", approval_reason=False)
        return True

    @api.multi
    def action_cancel(self):
        """Cancel for good: a cancelled RMA cannot be reset, edited or approved."""
        for rma in self:
            if rma.state in ("done", "cancel"):
                raise UserError(_("%s is already resolved or cancelled.") % rma.name)
        self._action_cancel()
        return True

    @api.multi
    def _action_cancel(self):
        """Extension point: cancelling open pickings."""
        self._close_approval_activities()
        self._set_state("cancel")

    @api.multi
    def action_done(self):
        """Resolved by hand: nothing more will happen on this return (see
        _check_can_resolve); RMAs on which nothing is pending resolve themselves."""
        self._check_can_resolve()
        self._set_state("done", date_done=fields.Datetime.now())
        return True

    @api.multi
    def action_acknowledge(self):
        """Stamp that the customer's request was received and acknowledged."""
        with workflow_write():
            self.write({"acknowledged_date": fields.Datetime.now(), "acknowledged_user_id": self.env.uid})
        return True

    @api.model
    def _archive_resolved_before(self, date):
        """Archive resolved and cancelled RMAs dated before ``date``; return them."""
        old = self.search([("state", "in", ("done", "cancel")), ("date", "<", date)])
        old.write({"active": False})
        return old

    @api.multi
    def action_add_sale_lines(self):
        self.ensure_one()
        return self.env["rma.order"]._wizard_action(_("Add Lines from a Sales Order"), "rma.add.sale.lines", {
            "default_rma_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_company_id": self.company_id.id,
        })

    @api.multi
    def action_view_sale_orders(self):
        self.ensure_one()
        return self._records_action("sale.action_orders", self.sale_order_ids)

    @api.model
    def _wizard_action(self, name, model, context):
        """The window action opening the wizard ``model`` in a dialog, with
        ``context`` (its defaults): the wizard buttons of the RMA addons."""
        return {
            "name": name,
            "type": "ir.actions.act_window",
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    @api.model
    def _records_action(self, action_xmlid, records, form_view_xmlid=None):
        """The window action ``action_xmlid`` showing ``records``: straight
        their form when there is just one (smart buttons of the RMA addons)."""
        action = self.env.ref(action_xmlid).read()[0]
        action["domain"] = [("id", "in", records.ids)]
        if len(records) == 1:
            form_view = self.env.ref(form_view_xmlid).id if form_view_xmlid else False
            action.update(res_id=records.id, views=[(form_view, "form")])
        return action

    @api.multi
    def _in_rma_company(self, records):
        """``records`` as this RMA's company sees them, whoever works on it:
        customers' return policies and products' returns flags are per company."""
        company = self[:1].company_id or self.env.user.company_id
        return self._in_company(records, company.id)

    @api.model
    def _in_company(self, records, company_id):
        """``records`` in the plain environment of ``company_id``: nothing else
        in its context, so every caller shares its cache (settings read once
        for many lines are read once, whatever each caller's context)."""
        return records.with_env(records.env(context={"force_company": company_id}))
