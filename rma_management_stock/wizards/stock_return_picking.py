# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import UserError


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    create_rma = fields.Boolean(
        string="Create RMA",
        help="Create an RMA for the returned products, confirmed like any other: approved, or waiting for a "
             "manager when the return window, category or amount require it. This return is its receipt.",
    )
    rma_reason_id = fields.Many2one("rma.reason", string="Return Reason")
    rma_operation_id = fields.Many2one(
        "rma.operation", string="Requested Outcome",
        default=lambda self: self.env["rma.order.line"]._default_operation_id(),
    )

    @api.onchange("create_rma")
    def _onchange_create_rma(self):
        rma_location = self.picking_id.picking_type_id.warehouse_id.rma_loc_id
        if self.create_rma and rma_location:
            self.location_id = rma_location

    @api.multi
    def _create_returns(self):
        if self.create_rma and not self.rma_reason_id:
            raise UserError(_("Give the return reason of the RMA to create."))
        self._onchange_create_rma()  # into RMA Input for callers that skip the form too
        returns = self
        rma_type = self.create_rma and self.picking_id.picking_type_id.warehouse_id.rma_in_type_id
        if rma_type:
            # received like any RMA receipt, so it shows on the warehouse's RMA Receipts card
            returns = self.with_context(rma_return_picking_type_id=rma_type.id)
        new_picking_id, picking_type_id = super(StockReturnPicking, returns)._create_returns()
        if self.create_rma:
            self._create_rma(self.env["stock.picking"].browse(new_picking_id))
        return new_picking_id, picking_type_id

    @api.multi
    def _create_rma(self, picking):
        """A confirmed RMA whose receipt is the return ``picking``: the same
        approval rules as any other RMA apply to it."""
        self.ensure_one()
        origin = self.picking_id
        partner = origin.sale_id.partner_id or origin.partner_id
        rma = self.env["rma.order"].create({
            "partner_id": partner.id,
            "company_id": picking.company_id.id,
            "warehouse_id": origin.picking_type_id.warehouse_id.id,
            "currency_id": (origin.sale_id.currency_id or picking.company_id.currency_id).id,
            "customer_reference": origin.sale_id.client_order_ref,
        })
        lines = self.env["rma.order.line"].with_context(rma_skip_line_log=True)
        for move in picking.move_lines:
            line = lines.create(dict(self._prepare_rma_line(move), rma_id=rma.id))
            with workflow_write():
                move.write({"rma_line_id": line.id, "price_unit": line._get_original_unit_cost()})
        with workflow_write():
            picking.write({"rma_id": rma.id, "is_rma_return": True})
        # the RMA decides about the credit: Odoo's own "To Refund" would lower the delivered quantity
        picking.move_lines.write({"to_refund": False})
        # approved now or by a manager later, the return stays its receipt: lines with moves get no other
        rma.action_confirm()
        rma.message_post(body=_("Created from the return %(picking)s of %(origin)s.") % {
            "picking": picking.name, "origin": origin.name,
        })
        return rma

    @api.multi
    def _prepare_rma_line(self, move):
        sale_line = move.origin_returned_move_id.sale_line_id
        values = self.env["rma.order.line"]._prepare_from_sale_line(sale_line) if sale_line else {
            "product_id": move.product_id.id,
            "name": move.product_id.display_name,
            "price_unit": 0.0,
        }
        if sale_line:
            # the return is in the product's unit, the sale may have been in another
            values["price_unit"] = sale_line.product_uom._compute_price(values["price_unit"], move.product_uom)
        values.update(
            product_uom_qty=move.product_uom_qty,
            product_uom=move.product_uom.id,
            reason_id=self.rma_reason_id.id,
            operation_id=self.rma_operation_id.id,
        )
        return values
