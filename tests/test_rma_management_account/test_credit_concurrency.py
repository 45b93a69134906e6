"""Two users crediting the same RMA at the same time credit it once.

Each transaction needs its own cursor and sees only committed data, so this
test commits its data through a separate cursor and deletes it afterwards."""
import psycopg2
from rma_test_helpers import return_type

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from .rma_account_common import skip_unless_installed


class TestCreditConcurrency(TransactionCase):

    def setUp(self):
        super().setUp()
        skip_unless_installed(self)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create({"name": "Concurrent Customer", "customer": True})
            product = env["product.product"].create({"name": "Concurrent Widget", "list_price": 40.0})
            rma = env["rma.order"].create({
                "partner_id": partner.id,
                "line_ids": [(0, 0, {
                    "product_id": product.id, "product_uom_qty": 2, "price_unit": 40.0,
                    "operation_id": return_type(env, "credit_only").id,
                    "reason_id": env["rma.reason"].create({"name": "Concurrent reason"}).id,
                })],
            })
            rma.action_confirm()
            if rma.state == "to_approve":
                rma.action_approve()
            # the credit note made at approval is cancelled: its quantity is due again
            rma.credit_note_ids.action_invoice_cancel()
            self.rma_id = rma.id
        self.addCleanup(self._delete_committed_data)

    def _delete_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            rma = env["rma.order"].browse(self.rma_id)
            partner, product, reason = rma.partner_id, rma.line_ids.product_id, rma.line_ids.reason_id
            rma.credit_note_ids.filtered(lambda inv: inv.state == "draft").action_invoice_cancel()
            rma.credit_note_ids.unlink()
            rma.action_cancel()
            env["mail.message"].search([("model", "=", "rma.order"), ("res_id", "=", rma.id)]).unlink()
            rma.unlink()
            product.unlink()
            partner.unlink()
            reason.unlink()

    def test_two_transactions_never_credit_twice(self):
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            rma1 = api.Environment(cr1, SUPERUSER_ID, {})["rma.order"].browse(self.rma_id)
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            rma2 = env2["rma.order"].browse(self.rma_id)
            # both users see the 2 units due
            self.assertEqual(rma1.line_ids.qty_to_credit, 2)
            self.assertEqual(rma2.line_ids.qty_to_credit, 2)

            rma1.action_create_credit_notes()
            cr1.commit()
            # the second transaction started before the first committed: it must not credit again
            with self.assertRaises(psycopg2.extensions.TransactionRollbackError):
                rma2._create_credit_notes()
            cr2.rollback()
            env2.clear()

            # Odoo retries such a transaction: now nothing is due any more
            with self.assertRaises(UserError) as error:
                rma2.action_create_credit_notes()
            self.assertIn("Nothing to credit", error.exception.name)
            cr2.rollback()
            env2.clear()
            credit_notes = rma2.credit_note_ids.filtered(lambda inv: inv.state != "cancel")
            self.assertEqual(len(credit_notes), 1)
            self.assertEqual(credit_notes.amount_untaxed, 80.0)
            self.assertEqual(rma2.line_ids.qty_credited, 2)
        finally:
            cr1.close()
            cr2.close()
