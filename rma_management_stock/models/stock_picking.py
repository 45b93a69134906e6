# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import OperationalError

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "rma.link.guard"]
    _rma_link_fields = ("rma_id", "is_rma_return")

    rma_id = fields.Many2one("rma.order", string="RMA", index=True, readonly=True)
    is_rma_return = fields.Boolean(
        string="RMA Return", index=True, readonly=True,
        help="Created by an RMA: the receipt of returned goods or what goes back to the customer.",
    )

    @api.multi
    def action_done(self):
        """Tell the RMAs what arrived, in one call. Over-receipts and the
        received lots are checked once Odoo has linked every detailed
        operation to its move (and created the lots entered by name), those
        added by hand included; refusing one undoes the whole validation."""
        self._check_rma_not_cancelled()
        moves = self.mapped("move_lines").filtered(lambda move: move.state not in ("done", "cancel"))
        lines = moves.mapped("rma_line_id")
        received_before = {line.id: line.qty_received for line in lines}
        self._check_rma_validator(moves)
        moves._check_rma_state()
        self.mapped("rma_id")._check_not_on_hold()
        lines._check_not_on_hold()
        self._check_rma_goods_only()
        try:
            result = super(StockPicking, self).action_done()
        except OperationalError:
            # Odoo retries a serialization failure of an RPC call (another user
            # validated the same transfer) on a new cursor but in the same
            # environments: what this attempt left to recompute would be
            # computed on its closed cursor ("Unable to use a closed cursor").
            self.env.clear()
            raise
        grown = lines.filtered(
            lambda line: float_compare(
                line.qty_received, received_before[line.id], precision_rounding=line.product_uom.rounding
            ) > 0
        )
        grown._check_over_receipt(received_before)
        lines._check_received_lots(moves)
        rmas = lines.mapped("rma_id")
        if grown:
            rmas._after_receipt(grown)
        rmas._auto_resolve()
        return result

    @api.multi
    def _check_rma_not_cancelled(self):
        """Validating a cancelled transfer of an RMA would silently do nothing:
        refuse it, saying why."""
        for picking in self.filtered(lambda picking: picking.rma_id and picking.state == "cancel"):
            if picking.rma_id.state == "cancel":
                message = _("%(picking)s cannot be validated: it was cancelled with %(rma)s, which receives and "
                            "ships nothing any more.")
            else:
                message = _("%(picking)s cannot be validated: it was cancelled, nothing more is expected on it "
                            "for %(rma)s.")
            raise UserError(message % {"picking": picking.name, "rma": picking.rma_id.name})
        return True

    @api.multi
    def _check_rma_validator(self, moves):
        """Transfers of RMAs (or carrying ``moves`` of RMA lines) are validated
        by the warehouse: receiving them credits the customer, so Odoo's
        picking rights of salesmen and billing users are not enough."""
        user = self.env.user
        if user._is_superuser() or user.has_group("stock.group_stock_user"):
            return
        pickings = self.filtered("rma_id") | moves.filtered("rma_line_id").mapped("picking_id")
        if pickings:
            raise AccessError(
                _("Only warehouse users can validate the transfers of returns: %s.")
                % ", ".join(pickings.mapped("name"))
            )

    @api.multi
    def _check_rma_goods_only(self):
        """An RMA receipt brings the RMA's goods only: a product added by hand
        would land in the RMA input location outside any RMA line."""
        for picking in self.filtered(lambda picking: picking.rma_id and picking.picking_type_code == "incoming"):
            returned = picking.move_lines.filtered("rma_line_id").mapped("product_id")
            arriving = picking.move_line_ids.filtered(lambda move_line: move_line.qty_done).mapped("product_id")
            others = arriving - returned
            if others:
                raise UserError(
                    _("%(products)s is not on %(rma)s: its receipt brings the returned goods only. Receive it "
                      "on another receipt, or on an RMA of its own.")
                    % {"products": ", ".join(others.mapped("display_name")), "rma": picking.rma_id.name}
                )

    @api.multi
    def copy(self, default=None):
        """The return of a delivery that creates an RMA is received through the
        warehouse's RMA Receipts type (``stock.return.picking`` copies the delivery)."""
        rma_type_id = self.env.context.get("rma_return_picking_type_id")
        if rma_type_id:
            default = dict(default or {}, picking_type_id=rma_type_id)
        return super(StockPicking, self).copy(default)

    @api.multi
    def action_cancel(self):
        """A transfer cancelled in the warehouse may leave nothing pending on its RMAs."""
        result = super(StockPicking, self).action_cancel()
        self.mapped("rma_id")._auto_resolve()
        return result

    @api.multi
    def action_view_rma(self):
        self.ensure_one()
        return self.env["rma.order"]._records_action("rma_management.action_rma_order", self.rma_id)
