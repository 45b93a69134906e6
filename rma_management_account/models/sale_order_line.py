# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import float_compare, float_is_zero, float_round

from .rma_order_line import VALIDATED_INVOICE_STATES


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.multi
    def _share_rma_credit(self, rma_lines, creditable):
        """Share what the invoices of this line have left to credit among its
        ``rma_lines``, each taking in turn what it is due (``creditable``, by
        line id, in its unit): lines with a chosen invoice first, so that the
        others leave it to them, then by line. Returns lists of (origin invoice
        line, quantity in the RMA line's unit) by RMA line id."""
        self.ensure_one()
        rooms = self._get_rma_credit_rooms()
        return {
            rma_line.id: self._take_rma_credit_room(rma_line, creditable[rma_line.id], rooms)
            for rma_line in rma_lines.sorted(lambda line: (not line.origin_invoice_id, line.id))
        }

    @api.multi
    def _take_rma_credit_room(self, rma_line, qty, rooms):
        """Take up to ``qty`` (in the RMA line's unit) from ``rooms`` (see
        _get_rma_credit_rooms, updated in place): from the line's chosen
        invoice only, else from the latest invoices first."""
        self.ensure_one()
        uom = rma_line.product_uom
        taken = []
        for room in rooms:
            origin_line, available = room
            if float_is_zero(qty, precision_rounding=uom.rounding):
                break
            if rma_line.origin_invoice_id and origin_line.invoice_id != rma_line.origin_invoice_id:
                continue
            take = float_round(
                min(qty, self.product_uom._compute_quantity(available, uom, round=False)),
                precision_rounding=uom.rounding,
            )
            if float_compare(take, 0.0, precision_rounding=uom.rounding) <= 0:
                continue
            room[1] -= uom._compute_quantity(take, self.product_uom, round=False)
            qty -= take
            taken.append((origin_line, take))
        return taken

    @api.multi
    def _get_rma_credit_rooms(self):
        """What each validated invoice of this line has left to credit, latest
        first: [origin invoice line, quantity in this line's unit]. An invoice
        has what it billed minus what credit notes (the order's own and the
        RMAs', drafts included) credited against it; credits against no such
        invoice, and beyond what an invoice billed, take from the latest
        invoices first."""
        self.ensure_one()
        uom = self.product_uom
        billed, origin_lines, credited = defaultdict(float), {}, defaultdict(float)
        for invoice_line in self.invoice_lines:
            invoice = invoice_line.invoice_id
            qty = invoice_line.uom_id._compute_quantity(invoice_line.quantity, uom, round=False)
            if invoice.type == "out_invoice" and invoice.state in VALIDATED_INVOICE_STATES:
                billed[invoice] += qty
                origin_lines.setdefault(invoice, invoice_line)
            elif invoice.type == "out_refund" and invoice.state != "cancel":
                credited[invoice.refund_invoice_id] += qty
        for credit_line in self.mapped("rma_line_ids.credit_line_ids"):
            if credit_line.invoice_id.state != "cancel":
                credited[credit_line.invoice_id.refund_invoice_id] += credit_line.uom_id._compute_quantity(
                    credit_line.quantity, uom, round=False,
                )
        invoices = sorted(billed, key=lambda invoice: (invoice.date_invoice or "", invoice.id), reverse=True)
        rooms = [[origin_lines[invoice], billed[invoice] - credited[invoice]] for invoice in invoices]
        excess = sum(qty for invoice, qty in credited.items() if invoice not in billed)
        excess += sum(-available for _origin_line, available in rooms if available < 0)
        for room in rooms:
            take = min(max(room[1], 0.0), excess)
            room[1] = max(room[1], 0.0) - take
            excess -= take
        return rooms
