# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order.line is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import _, api, models
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import UserError
from odoo.tools import float_compare


class RmaOrderLine(models.Model):
    """What goes back to the customer: replacements, repaired and rejected units."""

    _inherit = "rma.order.line"

    # ------------------------------------------------------------------
    # Shipping back
    # ------------------------------------------------------------------

    @api.multi
    def action_create_delivery(self):
        self.ensure_one()
        self._check_warehouse_user(_("ship goods to customers"))
        self._check_can_ship()
        return self.env["rma.order"]._wizard_action(
            _("Ship to the Customer"), "rma.delivery", {"default_line_id": self.id}
        )

    @api.multi
    def _check_can_ship(self):
        for line in self:
            if line.delivery_policy == "none" or line.state != "approved":
                raise UserError(
                    _("Only replace and repair lines of approved RMAs ship goods to the customer: "
                      "%(product)s on %(rma)s is not one.")
                    % {"product": line.product_id.display_name, "rma": line.rma_id.name}
                )

    @api.multi
    def _get_qty_to_ship(self):
        """What may still be planned for delivery, in the line's unit: a unit
        goes out for each unit received and not rejected (rejected units go
        back as they are), never more than authorized; after Close Remaining
        Receipt, what never came back is not shipped."""
        self.ensure_one()
        totals = self._get_stock_totals()
        return self._get_qty_shippable(totals) - totals["planned_out"]

    @api.multi
    def _get_qty_shippable(self, totals):
        """How many units the line ships in all, from its ``totals``."""
        self.ensure_one()
        return min(self.product_uom_qty, totals["received"] - totals["reject"])

    @api.multi
    def _create_delivery(self, product, qty, scheduled_date=False):
        """Ship ``qty`` of ``product`` (a replacement or the repaired unit)."""
        self.ensure_one()
        self._check_warehouse_user(_("ship goods to customers"))
        self._check_can_ship()
        rounding = self.product_uom.rounding
        totals = self._get_stock_totals()
        left = self._get_qty_shippable(totals) - totals["planned_out"]
        if float_compare(qty, 0.0, precision_rounding=rounding) <= 0 or float_compare(
            qty, left, precision_rounding=rounding
        ) > 0:
            raise UserError(
                _("You can ship between 0 and %(left)s %(uom)s for %(product)s on %(rma)s, not %(qty)s: a unit "
                  "goes out for each unit received and not rejected (%(shippable)s of the %(authorized)s "
                  "authorized), and %(planned)s are already on deliveries.")
                % {"left": max(left, 0.0), "uom": self.product_uom.name, "product": self.product_id.display_name,
                   "rma": self.rma_id.name, "qty": qty, "shippable": max(self._get_qty_shippable(totals), 0.0),
                   "authorized": self.product_uom_qty, "planned": totals["planned_out"]}
            )
        self._check_qty_rounding(qty, self._get_outgoing_uom(product), product)
        return self._create_outgoing_picking(product, qty, self._get_ship_source(), scheduled_date=scheduled_date)

    @api.multi
    def _get_ship_source(self):
        """Where the line's goods leave from: repaired units from Refurbish, replacements from stock."""
        self.ensure_one()
        warehouse = self.rma_id.warehouse_id
        if self.delivery_policy == "repaired":
            return warehouse.rma_refurbish_loc_id
        return warehouse.rma_out_type_id.default_location_src_id

    @api.multi
    def _create_deliveries(self):
        """Ship what each line may still ship, of its own product, in one
        delivery per RMA and source location (the header's Ship)."""
        self._check_warehouse_user(_("ship goods to customers"))
        self._check_can_ship()
        values_by_key = {}
        for line in self:
            source = line._get_ship_source()
            values = line._prepare_outgoing_picking(line.product_id, line._get_qty_to_ship(), source, False, False)
            key = (line.rma_id, source)
            if key in values_by_key:
                values_by_key[key]["move_lines"] += values["move_lines"]
            else:
                values_by_key[key] = values
        pickings = self.env["stock.picking"]
        with workflow_write():  # the pickings and their moves point at the RMAs and the lines
            for values in values_by_key.values():
                pickings |= pickings.create(values)
        pickings.action_confirm()
        pickings.action_assign()
        return pickings

    @api.multi
    def _get_outgoing_uom(self, product):
        """The unit ``product`` ships in: the line's, or its own when of another category."""
        self.ensure_one()
        return self.product_uom if product.uom_id.category_id == self.product_uom.category_id else product.uom_id

    @api.multi
    def _create_outgoing_picking(self, product, qty, source, disposition=False, scheduled_date=False, lot=False):
        self.ensure_one()
        # the picking and its moves point at the RMA and the line
        with workflow_write():
            picking = self.env["stock.picking"].create(
                self._prepare_outgoing_picking(product, qty, source, disposition, scheduled_date, lot)
            )
        picking.action_confirm()
        picking.action_assign()
        return picking

    @api.multi
    def _prepare_outgoing_picking(self, product, qty, source, disposition, scheduled_date, lot=False):
        self.ensure_one()
        rma = self.rma_id
        picking_type = rma.warehouse_id.rma_out_type_id
        destination = rma.partner_id.property_stock_customer
        uom = self._get_outgoing_uom(product)
        values = {
            "picking_type_id": picking_type.id,
            "partner_id": rma.partner_id.id,
            "origin": rma.name,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": rma.company_id.id,
            "rma_id": rma.id,
            "is_rma_return": True,
            "move_lines": [(0, 0, dict({
                "name": product.display_name,
                "origin": rma.name,
                "product_id": product.id,
                "product_uom_qty": qty,
                "product_uom": uom.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "partner_id": rma.partner_id.id,
                "picking_type_id": picking_type.id,
                "warehouse_id": rma.warehouse_id.id,
                "company_id": rma.company_id.id,
                "rma_line_id": self.id,
                "rma_disposition": disposition,
                "rma_lot_id": lot.id if lot else False,
            }, **self._prepare_chain_from(source, product)))],
        }
        if scheduled_date:
            values["move_lines"][0][2]["date_expected"] = scheduled_date
        return values
