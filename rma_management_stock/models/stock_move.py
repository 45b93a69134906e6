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
    _inherit = "stock.move"

    rma_line_id = fields.Many2one("rma.order.line", string="RMA Line", index=True, readonly=True)
    rma_disposition = fields.Selection(
        [*DISPOSITIONS, ("refurbished", "Refurbished to Stock")], string="RMA Disposition", readonly=True,
        help="What the inspection of the returned units decided.",
    )

    @api.model
    def _prepare_merge_moves_distinct_fields(self):
        """Moves of two RMA lines of the same product stay apart: each counts for its line."""
        return [*super(StockMove, self)._prepare_merge_moves_distinct_fields(), "rma_line_id"]

    @api.model
    def _prepare_merge_move_sort_method(self, move):
        return [*super(StockMove, self)._prepare_merge_move_sort_method(move), move.rma_line_id.id]

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
    def _rma_process(self):
        """Carry out disposition moves at once, with what they reserve in
        their source location (lots included)."""
        self._action_confirm()
        self._action_assign()
        missing = self.filtered(lambda move: move.state != "assigned")
        if missing:
            raise UserError(
                _("%(product)s is not available in %(location)s: check the location's stock.")
                % {"product": missing[0].product_id.display_name, "location": missing[0].location_id.display_name}
            )
        for move_line in self.mapped("move_line_ids"):
            move_line.qty_done = move_line.product_uom_qty
        return self._action_done()
