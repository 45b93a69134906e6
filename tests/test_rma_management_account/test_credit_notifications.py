"""A credit that could not be made goes to accounting; a validated credit
note is news for the customer; a restocking fee needs its account, said
when the settings are saved."""
from odoo import fields
from odoo.exceptions import ValidationError

from .rma_account_common import RmaAccountCase


class TestCreditNotifications(RmaAccountCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale([(self.product, 2, 100.0, 0.0, self.tax_15)])
        self._invoice(self.order)
        self.accountant = self._user("rma_accountant", "account.group_account_invoice")
        self.rma_user = self._user("rma_credit_user", "rma_management.group_rma_user")

    def _failed_credit(self):
        """An RMA whose automatic credit fails: its period is locked."""
        self.env.cr.execute("UPDATE res_company SET period_lock_date = %s WHERE id = %s",
                            (fields.Date.today(), self.company.id))
        self.company.invalidate_cache()
        self.company.rma_credit_note_validate = True
        rma = self._rma([(self.order.order_line, 1)])
        rma.user_id = self.rma_user
        rma.sudo(self.rma_user).action_confirm()
        return rma

    def test_failed_credit_goes_to_the_configured_accountant(self):
        self.company.rma_accountant_id = self.accountant
        rma = self._failed_credit()
        activity = rma.activity_ids
        self.assertEqual((activity.summary, activity.user_id), ("Credit the return", self.accountant))
        self.assertIn("It waits in draft.", activity.note)

    def test_failed_credit_goes_to_a_billing_manager_not_the_salesperson(self):
        rma = self._failed_credit()
        user = rma.activity_ids.user_id
        self.assertTrue(user.has_group("account.group_account_manager"))
        self.assertNotEqual(user, self.rma_user)

    def test_validated_credit_note_tells_the_customer(self):
        rma = self._rma([(self.order.order_line, 1)])
        rma.action_confirm()
        credit_note = rma.credit_note_ids
        credit_note.action_invoice_open()
        credited = rma.message_ids.filtered(
            lambda msg: msg.subtype_id == self.env.ref("rma_management_account.mt_rma_credited")
        )
        self.assertEqual(credited.body, "<p>Credited: 115.0 %s on %s.</p>" % (self.currency.name, credit_note.number))
        self.assertIn(self.customer, credited.notification_ids.mapped("res_partner_id"))
        self.assertFalse(credited.subtype_id.internal)

    def test_settings_refuse_a_restocking_fee_without_its_account(self):
        self.company.rma_restocking_fee_account_id = self.fee_account
        category = self.env["rma.category"].create({
            "name": "Fee (settings)", "restocking_fee_type": "percent", "restocking_fee": 10.0,
        })
        # the client saves the settings (create), then applies them (execute)
        with self.assertRaises(ValidationError) as raised, self.env.cr.savepoint():
            self.env["res.config.settings"].create({
                "rma_restocking_fee_account_id": False, "rma_credit_note_validate": True,
            }).execute()
        self.assertEqual(
            raised.exception.name,
            "A Restocking Fee is set on Fee (settings): set the Restocking Fee Account of %s in the Returns "
            "settings, or remove the fee first." % self.company.name,
        )
        self.company.invalidate_cache()
        self.assertEqual(self.company.rma_restocking_fee_account_id, self.fee_account, "nothing saved")
        self.assertFalse(self.company.rma_credit_note_validate, "nothing saved")
        # without a fee, the account may go
        category.restocking_fee_type = False
        self.env["res.config.settings"].create({"rma_restocking_fee_account_id": False}).execute()
        self.assertFalse(self.company.rma_restocking_fee_account_id)

    def test_a_fee_is_not_set_without_the_account(self):
        self.company.rma_restocking_fee_account_id = False
        with self.assertRaises(ValidationError) as raised, self.env.cr.savepoint():
            self.env["rma.category"].create({
                "name": "Fee (no account)", "restocking_fee_type": "fixed", "restocking_fee": 5.0,
            })
        self.assertIn("Restocking Fee Account", raised.exception.name)
        self.assertFalse(self.env["rma.category"].search([("name", "=", "Fee (no account)")]))
