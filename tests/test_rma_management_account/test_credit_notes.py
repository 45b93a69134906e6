"""Credit policies and the credit notes they create, without receipts."""

from rma_test_helpers import return_type

from odoo.exceptions import AccessError, UserError, ValidationError

from .rma_account_common import RmaAccountCase


class TestCreditNotes(RmaAccountCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale([(self.product, 10, 100.0, 0.0, self.tax_15)])
        self.sale_line = self.order.order_line
        self.invoice = self._invoice(self.order)

    def test_credit_only_is_credited_at_approval_against_the_origin_invoice(self):
        rma = self._rma([(self.sale_line, 3)])
        line = rma.line_ids
        self.assertEqual(line.credit_policy, "on_approval")
        self.assertFalse(rma.credit_note_ids, "nothing is credited before approval")

        rma.action_confirm()
        self.assertEqual(rma.state, "approved")
        credit_note = rma.credit_note_ids
        self.assertEqual(len(credit_note), 1)
        self.assertEqual(credit_note.type, "out_refund")
        self.assertEqual(credit_note.state, "draft", "credit notes wait for review by default")
        self.assertEqual(credit_note.refund_invoice_id, self.invoice)
        self.assertEqual(credit_note.rma_id, rma)
        self.assertEqual(credit_note.rma_reason_id, self.reason)
        self.assertEqual(credit_note.partner_id, self.invoice.partner_id)
        self.assertEqual(credit_note.account_id, self.receivable)
        self.assertEqual(credit_note.currency_id, rma.currency_id)
        self.assertIn(self.invoice.number, credit_note.name)
        self.assertIn(self.invoice.date_invoice, credit_note.name)
        credit_line = credit_note.invoice_line_ids
        self.assertEqual(credit_line.rma_line_id, line)
        self.assertEqual(credit_line.quantity, 3)
        self.assertEqual(credit_line.account_id, self.invoice.invoice_line_ids.account_id)
        self.assertEqual(credit_line.account_id, self.income)
        self.assertEqual(credit_line.invoice_line_tax_ids, self.tax_15)
        self.assertIn(self.reason.name, credit_line.name)
        self.assertIn(self.invoice.number, credit_line.name)
        self.assertEqual(credit_note.amount_untaxed, 300.0)
        self.assertEqual(credit_note.amount_tax, 45.0)
        self.assertEqual(credit_note.amount_total, 345.0)
        self.assertEqual(line.qty_credited, 3)
        self.assertEqual(line.qty_credit_validated, 0)
        self.assertEqual(line.qty_to_credit, 0)
        self.assertEqual(rma.credit_status, "pending", "a draft credit note is still pending")
        self.assertFalse(rma.credit_due, "but nothing more is due: no Create Credit Note button")
        self.assertEqual(rma.status, "credit_pending")
        self.assertEqual(rma.amount_credited, 0.0)
        self.assertEqual(rma.credit_note_count, 1)

        credit_note.action_invoice_open()
        self.assertEqual(line.qty_credit_validated, 3)
        self.assertEqual(rma.credit_status, "credited")
        self.assertEqual((rma.status, rma.state), ("done", "done"), "nothing else was pending: resolved")
        self.assertEqual(rma.amount_credited, 345.0)
        # the journal entry balances and reverses the origin income and receivable
        move = credit_note.move_id
        self.assertEqual(sum(move.line_ids.mapped("debit")), sum(move.line_ids.mapped("credit")))
        self.assertEqual(self._move_balance(move, self.income), 300.0)
        self.assertEqual(self._move_balance(move, self.receivable), -345.0)
        self.assertEqual(self._move_balance(move, self.tax_account), 45.0)
        # and applies to the invoice it credits
        self.assertEqual(self.invoice.residual, 1150.0 - 345.0)
        self.assertEqual(credit_note.state, "paid")

    def test_install_on_existing_rmas_credits_only_those_still_to_approve(self):
        approved = self._rma([(self.sale_line, 1)])
        approved.action_confirm()
        draft = self._rma([(self.sale_line, 1)])
        lines = approved.line_ids | draft.line_ids
        # the state of the table when the addon adds its column to existing lines
        self.env.cr.execute("ALTER TABLE rma_order_line ALTER COLUMN credit_policy DROP NOT NULL")
        self.env.cr.execute("UPDATE rma_order_line SET credit_policy = NULL WHERE id IN %s", (tuple(lines.ids),))
        self.env["rma.order.line"]._init_column("credit_policy")
        self.env["rma.order.line"]._init_credit_policies()  # then the addon's data, once the types have theirs
        lines.invalidate_cache()
        self.assertEqual(approved.line_ids.credit_policy, "none", "approved before: credited, or not, already")
        self.assertEqual(draft.line_ids.credit_policy, "on_approval")

    def test_nothing_due_never_creates_a_credit_note(self):
        rma = self._rma([(self.sale_line, 2)])
        rma.action_confirm()
        self.assertFalse(rma.credit_due)
        self.assertFalse(rma._create_credit_notes(), "re-running the trigger credits nothing twice")
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.action_create_credit_notes()
        self.assertIn("Nothing to credit on %s" % rma.name, error.exception.name)
        self.assertEqual(len(rma.credit_note_ids), 1)
        self.assertEqual(rma.line_ids.qty_credited, 2)

    def test_no_credit_operations_never_credit(self):
        rma = self._rma([(self.sale_line, 2)], operation="no_credit")
        self.assertEqual(rma.line_ids.credit_policy, "none")
        with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
            rma.line_ids.credit_policy = "on_approval"
        self.assertIn("choose one of No Credit", error.exception.name)
        self.assertEqual(rma.line_ids.credit_policy, "none")
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")
        self.assertFalse(rma.credit_note_ids)
        self.assertEqual(rma.credit_status, "none")
        self.assertNotIn(rma.status, ("credit_pending", "credited"))
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.action_create_credit_notes()
        self.assertIn("Nothing to credit", error.exception.name)
        self.assertFalse(rma.credit_note_ids)

    def test_policy_follows_operation_and_category(self):
        rma = self._rma([(self.sale_line, 1)], operation="replace")
        line = rma.line_ids
        self.assertEqual(line.credit_policy, "none")
        line.operation_id = return_type(self.env, "credit_only")
        self.assertEqual(line.credit_policy, "on_approval")
        line.operation_id = return_type(self.env, "repair")
        self.assertEqual(line.credit_policy, "none")
        category = self.env["rma.category"].create({"name": "Goodwill", "credit_policy": "none"})
        rma = self._rma([(self.sale_line, 1)], category=category)
        self.assertEqual(rma.line_ids.credit_policy, "none", "the category's policy wins for credit operations")
        rma.action_confirm()
        self.assertFalse(rma.credit_note_ids)

    def test_receipt_policies_need_the_stock_bridge(self):
        rma = self._rma([(self.sale_line, 2)], operation="refund")
        line = rma.line_ids
        offered = {key for key, _label in line.fields_get(["credit_policy"])["credit_policy"]["selection"]}
        if self.env["ir.module.module"].search_count(
            [("name", "=", "rma_management_stock_account"), ("state", "=", "installed")]
        ):
            self.assertEqual(offered, {"none", "on_approval", "on_receipt", "on_acceptance", "on_full_acceptance"})
            for policy in ("on_receipt", "on_acceptance"):
                line.credit_policy = policy
                self.assertEqual(line.credit_policy, policy, "the stock bridge credits what is received")
            return
        self.assertEqual(offered, {"none", "on_approval"}, "without receipts, the form offers no receipt policy")
        self.assertEqual(line.credit_policy, "on_approval", "without receipts, refunds are credited at approval")
        for policy in ("on_receipt", "on_acceptance"):
            with self.assertRaisesRegex(ValidationError, "Credit Policy: '%s' is not one of the choices" % policy), \
                    self.env.cr.savepoint():
                line.write({"credit_policy": policy})
            self.assertEqual(line.credit_policy, "on_approval")
            with self.assertRaises(ValueError), self.env.cr.savepoint():
                self.env["rma.category"].create({"name": "On receipt", "credit_policy": policy})
            self.assertFalse(self.env["rma.category"].search([("name", "=", "On receipt")]))

    def test_policy_must_fit_the_requested_outcome(self):
        rma = self._rma([(self.sale_line, 2)], operation="replace")
        line = rma.line_ids
        with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
            line.write({"credit_policy": "on_approval"})
        self.assertIn('cannot have the credit policy "On Approval": with this requested outcome, '
                      "choose one of No Credit", error.exception.name)
        self.assertEqual(line.credit_policy, "none")

    def test_policy_locked_once_credited(self):
        rma = self._rma([(self.sale_line, 2)])
        rma.action_confirm()
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.line_ids.credit_policy = "none"
        self.assertIn("can no longer be changed", error.exception.name)
        self.assertEqual(rma.line_ids.credit_policy, "on_approval")

    def test_cancelled_credit_note_makes_its_quantity_due_again(self):
        rma = self._rma([(self.sale_line, 3)])
        rma.action_confirm()
        first = rma.credit_note_ids
        first.action_invoice_cancel()
        salesman = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Salesman", "login": "rma_credit_salesman", "email": "salesman@example.com",
            "groups_id": [(6, 0, self.env.ref("sales_team.group_sale_salesman").ids)],
        })
        with self.assertRaisesRegex(AccessError, "Only invoicing users can create credit notes by hand"):
            rma.sudo(salesman).action_create_credit_notes()
        self.assertEqual(rma.credit_note_ids, first, "nothing credited by the refused click")
        line = rma.line_ids
        self.assertEqual(line.qty_credited, 0)
        self.assertEqual(line.qty_to_credit, 3)
        self.assertEqual(rma.credit_status, "pending")
        self.assertTrue(rma.credit_due, "the form offers Create Credit Note again")
        action = rma.action_create_credit_notes()
        second = self._credit_notes(rma)
        self.assertEqual(len(second), 1)
        self.assertNotEqual(second, first)
        self.assertEqual(action["res_id"], second.id)
        self.assertEqual(second.amount_total, 345.0)
        self.assertEqual(line.qty_credited, 3)
        self.assertEqual(line.qty_to_credit, 0)

    def test_validated_at_once_when_the_company_says_so(self):
        self.company.rma_credit_note_validate = True
        rma = self._rma([(self.sale_line, 1)])
        rma.action_confirm()
        credit_note = rma.credit_note_ids
        self.assertEqual(credit_note.state, "paid", "validated and applied to the open origin invoice")
        self.assertTrue(credit_note.number)
        self.assertEqual(rma.credit_status, "credited")
        self.assertEqual(rma.amount_credited, 115.0)
        self.assertEqual(self.invoice.residual, 1150.0 - 115.0)

    def test_never_more_than_invoiced_on_the_origin_line(self):
        order = self._sale([(self.product, 10, 100.0, 0.0, self.tax_15)])
        sale_line = order.order_line
        self._invoice(order, quantities={sale_line: 4})
        self.assertEqual(sale_line.qty_invoiced, 4)
        rma = self._rma([(sale_line, 3)])
        rma.action_confirm()
        self.assertEqual(rma.line_ids.qty_credited, 3)
        other = self._rma([(sale_line, 3)])
        other.action_confirm()
        self.assertEqual(other.line_ids.qty_credited, 1, "only 1 of the 4 invoiced is left to credit")
        self.assertEqual(other.line_ids.qty_to_credit, 0)
        self.assertEqual(other.credit_note_ids.amount_untaxed, 100.0)
        # the rest, once invoiced, is credited when that invoice is validated
        self._invoice(order)
        self.assertEqual(sale_line.qty_invoiced, 10)
        self.assertEqual((other.line_ids.qty_credited, other.line_ids.qty_to_credit), (3, 0))
        self.assertEqual(self._credit_notes(other).sorted("id").mapped("amount_untaxed"), [100.0, 200.0])
        self.assertEqual(rma.line_ids.qty_credited, 3, "the first RMA had its credit already")

    def test_a_draft_invoice_is_not_credited(self):
        order = self._sale([(self.product, 10, 100.0, 0.0, self.tax_15)])
        sale_line = order.order_line
        invoice = self.env["account.invoice"].browse(order.action_invoice_create())
        self.assertEqual((invoice.state, sale_line.qty_invoiced), ("draft", 10))
        rma = self._rma([(sale_line, 3)])
        rma.action_confirm()
        self.assertEqual(rma.state, "approved")
        self.assertFalse(rma.credit_note_ids, "the customer owes nothing yet: there is nothing to credit")
        self.assertEqual((rma.line_ids.qty_to_credit, rma.credit_due), (0, False))
        # validating the invoice credits the approved return against it
        invoice.action_invoice_open()
        credit_note = rma.credit_note_ids
        self.assertEqual((credit_note.refund_invoice_id, credit_note.amount_untaxed), (invoice, 300.0))
        self.assertEqual(rma.line_ids.qty_credited, 3)

    def test_credited_lines_and_rmas_cannot_be_cancelled(self):
        rma = self._rma([(self.sale_line, 2)])
        rma.action_confirm()
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.line_ids.action_cancel()
        self.assertIn("Cancel the credit notes first", error.exception.name)
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            rma.action_cancel()
        self.assertIn("cancel their credit notes first", error.exception.name)
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.line_ids.state, "approved")
        rma.credit_note_ids.action_invoice_cancel()
        rma.action_cancel()
        self.assertEqual(rma.state, "cancel")

    def test_on_account_credit_without_origin(self):
        rma = self._rma([(self.product, 2, 90.0)])
        rma.action_confirm()
        self.assertEqual((rma.state, rma.credit_note_ids.ids), ("to_approve", []), "no origin: a manager approves")
        rma.action_approve()
        credit_note = rma.credit_note_ids
        self.assertFalse(credit_note.refund_invoice_id)
        self.assertEqual(credit_note.account_id, self.receivable)
        self.assertEqual(credit_note.invoice_line_ids.account_id, self.income)
        self.assertEqual(credit_note.amount_total, 207.0)
        credit_note.action_invoice_open()
        self.assertEqual(credit_note.state, "open", "an on-account credit, not applied to any invoice")
        self.assertEqual(self._move_balance(credit_note.move_id, self.receivable), -207.0)
        self.assertEqual(self._move_balance(credit_note.move_id, self.income), 180.0)

    def test_income_account_of_the_rma_company(self):
        other_company = self.env["res.company"].create({"name": "Returns Branch", "currency_id": self.currency.id})
        other_income = self.env["account.account"].create({
            "name": "Branch Sales", "code": "RMA7101", "company_id": other_company.id,
            "user_type_id": self.env.ref("account.data_account_type_revenue").id,
        })
        self.product.with_context(force_company=other_company.id).property_account_income_id = other_income
        no_fiscal_position = self.env["account.fiscal.position"]
        for company, income in ((self.company, self.income), (other_company, other_income)):
            line = self.env["rma.order.line"].new({"product_id": self.product.id, "company_id": company.id})
            self.assertEqual(line._get_credit_account(no_fiscal_position), income, company.name)

    def test_smart_buttons(self):
        rma = self._rma([(self.sale_line, 1)])
        rma.action_confirm()
        action = rma.action_view_credit_notes()
        self.assertEqual(action["res_id"], rma.credit_note_ids.id)
        self.assertEqual(rma.credit_note_ids.action_view_rma()["res_id"], rma.id)
        from_rma = self.env["account.invoice"].search([("rma_id", "!=", False), ("id", "=", rma.credit_note_ids.id)])
        self.assertEqual(from_rma, rma.credit_note_ids)

    def test_approval_by_a_manager_without_accounting_rights(self):
        manager = self.env["res.users"].create({
            "name": "RMA Manager (no accounting)", "login": "rma_manager_no_accounting",
            "email": "rma.manager@example.com",
            "groups_id": [(6, 0, [self.env.ref("rma_management.group_rma_manager").id])],
        })
        self.assertFalse(manager.has_group("account.group_account_invoice"))
        category = self.env["rma.category"].create({"name": "Needs approval", "approval_required": True})
        rma = self._rma([(self.product, 2, 90.0)], category=category)
        rma.action_confirm()
        self.assertEqual(rma.state, "to_approve")
        rma.sudo(manager).action_approve()
        self.assertEqual(rma.state, "approved")
        self.assertEqual(rma.credit_note_ids.amount_total, 207.0)
        # made as superuser (the manager has no accounting rights), but theirs
        self.assertEqual(rma.credit_note_ids.create_uid, manager)
