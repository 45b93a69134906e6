# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order.line is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
from odoo import _, api, fields, models
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero


class RmaOrderLine(models.Model):
    """What happens to the returned units once here: inspection and its
    dispositions (stock, quarantine, refurbish, scrap, send back)."""

    _inherit = "rma.order.line"

    # ------------------------------------------------------------------
    # Inspection and disposition
    # ------------------------------------------------------------------

    @api.multi
    def action_inspect(self):
        return self._action_decide("input")

    @api.multi
    def action_decide_quarantine(self):
        """Units in quarantine are not a dead end: decide them again."""
        return self._action_decide("quarantine")

    @api.multi
    def action_decide_refurbish(self):
        """Units being refurbished can be decided again, too."""
        return self._action_decide("refurbish")

    @api.multi
    def _action_decide(self, source):
        self.ensure_one()
        self._check_warehouse_user(_("inspect returned goods"))
        return self.env["rma.order"]._wizard_action(
            _("Inspect Returned Goods"), "rma.inspect", {"default_line_id": self.id, "default_source": source}
        )

    @api.multi
    def _get_decision_source(self, source):
        """The location of ``source`` (input, quarantine, refurbish) and how
        many of the line's units wait there for a decision."""
        self.ensure_one()
        warehouse = self.rma_id.warehouse_id
        return {
            "input": (warehouse.rma_loc_id, self.qty_to_inspect),
            "quarantine": (warehouse.rma_quarantine_loc_id, self.qty_in_quarantine),
            "refurbish": (warehouse.rma_refurbish_loc_id, self.qty_in_refurbish),
        }[source]

    @api.multi
    def _record_inspection(self, dispositions, result, note=False, source="input"):
        """Record the inspection of units waiting in ``source`` (received
        units in the RMA input, or units in quarantine or refurbish decided
        again) and carry out its ``dispositions``: a list of (disposition,
        quantity, lot)."""
        self.ensure_one()
        return self._record_inspections({self.id: dispositions}, result, note, source)

    @api.multi
    def _record_inspections(self, dispositions_by_line, result, note=False, source="input"):
        """Record one inspection of several lines at once (see
        _record_inspection): ``dispositions_by_line`` maps each line id to its
        dispositions; one chatter message per RMA, the hooks run once."""
        self._check_warehouse_user(_("inspect returned goods"))
        for line in self:
            line._dispose(dispositions_by_line[line.id], source)
        with workflow_write():
            self.write({
                "inspection_result": result,
                "inspection_user_id": self.env.uid,
                "inspection_date": fields.Datetime.now(),
                "inspection_note": note,
            })
        rmas = self.mapped("rma_id")
        for rma in rmas:
            rma.message_post(body="<br/>".join(
                line._describe_inspection(dispositions_by_line[line.id], source)
                for line in self if line.rma_id == rma
            ))
        rmas._after_inspection(self)
        rmas._auto_resolve()
        return True

    @api.multi
    def _describe_inspection(self, dispositions, source="input"):
        labels = dict(self.env["stock.move"]._fields["rma_disposition"]._description_selection(self.env))
        results = dict(self._fields["inspection_result"]._description_selection(self.env))
        return _("Inspection of %(product)s%(source)s by %(user)s: %(result)s. %(dispositions)s. %(note)s") % {
            "product": self.product_id.display_name,
            "source": "" if source == "input" else _(" in %s") % self._get_decision_source(source)[0].name,
            "user": self.env.user.name,
            "result": results.get(self.inspection_result),
            "dispositions": ", ".join(
                "%s %s: %s" % (qty, self.product_uom.name, labels[disposition])
                for disposition, qty, _lot in dispositions
            ),
            "note": self.inspection_note or "",
        }

    @api.multi
    def _dispose(self, dispositions, source="input"):
        """Move the units waiting in ``source`` out of its location as decided;
        decisions naming a lot go first, so the others take what is left."""
        self.ensure_one()
        self._check_approved()
        self._check_dispose_quantity([qty for _disposition, qty, _lot in dispositions], source)
        self._check_dispose_lots([lot for _disposition, _qty, lot in dispositions if lot])
        self._check_dispose_destinations([disposition for disposition, _qty, _lot in dispositions], source)
        warehouse = self.rma_id.warehouse_id
        location = self._get_decision_source(source)[0]
        destinations = {
            "stock": warehouse.lot_stock_id,
            "quarantine": warehouse.rma_quarantine_loc_id,
            "refurbish": warehouse.rma_refurbish_loc_id,
        }
        for disposition, qty, lot in sorted(dispositions, key=lambda decision: not decision[2]):
            if disposition == "scrap":
                self._scrap(qty, lot, location)
            elif disposition == "reject":
                picking = self._create_outgoing_picking(
                    self.product_id, qty, location, disposition="reject", lot=lot,
                )
                picking.move_lines._check_rma_reserved()
            else:
                # refurbished units going to stock are counted as such (accepted once)
                kind = "refurbished" if source == "refurbish" and disposition == "stock" else disposition
                with workflow_write():  # the move points at the line
                    move = self.env["stock.move"].create(self._prepare_internal_move(
                        qty, location, destinations[disposition], kind, lot,
                    ))
                move._rma_process()
        return True

    @api.multi
    def _check_dispose_destinations(self, dispositions, source):
        """Units decided again go somewhere else than where they are."""
        self.ensure_one()
        if source in dispositions:
            location = self._get_decision_source(source)[0]
            raise UserError(
                _("The units of %(product)s on %(rma)s are already in %(location)s: choose another decision.")
                % {"product": self.product_id.display_name, "rma": self.rma_id.name,
                   "location": location.display_name}
            )
        return True

    @api.multi
    def _check_approved(self):
        """Returned goods are handled once their RMA is approved; what was
        received stays in hand even if the RMA is resolved or cancelled later."""
        for line in self:
            if line.state in ("draft", "to_approve"):
                raise UserError(
                    _("%(rma)s is not approved yet: the goods of %(product)s cannot be handled.")
                    % {"product": line.product_id.display_name, "rma": line.rma_id.name}
                )

    @api.multi
    def _check_dispose_quantity(self, quantities, source="input"):
        """Each decided quantity is positive and together they are not more than waits in ``source``."""
        self.ensure_one()
        rounding = self.product_uom.rounding
        if not quantities or any(float_compare(qty, 0.0, precision_rounding=rounding) <= 0 for qty in quantities):
            raise UserError(_("Enter a positive quantity for each decision on %s.") % self.product_id.display_name)
        for qty in quantities:
            self._check_qty_rounding(qty, self.product_uom, self.product_id)
        quantity = sum(quantities)
        location, waiting = self._get_decision_source(source)
        if float_compare(quantity, waiting, precision_rounding=rounding) > 0:
            if source == "input":
                message = _("You cannot dispose of %(qty)s %(uom)s of %(product)s on %(rma)s: only %(left)s were "
                            "received and wait in the RMA input location.")
            else:
                message = _("You cannot dispose of %(qty)s %(uom)s of %(product)s on %(rma)s: only %(left)s of "
                            "its units are in %(location)s.")
            raise UserError(message % {
                "qty": quantity, "uom": self.product_uom.name, "product": self.product_id.display_name,
                "rma": self.rma_id.name, "left": waiting, "location": location.display_name,
            })

    @api.multi
    def _check_dispose_lots(self, lots):
        """A decided lot is one the customer returned on this line."""
        self.ensure_one()
        foreign = lots and self.env["stock.production.lot"].union(*lots) - self.lot_ids
        if foreign:
            raise UserError(
                _("%(lots)s was not received on %(rma)s for %(product)s: choose among %(received)s.")
                % {"lots": ", ".join(foreign.mapped("name")), "rma": self.rma_id.name,
                   "product": self.product_id.display_name,
                   "received": ", ".join(self.lot_ids.mapped("name")) or _("no lot")}
            )

    @api.multi
    def _prepare_chain_from(self, source, product):
        """Links of a move of ``product`` leaving ``source``: when that is one
        of the RMA's own locations (input, quarantine, refurbish), the move follows the
        line's moves that brought the product there, so it reserves those
        units (lots included), not another RMA's."""
        self.ensure_one()
        warehouse = self.rma_id.warehouse_id
        if source not in warehouse.rma_loc_id | warehouse.rma_quarantine_loc_id | warehouse.rma_refurbish_loc_id:
            return {}
        arrivals = self.move_ids.filtered(
            lambda move: move.state == "done" and move.location_dest_id == source and move.product_id == product
        )
        return {"move_orig_ids": [(6, 0, arrivals.ids)]}

    @api.multi
    def _prepare_internal_move(self, qty, source, destination, disposition, lot=False):
        self.ensure_one()
        return dict({
            "name": "%s: %s" % (self.rma_id.name, self.product_id.display_name),
            "origin": self.rma_id.name,
            "product_id": self.product_id.id,
            "product_uom_qty": qty,
            "product_uom": self.product_uom.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": self.company_id.id,
            "warehouse_id": self.rma_id.warehouse_id.id,
            "rma_line_id": self.id,
            "rma_disposition": disposition,
            "rma_lot_id": lot.id if lot else False,
        }, **self._prepare_chain_from(source, self.product_id))

    @api.multi
    def _scrap(self, qty, lot=False, location=False):
        """Write units off from ``location`` (the RMA input by default) with an Odoo scrap order."""
        self.ensure_one()
        warehouse = self.rma_id.warehouse_id
        location = location or warehouse.rma_loc_id
        if not lot and self.product_id.tracking != "none":
            lot = self._get_lot_in(qty, location)
        # the scrap order and its move point at the line
        with workflow_write():
            scrap = self.env["stock.scrap"].create({
                "product_id": self.product_id.id,
                "product_uom_id": self.product_uom.id,
                "scrap_qty": qty,
                "lot_id": lot.id if lot else False,
                "location_id": location.id,
                "scrap_location_id": warehouse.rma_scrap_loc_id.id,
                "origin": self.rma_id.name,
                "rma_line_id": self.id,
            })
            scrap.do_scrap()
        return scrap

    @api.multi
    def _get_lot_in(self, qty, location):
        """A lot returned on this line of which ``qty`` are free in ``location``."""
        self.ensure_one()
        quant = self.env["stock.quant"]
        qty = self.product_uom._compute_quantity(qty, self.product_id.uom_id)
        rounding = self.product_id.uom_id.rounding
        for lot in self.lot_ids.sorted("name"):
            available = quant._get_available_quantity(self.product_id, location, lot_id=lot)
            if float_compare(available, qty, precision_rounding=rounding) >= 0:
                return lot
        return self.env["stock.production.lot"]

    @api.multi
    def action_refurbished_to_stock(self):
        """The refurbished units are as good as new: move them to stock."""
        self._check_warehouse_user(_("move refurbished units to stock"))
        moves = self.env["stock.move"]
        for line in self:
            if float_is_zero(line.qty_in_refurbish, precision_rounding=line.product_uom.rounding):
                raise UserError(_("No unit of %s is being refurbished.") % line.product_id.display_name)
            warehouse = line.rma_id.warehouse_id
            with workflow_write():  # they point at the lines
                moves |= moves.create(line._prepare_internal_move(
                    line.qty_in_refurbish, warehouse.rma_refurbish_loc_id, warehouse.lot_stock_id, "refurbished"
                ))
        moves._rma_process()
        self.mapped("rma_id")._auto_resolve()
        return True
