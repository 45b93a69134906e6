# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.addons import decimal_precision as dp


class RmaInspect(models.TransientModel):
    """Inspect received units of an RMA line and decide, per quantity, what happens to them."""

    _name = "rma.inspect"
    _inherit = ["rma.value.guard"]
    _description = "Inspect Returned Goods"

    line_id = fields.Many2one("rma.order.line", string="RMA Line", required=True, readonly=True)
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
        line = self.env["rma.order.line"].browse(values.get("line_id"))
        if line and "item_ids" in fields_list:
            waiting = line._get_decision_source(values.get("source") or "input")[1]
            values["item_ids"] = [(0, 0, {"disposition": "stock", "quantity": waiting})]
        return values

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.line_id._record_inspection(
            [(item.disposition, item.quantity, item.lot_id) for item in self.item_ids], self.result, self.note,
            self.source,
        )
        return {"type": "ir.actions.act_window_close"}
