# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.addons.rma_management.models.rma_order import LOCKED_STATES
from odoo.addons.rma_management.models.rma_workflow_guard import changes_value
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

#: crediting on receipt or on acceptance comes with the stock bridge addon
CREDIT_POLICIES = [
    ("none", "No Credit"),
    ("on_approval", "On Approval"),
]

#: credit notes in these states are validated
VALIDATED_INVOICE_STATES = ("open", "paid")


class RmaOrderLine(models.Model):
    _inherit = "rma.order.line"

    credit_policy = fields.Selection(
        CREDIT_POLICIES, required=True, index=True,
        help="When the customer is credited: never, when the RMA is approved, for what was received, "
        "or for what passed inspection. Proposed from the requested outcome and the RMA's category; "
        "editable until something is credited.",
    )
    credit_line_ids = fields.One2many(
        "account.invoice.line", "rma_line_id", string="Credit Note Lines", readonly=True, copy=False,
    )
    qty_credited = fields.Float(
        compute="_compute_qty_credited", store=True, string="Credited Quantity",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Quantity on credit notes that are not cancelled (draft included).",
    )
    qty_credit_validated = fields.Float(
        compute="_compute_qty_credited", store=True, string="Validated Credited Quantity",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Quantity on validated credit notes.",
    )
    origin_invoice_id = fields.Many2one(
        "account.invoice", string="Invoice to Credit", index=True, copy=False, ondelete="set null",
        domain="[('type', '=', 'out_invoice'), ('state', 'in', ('open', 'paid')), "
               "('invoice_line_ids.sale_line_ids', '=', sale_line_id)]",
        help="The customer invoice this line is credited against; editable until the line is credited. "
             "Empty: the validated invoices of the origin sales order line that still have something to "
             "credit, latest first.",
    )
    qty_to_credit = fields.Float(
        compute="_compute_qty_to_credit", store=True, string="Quantity to Credit",
        digits=dp.get_precision("Product Unit of Measure"),
        help="What the credit policy makes creditable and is on no credit note yet, never more than "
        "authorized nor than was invoiced on the origin sales order line.",
    )

    # ------------------------------------------------------------------
    # Credit policy
    # ------------------------------------------------------------------

    @api.model
    def _get_default_credit_policy(self, operation, category, product):
        """Credit policy proposed for a new line of the return type
        ``operation``: its category's, else its type's, when the type allows
        it. Extension point: with receipts, goods are credited on receipt or
        acceptance."""
        allowed = operation._get_allowed_credit_policies()
        if category.credit_policy in allowed:
            return category.credit_policy
        if operation.credit_policy in allowed:
            return operation.credit_policy
        return "on_approval" if "on_approval" in allowed else "none"

    @api.model
    def _describe_credit_policies(self, policies):
        names = dict(self._fields["credit_policy"]._description_selection(self.env))
        return ", ".join(names[policy] for policy in policies)

    @api.constrains("credit_policy", "operation_id")
    def _check_credit_policy(self):
        for line in self:
            allowed = line.operation_id._get_allowed_credit_policies()
            if line.credit_policy not in allowed:
                raise ValidationError(
                    _("%(product)s cannot have the credit policy \"%(policy)s\": with this requested outcome, "
                      "choose one of %(allowed)s.")
                    % {"product": line.product_id.display_name,
                       "policy": self._describe_credit_policies([line.credit_policy]),
                       "allowed": self._describe_credit_policies(allowed)}
                )

    @api.constrains("origin_invoice_id", "sale_line_id")
    def _check_origin_invoice(self):
        # the returns desk may choose an invoice it cannot read
        for line in self.sudo().filtered("origin_invoice_id"):
            invoice = line.origin_invoice_id
            if invoice.type != "out_invoice" or invoice.state not in VALIDATED_INVOICE_STATES \
                    or line.sale_line_id not in invoice.invoice_line_ids.mapped("sale_line_ids"):
                raise ValidationError(
                    _("%(product)s cannot be credited against %(invoice)s: choose a validated customer invoice "
                      "of its origin sales order line.")
                    % {"product": line.product_id.display_name, "invoice": invoice.display_name}
                )

    @api.onchange("operation_id", "product_id")
    def _onchange_operation_credit_policy(self):
        self.credit_policy = self._get_default_credit_policy(
            self.operation_id, self.rma_id.category_id, self.rma_id._in_rma_company(self.product_id),
        )

    # ------------------------------------------------------------------
    # Credited and creditable quantities
    # ------------------------------------------------------------------

    @api.depends("credit_line_ids.quantity", "credit_line_ids.uom_id", "credit_line_ids.invoice_id.state",
                 "product_uom")
    def _compute_qty_credited(self):
        # credit notes count for whoever looks at the RMA, accountant or not
        for line in self:
            credited = validated = 0.0
            for credit_line in line.sudo().credit_line_ids:
                state = credit_line.invoice_id.state
                if state == "cancel":
                    continue
                qty = credit_line.uom_id._compute_quantity(credit_line.quantity, line.product_uom)
                credited += qty
                if state in VALIDATED_INVOICE_STATES:
                    validated += qty
            line.qty_credited = credited
            line.qty_credit_validated = validated

    @api.model
    def _get_credit_qty_depends(self):
        """Fields the creditable quantity depends on. Extension point: the
        received and accepted quantities."""
        return ["credit_policy", "state", "product_uom_qty", "product_uom", "qty_credited",
                "sale_line_id.invoice_lines.quantity", "sale_line_id.invoice_lines.invoice_id.state",
                "sale_line_id.rma_line_ids.qty_credited", "origin_invoice_id",
                "sale_line_id.invoice_lines.invoice_id.refund_invoice_id"]

    @api.depends(lambda self: self._get_credit_qty_depends())
    def _compute_qty_to_credit(self):
        # the origin order's invoices cap it, whether the user may read them or not
        due = self.sudo()._get_credit_due_qty()
        for line in self:
            line.qty_to_credit = due.get(line.id, 0.0)

    @api.multi
    def _get_policy_credit_qty(self):
        """Quantity the credit policy makes creditable, by line id, in the
        line's unit. Extension point: received and accepted quantities."""
        return {
            line.id: line.product_uom_qty
            if line.credit_policy == "on_approval" and line.state in ("approved", "done") else 0.0
            for line in self
        }

    @api.multi
    def _get_credit_allocations(self):
        """What to credit now and against which invoice, by line id: lists of
        (origin invoice line, quantity in the line's unit). The policy's
        quantity minus what is on credit notes, never more than authorized nor
        than the origin invoices have left; a line without origin sales order
        line is not capped and is credited on account (no invoice line)."""
        policy_qty = self._get_policy_credit_qty()
        open_lines = self.filtered(lambda line: line.state != "cancel" and line.credit_policy != "none")
        creditable = {
            line.id: min(policy_qty[line.id], line.product_uom_qty) - line.qty_credited for line in open_lines
        }
        candidates = open_lines.filtered(
            lambda line: float_compare(creditable[line.id], 0.0, precision_rounding=line.product_uom.rounding) > 0
        )
        with_origin = candidates.filtered("sale_line_id")
        no_invoice_line = self.env["account.invoice.line"]
        allocations = {line.id: [(no_invoice_line, creditable[line.id])] for line in candidates - with_origin}
        for sale_line in with_origin.mapped("sale_line_id"):
            lines = with_origin.filtered(lambda line, sale_line=sale_line: line.sale_line_id == sale_line)
            for line_id, taken in sale_line._share_rma_credit(lines, creditable).items():
                if taken:
                    allocations[line_id] = taken
        return allocations

    @api.multi
    def _get_credit_due_qty(self):
        """Quantity to credit now, by line id in the line's unit (see
        _get_credit_allocations)."""
        return {
            line_id: sum(qty for _origin_line, qty in taken)
            for line_id, taken in self._get_credit_allocations().items()
        }

    @api.multi
    def _get_credit_price(self, origin_line):
        """Unit price and discount of the credit note line: the original
        invoice line's when the credit price is the original net price (the
        same amount to the cent), else the credit price without discount."""
        self.ensure_one()
        if origin_line:
            original_net = self.sale_line_id.product_uom._compute_price(
                self.sale_line_id.price_reduce, self.product_uom,
            )
            if not float_compare(self.price_unit, original_net, precision_digits=self._price_digits()):
                return origin_line.uom_id._compute_price(origin_line.price_unit, self.product_uom), origin_line.discount
        return self.price_unit, 0.0

    @api.multi
    def _get_credit_account(self, fiscal_position):
        self.ensure_one()
        # the product's accounts are company properties: read those of the RMA's company
        account = self.env["account.invoice.line"].get_invoice_line_account(
            "out_refund", self.product_id.with_context(force_company=self.company_id.id),
            fiscal_position, self.company_id,
        )
        if not account:
            raise UserError(
                _("Define an income account for %(product)s or its category to credit it on %(rma)s.")
                % {"product": self.product_id.display_name, "rma": self.rma_id.name}
            )
        return account

    @api.multi
    def _describe_credit(self, origin_line):
        self.ensure_one()
        if origin_line:
            return _("%(description)s\nReturn reason: %(reason)s\nInvoice %(invoice)s of %(date)s") % {
                "description": self.name or self.product_id.display_name,
                "reason": self.reason_id.name,
                "invoice": origin_line.invoice_id.number or origin_line.invoice_id.display_name,
                "date": origin_line.invoice_id.date_invoice or "",
            }
        return _("%(description)s\nReturn reason: %(reason)s") % {
            "description": self.name or self.product_id.display_name,
            "reason": self.reason_id.name,
        }

    @api.multi
    def _prepare_credit_note_line(self, qty, origin_line, fiscal_position):
        """Values of the credit note line crediting ``qty`` of this line:
        the original invoice line's taxes and accounts when there is one."""
        self.ensure_one()
        price_unit, discount = self._get_credit_price(origin_line)
        if origin_line:
            account = origin_line.account_id
            taxes = origin_line.invoice_line_tax_ids
        else:
            account = self._get_credit_account(fiscal_position)
            taxes = fiscal_position.map_tax(self.tax_ids, self.product_id, self.rma_id.partner_id)
        return {
            "rma_line_id": self.id,
            "name": self._describe_credit(origin_line),
            "product_id": self.product_id.id,
            "uom_id": self.product_uom.id,
            "quantity": qty,
            "price_unit": price_unit,
            "discount": discount,
            "account_id": account.id,
            "invoice_line_tax_ids": [(6, 0, taxes.ids)],
            "account_analytic_id": origin_line.account_analytic_id.id,
            "analytic_tag_ids": [(6, 0, origin_line.analytic_tag_ids.ids)],
        }

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_cr_context
    def _init_column(self, column_name):
        """On install, lines of RMAs approved before are not credited again
        (their customers were credited, or not, without this addon); those
        still to approve get their type's policy once the types have one
        (_init_credit_policies, called by the data)."""
        if column_name != "credit_policy":
            return super(RmaOrderLine, self)._init_column(column_name)
        self.env.cr.execute(
            "UPDATE rma_order_line line SET credit_policy = CASE WHEN rma.state IN ('draft', 'to_approve') "
            "THEN 'to_define' ELSE 'none' END FROM rma_order rma "
            "WHERE line.rma_id = rma.id AND line.credit_policy IS NULL"
        )
        return None

    @api.model
    def _init_credit_policies(self):
        """On install, after the types got their credit policy: the lines
        still to approve get their type's, one query per type."""
        no_category, no_product = self.env["rma.category"], self.env["product.product"]
        for operation in self.env["rma.operation"].with_context(active_test=False).search([]):
            self.env.cr.execute(
                "UPDATE rma_order_line SET credit_policy = %s WHERE credit_policy = 'to_define' AND operation_id = %s",
                (self._get_default_credit_policy(operation, no_category, no_product), operation.id),
            )
        self.invalidate_cache(fnames=["credit_policy"])
        return True

    @api.model
    def create(self, vals):
        self._check_workflow_vals(vals, create=True)  # before vals are read
        if not vals.get("credit_policy"):
            rma = self.env["rma.order"].browse(vals.get("rma_id"))
            operation = self.env["rma.operation"].browse(vals.get("operation_id")) \
                or rma.category_id.default_operation_id or self._default_operation_id()
            product = rma._in_rma_company(self.env["product.product"].browse(vals.get("product_id")))
            vals["credit_policy"] = self._get_default_credit_policy(operation, rma.category_id, product)
        return super(RmaOrderLine, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_workflow_vals(vals)  # before vals are read
        if {"operation_id", "product_id"} & set(vals) and "credit_policy" not in vals:
            return self._write_with_default_credit_policy(vals)
        if "origin_invoice_id" in vals:
            self._check_credit_terms_editable("origin_invoice_id", vals["origin_invoice_id"])
        if "credit_policy" not in vals:
            return super(RmaOrderLine, self).write(vals)
        before = {line: line.credit_policy for line in self._get_locked_policy_changes(vals["credit_policy"])}
        result = super(RmaOrderLine, self).write(vals)
        self.browse([line.id for line in before])._log_credit_policy_changes(before)
        return result

    @api.multi
    def _write_with_default_credit_policy(self, vals):
        """A new requested outcome or product proposes its credit policy again
        on draft lines (the core refuses those changes once the RMA left draft)."""
        by_policy = defaultdict(lambda: self.browse())
        new_product = self.env["product.product"].browse(vals.get("product_id"))
        new_operation = self.env["rma.operation"].browse(vals.get("operation_id"))
        for line in self:
            policy = line.credit_policy if line.rma_id.state in LOCKED_STATES else self._get_default_credit_policy(
                new_operation or line.operation_id, line.rma_id.category_id,
                line.rma_id._in_rma_company(new_product or line.product_id),
            )
            by_policy[policy] |= line
        for policy, lines in by_policy.items():
            lines.write(dict(vals, credit_policy=policy))
        return True

    @api.multi
    def _get_locked_policy_changes(self, policy):
        """The lines whose credit policy would change after their RMA left draft."""
        return self.filtered(lambda line: line.credit_policy != policy and line.rma_id.state in LOCKED_STATES)

    @api.model
    def _get_manager_line_fields(self):
        """What is credited when stays an RMA manager's choice after draft."""
        return super(RmaOrderLine, self)._get_manager_line_fields() | {"credit_policy"}

    @api.multi
    def _check_manager_line_change(self, changes):
        """Once something is credited on a line, its credit policy and reason stay."""
        result = super(RmaOrderLine, self)._check_manager_line_change(changes)
        for name, value in changes.items():
            self._check_credit_terms_editable(name, value)
        return result

    @api.multi
    def _check_credit_terms_editable(self, field_name, value):
        """The credit policy, the reason and the invoice to credit stay as
        they are once something is credited on the line."""
        field = self._fields[field_name]
        credited = self.filtered(
            lambda line: changes_value(line, field_name, value)
            and float_compare(line.qty_credited, 0.0, precision_rounding=line.product_uom.rounding) > 0
        )
        if credited:
            raise UserError(
                _("The field \"%(field)s\" of %(products)s can no longer be changed: credit notes exist for them.")
                % {"field": field._description_string(self.env),
                   "products": ", ".join(credited.mapped("product_id.display_name"))}
            )

    @api.multi
    def _log_credit_policy_changes(self, before):
        """Tell the RMA's chatter who changed a credit policy after draft, and how."""
        names = dict(self._fields["credit_policy"]._description_selection(self.env))
        for rma in self.mapped("rma_id"):
            rma.message_post(body=_("Credit policy changed by %(user)s: %(changes)s.") % {
                "user": self.env.user.name,
                "changes": "; ".join(
                    "%s %s → %s" % (line.product_id.display_name, names[before[line]], names[line.credit_policy])
                    for line in self if line.rma_id == rma
                ),
            })

    @api.multi
    def _check_can_cancel(self):
        result = super(RmaOrderLine, self)._check_can_cancel()
        credited = self.filtered(
            lambda line: float_compare(line.qty_credited, 0.0, precision_rounding=line.product_uom.rounding) > 0
        )
        if credited:
            raise UserError(
                _("%(products)s cannot be cancelled: they are on credit notes. Cancel the credit notes first.")
                % {"products": ", ".join(credited.mapped("product_id.display_name"))}
            )
        return result
