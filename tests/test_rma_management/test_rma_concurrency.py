"""Clients creating RMAs at the same time on one sales order line never
authorize more than was delivered.

Each transaction needs its own cursor and sees only committed data, so the
set-up is committed through a separate cursor; the RMAs are deleted after."""
import psycopg2
from rma_test_helpers import deliver_in_full

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase

CLIENTS = 8


class TestConcurrentAuthorization(TransactionCase):

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create({"name": "Concurrent Returns Customer", "customer": True})
            product = env["product.product"].create({
                "name": "Concurrent Return Widget", "type": "consu", "list_price": 10.0,
                "invoice_policy": "delivery",
            })
            order = env["sale.order"].create({
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 5, "price_unit": 10.0})],
            })
            order.action_confirm()
            deliver_in_full(order)
            self.sale_line_id = order.order_line.id
            self.partner_id = partner.id
            self.reason_id = env["rma.reason"].create({"name": "Concurrent reason"}).id
        self.addCleanup(self._delete_rmas)

    def _delete_rmas(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            rmas = env["rma.order"].search([("partner_id", "=", self.partner_id)])
            env["mail.message"].search([("model", "=", "rma.order"), ("res_id", "in", rmas.ids)]).unlink()
            rmas.unlink()

    def _create_rma(self, cr, quantity=3):
        env = api.Environment(cr, SUPERUSER_ID, {})
        line_values = env["rma.order.line"]._prepare_from_sale_line(env["sale.order.line"].browse(self.sale_line_id))
        line_values.update(product_uom_qty=quantity, reason_id=self.reason_id)
        return env["rma.order"].create({"partner_id": self.partner_id, "line_ids": [(0, 0, line_values)]})

    def test_concurrent_rmas_never_authorize_more_than_delivered(self):
        cursors = [self.registry.cursor() for _i in range(CLIENTS)]
        outcomes = []
        try:
            for cr in cursors:
                cr.execute("SELECT 1")  # every client's transaction has started: none sees the others
            for cr in cursors:
                try:
                    self._create_rma(cr)
                    cr.commit()
                    outcomes.append("created")
                except psycopg2.extensions.TransactionRollbackError:
                    cr.rollback()
                    api.Environment(cr, SUPERUSER_ID, {}).clear()  # what the failed create left to compute
                    outcomes.append("retried")
        finally:
            for cr in cursors:
                cr.close()
        self.assertEqual(outcomes, ["created"] + ["retried"] * (CLIENTS - 1))
        # Odoo retries a transaction that failed to serialize: the retry sees the first RMA
        with self.registry.cursor() as cr:
            with self.assertRaisesRegex(ValidationError, "3.000 are already on other RMAs, so at most 2.000 can "
                                                         "come back"):
                self._create_rma(cr)
            cr.rollback()
            api.Environment(cr, SUPERUSER_ID, {}).clear()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            lines = env["rma.order.line"].search([("sale_line_id", "=", self.sale_line_id)])
            self.assertEqual(sum(lines.mapped("product_uom_qty")), 3)
