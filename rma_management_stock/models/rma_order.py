# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import UserError, ValidationError

from .rma_order_line import STOCK_STATUSES

#: display status of an approved RMA from the least advanced of its lines
LINE_TO_RMA_STATUS = {
    "inspect": "waiting_inspection",
    "action": "waiting_action",
    "progress": "in_progress",
    "ready": "ready_to_ship",
    "shipped": "shipped",
    "resolved": "done",
}
LINE_STATUS_ORDER = [status for status, _label in STOCK_STATUSES]


class RmaOrder(models.Model):
    _inherit = "rma.order"

    status = fields.Selection(selection_add=[
        ("pending_receipt", "Pending Receipt"),
        ("partially_received", "Partially Received"),
        ("waiting_inspection", "Waiting for Inspection"),
        ("waiting_action", "Waiting for Action"),
        ("in_progress", "In Progress"),
        ("ready_to_ship", "Ready for Shipment"),
        ("shipped", "Shipped"),
        ("delivered", "Delivered"),
    ])
    warehouse_id = fields.Many2one(
        "stock.warehouse", index=True, readonly=True, states={"draft": [("readonly", False)]},
        default=lambda self: self._default_warehouse_id(),
        help="Where the returned goods arrive and from where replacements leave.",
    )
    picking_ids = fields.One2many("stock.picking", "rma_id", string="Transfers", readonly=True)
    receipt_count = fields.Integer(compute="_compute_picking_counts", string="Receipts")
    delivery_count = fields.Integer(compute="_compute_picking_counts", string="Deliveries")
    delivered_date = fields.Datetime(
        readonly=True, copy=False, track_visibility="onchange",
        help="When the customer confirmed getting the shipped goods.",
    )

    @api.model
    def _default_warehouse_id(self):
        return self._company_warehouse(self.env["res.company"]._company_default_get("rma.order"))

    @api.model
    def _company_warehouse(self, company):
        return self.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)

    @api.model
    def _get_workflow_fields(self):
        """Marked by Mark Delivered only."""
        return super(RmaOrder, self)._get_workflow_fields() | {"delivered_date"}

    @api.model
    def _get_locked_fields(self):
        """Receipts and deliveries of an approved RMA go through its warehouse."""
        return super(RmaOrder, self)._get_locked_fields() | {"warehouse_id"}

    @api.onchange("company_id")
    def _onchange_company_id_warehouse(self):
        if self.company_id and self.warehouse_id.company_id != self.company_id:
            self.warehouse_id = self._company_warehouse(self.company_id)

    @api.model
    def create(self, vals):
        """An RMA created for another company than the user's gets that company's warehouse."""
        self._check_workflow_vals(vals, create=True)  # before vals are read
        if vals.get("company_id") and "warehouse_id" not in vals:
            company = self.env["res.company"].browse(vals["company_id"])
            vals = dict(vals, warehouse_id=self._company_warehouse(company).id)
        return super(RmaOrder, self).create(vals)

    @api.constrains("warehouse_id", "company_id")
    def _check_warehouse_company(self):
        for rma in self:
            if rma.warehouse_id and rma.warehouse_id.company_id != rma.company_id:
                raise ValidationError(
                    _("The warehouse %(warehouse)s of %(rma)s belongs to another company.")
                    % {"warehouse": rma.warehouse_id.name, "rma": rma.name}
                )

    @api.depends("picking_ids.picking_type_code")
    def _compute_picking_counts(self):
        for rma in self:
            # RMA users without stock rights see the counts too
            codes = rma.sudo().picking_ids.mapped("picking_type_code")
            rma.receipt_count = codes.count("incoming")
            rma.delivery_count = codes.count("outgoing")

    @api.depends("state", "rejection_reason", "line_ids.stock_status", "line_ids.qty_received",
                 "line_ids.state", "delivered_date")
    def _compute_status(self):
        return super(RmaOrder, self)._compute_status()

    @api.multi
    def _get_progress_status(self):
        """The least advanced active line gives the status."""
        lines = self.sudo().line_ids.filtered(lambda line: line.state != "cancel" and line.move_ids)
        if not lines:
            return super(RmaOrder, self)._get_progress_status()
        statuses = set(lines.mapped("stock_status"))
        if statuses & {"pending", "partial"}:
            received = "partial" in statuses or any(lines.mapped("qty_received"))
            return "partially_received" if received else "pending_receipt"
        status = LINE_TO_RMA_STATUS[min(statuses, key=LINE_STATUS_ORDER.index)]
        if status == "shipped" and self.delivered_date:
            return "delivered"
        return status

    # ------------------------------------------------------------------
    # Receipts
    # ------------------------------------------------------------------

    @api.multi
    def _action_approve(self):
        result = super(RmaOrder, self)._action_approve()
        # approving is the RMA user's right; the receipt follows from it, like a sale's delivery
        self.sudo()._create_receipts()
        return result

    @api.multi
    def _create_receipts(self):
        """One incoming picking per RMA for the lines whose goods come back
        and that have no receipt yet."""
        pickings = self.env["stock.picking"]
        for rma in self:
            lines = rma.line_ids._filter_to_receive().filtered(lambda line: not line.move_ids)
            if lines:
                with workflow_write():  # the picking and its moves point at the RMA and its lines
                    picking = pickings.create(rma._prepare_receipt_picking(lines))
                # the picking gives its destination to its new moves: restore those going straight to stock
                picking.move_lines.filtered(lambda move: move.rma_disposition == "stock").write(
                    {"location_dest_id": rma.warehouse_id.lot_stock_id.id}
                )
                pickings |= picking
        if pickings:
            pickings.action_confirm()
            pickings.action_assign()
        return pickings

    @api.multi
    def _prepare_receipt_picking(self, lines):
        self.ensure_one()
        if not self.warehouse_id.rma_in_type_id:
            raise UserError(_("Set a warehouse with an RMA Receipts operation type on %s.") % self.name)
        picking_type = self.warehouse_id.rma_in_type_id
        return {
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "origin": self.name,
            "location_id": self.partner_id.property_stock_customer.id,
            "location_dest_id": picking_type.default_location_dest_id.id,
            "company_id": self.company_id.id,
            "rma_id": self.id,
            "is_rma_return": True,
            "move_lines": [(0, 0, line._prepare_receipt_move(picking_type)) for line in lines],
        }

    # ------------------------------------------------------------------
    # Hooks for other addons, called once per event with all lines concerned
    # ------------------------------------------------------------------

    @api.multi
    def _after_receipt(self, lines):
        """Called after a receipt was validated, with the RMA lines whose
        received quantity grew (of all RMAs in ``self``)."""
        return True

    @api.multi
    def _after_inspection(self, lines):
        """Called after an inspection was recorded on ``lines``."""
        return True

    @api.multi
    def _auto_resolve(self):
        """Resolve the approved RMAs on which nothing is pending and no goods go out."""
        resolved = self.filtered(lambda rma: rma.state == "approved" and rma.status == "done")
        if resolved:
            resolved._set_state("done")
        return resolved

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.multi
    def _action_cancel(self):
        # cancelled first, so that its cancelled pickings do not resolve it
        result = super(RmaOrder, self)._action_cancel()
        self.sudo().mapped("picking_ids").filtered(
            lambda picking: picking.state not in ("done", "cancel")
        ).action_cancel()
        return result

    @api.multi
    def action_mark_delivered(self):
        """The customer got everything that was shipped."""
        self.env["rma.order.line"]._check_warehouse_user(_("mark returns as delivered"))
        for rma in self:
            if rma.status != "shipped":
                raise UserError(_("Only shipped RMAs can be marked as delivered: %s is not.") % rma.name)
        with workflow_write():
            self.write({"delivered_date": fields.Datetime.now()})
        return True

    @api.multi
    def action_close_receipt(self):
        return self.mapped("line_ids")._get_open_moves("in").mapped("rma_line_id").action_close_receipt()

    @api.multi
    def _action_view_pickings(self, code):
        self.ensure_one()
        pickings = self.picking_ids.filtered(lambda picking: picking.picking_type_code == code)
        action = self._records_action("stock.action_picking_tree_all", pickings)
        action["context"] = {}
        return action

    @api.multi
    def action_view_receipts(self):
        return self._action_view_pickings("incoming")

    @api.multi
    def action_view_deliveries(self):
        return self._action_view_pickings("outgoing")
