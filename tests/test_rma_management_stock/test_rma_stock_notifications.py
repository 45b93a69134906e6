"""The warehouse's to-do once an approved return's goods are expected, and
the customer told when they arrive."""
from .rma_stock_common import RmaStockCase


class TestRmaStockNotifications(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.clerk = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Receipts Clerk", "login": "rma_receipts_clerk", "email": "clerk@example.com",
            "groups_id": [(6, 0, self.env.ref("stock.group_stock_user").ids)],
        })
        self.receipt_type = self.env.ref("rma_management_stock.mail_activity_rma_receipt")
        order = self._sell_and_deliver(self.product, 3)
        self.rma = self._create_rma([(order.order_line, 3, "refund")])

    def _receipt_activities(self, rma):
        return rma.activity_ids.filtered(lambda activity: activity.activity_type_id == self.receipt_type)

    def test_approval_gives_the_configured_warehouse_user_the_receipt_todo(self):
        self.company.rma_warehouse_user_id = self.clerk
        self._approve(self.rma)
        activity = self._receipt_activities(self.rma)
        self.assertEqual(len(activity), 1, "one to-do per RMA")
        self.assertEqual(activity.user_id, self.clerk)
        self.assertEqual(activity.summary, "Receive the goods of %s" % self.rma.name)
        # received: the to-do is done, the customer (a follower) is told
        self._validate(self._receipt(self.rma).sudo(self.clerk))
        self.assertFalse(self._receipt_activities(self.rma))
        done = self.rma.message_ids.filtered(lambda msg: msg.mail_activity_type_id == self.receipt_type)
        self.assertEqual(done.author_id, self.clerk.partner_id)
        received = self.rma.message_ids.filtered(
            lambda msg: msg.subtype_id == self.env.ref("rma_management_stock.mt_rma_goods_received")
        )
        self.assertEqual(received.body, "<p>Goods received: 3.0 Returned Widget.</p>")
        self.assertEqual(received.author_id, self.clerk.partner_id)
        self.assertIn(self.customer, received.notification_ids.mapped("res_partner_id"))

    def test_without_setting_a_warehouse_user_gets_it(self):
        self._approve(self.rma)
        self.assertTrue(self._receipt_activities(self.rma).user_id.has_group("stock.group_stock_user"))

    def test_nothing_expected_no_todo_and_cancel_removes_it(self):
        service = self.env["product.product"].create({"name": "Returned Service", "type": "service"})
        rma = self._approve(self._create_rma([(service, 1, "refund")]))
        self.assertFalse(self._receipt_activities(rma), "no goods expected")
        self._approve(self.rma)
        self.rma.action_cancel()
        self.assertFalse(self._receipt_activities(self.rma))
