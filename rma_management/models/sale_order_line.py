# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.addons import decimal_precision as dp


class LockedSaleLines(frozenset):
    """Ids of sales order lines that ``_lock_for_rma`` locked for the RMA
    being written, passed to its lines in the context: a Python type, so no
    RPC caller can send one and skip a lock."""


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    rma_line_ids = fields.One2many("rma.order.line", "sale_line_id", string="RMA Lines")
    qty_returnable = fields.Float(
        string="Returnable Quantity", compute="_compute_qty_returnable",
        digits=dp.get_precision("Product Unit of Measure"),
        help="Delivered quantity minus what RMAs (not cancelled) already authorized.",
    )

    @api.depends("qty_delivered", "rma_line_ids.product_uom_qty", "rma_line_ids.state")
    def _compute_qty_returnable(self):
        authorized = self._get_rma_authorized_qty()
        for line in self:
            line.qty_returnable = max(line.qty_delivered - authorized.get(line.id, 0.0), 0.0)

    @api.multi
    def _get_rma_authorized_qty(self, exclude=None):
        """Quantity on RMA lines that are not cancelled, by sale line id, in the
        sale line's unit; lines in ``exclude`` are left out. One query."""
        domain = [("sale_line_id", "in", self.ids), ("state", "!=", "cancel")]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        groups = self.env["rma.order.line"].sudo().read_group(
            domain, ["sale_line_id", "product_uom", "product_uom_qty"], ["sale_line_id", "product_uom"], lazy=False,
        )
        uoms = {uom.id: uom for uom in self.env["product.uom"].browse({group["product_uom"][0] for group in groups})}
        sale_lines = {line.id: line for line in self}
        authorized = defaultdict(float)
        for group in groups:
            sale_line = sale_lines[group["sale_line_id"][0]]
            uom = uoms[group["product_uom"][0]]
            authorized[sale_line.id] += uom._compute_quantity(group["product_uom_qty"], sale_line.product_uom)
        return authorized

    @api.multi
    def _lock_for_rma(self):
        """Serialize what RMAs authorize on these lines. The update changes
        nothing but makes a concurrent transaction that authorizes on the same
        lines fail with a serialization error once this one commits (Odoo
        retries it, and it then sees this one's RMA lines), so concurrent RMAs
        never authorize more than was delivered. A mere row lock would not do:
        the waiting transaction would go on reading its older snapshot."""
        if self.ids:
            self.env.cr.execute("UPDATE sale_order_line SET write_date = write_date WHERE id IN %s",
                                (tuple(self.ids),))
        return LockedSaleLines(self.ids)
