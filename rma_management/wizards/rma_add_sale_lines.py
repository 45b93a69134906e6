# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class RmaAddSaleLines(models.TransientModel):
    """Return products of a sales order: a new RMA (from the order) or more
    lines on a draft RMA (from the RMA, possibly from another order of the
    same customer)."""

    _name = "rma.add.sale.lines"
    _inherit = ["rma.value.guard"]
    _description = "Return Products of a Sales Order"

    rma_id = fields.Many2one("rma.order", string="RMA")
    partner_id = fields.Many2one("res.partner", string="Customer")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.user.company_id)
    sale_order_id = fields.Many2one(
        "sale.order", string="Sales Order", required=True,
        domain="[('state', 'in', ('sale', 'done')), ('partner_id', 'child_of', partner_id or []),"
               " ('company_id', '=', company_id)]",
    )
    reason_id = fields.Many2one("rma.reason", string="Return Reason",
                                help="For every product whose line gives none.")
    rma_operation_id = fields.Many2one(
        "rma.operation", string="Requested Outcome", required=True,
        default=lambda self: self.env["rma.order.line"]._default_operation_id(),
        help="For every product whose line gives none.",
    )
    category_id = fields.Many2one("rma.category")
    item_ids = fields.One2many("rma.add.sale.lines.item", "wizard_id", string="Products")

    @api.model
    def default_get(self, fields_list):
        values = super(RmaAddSaleLines, self).default_get(fields_list)
        order = self.env["sale.order"].browse(values.get("sale_order_id"))
        if order and "item_ids" in fields_list:
            values["item_ids"] = self._prepare_items(order)
        return values

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        self.item_ids = self._prepare_items(self.sale_order_id)

    @api.model
    def _prepare_items(self, order):
        """One item per product line of ``order``, nothing to return yet: the
        items say what can still come back, and why not."""
        lines = order.order_line.filtered(lambda line: line.product_id and not line.is_downpayment)
        return [(5, 0, 0)] + [(0, 0, {"sale_line_id": line.id, "quantity": 0.0}) for line in lines]

    @api.multi
    def action_add_lines(self):
        """Create the RMA (or add to it) with the ticked items; open it."""
        self.ensure_one()
        items = self.item_ids.filtered("selected")
        if not items:
            raise UserError(_("Tick at least one product to return."))
        self._check_items(items)
        if self.rma_id and self.rma_id.state != "draft":
            raise UserError(_("Lines can only be added to draft RMAs: %s is not.") % self.rma_id.name)
        line_commands = [(0, 0, self._prepare_rma_line(item)) for item in items]
        rma = self.rma_id
        if rma:
            rma.write({"line_ids": line_commands})
        else:
            rma = self.env["rma.order"].create(dict(self._prepare_rma(), line_ids=line_commands))
        return {
            "type": "ir.actions.act_window",
            "res_model": "rma.order",
            "res_id": rma.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.multi
    def _check_items(self, items):
        """Refuse, in one message, every ticked line that cannot come back as typed."""
        self.ensure_one()
        problems = []
        for item in items:
            refusal = item._get_refusal()
            if not refusal and not item._is_above(item._get_quantity(), 0.0):
                refusal = _("Give a quantity to return above zero.")
            if not refusal and not item._get_reason():
                refusal = _("Give the return reason, on the line or for all products.")
            if refusal:
                problems.append("%s: %s" % (item.product_id.display_name, refusal))
        if problems:
            raise UserError(_("These products cannot be returned as entered:\n%s") % "\n".join(problems))
        return True

    @api.multi
    def _prepare_rma(self):
        order = self.sale_order_id
        return {
            "partner_id": order.partner_id.id,
            "company_id": order.company_id.id,
            "currency_id": order.currency_id.id,
            "category_id": self.category_id.id,
            "customer_reference": order.client_order_ref,
        }

    @api.multi
    def _prepare_rma_line(self, item):
        values = self.env["rma.order.line"]._prepare_from_sale_line(item.sale_line_id)
        values.update(
            product_uom_qty=item._get_quantity(),
            reason_id=item._get_reason().id,
            operation_id=item._get_operation().id,
        )
        return values
