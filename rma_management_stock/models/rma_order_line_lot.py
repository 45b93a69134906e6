# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order.line is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class RmaOrderLine(models.Model):
    """The lots and serial numbers that may come back on a line: those the
    customer got from its origin delivery, and those an RMA manager accepted."""

    _inherit = "rma.order.line"

    accepted_lot_ids = fields.Many2many(
        "stock.production.lot", "rma_order_line_accepted_lot_rel", "line_id", "lot_id",
        string="Other Accepted Lots/Serial Numbers", copy=False,
        help="Lots or serial numbers that the customer did not get from the origin delivery of this line, "
             "and that an RMA manager accepted to receive on it anyway.",
    )

    @api.multi
    def _check_accepted_lots_product(self):
        """Called by create and write when lots or the product change (not a
        constraint: it would read the lots of every line created)."""
        for line in self:
            others = line.accepted_lot_ids.filtered(lambda lot, product=line.product_id: lot.product_id != product)
            if others:
                raise ValidationError(
                    _("%(lots)s is not a lot or serial number of %(product)s.")
                    % {"lots": ", ".join(others.mapped("name")), "product": line.product_id.display_name}
                )

    @api.model
    def create(self, vals):
        self._check_workflow_vals(vals, create=True)  # before vals are read
        if not vals.get("accepted_lot_ids"):
            return super(RmaOrderLine, self).create(vals)
        self._check_lot_acceptor()
        line = super(RmaOrderLine, self).create(vals)
        line._check_accepted_lots_product()
        return line

    @api.multi
    def write(self, vals):
        self._check_workflow_vals(vals)  # before vals are read
        if "accepted_lot_ids" not in vals:
            result = super(RmaOrderLine, self).write(vals)
            if "product_id" in vals:
                self._check_accepted_lots_product()
            return result
        self._check_lot_acceptor()
        before = {line: line.accepted_lot_ids for line in self}
        result = super(RmaOrderLine, self).write(vals)
        self._check_accepted_lots_product()
        self._log_accepted_lots(before)
        return result

    @api.model
    def _check_lot_acceptor(self):
        """Accepting a unit the customer did not get from us is the RMA managers' decision."""
        if not self.env.user.has_group("rma_management.group_rma_manager"):
            raise AccessError(
                _("Only RMA managers can accept lots or serial numbers that the customer did not get from the "
                  "origin delivery.")
            )
        return True

    @api.multi
    def _log_accepted_lots(self, before):
        """Post who accepted which lots on the RMA, and who withdrew them."""
        for line in self:
            added, removed = line.accepted_lot_ids - before[line], before[line] - line.accepted_lot_ids
            if added:
                line.rma_id.message_post(body=_(
                    "%(user)s accepted %(lots)s for %(product)s, although not delivered to the customer with "
                    "the origin of the line."
                ) % {"user": self.env.user.name, "lots": ", ".join(added.mapped("name")),
                     "product": line.product_id.display_name})
            if removed:
                line.rma_id.message_post(body=_("%(user)s no longer accepts %(lots)s for %(product)s.") % {
                    "user": self.env.user.name, "lots": ", ".join(removed.mapped("name")),
                    "product": line.product_id.display_name,
                })
        return True

    @api.multi
    def _get_delivered_lots(self, moves):
        """Lots the customer got from the origin of each line, by line id:
        the delivered moves of its sales order line and those that its
        receipt ``moves`` return."""
        delivered = defaultdict(lambda: self.env["stock.production.lot"])
        for move in moves.filtered("origin_returned_move_id"):
            delivered[move.rma_line_id.id] |= move.origin_returned_move_id.move_line_ids.mapped("lot_id")
        for line in self:
            delivered[line.id] |= line.sale_line_id.move_ids.filtered(
                lambda move: move.state == "done" and move.location_dest_id.usage == "customer"
            ).mapped("move_line_ids.lot_id")
        return delivered

    @api.model
    def _check_received_lots(self, moves):
        """The lots received by the RMA receipt ``moves`` of lines with an
        origin were delivered to the customer with that origin, or accepted
        by an RMA manager. Origins delivered without lots are not compared."""
        receipts = moves.filtered(
            lambda move: move.state == "done" and move.product_id.tracking != "none" and move.rma_line_id
            and (move.rma_line_id.sale_line_id or move.origin_returned_move_id) and move._get_rma_kind() == "in"
        )
        lines = receipts.mapped("rma_line_id").sudo()  # the origin deliveries decide, whoever receives
        delivered = lines._get_delivered_lots(receipts.sudo())
        for move in receipts:
            line = move.rma_line_id
            if not delivered[line.id]:
                continue
            received = move.move_line_ids.filtered("qty_done").mapped("lot_id")
            foreign = received - delivered[line.id] - line.accepted_lot_ids
            if foreign:
                raise UserError(
                    _("%(lots)s of %(product)s was not delivered to %(customer)s with the origin of its line on "
                      "%(rma)s (%(origin)s), which got %(delivered)s. Receive the units the customer got, or ask "
                      "an RMA manager to accept %(lots)s on the line.")
                    % {"lots": ", ".join(foreign.mapped("name")), "product": line.product_id.display_name,
                       "customer": line.rma_id.partner_id.display_name, "rma": line.rma_id.name,
                       "origin": line.sudo().sale_order_id.name or move.origin_returned_move_id.picking_id.name,
                       "delivered": ", ".join(delivered[line.id].sorted("name").mapped("name"))}
                )
        return True
