"""Reopen: an RMA manager sets a wrongly resolved RMA back to approved."""
from rma_test_helpers import return_type

from odoo.exceptions import AccessError, UserError

from .common import RmaCase


class TestRmaReopen(RmaCase):

    def setUp(self):
        super().setUp()
        service = self._product("Support Plan", 30.0, type="service", invoice_policy="order")
        self.rma = self.env["rma.order"].create({
            "partner_id": self.customer.id,
            "line_ids": [(0, 0, {"product_id": service.id, "product_uom_qty": 1, "price_unit": 30.0,
                                 "operation_id": return_type(self.env, "no_credit").id, "reason_id": self.reason.id})],
        })
        self.rma.action_confirm()
        if self.rma.state == "to_approve":
            self.rma.action_approve()
        self.assertTrue(self.rma.can_resolve, "nothing pending on a line nothing follows")
        self.rma.action_done()

    def test_manager_reopens_a_resolved_rma(self):
        self.assertEqual(self.rma.state, "done")
        self.assertTrue(self.rma.date_done)
        self.rma.sudo(self.rma_manager).action_reopen()
        self.assertEqual((self.rma.state, self.rma.line_ids.state, self.rma.status), ("approved",) * 3)
        self.assertFalse(self.rma.date_done)
        self.assertEqual(self.rma.message_ids[0].body, "<p>Reopened by Rma Manager.</p>")
        self.rma.action_done()
        self.assertEqual(self.rma.state, "done")

    def test_reopen_refused_to_users_and_on_open_rmas(self):
        with self.assertRaisesRegex(AccessError, "Only RMA managers can reopen a resolved RMA."):
            self.rma.sudo(self.rma_user).action_reopen()
        self.assertEqual(self.rma.state, "done")
        self.rma.action_reopen()
        messages = len(self.rma.message_ids)
        with self.assertRaisesRegex(UserError, "Only resolved RMAs can be reopened: %s is not." % self.rma.name):
            self.rma.action_reopen()
        self.assertEqual((self.rma.state, len(self.rma.message_ids)), ("approved", messages))
