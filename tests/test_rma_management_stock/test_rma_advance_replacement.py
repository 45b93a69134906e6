"""The advance replacement (standard type): the replacement ships on approval,
before the customer's goods come back; they are due within the type's days,
and the RMA's responsible gets a to-do once they are late."""
from datetime import timedelta

from odoo import fields

from .rma_stock_common import RmaStockCase


class TestRmaAdvanceReplacement(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.advance = self.env.ref("rma_management_stock.rma_operation_advance_replace")
        self.order = self._sell_and_deliver(self.product, 3)
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 3)
        self.overdue = self.env.ref("rma_management_stock.mail_activity_rma_return_overdue")

    def _deliveries(self, rma):
        return rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")

    def test_ships_first_then_receives(self):
        self.assertEqual((self.advance.delivery_policy, self.advance.delivery_timing, self.advance.return_days),
                         ("replacement", "before_receipt", 15))
        rma = self._approve(self._create_rma([(self.order.order_line, 2, self.advance)]))
        line = rma.line_ids
        today = fields.Date.from_string(fields.Date.context_today(rma))
        self.assertEqual(line.return_due_date, fields.Date.to_string(today + timedelta(days=15)))
        delivery = self._deliveries(rma)
        self.assertEqual(len(delivery), 1, "the replacement goes out on approval")
        self.assertEqual((delivery.move_lines.product_id, delivery.move_lines.product_uom_qty), (self.product, 2))
        self.assertEqual(delivery.state, "assigned")
        self._validate(delivery)
        self.assertEqual(line.qty_delivered, 2)
        self.assertEqual((line.qty_received, line.stock_status), (0, "pending"), "the goods are still expected")
        self.assertFalse(rma.ship_kind, "nothing more to ship")

        self._validate(self._receipt(rma))
        self.assertEqual(line.qty_received, 2)
        self._inspect(line, [("stock", 2)])
        self.assertEqual(line.stock_status, "shipped")
        self.assertFalse(rma.ship_kind, "a unit per unit authorized, shipped already: no second replacement")
        self.assertEqual(len(self._deliveries(rma)), 1)

    def test_late_goods_give_the_responsible_a_to_do_once(self):
        rma = self._approve(self._create_rma([(self.order.order_line, 2, self.advance)]))
        on_time = self._approve(self._create_rma([(self.order.order_line, 1, self.advance)]))
        late_day = fields.Date.from_string(fields.Date.context_today(rma)) - timedelta(days=1)
        self.env.cr.execute("UPDATE rma_order_line SET return_due_date = %s WHERE id = %s",
                            (fields.Date.to_string(late_day), rma.line_ids.id))
        rma.line_ids.invalidate_cache()
        self.env["rma.order.line"]._cron_remind_overdue_returns()
        todo = rma._get_activities(self.overdue)
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, rma.user_id)
        self.assertEqual(todo.summary, "Goods of %s overdue" % rma.name)
        self.assertFalse(on_time._get_activities(self.overdue), "not yet due")
        self.env["rma.order.line"]._cron_remind_overdue_returns()
        self.assertEqual(len(rma._get_activities(self.overdue)), 1, "one to-do, not one a day")
        cron = self.env.ref("rma_management_stock.ir_cron_rma_overdue_returns")
        self.assertEqual((cron.interval_type, cron.active), ("days", True))
