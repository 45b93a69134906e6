# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

#: what an inspection decides for returned units
DISPOSITIONS = [
    ("stock", "Return to Stock"),
    ("quarantine", "Quarantine"),
    ("refurbish", "Refurbish"),
    ("scrap", "Scrap"),
    ("reject", "Reject and Send Back"),
]


class StockMove(models.Model):
    _name = "stock.move"
    _inherit = ["stock.move", "rma.link.guard"]
    _rma_link_fields = ("rma_line_id", "rma_disposition", "rma_lot_id")

    rma_line_id = fields.Many2one("rma.order.line", string="RMA Line", index=True, readonly=True)
    rma_disposition = fields.Selection(
        [*DISPOSITIONS, ("refurbished", "Refurbished to Stock")], string="RMA Disposition", readonly=True,
        help="What the inspection of the returned units decided.",
    )
    rma_lot_id = fields.Many2one(
        "stock.production.lot", string="Inspected Lot/Serial Number", readonly=True,
        help="The lot or serial number the inspection decided for: the move reserves no other.",
    )

    @api.model
    def _prepare_merge_moves_distinct_fields(self):
        """Moves of two RMA lines of the same product stay apart: each counts for its line."""
        return [*super(StockMove, self)._prepare_merge_moves_distinct_fields(), "rma_line_id"]

    @api.model
    def _prepare_merge_move_sort_method(self, move):
        return [*super(StockMove, self)._prepare_merge_move_sort_method(move), move.rma_line_id.id]

    @api.multi
    def product_price_update_before_done(self, forced_qty=None):
        """The average cost weighs what the company owns: returned units
        waiting in the RMA locations are valued as well."""
        return super(StockMove, self.with_context(rma_count_returned=True)).product_price_update_before_done(
            forced_qty=forced_qty,
        )

    @api.multi
    def _get_rma_kind(self):
        """in: from the customer; return: a receipt sent back (standard Return);
        out: to the customer; undelivered: an RMA delivery the customer sent
        back (standard Return); internal: anything else (dispositions, scrap)."""
        self.ensure_one()
        if self.location_id.usage == "customer":
            returned = self.origin_returned_move_id
            # the return of a sale's delivery is what an RMA receives; that of an RMA's delivery undoes it
            return "undelivered" if returned.rma_line_id and returned._get_rma_kind() == "out" else "in"
        if self.location_dest_id.usage == "customer":
            returned = self.origin_returned_move_id
            return "return" if returned and returned._get_rma_kind() == "in" else "out"
        return "internal"

    @api.multi
    def _check_rma_state(self):
        """Goods move for RMAs once approved: a receipt of an RMA pending
        approval would be received, and credited, as if it were authorized.
        A cancelled RMA or line takes nothing in and ships nothing out, except
        the units it received going back to the customer. A resolved RMA may
        still get what a receipt left open brings: its units are decided then."""
        states = dict(self.env["rma.order.line"]._fields["state"]._description_selection(self.env))
        for move in self.filtered("rma_line_id"):
            line = move.rma_line_id
            if line.state in ("draft", "to_approve"):
                message = _("%(rma)s is %(state)s: %(picking)s can be validated once the RMA is approved.")
            elif "cancel" in (line.state, line.rma_id.state) and not move._is_rma_send_back():
                message = _("%(product)s on %(rma)s is %(state)s: %(picking)s cannot be validated for it.")
            else:
                continue
            raise UserError(message % {
                "rma": line.rma_id.name, "state": states["cancel" if line.rma_id.state == "cancel" else line.state],
                "picking": move.picking_id.name or move.name, "product": line.product_id.display_name,
            })

    @api.multi
    def _is_rma_send_back(self):
        """Whether the move takes units the RMA received back to the customer:
        a standard Return of its receipt, or a rejection."""
        self.ensure_one()
        return self.rma_disposition == "reject" or self._get_rma_kind() == "return"

    def _update_reserved_quantity(self, need, available_quantity, location_id, lot_id=None, package_id=None,
                                  owner_id=None, strict=True):
        """A move whose lot was decided at inspection reserves that lot only."""
        chosen = self.rma_lot_id
        if chosen and lot_id != chosen:
            if lot_id:
                return 0.0
            lot_id = chosen
            available_quantity = min(available_quantity, self.env["stock.quant"]._get_available_quantity(
                self.product_id, location_id, lot_id=chosen, package_id=package_id, owner_id=owner_id, strict=strict,
            ))
        return super(StockMove, self)._update_reserved_quantity(
            need, available_quantity, location_id, lot_id=lot_id, package_id=package_id, owner_id=owner_id,
            strict=strict,
        )

    @api.multi
    def _check_rma_reserved(self):
        """Disposition moves leave at once: refuse what their source location cannot give."""
        missing = self.filtered(lambda move: move.state != "assigned")[:1]
        if missing:
            raise UserError(
                _("%(qty)s %(uom)s of %(product)s%(lot)s received on %(rma)s are not available in %(location)s: "
                  "check the location's stock and what other operations reserved there.")
                % {"qty": missing.product_uom_qty, "uom": missing.product_uom.name,
                   "product": missing.product_id.display_name, "rma": missing.rma_line_id.rma_id.name,
                   "lot": " (%s)" % missing.rma_lot_id.name if missing.rma_lot_id else "",
                   "location": missing.location_id.display_name}
            )

    @api.multi
    def _rma_process(self):
        """Carry out disposition moves at once. Those leaving the RMA input
        location follow the line's receipts (``move_orig_ids``), so they
        reserve the units, lots included, that this RMA brought."""
        self._action_confirm()
        self._action_assign()
        self._check_rma_reserved()
        for move_line in self.mapped("move_line_ids"):
            move_line.qty_done = move_line.product_uom_qty
        return self._action_done()
