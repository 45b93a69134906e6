# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
"""The warehouse's next steps offered in the RMA form's header: Receive,
Inspect and Ship, each for the whole RMA at once."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.safe_eval import safe_eval

#: line warehouse statuses whose units may go out from the header's Ship
#: (nothing is still expected nor waits for a required inspection)
SHIP_STOCK_STATUSES = ("action", "progress")


class RmaOrder(models.Model):
    _inherit = "rma.order"

    ready_receipt_count = fields.Integer(
        compute="_compute_header_actions", help="Receipts of the RMA ready to be processed.",
    )
    has_lines_to_inspect = fields.Boolean(
        compute="_compute_header_actions", help="Received units wait in the RMA input for a decision.",
    )
    ship_kind = fields.Selection(
        [("replacement", "Replacements"), ("repaired", "Repaired Units"), ("both", "Replacements and Repaired Units")],
        compute="_compute_header_actions", help="What the lines still to ship send to the customer.",
    )

    @api.depends("state", "picking_ids.state", "line_ids.qty_to_inspect", "line_ids.stock_status")
    def _compute_header_actions(self):
        for rma in self:
            # computed for RMA users without stock rights as well: they see the form
            sudo_rma = rma.sudo()
            rma.ready_receipt_count = len(sudo_rma._get_ready_receipts())
            rma.has_lines_to_inspect = bool(sudo_rma._get_lines_to_inspect())
            policies = set(sudo_rma._get_lines_to_ship().mapped("delivery_policy"))
            rma.ship_kind = "both" if len(policies) > 1 else (policies.pop() if policies else False)

    @api.multi
    def _get_ready_receipts(self):
        self.ensure_one()
        if self.state != "approved":
            return self.env["stock.picking"]
        return self.picking_ids.filtered(
            lambda picking: picking.picking_type_code == "incoming" and picking.state == "assigned"
        )

    @api.multi
    def _get_lines_to_inspect(self):
        """The active lines whose received units wait in the RMA input."""
        self.ensure_one()
        if self.state != "approved":
            return self.env["rma.order.line"]
        return self.line_ids.filtered(lambda line: line.state == "approved" and line._is_positive("qty_to_inspect"))

    @api.multi
    def _get_lines_to_ship(self):
        """The replace and repair lines with units to plan for delivery."""
        self.ensure_one()
        if self.state != "approved":
            return self.env["rma.order.line"]
        return self.line_ids.filtered(
            lambda line: line.state == "approved" and line.delivery_policy != "none"
            and line.stock_status in SHIP_STOCK_STATUSES
            and float_compare(line._get_qty_to_ship(), 0.0, precision_rounding=line.product_uom.rounding) > 0
        )

    # ------------------------------------------------------------------
    # Receive
    # ------------------------------------------------------------------

    @api.multi
    def _check_can_receive(self):
        self.env["rma.order.line"]._check_warehouse_user(_("receive returned goods"))
        for rma in self:
            if not rma._get_ready_receipts():
                raise UserError(_("%s has no receipt ready to process.") % rma.name)
        return True

    @api.multi
    def action_receive(self):
        """Open the receipt ready to process (the list when there are several),
        in edit mode: what the user does next is type the quantities received."""
        self.ensure_one()
        self._check_can_receive()
        receipts = self._get_ready_receipts()
        action = self._records_action("stock.action_picking_tree_all", receipts)
        if len(receipts) == 1:
            action["context"] = dict(safe_eval(action.get("context") or "{}"), form_view_initial_mode="edit")
        return action

    # ------------------------------------------------------------------
    # Inspect
    # ------------------------------------------------------------------

    @api.multi
    def _check_can_inspect(self):
        self.env["rma.order.line"]._check_warehouse_user(_("inspect returned goods"))
        for rma in self:
            if not rma._get_lines_to_inspect():
                raise UserError(_("No received unit of %s waits for inspection.") % rma.name)
        return True

    @api.multi
    def action_inspect(self):
        """Inspect all the lines whose units wait in the RMA input, in one wizard."""
        self.ensure_one()
        self._check_can_inspect()
        return self._wizard_action(_("Inspect Returned Goods"), "rma.inspect", {"default_rma_id": self.id})

    # ------------------------------------------------------------------
    # Ship
    # ------------------------------------------------------------------

    @api.multi
    def _check_can_ship(self):
        self.env["rma.order.line"]._check_warehouse_user(_("ship goods to customers"))
        for rma in self:
            if not rma._get_lines_to_ship():
                raise UserError(_("Nothing on %s is ready to ship to the customer.") % rma.name)
        return True

    @api.multi
    def action_ship(self):
        """Create the deliveries of all the lines that must ship (what each may
        still ship, of its own product) and open them."""
        self.ensure_one()
        self._check_can_ship()
        pickings = self._get_lines_to_ship()._create_deliveries()
        return self._records_action("stock.action_picking_tree_all", pickings)

    # ------------------------------------------------------------------
    # Reopen
    # ------------------------------------------------------------------

    @api.multi
    def _get_changes_since_resolved(self):
        """Goods shipped since the RMA resolved keep it resolved."""
        changes = super(RmaOrder, self)._get_changes_since_resolved()
        deliveries = self._get_deliveries_done_since(self.date_done)
        if deliveries:
            changes.append(_("%s were shipped") % ", ".join(deliveries.mapped("name")))
        return changes

    @api.multi
    def _get_deliveries_done_since(self, date):
        self.ensure_one()
        # RMA managers without stock rights reopen returns too
        return self.sudo().picking_ids.filtered(
            lambda picking: picking.picking_type_code == "outgoing" and picking.state == "done"
            and picking.date_done > date
        )
