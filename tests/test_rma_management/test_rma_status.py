"""The core's status precedence table: whatever the installed addons, the same
facts give the same status, and an RMA resolves itself only when each line is
followed and nothing is pending."""
from odoo.addons.rma_management.models.rma_order_status import FOLLOWED

from .common import RmaCase


class TestRmaStatusTable(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([(self.product, 10, 100.0, 0.0), (self.product_2, 5, 40.0, 0.0)])

    def _status(self, state, facts):
        return self.env["rma.order"].new({"state": state})._get_status(set(facts))

    def test_first_row_that_applies_wins(self):
        for facts, status in [
            ({"goods_expected", "goods_received", "credit_pending"}, "partially_received"),
            ({"goods_expected", "to_inspect"}, "pending_receipt"),
            ({"to_inspect", "to_decide"}, "waiting_inspection"),
            ({"to_decide", "shipped", "credit_pending"}, "fully_received"),
            ({"in_quarantine", "in_refurbish"}, "waiting_action"),
            ({"in_refurbish", "delivery_ready"}, "in_progress"),
            ({"delivery_ready", "shipped"}, "ready_to_ship"),
            ({"shipped", "credit_pending"}, "shipped"),
            ({"credit_pending", "delivered"}, "credit_pending"),
            ({"delivered", "credited", FOLLOWED}, "delivered"),
            ({"credited", "goods_received"}, "credited"),
            ({FOLLOWED}, "approved"),
        ]:
            self.assertEqual(self._status("approved", facts), status, facts)

    def test_resolved_keeps_delivered_only(self):
        self.assertEqual(self._status("done", {"delivered", "credited"}), "delivered")
        self.assertEqual(self._status("done", {"shipped", "credited"}), "done")
        self.assertEqual(self._status("to_approve", {"goods_expected"}), "to_approve")

    def test_resolvable_when_each_line_is_followed_and_nothing_pending(self):
        rma = self._rma_from_order(self.order)
        first, second = rma.line_ids.ids
        for by_line, resolvable in [
            ({first: {FOLLOWED, "credited"}, second: {FOLLOWED, "goods_received"}}, True),
            ({first: {FOLLOWED, "credited"}, second: set()}, False),  # no addon follows the second line
            ({first: {FOLLOWED, "delivered"}, second: {FOLLOWED, "in_quarantine"}}, False),
            ({first: {FOLLOWED, "shipped"}, second: {FOLLOWED}}, False),
            ({first: {FOLLOWED}}, True),  # the second line is cancelled
            ({}, False),
        ]:
            self.assertEqual(rma._is_resolvable(by_line), resolvable, by_line)

    def test_refresh_recomputes_a_stale_status(self):
        rma = self._rma_from_order(self.order, {self.product: 1})
        rma.action_confirm()
        expected = rma.status
        self.env.cr.execute("UPDATE rma_order SET status = 'rejected' WHERE id = %s", (rma.id,))
        rma.invalidate_cache()
        self.assertEqual(rma.status, "rejected")
        rma._refresh_status()
        self.assertEqual((rma.status, rma.state), (expected, "approved"))

    def test_core_alone_resolves_by_hand_only(self):
        if self.env["ir.module.module"].search_count([
            ("name", "in", ("rma_management_stock", "rma_management_account")), ("state", "=", "installed"),
        ]):
            self.skipTest("the stock and account addons follow the lines")
        rma = self._rma_from_order(self.order, {self.product: 1})
        rma.action_confirm()
        self.assertEqual((rma.status, rma.state), ("approved", "approved"))
        self.assertFalse(rma._auto_resolve(), "nothing follows its lines: nobody knows it is over")
        rma.action_done()
        self.assertEqual((rma.status, rma.state), ("done", "done"))
