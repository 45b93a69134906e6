"""The Return Products wizard: nothing to return until a quantity is typed
(which ticks the line), excess and non-returnable lines flagged on the line
with why, and reason and outcome per line with the wizard's as default."""
from rma_test_helpers import return_type

from odoo.exceptions import UserError

from .common import RmaCase


class TestRmaReturnWizard(RmaCase):

    def setUp(self):
        super().setUp()
        self.brick = self._product("Brick", 5.0)
        self.brick.product_tmpl_id.rma_returnable = False
        self.order = self._sale_order([
            (self.product, 10, 100.0, 0.0),
            (self.product_2, 5, 40.0, 0.0),
            (self.brick, 2, 5.0, 0.0),
        ])
        self.other_reason = self.env["rma.reason"].create({"name": "Wrong colour"})

    def _wizard(self, order=None, **values):
        return self.env["rma.add.sale.lines"].with_context(default_sale_order_id=(order or self.order).id).create(
            dict({"reason_id": self.reason.id}, **values))

    def _item(self, wizard, product):
        return wizard.item_ids.filtered(lambda item: item.product_id == product)

    def test_quantities_start_at_zero_and_typing_one_ticks_the_line(self):
        item = self._item(self._wizard(), self.product)
        self.assertEqual((item.selected, item.quantity, item.qty_returnable), (False, 0.0, 10.0))
        item.quantity = 3
        self.assertEqual(item._onchange_quantity(), {})
        self.assertTrue(item.selected, "typing a quantity ticks the line: no second click on the checkbox")
        item.quantity = 0
        item._onchange_quantity()
        self.assertFalse(item.selected)
        item.selected = True
        item._onchange_selected()
        self.assertEqual(item.quantity, 10.0, "ticking proposes what can still come back")

    def test_excess_is_flagged_on_the_line_and_refused_on_create(self):
        wizard = self._wizard()
        item = self._item(wizard, self.product)
        item.quantity = 12
        warning = item._onchange_quantity()["warning"]
        self.assertEqual(warning["message"], "Widget: Only 10.0 %s can come back." % self.product.uom_id.name)
        self.assertEqual(item.note, "Only 10.0 %s can come back." % self.product.uom_id.name)
        self.assertTrue(item.selected)
        rmas_before = self.env["rma.order"].search_count([])
        message = r"These products cannot be returned as entered:(\\n|\n)Widget: Only 10.0"
        with self.assertRaisesRegex(UserError, message), self.env.cr.savepoint():
            wizard.action_add_lines()
        self.assertEqual(self.env["rma.order"].search_count([]), rmas_before)
        self.assertEqual(self.order.order_line[0].qty_returnable, 10.0)

    def test_reason_and_outcome_per_line_with_the_wizards_as_default(self):
        wizard = self._wizard(rma_operation_id=return_type(self.env, "refund").id)
        self._item(wizard, self.product).write({
            "selected": True, "quantity": 2, "reason_id": self.other_reason.id,
            "rma_operation_id": return_type(self.env, "replace").id,
        })
        self._item(wizard, self.product_2).write({"selected": True, "quantity": 1})
        rma = self.env["rma.order"].browse(wizard.action_add_lines()["res_id"])
        by_product = {
            line.product_id: (line.product_uom_qty, line.reason_id, line.operation_id.code) for line in rma.line_ids
        }
        self.assertEqual(by_product, {
            self.product: (2, self.other_reason, "replace"),
            self.product_2: (1, self.reason, "refund"),
        })

    def test_a_line_without_any_reason_is_refused(self):
        wizard = self._wizard(reason_id=False)
        self._item(wizard, self.product).write({"selected": True, "quantity": 2, "reason_id": self.reason.id})
        self._item(wizard, self.product_2).write({"selected": True, "quantity": 1})
        rmas_before = self.env["rma.order"].search_count([])
        with self.assertRaisesRegex(UserError, "Gizmo: Give the return reason, on the line or for all products."), \
                self.env.cr.savepoint():
            wizard.action_add_lines()
        self.assertEqual(self.env["rma.order"].search_count([]), rmas_before)

    def test_lines_that_cannot_come_back_say_why_and_are_refused(self):
        self._rma_from_order(self.order, {self.product_2: 5})
        undelivered = self._sale_order([(self.product, 1, 100.0, 0.0)], deliver=False)
        wizard = self._wizard()
        notes = {item.product_id: (item.can_return, item.note) for item in wizard.item_ids}
        self.assertEqual(notes, {
            self.product: (True, False),
            self.product_2: (False, "Already returned: every delivered unit is on an RMA."),
            self.brick: (False, "Not returnable."),
        })
        self.assertEqual(self._wizard(undelivered).item_ids.note, "Not delivered yet.")
        self._item(wizard, self.brick).write({"selected": True, "quantity": 1})
        rmas_before = self.env["rma.order"].search_count([])
        with self.assertRaisesRegex(UserError, "Brick: Not returnable."), self.env.cr.savepoint():
            wizard.action_add_lines()
        self.assertEqual(self.env["rma.order"].search_count([]), rmas_before)
