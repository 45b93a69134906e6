"""Amounts of RMA credit notes, to the cent: taxes included and excluded,
discounts, lower credit prices, restocking fees, foreign currencies."""
from odoo import fields
from odoo.exceptions import UserError

from .rma_account_common import RmaAccountCase


class TestCreditAmounts(RmaAccountCase):

    def _credit(self, order_lines, items, **rma_values):
        pricelist = rma_values.pop("pricelist", None)
        order = self._sale(order_lines, pricelist=pricelist)
        rma_values["currency"] = order.currency_id
        invoice = self._invoice(order)
        rma = self._rma([(order.order_line[index], *item) for index, item in enumerate(items)], **rma_values)
        rma.action_confirm()
        return invoice, rma.credit_note_ids

    def test_taxes_included_in_the_price(self):
        tax_incl = self._tax("Sale 21% included (RMA test)", 21.0, price_include=True)
        invoice, credit_note = self._credit([(self.product, 2, 121.0, 0.0, tax_incl)], [(2,)])
        self.assertEqual(invoice.amount_total, 242.0)
        self.assertEqual(credit_note.amount_untaxed, 200.0)
        self.assertEqual(credit_note.amount_tax, 42.0)
        self.assertEqual(credit_note.amount_total, 242.0)
        self.assertEqual(credit_note.invoice_line_ids.invoice_line_tax_ids, tax_incl)

    def test_discount_of_the_origin_line(self):
        invoice, credit_note = self._credit([(self.product, 10, 33.33, 15.0, self.tax_15)], [(10,)])
        self.assertEqual(credit_note.amount_untaxed, invoice.amount_untaxed)
        self.assertEqual(credit_note.amount_tax, invoice.amount_tax)
        self.assertEqual(credit_note.amount_total, invoice.amount_total)
        self.assertEqual(credit_note.invoice_line_ids.discount, 15.0)
        self.assertEqual(credit_note.invoice_line_ids.price_unit, 33.33)

    def test_partial_quantity_with_discount(self):
        _invoice, credit_note = self._credit([(self.product, 10, 33.33, 15.0, self.tax_15)], [(3,)])
        self.assertEqual(credit_note.amount_untaxed, 84.99)
        self.assertEqual(credit_note.amount_tax, 12.75)
        self.assertEqual(credit_note.amount_total, 97.74)

    def test_credit_price_below_the_original(self):
        _invoice, credit_note = self._credit([(self.product, 5, 100.0, 10.0, self.tax_15)], [(2, 80.0)])
        line = credit_note.invoice_line_ids
        self.assertEqual((line.price_unit, line.discount), (80.0, 0.0))
        self.assertEqual(credit_note.amount_untaxed, 160.0)
        self.assertEqual(credit_note.amount_tax, 24.0)
        self.assertEqual(credit_note.amount_total, 184.0)

    def test_percentage_restocking_fee_of_the_category(self):
        self.company.rma_restocking_fee_account_id = self.fee_account
        category = self.env["rma.category"].create({
            "name": "Change of mind", "restocking_fee_type": "percent", "restocking_fee": 10.0,
        })
        _invoice, credit_note = self._credit([(self.product, 5, 100.0, 0.0, self.tax_15)], [(3,)],
                                             category=category)
        fee_line = credit_note.invoice_line_ids.filtered("rma_restocking_fee")
        self.assertEqual(fee_line.price_subtotal, -30.0)
        self.assertEqual(fee_line.account_id, self.fee_account)
        self.assertFalse(fee_line.invoice_line_tax_ids)
        self.assertEqual(credit_note.amount_untaxed, 270.0)
        self.assertEqual(credit_note.amount_tax, 45.0)
        self.assertEqual(credit_note.amount_total, 315.0)
        credit_note.action_invoice_open()
        move = credit_note.move_id
        self.assertEqual(sum(move.line_ids.mapped("debit")), sum(move.line_ids.mapped("credit")))
        self.assertEqual(self._move_balance(move, self.fee_account), -30.0)
        self.assertEqual(self._move_balance(move, self.income), 300.0)
        self.assertEqual(self._move_balance(move, self.receivable), -315.0)
        self.assertEqual(credit_note.rma_id.amount_credited, 315.0)
        # the accountants' analysis
        report = self.env["rma.credit.report"].read_group(
            [("rma_id", "=", credit_note.rma_id.id), ("state", "in", ("open", "paid"))],
            ["reason_id", "amount_credited", "restocking_fee", "quantity"], ["reason_id"],
        )
        self.assertEqual(len(report), 1)
        self.assertEqual(report[0]["reason_id"][0], self.reason.id)
        self.assertEqual((report[0]["amount_credited"], report[0]["restocking_fee"], report[0]["quantity"]),
                         (300.0, 30.0, 3.0))

    def test_restocking_fee_of_the_return_type_unless_the_category_has_one(self):
        self.company.rma_restocking_fee_account_id = self.fee_account
        goodwill = self.env["rma.operation"].create({
            "name": "Credit with fee", "code": "credit_with_fee", "credit_policy": "on_approval",
            "restocking_fee_type": "percent", "restocking_fee": 20.0,
        })
        _invoice, credit_note = self._credit([(self.product, 5, 100.0, 0.0, self.tax_15)], [(3,)],
                                             operation=goodwill)
        fee_line = credit_note.invoice_line_ids.filtered("rma_restocking_fee")
        self.assertEqual(fee_line.price_subtotal, -60.0)
        self.assertEqual((credit_note.amount_untaxed, credit_note.amount_tax, credit_note.amount_total),
                         (240.0, 45.0, 285.0))
        category = self.env["rma.category"].create({
            "name": "Change of mind", "restocking_fee_type": "percent", "restocking_fee": 10.0,
        })
        _invoice, credit_note = self._credit([(self.product, 5, 100.0, 0.0, self.tax_15)], [(3,)],
                                             operation=goodwill, category=category)
        self.assertEqual(credit_note.invoice_line_ids.filtered("rma_restocking_fee").price_subtotal, -30.0,
                         "the category's fee wins")

    def test_fixed_restocking_fee_of_the_return_policy_once_per_rma(self):
        self.company.rma_restocking_fee_account_id = self.fee_account
        self.customer.rma_return_policy_id = self.env["rma.return.policy"].create({
            "name": "Fee policy", "window_days": 30, "restocking_fee_type": "fixed", "restocking_fee": 25.0,
        })
        order = self._sale([(self.product, 10, 100.0, 0.0, self.tax_15)])
        self._invoice(order, quantities={order.order_line: 4})
        rma = self._rma([(order.order_line, 6)])
        rma.action_confirm()
        first = rma.credit_note_ids
        self.assertEqual(first.amount_untaxed, 400.0 - 25.0)
        self.assertEqual(first.amount_total, 400.0 - 25.0 + 60.0)
        # the rest is credited once invoiced
        self._invoice(order)
        second = rma.credit_note_ids - first
        self.assertEqual(second.amount_untaxed, 200.0, "the fixed fee was kept once already")
        self.assertFalse(second.invoice_line_ids.filtered("rma_restocking_fee"))

    def test_restocking_fee_without_account_leaves_the_credit_due(self):
        self.company.rma_restocking_fee_account_id = self.fee_account
        category = self.env["rma.category"].create({
            "name": "Fee", "restocking_fee_type": "fixed", "restocking_fee": 10.0,
        })
        # the settings refuse it now; a database set up before that check may still lack it
        self.env.cr.execute("UPDATE res_company SET rma_restocking_fee_account_id = NULL WHERE id = %s",
                            (self.company.id,))
        self.company.invalidate_cache()
        order = self._sale([(self.product, 2, 100.0, 0.0, self.tax_15)])
        self._invoice(order)
        rma = self._rma([(order.order_line, 1)], category=category)
        # the approval stands: accounting's set-up is not the returns desk's to fix
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")
        self.assertFalse(rma.credit_note_ids)
        self.assertTrue(rma.credit_due)
        self.assertEqual((rma.credit_status, rma.line_ids.qty_to_credit), ("pending", 1))
        error = ("A restocking fee applies to %s: set the restocking fee account in the Returns settings."
                 % rma.name)
        self.assertEqual(
            rma.message_ids[0].body,
            "<p>No credit note could be created: %s The credit stays due: once the cause is fixed, "
            "use Create Credit Note.</p>" % error,
        )
        activity = rma.activity_ids
        self.assertEqual((activity.summary, activity.user_id), ("Credit the return", rma._get_accountant()))
        # the accountant's button says the same and writes nothing
        with self.assertRaises(UserError) as raised, self.env.cr.savepoint():
            rma.action_create_credit_notes()
        self.assertEqual(raised.exception.name, error)
        self.assertFalse(rma.credit_note_ids)
        # once the account is set, the credit goes through, fee included
        self.company.rma_restocking_fee_account_id = self.fee_account
        rma.action_create_credit_notes()
        self.assertEqual(rma.credit_note_ids.amount_untaxed, 90.0)
        self.assertFalse(rma.credit_due)

    def test_lock_date_keeps_the_credit_note_in_draft(self):
        order = self._sale([(self.product, 2, 100.0, 0.0, self.tax_15)])
        self._invoice(order)
        # the books are closed up to today when the credit note would be posted (set in SQL: Odoo refuses
        # the lock date through the ORM while the demo data keeps draft entries)
        self.company.rma_credit_note_validate = True
        self.env.cr.execute("UPDATE res_company SET fiscalyear_lock_date = %s WHERE id = %s",
                            (fields.Date.today(), self.company.id))
        self.company.invalidate_cache()
        rma = self._rma([(order.order_line, 1)])
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")
        credit_note = rma.credit_note_ids
        self.assertEqual((credit_note.state, credit_note.amount_total, credit_note.move_id),
                         ("draft", 115.0, self.env["account.move"]))
        self.assertEqual(rma.credit_status, "pending")
        self.assertFalse(rma.credit_due, "the draft holds the credit: nothing to create twice")
        self.assertIn("could not be validated: Its accounting date %s is not after the lock date %s that applies "
                      "to %s." % (rma._format_date(fields.Date.today()), rma._format_date(fields.Date.today()),
                                  self.env.user.name),
                      rma.message_ids[0].body)
        self.assertIn("It waits in draft.", rma.message_ids[0].body)
        self.assertEqual(rma.activity_ids.summary, "Credit the return")

    def test_foreign_currency(self):
        currency = self.env.ref("base.EUR") if self.currency != self.env.ref("base.EUR") \
            else self.env.ref("base.USD")
        currency.active = True
        today = fields.Date.context_today(self.env.user)
        rates = self.env["res.currency.rate"]
        for cur, rate in ((self.currency, 1.0), (currency, 2.0)):
            rates.search([("currency_id", "=", cur.id), ("name", "=", today)]).unlink()
            rates.create({"currency_id": cur.id, "name": today, "rate": rate, "company_id": self.company.id})
        pricelist = self.env["product.pricelist"].create({"name": "Foreign (RMA test)", "currency_id": currency.id})
        invoice, credit_note = self._credit([(self.product, 2, 200.0, 0.0, self.tax_15)], [(2,)],
                                            pricelist=pricelist)
        self.assertEqual(invoice.currency_id, currency)
        self.assertEqual(credit_note.currency_id, currency)
        self.assertEqual(credit_note.rma_id.currency_id, currency)
        self.assertEqual(credit_note.amount_total, 460.0)
        credit_note.action_invoice_open()
        receivable = credit_note.move_id.line_ids.filtered(lambda aml: aml.account_id == self.receivable)
        self.assertEqual(receivable.amount_currency, -460.0)
        self.assertEqual(receivable.credit, 230.0, "460.00 at 2 per company currency unit")
        self.assertEqual(self._move_balance(credit_note.move_id, self.income), 200.0)
        self.assertEqual(invoice.residual, 0.0)
        self.assertEqual(invoice.state, "paid")
