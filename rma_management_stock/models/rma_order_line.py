# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from .rma_operation import DELIVERY_POLICIES, INSPECTION_POLICIES, RECEIPT_POLICIES
from .stock_move import DISPOSITIONS

#: inspection outcomes that passed the goods
ACCEPTED_DISPOSITIONS = ("stock", "refurbish")

#: where a line stands in the warehouse, least advanced first
STOCK_STATUSES = [
    ("pending", "Pending Receipt"),
    ("partial", "Partially Received"),
    ("inspect", "Waiting for Inspection"),
    ("decide", "To Decide"),
    ("action", "Waiting for Action"),
    ("progress", "In Progress"),
    ("ready", "Ready for Shipment"),
    ("shipped", "Shipped"),
    ("stocked", "Received to Stock"),
    ("resolved", "Resolved"),
]

#: what an inspection records on the line
INSPECTION_FIELDS = {"inspection_result", "inspection_user_id", "inspection_date", "inspection_note"}

INSPECTION_RESULTS = [
    ("passed", "Passed"),
    ("partial", "Partially Passed"),
    ("failed", "Failed"),
]


class RmaOrderLine(models.Model):
    _inherit = "rma.order.line"

    move_ids = fields.One2many("stock.move", "rma_line_id", string="Stock Moves", readonly=True)
    scrap_ids = fields.One2many("stock.scrap", "rma_line_id", string="Scrap Orders", readonly=True)
    lot_ids = fields.Many2many(
        "stock.production.lot", compute="_compute_lot_ids", string="Lots/Serial Numbers",
        help="Lots or serial numbers of the returned units, as entered on receipt.",
    )
    qty_received = fields.Float(
        compute="_compute_stock_quantities", store=True, string="Received",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Received from the customer, minus what was returned to the customer from those receipts.",
    )
    qty_inspected = fields.Float(
        compute="_compute_stock_quantities", store=True, string="Inspected",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Received units for which a disposition was recorded.",
    )
    qty_to_inspect = fields.Float(
        compute="_compute_stock_quantities", store=True, string="To Inspect",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Received units still in the RMA input location, waiting for a decision.",
    )
    qty_accepted = fields.Float(
        compute="_compute_stock_quantities", store=True, string="Accepted",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Units that passed inspection: returned to stock or sent to refurbishing.",
    )
    qty_in_quarantine = fields.Float(
        compute="_compute_stock_quantities", store=True, string="In Quarantine",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Units in the Quarantine location, waiting for a new decision.",
    )
    qty_in_refurbish = fields.Float(
        compute="_compute_stock_quantities", store=True, string="Being Refurbished",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Units in the Refurbish location, not yet moved to stock, decided again nor shipped back.",
    )
    qty_delivered = fields.Float(
        compute="_compute_stock_quantities", store=True, string="Shipped",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Replacements, repaired or rejected units delivered back to the customer.",
    )
    stock_status = fields.Selection(
        STOCK_STATUSES, compute="_compute_stock_quantities", store=True, index=True, string="Warehouse Status",
    )
    # the type's goods policies as they were when the line was approved (see rma.operation.write)
    receipt_policy = fields.Selection(RECEIPT_POLICIES, compute="_compute_goods_policies", store=True)
    inspection_policy = fields.Selection(INSPECTION_POLICIES, compute="_compute_goods_policies", store=True)
    delivery_policy = fields.Selection(
        DELIVERY_POLICIES, compute="_compute_goods_policies", store=True, string="Ships Out",
    )
    inspection_result = fields.Selection(INSPECTION_RESULTS, readonly=True, copy=False)
    inspection_user_id = fields.Many2one("res.users", string="Inspector", readonly=True, copy=False)
    inspection_date = fields.Datetime(readonly=True, copy=False)
    inspection_note = fields.Text(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Computed fields
    # ------------------------------------------------------------------

    @api.model
    def _get_workflow_fields(self):
        """The inspection is recorded by the inspection only."""
        return super(RmaOrderLine, self)._get_workflow_fields() | INSPECTION_FIELDS

    @api.depends("operation_id")
    def _compute_goods_policies(self):
        """From the type only: editing a type changes the lines that follow it
        by writing them (rma.operation.write), never by recomputing every RMA."""
        for line in self:
            line.receipt_policy = line.operation_id.receipt_policy
            line.inspection_policy = line.operation_id.inspection_policy
            line.delivery_policy = line.operation_id.delivery_policy

    @api.depends("move_ids.move_line_ids.lot_id", "move_ids.state")
    def _compute_lot_ids(self):
        for line in self:
            line.lot_ids = line.sudo().move_ids.filtered(
                lambda move: move.state == "done" and move._get_rma_kind() == "in"
            ).mapped("move_line_ids.lot_id").ids

    @api.depends(
        "move_ids.state", "move_ids.product_uom_qty", "move_ids.product_uom", "move_ids.rma_disposition",
        "move_ids.location_id", "move_ids.location_dest_id", "move_ids.origin_returned_move_id",
        "product_uom", "receipt_policy", "inspection_policy", "delivery_policy", "product_id.rma_inspection_required",
        "rma_id.warehouse_id.rma_refurbish_loc_id",
        "rma_id.warehouse_id.rma_quarantine_loc_id",
    )
    def _compute_stock_quantities(self):
        for line in self:
            # computed for RMA users without stock rights as well
            totals = line.sudo()._get_stock_totals()
            line.qty_received = totals["received"]
            line.qty_inspected = totals["inspected"]
            line.qty_to_inspect = max(totals["received"] - totals["inspected"], 0.0)
            line.qty_accepted = sum(totals[name] for name in ACCEPTED_DISPOSITIONS)
            line.qty_in_quarantine = max(totals["quarantine"], 0.0)
            line.qty_in_refurbish = max(totals["refurbish"] - totals["refurbished"], 0.0)
            line.qty_delivered = totals["delivered"]
            line.stock_status = line.sudo()._get_stock_status(totals)

    @api.multi
    def _get_stock_totals(self):
        """The line's moves summed up by what they do, in the line's unit."""
        self.ensure_one()
        totals = defaultdict(float)
        refurbish_location = self.rma_id.warehouse_id.rma_refurbish_loc_id
        decided_from = self._get_redecision_buckets()
        for move in self.move_ids.filtered(lambda move: move.state != "cancel"):
            qty = self._to_line_uom(move.product_uom_qty, move.product_uom)
            done = move.state == "done"
            kind = move._get_rma_kind()
            if kind == "in":
                totals["received" if done else "incoming"] += qty
                if done and move.rma_disposition == "stock":
                    totals["received_to_stock"] += qty
            elif kind == "return":
                # a standard Return undoes the receipt it copies, disposition included
                if done:
                    totals["received"] -= qty
                    totals["received_to_stock"] -= qty if move.rma_disposition == "stock" else 0.0
                    totals[move.rma_disposition] -= qty if move.rma_disposition else 0.0
                continue
            elif kind == "undelivered":
                # a standard Return undoes the delivery it copies: its units are to ship or decide again
                if done:
                    returned = move.origin_returned_move_id
                    totals["delivered"] -= qty
                    totals["planned_out"] -= qty if move.rma_disposition != "reject" else 0.0
                    if move.location_dest_id == refurbish_location and not returned.rma_disposition:
                        totals["refurbished"] -= qty
                    totals[move.rma_disposition] -= qty if move.rma_disposition else 0.0
                    totals[decided_from.get(returned.location_id, "")] += qty if move.rma_disposition else 0.0
                continue
            elif kind == "out":
                totals["delivered" if done else "outgoing"] += qty
                if not done and move.state != "assigned":
                    totals["not_ready"] += qty
                if move.rma_disposition != "reject":
                    totals["planned_out"] += qty
                if move.location_id == refurbish_location and not move.rma_disposition:
                    totals["refurbished"] += qty
            if move.rma_disposition and (done or move.rma_disposition == "reject"):
                totals[move.rma_disposition] += qty
                if move.rma_disposition != "refurbished":
                    # a decision taken again moves the units from their first decision to the new one
                    totals[decided_from.get(move.location_id, "")] -= qty
        totals.pop("", None)
        totals["inspected"] = sum(totals[name] for name, _label in DISPOSITIONS)
        return totals

    @api.multi
    def _get_redecision_buckets(self):
        """Locations whose units can be decided again, and the decision that put them there."""
        self.ensure_one()
        warehouse = self.rma_id.warehouse_id
        return {warehouse.rma_quarantine_loc_id: "quarantine", warehouse.rma_refurbish_loc_id: "refurbish"}

    @api.multi
    def _to_line_uom(self, qty, uom):
        """``qty`` in ``uom`` expressed in the line's unit; a replacement
        product of another unit category counts as is."""
        self.ensure_one()
        if uom.category_id != self.product_uom.category_id:
            return qty
        return uom._compute_quantity(qty, self.product_uom, rounding_method="HALF-UP")

    @api.multi
    def _get_stock_status(self, totals):
        """Where the line stands in the warehouse; none before it has moves."""
        self.ensure_one()
        if not self.move_ids:
            return False

        def positive(name):
            return float_compare(totals[name], 0.0, precision_rounding=self.product_uom.rounding) > 0

        totals["to_inspect"] = totals["received"] - totals["inspected"]
        totals["to_ship"] = totals["inspected"] - totals["reject"] - totals["planned_out"]
        totals["in_refurbish"] = totals["refurbish"] - totals["refurbished"]
        if self.receipt_policy != "none":
            if positive("incoming"):
                return "partial" if positive("received") else "pending"
            if positive("to_inspect"):
                # a product that needs no inspection waits in RMA Input for a decision, not for an inspection
                return "inspect" if self._needs_inspection() else "decide"
        if positive("outgoing"):
            return "progress" if positive("not_ready") else "ready"
        if self.delivery_policy != "none" and positive("to_ship"):
            return "progress" if self.delivery_policy == "repaired" and positive("in_refurbish") else "action"
        if positive("delivered"):
            return "shipped"
        if positive("received") and not float_compare(
            totals["received_to_stock"], totals["received"], precision_rounding=self.product_uom.rounding
        ):
            # the receipt put them in stock: the operation type receives returns straight to stock
            return "stocked"
        return "resolved"

    @api.multi
    def _needs_inspection(self):
        """Whether the line's received units wait for an inspection: as its type says, or as its product does."""
        self.ensure_one()
        if self.inspection_policy == "product":
            return self._get_product_setting("rma_inspection_required")
        return self.inspection_policy == "always"

    @api.multi
    def _get_delivery_dates(self):
        """The date of the last delivery of the origin sale line to the customer."""
        dates = super(RmaOrderLine, self)._get_delivery_dates()
        lines = self.sudo().filtered("sale_line_id")
        last_delivery = {}
        for move in lines.mapped("sale_line_id.move_ids"):  # one query for all lines
            if move.state == "done" and move.location_dest_id.usage == "customer":
                last_delivery[move.sale_line_id] = max(last_delivery.get(move.sale_line_id, move.date), move.date)
        for line in lines:
            if line.sale_line_id in last_delivery:
                dates[line.id] = fields.Datetime.from_string(last_delivery[line.sale_line_id]).date()
        return dates

    @api.multi
    def _get_original_unit_cost(self):
        """Unit cost, in the product's unit, at which the goods left in the origin delivery."""
        self.ensure_one()
        delivered = self.sale_line_id.move_ids.filtered(
            lambda move: move.state == "done" and move._get_rma_kind() == "out" and move.product_id == self.product_id
        )
        quantity = sum(delivered.mapped("product_qty"))
        return abs(sum(delivered.mapped("value"))) / quantity if quantity else 0.0

    # ------------------------------------------------------------------
    # Receipt
    # ------------------------------------------------------------------

    @api.multi
    def _filter_to_receive(self):
        """The active lines whose goods come back: services are returned and
        credited without any goods to receive."""
        return self.filtered(
            lambda line: line.state != "cancel" and line.receipt_policy != "none"
            and line.product_id.type != "service"
        )

    @api.constrains("product_id", "delivery_policy")
    def _check_service_operation(self):
        for line in self:
            if line.product_id.type == "service" and line.delivery_policy != "none":
                alternatives = self.env["rma.operation"].search([("delivery_policy", "=", "none")], limit=2)
                raise ValidationError(
                    _("%(product)s is a service: no goods come back, so its outcome cannot be \"%(operation)s\". "
                      "Choose another outcome, such as %(alternatives)s.")
                    % {"product": line.product_id.display_name, "operation": line.operation_id.name,
                       "alternatives": _(" or ").join(alternatives.mapped("name"))}
                )

    @api.multi
    def _prepare_receipt_move(self, picking_type):
        self.ensure_one()
        rma = self.rma_id
        to_stock = picking_type.rma_receive_to_stock and not self._needs_inspection()
        return {
            "name": self.name or self.product_id.display_name,
            "origin": rma.name,
            "product_id": self.product_id.id,
            "product_uom_qty": self.product_uom_qty,
            "product_uom": self.product_uom.id,
            "location_id": rma.partner_id.property_stock_customer.id,
            "location_dest_id": (
                rma.warehouse_id.lot_stock_id if to_stock else picking_type.default_location_dest_id
            ).id,
            "partner_id": rma.partner_id.id,
            "picking_type_id": picking_type.id,
            "warehouse_id": rma.warehouse_id.id,
            "company_id": rma.company_id.id,
            "rma_line_id": self.id,
            "rma_disposition": "stock" if to_stock else False,
            "price_unit": self._get_original_unit_cost(),
        }

    @api.multi
    def _check_over_receipt(self, received_before):
        """A receipt must not bring more than authorized, unless the company
        allows it; ``received_before`` maps line ids to what they had received."""
        for line in self.filtered(lambda line: not line.company_id.rma_allow_over_receipt):
            if float_compare(
                line.qty_received, line.product_uom_qty, precision_rounding=line.product_uom.rounding
            ) <= 0:
                continue
            received = received_before[line.id]
            raise UserError(
                _("You cannot receive %(qty)s %(uom)s of %(product)s for %(rma)s: %(authorized)s are "
                  "authorized and %(received)s already received, so at most %(left)s can arrive. "
                  "Receive the authorized quantity, or ask a manager to allow over-receipts in the settings.")
                % {"qty": line.qty_received - received, "uom": line.product_uom.name,
                   "product": line.product_id.display_name, "rma": line.rma_id.name,
                   "authorized": line.product_uom_qty, "received": received,
                   "left": max(line.product_uom_qty - received, 0.0)}
            )

    @api.model
    def _check_warehouse_user(self, action):
        """Receiving, inspecting and shipping returned goods is the warehouse's
        work, and the RMA managers': a salesman or billing user who may follow
        RMAs, and edit transfers, must not move goods nor trigger credits.
        Called by the actions; ``action`` says what was refused."""
        user = self.env.user
        if not (user._is_superuser() or user.has_group("stock.group_stock_user")
                or user.has_group("rma_management.group_rma_manager")):
            raise AccessError(_("Only warehouse users and RMA managers can %s.") % action)

    @api.multi
    def _get_open_moves(self, kind):
        return self.mapped("move_ids").filtered(
            lambda move: move.state not in ("done", "cancel") and move._get_rma_kind() == kind
        )

    @api.multi
    def action_close_receipt(self):
        """Nothing more will come: cancel what is still expected; the lines
        count as fully received for what arrived."""
        self._check_warehouse_user(_("close the receipts of returns"))
        self._check_approved()
        moves = self._get_open_moves("in")
        if not moves:
            raise UserError(_("No receipt is waiting for these lines."))
        moves._action_cancel()
        for rma in self.mapped("rma_id"):
            rma.message_post(body=_("Receipt closed, nothing more expected for: %s") % ", ".join(
                line.product_id.display_name for line in self if line.rma_id == rma
            ))
        self.mapped("rma_id")._auto_resolve()
        return True

    @api.multi
    def _check_can_cancel(self):
        result = super(RmaOrderLine, self)._check_can_cancel()
        received = self.filtered(
            lambda line: not float_is_zero(line.qty_received, precision_rounding=line.product_uom.rounding)
        )
        if received:
            raise UserError(
                _("%s was already received: it cannot be cancelled any more.")
                % ", ".join(received.mapped("product_id.display_name"))
            )
        return result

    @api.multi
    def action_cancel(self):
        result = super(RmaOrderLine, self).action_cancel()
        self.sudo().mapped("move_ids").filtered(lambda move: move.state not in ("done", "cancel"))._action_cancel()
        return result
