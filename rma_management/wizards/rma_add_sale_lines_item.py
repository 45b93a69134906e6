# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.tools import float_compare, float_is_zero


class RmaAddSaleLinesItem(models.TransientModel):
    _name = "rma.add.sale.lines.item"
    _inherit = ["rma.value.guard"]
    _description = "Product to Return from a Sales Order"

    wizard_id = fields.Many2one("rma.add.sale.lines", required=True, ondelete="cascade")
    selected = fields.Boolean(string="Return", help="Ticked as soon as a quantity to return is typed.")
    sale_line_id = fields.Many2one("sale.order.line", string="Order Line", required=True, readonly=True)
    product_id = fields.Many2one(related="sale_line_id.product_id", readonly=True)
    product_uom = fields.Many2one(related="sale_line_id.product_uom", readonly=True)
    qty_delivered = fields.Float(
        related="sale_line_id.qty_delivered", readonly=True, digits=dp.get_precision("Product Unit of Measure"),
    )
    qty_returnable = fields.Float(
        string="Returnable", compute="_compute_returnable", digits=dp.get_precision("Product Unit of Measure"),
        help="Delivered and not yet on another RMA.",
    )
    can_return = fields.Boolean(compute="_compute_returnable")
    quantity = fields.Float(string="Quantity to Return", digits=dp.get_precision("Product Unit of Measure"))
    reason_id = fields.Many2one("rma.reason", string="Return Reason", help="Empty: the wizard's reason.")
    rma_operation_id = fields.Many2one(
        "rma.operation", string="Requested Outcome", help="Empty: the wizard's outcome.",
    )
    note = fields.Char(compute="_compute_note", help="Why the line cannot come back, or what is wrong with it.")

    @api.depends("sale_line_id", "wizard_id.company_id")
    def _compute_returnable(self):
        default_company = self.env.user.company_id
        for company in self.mapped("wizard_id.company_id") | default_company:
            items = self.filtered(
                lambda item, company=company: (item.wizard_id.company_id or default_company) == company)
            templates = items.mapped("product_id.product_tmpl_id").with_context(force_company=company.id)
            returnable = {template.id for template in templates if template.rma_returnable}
            for item in items:
                item.qty_returnable = item.sale_line_id.qty_returnable
                item.can_return = bool(
                    item.product_id.product_tmpl_id.id in returnable and item._is_above(item.qty_returnable, 0.0)
                )

    @api.depends("can_return", "quantity", "qty_returnable")
    def _compute_note(self):
        for item in self:
            item.note = item._get_refusal()

    @api.multi
    def _is_above(self, quantity, limit):
        self.ensure_one()
        return float_compare(quantity, limit, precision_rounding=self.product_uom.rounding or 0.01) > 0

    @api.multi
    def _get_operation(self):
        """The line's outcome, else the wizard's."""
        self.ensure_one()
        return self.rma_operation_id or self.wizard_id.rma_operation_id

    @api.multi
    def _get_reason(self):
        """The line's reason, else the wizard's, else its outcome's default reason."""
        self.ensure_one()
        return self.reason_id or self.wizard_id.reason_id or self._get_operation().reason_id

    @api.multi
    def _get_quantity(self):
        """The quantity to return: a line ticked without one returns all that can come back."""
        self.ensure_one()
        if float_is_zero(self.quantity, precision_rounding=self.product_uom.rounding or 0.01):
            return self.qty_returnable
        return self.quantity

    @api.multi
    def _get_refusal(self):
        """Why this line cannot come back as it stands, or False."""
        self.ensure_one()
        if self.can_return:
            if self._is_above(self.quantity, self.qty_returnable):
                return _("Only %(qty)s %(uom)s can come back.") % {
                    "qty": self.qty_returnable, "uom": self.product_uom.name,
                }
            return False
        if not self.product_id.product_tmpl_id.with_context(
                force_company=self.wizard_id.company_id.id or self.env.user.company_id.id).rma_returnable:
            return _("Not returnable.")
        if not self._is_above(self.qty_delivered, 0.0):
            return _("Not delivered yet.")
        return _("Already returned: every delivered unit is on an RMA.")

    @api.onchange("quantity")
    def _onchange_quantity(self):
        """Typing a quantity ticks the line (one click and the figure, not two
        clicks on Odoo's checkbox); the excess is flagged before Create."""
        self.selected = self._is_above(self.quantity, 0.0)
        refusal = self.quantity and self._get_refusal()
        if refusal:
            return {"warning": {"title": _("Quantity to Return"), "message": "%s: %s" % (
                self.product_id.display_name, refusal)}}
        return {}

    @api.onchange("selected")
    def _onchange_selected(self):
        """Ticking a line proposes what can still come back; unticking clears it."""
        if not self.selected:
            self.quantity = 0.0
        elif not self._is_above(self.quantity, 0.0):
            self.quantity = self.qty_returnable
