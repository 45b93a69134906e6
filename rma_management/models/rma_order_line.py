# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, formatLang

from .rma_order import CANCELLED_EDITABLE_FIELDS, LOCKED_STATES, STATES, WORKFLOW_WRITE

OPERATIONS = [
    ("refund", "Refund"),
    ("replace", "Replace"),
    ("repair", "Repair"),
    ("credit_only", "Credit Only"),
    ("no_credit", "Return without Credit"),
]

#: what a line keeps once its RMA left draft: what was authorized, and at which price
LOCKED_LINE_FIELDS = {
    "product_id", "product_uom_qty", "product_uom", "sale_line_id", "rma_id", "price_unit", "tax_ids", "operation",
}

#: changes of these fields are logged in the RMA's chatter
TRACKED_LINE_FIELDS = ("product_id", "product_uom_qty", "product_uom", "price_unit", "operation", "reason_id")


class RmaOrderLine(models.Model):
    _name = "rma.order.line"
    _description = "RMA Line"
    _order = "rma_id, sequence, id"

    rma_id = fields.Many2one("rma.order", string="RMA", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, copy=False, index=True)
    name = fields.Char(string="Description")
    product_id = fields.Many2one(
        "product.product", required=True, index=True, domain=[("rma_returnable", "=", True)],
    )
    product_uom_qty = fields.Float(
        string="Quantity", required=True, default=1.0, digits=dp.get_precision("Product Unit of Measure"),
        help="Authorized quantity.",
    )
    product_uom = fields.Many2one("product.uom", string="Unit of Measure", required=True)
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Origin Sales Order Line", index=True, ondelete="restrict",
    )
    sale_order_id = fields.Many2one(
        related="sale_line_id.order_id", store=True, readonly=True, string="Origin Sales Order", index=True,
    )
    price_unit = fields.Float(string="Credit Unit Price", digits=dp.get_precision("Product Price"))
    tax_ids = fields.Many2many("account.tax", string="Taxes", domain=[("type_tax_use", "=", "sale")])
    price_subtotal = fields.Monetary(compute="_compute_amounts", store=True, string="Subtotal")
    price_tax = fields.Monetary(compute="_compute_amounts", store=True, string="Tax")
    price_total = fields.Monetary(compute="_compute_amounts", store=True, string="Total")
    reason_id = fields.Many2one("rma.reason", string="Return Reason", required=True, index=True)
    operation = fields.Selection(
        OPERATIONS, string="Requested Outcome", required=True, default="refund",
        help="Refund: goods come back, the customer is credited.\n"
        "Replace: goods come back, a replacement goes out.\n"
        "Repair: goods come back, are repaired and go back.\n"
        "Credit only: credit without goods coming back.\n"
        "Return without credit: goods come back, no credit (demo, trial, consignment).",
    )
    # denormalized for searching, grouping and the analysis views
    partner_id = fields.Many2one(
        related="rma_id.commercial_partner_id", store=True, readonly=True, index=True, string="Customer",
    )
    date = fields.Date(related="rma_id.date", store=True, readonly=True, index=True)
    category_id = fields.Many2one(related="rma_id.category_id", store=True, readonly=True)
    company_id = fields.Many2one(related="rma_id.company_id", store=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="rma_id.currency_id", store=True, readonly=True)
    product_categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, readonly=True, string="Product Category",
    )
    return_deadline = fields.Date(
        compute="_compute_return_window", string="Returnable Until",
        help="End of the return window of the policy that applies to this line.",
    )
    out_of_window = fields.Boolean(compute="_compute_return_window", string="Outside Return Window")

    # ------------------------------------------------------------------
    # Computed fields
    # ------------------------------------------------------------------

    @api.depends("product_uom_qty", "price_unit", "tax_ids", "product_id", "rma_id.currency_id", "rma_id.partner_id")
    def _compute_amounts(self):
        for line in self:
            taxes = line.tax_ids.compute_all(
                line.price_unit, line.rma_id.currency_id, line.product_uom_qty,
                product=line.product_id, partner=line.rma_id.partner_id,
            )
            line.price_subtotal = taxes["total_excluded"]
            line.price_total = taxes["total_included"]
            line.price_tax = taxes["total_included"] - taxes["total_excluded"]

    @api.depends("sale_line_id", "product_id", "rma_id.partner_id", "rma_id.date", "rma_id.company_id")
    def _compute_return_window(self):
        # origin orders and policies decide, whoever looks at the return
        delivery_dates = self.sudo()._get_delivery_dates()
        policies = {}
        for line in self:
            delivery_date = delivery_dates.get(line.id)
            key = (line.rma_id.commercial_partner_id, line.rma_id.company_id)
            if key not in policies:
                policies[key] = self.env["rma.return.policy"].sudo()._get_policy(*key)
            policy = policies[key]
            if not (delivery_date and policy):
                line.return_deadline = False
                line.out_of_window = False
                continue
            deadline = delivery_date + timedelta(days=policy._get_window_days(line.product_id))
            line.return_deadline = fields.Date.to_string(deadline)
            line.out_of_window = fields.Date.from_string(line.rma_id.date or fields.Date.today()) > deadline

    @api.multi
    def _get_delivery_dates(self):
        """Date the customer got the goods of each line, by line id: lines
        without origin have none. Without stock, the order's confirmation date;
        rma_management_stock uses the date of the delivery."""
        return {
            line.id: fields.Date.from_string(
                line.sale_line_id.order_id.confirmation_date or line.sale_line_id.order_id.date_order
            )
            for line in self
            if line.sale_line_id
        }

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if not self.product_id:
            return
        self.product_uom = self.product_id.uom_id
        self.name = self.product_id.display_name
        if not self.sale_line_id:
            self.price_unit = self.product_id.lst_price
            self.tax_ids = self.product_id.taxes_id.filtered(
                lambda tax: tax.company_id == self.rma_id.company_id
            )
        if self.rma_id.category_id.default_operation:
            self.operation = self.rma_id.category_id.default_operation

    @api.onchange("sale_line_id")
    def _onchange_sale_line_id(self):
        if self.sale_line_id:
            self.update(self._prepare_from_sale_line(self.sale_line_id))

    @api.model
    def _prepare_from_sale_line(self, sale_line):
        """Values of an RMA line that returns goods of ``sale_line``."""
        return {
            "sale_line_id": sale_line.id,
            "product_id": sale_line.product_id.id,
            "name": sale_line.name,
            "product_uom": sale_line.product_uom.id,
            "price_unit": sale_line.price_reduce,
            "tax_ids": [(6, 0, sale_line.tax_id.ids)],
        }

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("product_uom_qty")
    def _check_quantity_positive(self):
        for line in self:
            if float_compare(line.product_uom_qty, 0.0, precision_rounding=line.product_uom.rounding) <= 0:
                raise ValidationError(
                    _("The quantity to return of %s must be positive.") % line.product_id.display_name
                )

    @api.constrains("product_id", "product_uom")
    def _check_product(self):
        for line in self:
            if not line.product_id.rma_returnable:
                raise ValidationError(_("%s cannot be returned: it is not returnable.") % line.product_id.display_name)
            if line.product_uom.category_id != line.product_id.uom_id.category_id:
                raise ValidationError(
                    _("%(product)s cannot be returned in %(uom)s: choose a unit of the same category as %(ref)s.")
                    % {"product": line.product_id.display_name, "uom": line.product_uom.name,
                       "ref": line.product_id.uom_id.name}
                )

    @api.constrains("sale_line_id", "product_id", "price_unit", "rma_id")
    def _check_origin(self):
        # checked against the origin order even when the user may not read it
        for line in self.sudo().filtered("sale_line_id"):
            sale_line = line.sale_line_id
            order = sale_line.order_id
            if order.partner_id.commercial_partner_id != line.rma_id.commercial_partner_id:
                raise ValidationError(
                    _("Sales order %(order)s belongs to %(partner)s, not to the customer of %(rma)s.")
                    % {"order": order.name, "partner": order.partner_id.display_name, "rma": line.rma_id.name}
                )
            if order.company_id != line.rma_id.company_id:
                raise ValidationError(
                    _("Sales order %(order)s belongs to the company %(company)s, not to the company of %(rma)s.")
                    % {"order": order.name, "company": order.company_id.name, "rma": line.rma_id.name}
                )
            if sale_line.product_id != line.product_id:
                raise ValidationError(
                    _("%(product)s is not the product of the origin line on %(order)s (%(origin)s).")
                    % {"product": line.product_id.display_name, "order": order.name,
                       "origin": sale_line.product_id.display_name}
                )
            if order.currency_id != line.rma_id.currency_id:
                raise ValidationError(
                    _("Sales order %(order)s is in %(order_currency)s, %(rma)s in %(rma_currency)s: "
                      "an RMA has one currency.")
                    % {"order": order.name, "order_currency": order.currency_id.name,
                       "rma": line.rma_id.name, "rma_currency": line.rma_id.currency_id.name}
                )
            original_price = sale_line.product_uom._compute_price(sale_line.price_reduce, line.product_uom)
            if float_compare(line.price_unit, original_price, precision_digits=self._price_digits()) > 0:
                raise ValidationError(
                    _("The credit price of %(product)s (%(price)s) cannot exceed its original unit price "
                      "on %(order)s (%(original)s).")
                    % {"product": line.product_id.display_name, "price": line.price_unit,
                       "order": order.name, "original": original_price}
                )

    @api.constrains("product_uom_qty", "product_uom", "sale_line_id", "state")
    def _check_returnable_quantity(self):
        lines = self.sudo().filtered(lambda line: line.sale_line_id and line.state != "cancel")
        authorized = lines.mapped("sale_line_id")._get_rma_authorized_qty(exclude=lines)
        for line in lines:
            sale_line = line.sale_line_id
            others = authorized.get(sale_line.id, 0.0) + sum(
                other.product_uom._compute_quantity(other.product_uom_qty, sale_line.product_uom)
                for other in lines
                if other.sale_line_id == sale_line and other != line
            )
            left = sale_line.product_uom._compute_quantity(
                sale_line.qty_delivered - others, line.product_uom, rounding_method="HALF-UP"
            )
            if float_compare(line.product_uom_qty, left, precision_rounding=line.product_uom.rounding) > 0:
                raise ValidationError(
                    _("You cannot return %(qty)s %(uom)s of %(product)s from %(order)s: the customer received "
                      "%(delivered)s %(sale_uom)s and %(others)s are already on other RMAs, "
                      "so at most %(left)s can come back.")
                    % {
                        "qty": self._format_qty(line.product_uom_qty), "uom": line.product_uom.name,
                        "product": line.product_id.display_name, "order": sale_line.order_id.name,
                        "delivered": self._format_qty(sale_line.qty_delivered),
                        "sale_uom": sale_line.product_uom.name,
                        "others": self._format_qty(others), "left": self._format_qty(max(left, 0.0)),
                    }
                )

    @api.model
    def _format_qty(self, quantity):
        return formatLang(self.env, quantity, dp="Product Unit of Measure")

    @api.model
    def _price_digits(self):
        return self.env["decimal.precision"].precision_get("Product Price")

    # ------------------------------------------------------------------
    # ORM: locks and chatter history
    # ------------------------------------------------------------------

    @api.model
    def create(self, vals):
        rma = self.env["rma.order"].browse(vals.get("rma_id"))
        if rma.state in LOCKED_STATES:
            raise UserError(_("Lines cannot be added to %s any more.") % rma.name)
        if not vals.get("operation") and rma.category_id.default_operation:
            vals["operation"] = rma.category_id.default_operation
        if not vals.get("product_uom") and vals.get("product_id"):
            vals["product_uom"] = self.env["product.product"].browse(vals["product_id"]).uom_id.id
        line = super(RmaOrderLine, self).create(vals)
        if not self.env.context.get("rma_skip_line_log"):
            line.rma_id.message_post(body=_("Line added: %s") % line._describe())
        return line

    @api.multi
    def write(self, vals):
        self._check_line_editable(vals)
        tracked = [name for name in TRACKED_LINE_FIELDS if name in vals]
        before = {line: line._describe() for line in self} if tracked else {}
        result = super(RmaOrderLine, self).write(vals)
        if tracked:
            self._log_changes(before)
        return result

    @api.multi
    def unlink(self):
        if any(line.state != "draft" for line in self):
            raise UserError(_("Only lines of draft RMAs can be deleted; cancel the line instead."))
        for rma in self.mapped("rma_id"):
            rma.message_post(body=_("Line removed: %s") % ", ".join(
                line._describe() for line in self if line.rma_id == rma
            ))
        return super(RmaOrderLine, self).unlink()

    @api.multi
    def _check_line_editable(self, vals):
        if "state" in vals and self.env.context.get("rma_workflow") is not WORKFLOW_WRITE:
            raise UserError(_("The state of an RMA line changes through the RMA's actions only."))
        if any(line.state == "cancel" for line in self) and set(vals) - CANCELLED_EDITABLE_FIELDS:
            raise UserError(_("A cancelled RMA line cannot be modified."))
        target = self.env["rma.order"].browse(vals.get("rma_id"))
        if target.state in LOCKED_STATES:
            raise UserError(_("Lines cannot be added to or removed from %s any more.") % target.name)
        locked = self.filtered(lambda line: line.state in LOCKED_STATES)
        if locked and LOCKED_LINE_FIELDS & set(vals):
            raise UserError(
                _("The product, origin, authorized quantity, price and outcome of the lines of %s "
                  "can no longer be changed.")
                % ", ".join(locked.mapped("rma_id.name"))
            )

    @api.multi
    def _describe(self):
        self.ensure_one()
        return _("%(qty)s %(uom)s of %(product)s at %(price)s (%(operation)s, %(reason)s)") % {
            "qty": self._format_qty(self.product_uom_qty),
            "uom": self.product_uom.name,
            "product": self.product_id.display_name,
            "price": self.price_unit,
            "operation": dict(self._fields["operation"]._description_selection(self.env)).get(self.operation),
            "reason": self.reason_id.name,
        }

    @api.multi
    def _log_changes(self, before):
        for rma in self.mapped("rma_id"):
            changes = [
                "%s → %s" % (before[line], line._describe())
                for line in self
                if line.rma_id == rma and before[line] != line._describe()
            ]
            if changes:
                rma.message_post(body=_("Line changed: %s") % "; ".join(changes))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.multi
    def _check_can_cancel(self):
        """Extension point: nothing received or credited on the line."""
        for line in self:
            if line.state in ("done", "cancel"):
                raise UserError(_("The line %s is already resolved or cancelled.") % line.product_id.display_name)

    @api.multi
    def action_cancel(self):
        """Cancel single lines of an RMA, while nothing happened on them."""
        self._check_can_cancel()
        self.with_context(rma_workflow=WORKFLOW_WRITE).write({"state": "cancel"})
        for rma in self.mapped("rma_id"):
            rma.message_post(body=_("Line cancelled: %s") % ", ".join(
                line._describe() for line in self if line.rma_id == rma
            ))
        return True
