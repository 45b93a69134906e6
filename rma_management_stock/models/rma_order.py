# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons.rma_management.models.rma_order_status import FOLLOWED
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import UserError, ValidationError

#: facts of a line (see core's STATUS_TABLE) from its warehouse status
LINE_STATUS_FACTS = {
    "pending": {"goods_expected"},
    "partial": {"goods_expected"},
    "inspect": {"to_inspect"},
    "decide": {"to_decide"},
    "action": {"to_plan"},
    "progress": {"in_progress"},
    "ready": {"delivery_ready"},
    "shipped": {"shipped"},
    "stocked": set(),
    "resolved": set(),
}

#: facts of a line from its stored quantities
QUANTITY_FACTS = {
    "qty_received": "goods_received",
    "qty_in_quarantine": "in_quarantine",
    "qty_in_refurbish": "in_refurbish",
}


class RmaOrder(models.Model):
    _inherit = "rma.order"

    status = fields.Selection(selection_add=[
        ("pending_receipt", "Pending Receipt"),
        ("partially_received", "Partially Received"),
        ("fully_received", "Fully Received"),
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

    @api.model
    def _get_status_depends(self):
        return [*super(RmaOrder, self)._get_status_depends(), "delivered_date", "line_ids.stock_status",
                *("line_ids.%s" % name for name in QUANTITY_FACTS)]

    @api.multi
    def _get_status_facts_by_line(self):
        """The goods and what goes out: the lines with moves are followed."""
        by_line = super(RmaOrder, self)._get_status_facts_by_line()
        for line in self.mapped("line_ids").filtered(lambda line: line.id in by_line and line.stock_status):
            facts = by_line[line.id]
            facts |= {FOLLOWED} | LINE_STATUS_FACTS.get(line.stock_status, set())
            if "shipped" in facts and line.rma_id.delivered_date:
                facts.discard("shipped")
                facts.add("delivered")
            facts.update(fact for name, fact in QUANTITY_FACTS.items() if line._is_positive(name))
        return by_line

    # ------------------------------------------------------------------
    # Receipts
    # ------------------------------------------------------------------

    @api.multi
    def _action_approve(self):
        result = super(RmaOrder, self)._action_approve()
        # approving is the RMA user's right; the receipt follows from it, like a sale's delivery
        receipts = self.sudo()._create_receipts()
        self.filtered(lambda rma: rma in receipts.mapped("rma_id"))._request_receipt()
        # sudo: as the receipt, an advance replacement's delivery follows from the approval
        self.sudo().mapped("line_ids")._ship_in_advance()
        return result

    @api.multi
    def _request_receipt(self):
        """The warehouse's to-do on each RMA whose goods are now expected."""
        activity_type = self.env.ref("rma_management_stock.mail_activity_rma_receipt")
        for rma in self:
            user = rma.company_id.rma_warehouse_user_id
            if not user.active:
                user = self._get_group_user("stock.group_stock_user", rma.company_id)
            rma._schedule_todo(activity_type, user, _("Receive the goods of %s") % rma.name,
                               _("Expected from %s.") % rma.partner_id.display_name)
        return True

    @api.multi
    def _get_receipt_activities(self):
        return self._get_activities(self.env.ref("rma_management_stock.mail_activity_rma_receipt"))

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
        received quantity grew (of all RMAs in ``self``): the customer is
        told, the warehouse's to-do is done."""
        rmas = lines.mapped("rma_id")
        # warehouse users are returns users: they mark their to-do done and post themselves
        rmas._get_receipt_activities().action_feedback(feedback=_("Goods received"))
        names = dict(lines.mapped("product_id").name_get())  # at once: one name_get per product costs queries
        for rma in rmas:
            received = lines.filtered(lambda line, rma=rma: line.rma_id == rma)
            rma._notify_people(
                _("Goods received: %s.") % ", ".join(
                    "%s %s" % (line.qty_received, names[line.product_id.id]) for line in received
                ),
                "rma_management_stock.mt_rma_goods_received", self.env["res.users"],
            )
        return True

    @api.multi
    def _after_inspection(self, lines):
        """Called after an inspection was recorded on ``lines``."""
        return True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.multi
    def _check_can_resolve(self):
        """Resolving by hand leaves no transfer open: what it would still
        receive or ship would happen on a resolved RMA."""
        result = super(RmaOrder, self)._check_can_resolve()
        for rma in self:
            # RMA users without stock rights resolve returns too
            pickings = rma.sudo().picking_ids.filtered(lambda picking: picking.state not in ("done", "cancel"))
            if pickings:
                raise UserError(
                    _("%(rma)s cannot be resolved while %(pickings)s are open: receive the goods or close the "
                      "remaining receipt, and validate or cancel the deliveries first.")
                    % {"rma": rma.name, "pickings": ", ".join(pickings.mapped("name"))}
                )
        return result

    @api.multi
    def _check_goods_decided(self):
        """Received units are decided (or sent back) before their RMA is cancelled."""
        lines = self.mapped("line_ids").filtered(lambda line: line._is_positive("qty_to_inspect"))
        if lines:
            raise UserError(
                _("%(rmas)s cannot be cancelled: %(products)s received from the customer still wait in RMA "
                  "Input. Inspect them (decide what becomes of them) or send them back first.")
                % {"rmas": ", ".join(lines.mapped("rma_id.name")),
                   "products": ", ".join(lines.mapped("product_id.display_name"))}
            )
        return True

    @api.multi
    def _action_cancel(self):
        self._check_goods_decided()
        # cancelled first, so that its cancelled pickings do not resolve it
        result = super(RmaOrder, self)._action_cancel()
        # sudo: the warehouse's to-do goes with the return, whoever cancels it
        self.sudo()._get_receipt_activities().unlink()
        # what sends the customer's own units back still goes: the units were decided
        self.sudo().mapped("picking_ids").filtered(
            lambda picking: picking.state not in ("done", "cancel")
            and not all(move._is_rma_send_back() for move in picking.move_lines)
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
        self._auto_resolve()
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
