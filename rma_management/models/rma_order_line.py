# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import column_exists, convert_file, float_compare, float_round, formatLang

from .rma_order import CANCELLED_EDITABLE_FIELDS, LOCKED_STATES, STATES
from .rma_workflow_guard import changes_value, workflow_write

#: what a line keeps once its RMA left draft: what was authorized, and at which price
LOCKED_LINE_FIELDS = {
    "product_id", "product_uom_qty", "product_uom", "sale_line_id", "rma_id", "price_unit", "tax_ids", "operation_id",
}

#: where the upgrade to return types keeps the old outcome of the lines (see migrations/11.0.1.3.0)
LEGACY_OPERATION_COLUMN = "legacy_operation"

#: changes of these fields are logged in the RMA's chatter
TRACKED_LINE_FIELDS = ("product_id", "product_uom_qty", "product_uom", "price_unit", "operation_id", "reason_id")


class RmaOrderLine(models.Model):
    _name = "rma.order.line"
    _description = "RMA Line"
    _inherit = ["rma.workflow.guard"]
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
    operation_id = fields.Many2one(
        "rma.operation", string="Requested Outcome", required=True, index=True, ondelete="restrict",
        default=lambda self: self._default_operation_id(),
        help="The return type: whether goods come back, what goes out, when the customer is credited "
        "(Configuration > Return Types).",
    )
    operation_description = fields.Text(related="operation_id.description", readonly=True,
                                        string="What the Customer Gets")
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

    @api.model
    def _default_operation_id(self):
        """Refund, as the Return wizards propose it."""
        return self.env.ref("rma_management.rma_operation_refund", raise_if_not_found=False) \
            or self.env["rma.operation"]

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
        if self.rma_id.category_id.default_operation_id:
            self.operation_id = self.rma_id.category_id.default_operation_id

    @api.onchange("operation_id")
    def _onchange_operation_id(self):
        if not self.reason_id and self.operation_id.reason_id:
            self.reason_id = self.operation_id.reason_id

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

    @api.constrains("product_uom_qty", "product_uom")
    def _check_quantity_rounding(self):
        for line in self:
            line._check_qty_rounding(line.product_uom_qty, line.product_uom, line.product_id)

    @api.model
    def _check_qty_rounding(self, quantity, uom, product):
        """Units are counted in steps of their unit's rounding: 2.5 of a unit
        rounded to 1 cannot come back nor go out. Used by the line and by
        the wizards that move its goods."""
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        rounded = float_round(quantity, precision_rounding=uom.rounding)
        if float_compare(quantity, rounded, precision_digits=digits):
            raise ValidationError(
                _("%(qty)s %(uom)s of %(product)s is not a quantity of that unit: %(uom)s are counted in steps "
                  "of %(rounding)s.")
                % {"qty": quantity, "uom": uom.name, "product": product.display_name, "rounding": uom.rounding}
            )
        return True

    @api.constrains("price_unit")
    def _check_price_positive(self):
        for line in self:
            if float_compare(line.price_unit, 0.0, precision_digits=self._price_digits()) < 0:
                raise ValidationError(
                    _("The credit price of %s cannot be negative.") % line.product_id.display_name
                )

    @api.multi
    def _get_product_setting(self, name):
        """The product's returns setting ``name`` (Returnable, Inspection
        Required) as the RMA's company has it, whoever reads it: those flags
        are per company."""
        self.ensure_one()
        # read for the RMA's other lines too: they are asked next, and then find it in the cache
        return (self.rma_id.line_ids | self)._get_product_settings(name)[self.id]

    @api.multi
    def _get_product_settings(self, name):
        """``_get_product_setting`` of these lines, by line id, read at once
        for each company (then cached for every caller, see ``_in_company``)."""
        values = {}
        for company in set(self.mapped("rma_id.company_id")) or {None}:
            lines = self.filtered(lambda line, company=company: not company or line.rma_id.company_id == company)
            # on the template: the product's copy of the field is cached for every company alike
            templates = lines.mapped("rma_id")[:1]._in_rma_company(lines.mapped("product_id.product_tmpl_id"))
            by_template = dict(zip(templates.ids, templates.mapped(name), strict=True))
            values.update((line.id, by_template.get(line.product_id.product_tmpl_id.id, False)) for line in lines)
        return values

    @api.constrains("product_id", "product_uom")
    def _check_product(self):
        returnable = self._get_product_settings("rma_returnable")
        for line in self:
            if not returnable[line.id]:
                raise ValidationError(_("%s cannot be returned: it is not returnable.") % line.product_id.display_name)
            if line.product_uom.category_id != line.product_id.uom_id.category_id:
                raise ValidationError(
                    _("%(product)s cannot be returned in %(uom)s: choose a unit of the same category as %(ref)s.")
                    % {"product": line.product_id.display_name, "uom": line.product_uom.name,
                       "ref": line.product_id.uom_id.name}
                )

    @api.multi
    def _is_positive(self, name):
        """Whether the quantity field ``name`` of the line is above zero, in its unit's rounding."""
        self.ensure_one()
        return float_compare(self[name], 0.0, precision_rounding=self.product_uom.rounding) > 0

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
    def _get_workflow_fields(self):
        return super(RmaOrderLine, self)._get_workflow_fields() | {"state"}

    @api.model_cr_context
    def _init_column(self, column_name):
        """On upgrade from the outcome selection, each line takes the standard
        type of its old outcome as the required column is created: the
        standard types are loaded now, before the module's data."""
        if column_name != "operation_id" or not column_exists(self.env.cr, self._table, LEGACY_OPERATION_COLUMN):
            return super(RmaOrderLine, self)._init_column(column_name)
        convert_file(self.env.cr, "rma_management", "data/rma_operation_data.xml", {}, mode="init", noupdate=True)
        self.env.cr.execute(
            "UPDATE rma_order_line line SET operation_id = imd.res_id FROM ir_model_data imd "
            "WHERE imd.module = 'rma_management' AND imd.model = 'rma.operation' "
            "AND imd.name = 'rma_operation_' || line.legacy_operation"
        )
        return None

    @api.model
    def _get_locked_line_fields(self):
        """What a line keeps once its RMA left draft: what was authorized, at
        which price, why. Extension point."""
        return LOCKED_LINE_FIELDS | self._get_manager_line_fields()

    @api.model
    def _get_manager_line_fields(self):
        """Locked fields that an RMA manager may still change, tracked in the
        RMA's chatter. Extension point (the account addon refuses them once
        something is credited)."""
        return {"reason_id"}

    @api.model
    def create(self, vals):
        self._check_workflow_vals(vals, create=True)
        rma = self.env["rma.order"].browse(vals.get("rma_id"))
        if rma.state in LOCKED_STATES:
            raise UserError(_("Lines cannot be added to %s any more.") % rma.name)
        if not vals.get("operation_id") and rma.category_id.default_operation_id:
            vals["operation_id"] = rma.category_id.default_operation_id.id
        if not vals.get("reason_id"):
            operation = self.env["rma.operation"].browse(vals.get("operation_id")) or self._default_operation_id()
            if operation.reason_id:
                vals["reason_id"] = operation.reason_id.id
        if not vals.get("product_uom") and vals.get("product_id"):
            vals["product_uom"] = self.env["product.product"].browse(vals["product_id"]).uom_id.id
        line = super(RmaOrderLine, self._without_workflow_defaults()).create(vals)
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
        self._check_workflow_vals(vals)
        if any(line.state == "cancel" for line in self) and set(vals) - CANCELLED_EDITABLE_FIELDS:
            raise UserError(_("A cancelled RMA line cannot be modified."))
        target = self.env["rma.order"].browse(vals.get("rma_id"))
        if target.state in LOCKED_STATES:
            raise UserError(_("Lines cannot be added to or removed from %s any more.") % target.name)
        locked = self.filtered(lambda line: line.state in LOCKED_STATES)
        locked_fields = self._get_locked_line_fields() & set(vals)
        if not (locked and locked_fields):
            return
        if locked_fields - self._get_manager_line_fields():
            raise UserError(
                _("The product, origin, authorized quantity, price and outcome of the lines of %s "
                  "can no longer be changed.")
                % ", ".join(locked.mapped("rma_id.name"))
            )
        changes = {name: vals[name] for name in locked_fields if changes_value(locked, name, vals[name])}
        if not changes:
            return
        if not self.env.user.has_group("rma_management.group_rma_manager"):
            raise AccessError(
                _("Only RMA managers can change %(fields)s of the lines of %(rmas)s once confirmed.")
                % {"fields": ", ".join(self._fields[name].string for name in sorted(changes)),
                   "rmas": ", ".join(locked.mapped("rma_id.name"))}
            )
        locked._check_manager_line_change(changes)

    @api.multi
    def _check_manager_line_change(self, changes):
        """Extension point: may a manager write ``changes`` (field name to
        value) on these locked lines? Nothing refuses it in the core."""
        return True

    @api.multi
    def _describe(self):
        self.ensure_one()
        return _("%(qty)s %(uom)s of %(product)s at %(price)s (%(operation)s, %(reason)s)") % {
            "qty": self._format_qty(self.product_uom_qty),
            "uom": self.product_uom.name,
            "product": self.product_id.display_name,
            "price": self.price_unit,
            "operation": self.operation_id.name,
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
        with workflow_write():
            self.write({"state": "cancel"})
        for rma in self.mapped("rma_id"):
            rma.message_post(body=_("Line cancelled: %s") % ", ".join(
                line._describe() for line in self if line.rma_id == rma
            ))
        return True
