# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError


class RmaInspect(models.TransientModel):
    """Inspect received units and decide, per quantity, what happens to them:
    of one RMA line, or (from the RMA's header) of all its lines waiting in
    the RMA input at once."""

    _name = "rma.inspect"
    _inherit = ["rma.value.guard"]
    _description = "Inspect Returned Goods"

    line_id = fields.Many2one("rma.order.line", string="RMA Line", readonly=True)
    rma_id = fields.Many2one(
        "rma.order", string="RMA", readonly=True,
        help="Set when several lines of the RMA are inspected at once: each decision names its line.",
    )
    product_id = fields.Many2one(related="line_id.product_id", readonly=True)
    product_uom = fields.Many2one(related="line_id.product_uom", readonly=True)
    source = fields.Selection(
        [("input", "RMA Input"), ("quarantine", "Quarantine"), ("refurbish", "Refurbish")],
        string="Units In", required=True, default="input", readonly=True,
        help="Where the decided units are: received units wait in the RMA input; units in quarantine or "
             "being refurbished can be decided again.",
    )
    qty_to_inspect = fields.Float(
        compute="_compute_qty_to_inspect", string="To Decide", digits=dp.get_precision("Product Unit of Measure"),
    )
    result = fields.Selection(
        # the labels of the line's field in the user's language (a callable selection is not translated)
        lambda self: self.env["rma.order.line"]._fields["inspection_result"]._description_selection(self.env),
        required=True, default="passed",
    )
    note = fields.Text()
    item_ids = fields.One2many("rma.inspect.item", "wizard_id", string="Decisions")

    @api.depends("line_id", "source")
    def _compute_qty_to_inspect(self):
        for wizard in self.filtered("line_id"):
            wizard.qty_to_inspect = wizard.line_id._get_decision_source(wizard.source)[1]

    @api.model
    def default_get(self, fields_list):
        values = super(RmaInspect, self).default_get(fields_list)
        if "item_ids" not in fields_list:
            return values
        line = self.env["rma.order.line"].browse(values.get("line_id"))
        if line:
            waiting = line._get_decision_source(values.get("source") or "input")[1]
            values["item_ids"] = [(0, 0, {"disposition": "stock", "quantity": waiting})]
        elif values.get("rma_id"):
            lines = self.env["rma.order"].browse(values["rma_id"])._get_lines_to_inspect()
            values["item_ids"] = [
                (0, 0, {"line_id": line.id, "disposition": "stock", "quantity": line.qty_to_inspect})
                for line in lines
            ]
        return values

    @api.multi
    def _get_dispositions_by_line(self):
        """The decisions of each line: (disposition, quantity, lot) lists by line."""
        self.ensure_one()
        by_line = defaultdict(list)
        for item in self.item_ids:
            line = item.line_id or self.line_id
            if not line or (self.rma_id and line.rma_id != self.rma_id):
                raise UserError(_("Choose the RMA line of each decision, among the lines of %s.")
                                % self.rma_id.name)
            by_line[line] += [(item.disposition, item.quantity, item.lot_id)]
        return by_line

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        by_line = self._get_dispositions_by_line()
        lines = self.line_id.union(*by_line)
        if not lines:
            raise UserError(_("Add a decision for the units to inspect."))
        lines._record_inspections(
            {line.id: by_line.get(line, []) for line in lines}, self.result, self.note, self.source,
        )
        return {"type": "ir.actions.act_window_close"}
