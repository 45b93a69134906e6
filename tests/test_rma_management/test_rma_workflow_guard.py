"""Stored figures cannot be forged, garbage input gets a message, returns
settings on contacts and products are RMA managers' to change."""
from rma_test_helpers import return_type

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import RmaCase

#: a value of each field type that Odoo would store as it is
SAMPLE_VALUES = {
    "float": 500.0, "monetary": 0.0, "integer": 7, "boolean": True, "char": "forged", "text": "forged",
    "html": "<p>forged</p>", "date": "2020-01-01", "datetime": "2020-01-01 10:00:00",
    "many2many": [(6, 0, [])], "one2many": [(5, 0, 0)],
}


class TestWorkflowFields(RmaCase):

    def setUp(self):
        super().setUp()
        order = self._sale_order([(self.product, 5, 100.0, 0.0)])
        # credit only: no receipt keeps it from being resolved, whichever addons are installed
        self.rma = self._rma_from_order(order, {self.product: 2},
                                        rma_operation_id=return_type(self.env, "credit_only").id)
        self.rma.action_confirm()
        self.assertEqual(self.rma.state, "approved")

    def _sample(self, record, name):
        field = record._fields[name]
        if field.type == "selection":
            return [value for value, _label in field._description_selection(record.env)][-1]
        if field.type == "many2one":
            return self.env[field.comodel_name].search([], limit=1).id or 1
        return SAMPLE_VALUES[field.type]

    def test_every_workflow_field_refused_over_rpc(self):
        checked = []
        for record in (self.rma, self.rma.line_ids):
            names = record._get_workflow_fields()
            for name in sorted(names):
                if record._fields[name].type not in SAMPLE_VALUES and record._fields[name].type not in (
                        "selection", "many2one"):
                    continue
                value = self._sample(record, name)
                for user in (self.rma_user, self.rma_manager):
                    before = record.sudo().read([name])[0][name]
                    # a JSON context is all an RPC caller can send
                    as_user = record.sudo(user).with_context(rma_workflow=True)
                    with self.assertRaisesRegex(UserError, "set by the returns workflow only"), \
                            self.env.cr.savepoint():
                        as_user.write({name: value})
                    record.invalidate_cache()
                    self.assertEqual(record.sudo().read([name])[0][name], before, "%s.%s" % (record._name, name))
                checked.append("%s.%s" % (record._name, name))
        expected = {"rma.order.state", "rma.order.status", "rma.order.amount_total", "rma.order.approval_reason",
                    "rma.order.acknowledged_user_id", "rma.order.line.state", "rma.order.line.price_subtotal",
                    "rma.order.line.company_id", "rma.order.line.partner_id"}
        for model, name in (("rma.order.line", "qty_received"), ("rma.order.line", "qty_credited"),
                            ("rma.order", "credit_status"), ("rma.order.line", "qty_to_credit"),
                            ("rma.order.line", "inspection_result"), ("rma.order.line", "inspection_user_id"),
                            ("rma.order", "delivered_date")):
            if name in self.env[model]._fields:  # the stock and account addons' figures, when installed
                expected.add("%s.%s" % (model, name))
        self.assertFalse(expected - set(checked), "not guarded")

    def test_the_number_is_locked_once_confirmed(self):
        name = self.rma.name
        with self.assertRaisesRegex(UserError, "Number of RMA/.* can no longer be changed"), self.env.cr.savepoint():
            self.rma.sudo(self.rma_manager).write({"name": "RMA/FORGED"})
        self.assertEqual(self.rma.name, name)

    def test_the_workflow_still_writes_them(self):
        self.rma.sudo(self.rma_user).action_acknowledge()
        self.assertEqual(self.rma.acknowledged_user_id, self.rma_user)
        self.rma.action_done()
        self.assertEqual((self.rma.state, self.rma.line_ids.state), ("done", "done"))


class TestGarbageInput(RmaCase):

    def setUp(self):
        super().setUp()
        self.rma = self._rma([{"product_id": self.product.id, "price_unit": 10.0, "product_uom_qty": 2}])
        self.line = self.rma.line_ids

    def test_values_that_cannot_be_stored_get_a_message(self):
        for record, values, message in [
            (self.line, {"product_uom_qty": float("nan")}, r"Quantity: nan is not a usable number"),
            (self.line, {"product_uom_qty": 1e308}, r"Quantity: 1e\+308 is not a usable number"),
            (self.line, {"product_uom_qty": "abc"}, r"Quantity: 'abc' is not a number"),
            (self.line, {"price_unit": float("inf")}, r"Credit Unit Price: inf is not a usable number"),
            (self.line, {"product_id": "abc"}, r"Product: 'abc' is not a record id"),
            (self.line, {"reason_id": -3}, r"Return Reason: -3 is not a record id"),
            (self.line, {"name": "Widget\x00"}, r"Description: the text holds a NUL character"),
            (self.line, {"operation_id": "teleport"}, r"Requested Outcome: 'teleport' is not a record id"),
            (self.line, {"sequence": 10 ** 12}, r"Sequence: 1000000000000 is too large"),
            (self.rma, {"date": "10000-01-01"}, r"Date: '10000-01-01' is not a date"),
            (self.rma, {"date": "0999-01-01"}, r"Date: '0999-01-01' is out of the range of dates"),
            (self.rma, {"customer_reference": "PO\x00"}, r"Customer Reference: the text holds a NUL character"),
            (self.rma, {"partner_id": "abc"}, r"Customer: 'abc' is not a record id"),
        ]:
            before = record.read(list(values))[0]
            with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
                record.sudo(self.rma_user).write(values)
            record.invalidate_cache()
            self.assertEqual(record.read(list(values))[0], before)
        count = self.env["rma.order"].search_count([])
        with self.assertRaisesRegex(ValidationError, "Quantity: nan is not a usable number"), self.env.cr.savepoint():
            self._rma([{"product_id": self.product.id, "price_unit": 10.0, "product_uom_qty": float("nan")}])
        self.assertEqual(self.env["rma.order"].search_count([]), count)

    def test_wizards_check_their_values_too(self):
        order = self._sale_order([(self.product, 2, 100.0, 0.0)])
        wizards = self.env["rma.add.sale.lines"].sudo(self.rma_user)
        for values, message in [
            ({"sale_order_id": "abc"}, r"Sales Order: 'abc' is not a record id"),
            ({"sale_order_id": order.id, "item_ids": [(0, 0, {"sale_line_id": order.order_line.id,
                                                              "quantity": float("nan")})]},
             r"Quantity to Return: nan is not a usable number"),
            ({"sale_order_id": order.id, "rma_operation_id": "teleport"},
             r"Requested Outcome: 'teleport' is not a record id"),
        ]:
            count = wizards.search_count([])
            with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
                wizards.create(dict({"reason_id": self.reason.id}, **values))
            self.assertEqual(wizards.search_count([]), count)
        with self.assertRaisesRegex(ValidationError, r"Resolved or Cancelled Before: '10000-01-01' is not a date"), \
                self.env.cr.savepoint():
            self.env["rma.archive"].sudo(self.rma_manager).create({"date": "10000-01-01"})

    def test_ordinary_values_pass(self):
        self.line.sudo(self.rma_user).write({"product_uom_qty": 3, "name": "Widget, scratched"})
        self.rma.sudo(self.rma_user).write({"date": fields.Date.context_today(self.rma), "customer_reference": "PO 7"})
        self.assertEqual((self.line.product_uom_qty, self.rma.customer_reference), (3, "PO 7"))


class TestLockedReason(RmaCase):

    def test_only_managers_change_the_reason_once_confirmed(self):
        order = self._sale_order([(self.product, 5, 100.0, 0.0)])
        rma = self._rma_from_order(order, {self.product: 2})
        rma.action_confirm()
        other = self.env["rma.reason"].create({"name": "Changed my mind"})
        with self.assertRaisesRegex(AccessError, "Only RMA managers can change Return Reason of the lines of RMA/"):
            rma.line_ids.sudo(self.rma_user).write({"reason_id": other.id})
        self.assertEqual(rma.line_ids.reason_id, self.reason)
        rma.line_ids.sudo(self.rma_manager).write({"reason_id": other.id})
        self.assertEqual(rma.line_ids.reason_id, other)
        self.assertIn("(Refund, Broken on arrival) → 2.000 Unit(s) of Widget at 100.0 (Refund, Changed my mind)",
                      rma.message_ids[0].body)
        self.assertEqual(rma.message_ids[0].author_id, self.rma_manager.partner_id)


class TestReturnsSettingsOnOtherRecords(RmaCase):

    def setUp(self):
        super().setUp()
        # Odoo's defaults for new users: contacts are theirs to create and edit
        self.rma_user.groups_id |= self.env.ref("base.group_partner_manager")
        # a sales manager edits products, and is no RMA manager
        self.sales_manager = self._user("rma_sales_manager", "sales_team.group_sale_manager")
        self.rma_manager.groups_id |= self.env.ref("sales_team.group_sale_manager")

    def test_customer_return_policy_is_a_managers_setting(self):
        generous = self.env["rma.return.policy"].create({"name": "A year", "window_days": 365})
        with self.assertRaisesRegex(AccessError, "Only RMA managers can change Return Policy"):
            self.customer.sudo(self.rma_user).write({"rma_return_policy_id": generous.id})
        with self.assertRaisesRegex(AccessError, "Only RMA managers can change Return Policy"):
            self.env["res.partner"].sudo(self.rma_user).create({"name": "New", "rma_return_policy_id": generous.id})
        self.assertFalse(self.customer.rma_return_policy_id)
        self.customer.sudo(self.rma_user).write({"phone": "+32 2 555 00 00"})  # the rest of the contact stays theirs
        self.customer.sudo(self.rma_manager).write({"rma_return_policy_id": generous.id})
        self.assertEqual(self.customer.rma_return_policy_id, generous)

    def test_product_flags_are_managers_settings(self):
        salesman = self.sales_manager
        self.assertFalse(salesman.has_group("rma_management.group_rma_manager"))
        for values in ({"rma_returnable": False}, {"rma_inspection_required": True}):
            with self.assertRaisesRegex(AccessError, "Only RMA managers can change"), self.env.cr.savepoint():
                self.product.product_tmpl_id.sudo(salesman).write(values)
        self.assertEqual((self.product.rma_returnable, self.product.rma_inspection_required), (True, False))
        self.product.sudo(self.rma_manager).write({"rma_returnable": False})
        self.assertFalse(self.product.rma_returnable)


class TestReturnsSettingsPerCompany(RmaCase):
    """Customers and products shared by two companies: each company's RMA
    manager decides how their company takes returns of them."""

    def setUp(self):
        super().setUp()
        self.company_b = self.env["res.company"].create({"name": "RMA Settings Company B"})
        self.manager_b = self.rma_manager.copy({
            "login": "rma_manager_b", "company_id": self.company_b.id, "company_ids": [(6, 0, self.company_b.ids)],
        })
        self.manager_b.groups_id |= self.env.ref("sales_team.group_sale_manager")
        self.policy_b = self.env["rma.return.policy"].create({
            "name": "B: a year", "window_days": 365, "company_id": self.company_b.id,
        })
        # shared by both companies
        self.customer.company_id = False
        self.product.company_id = False

    def _as_company(self, records, company):
        return records.with_context(force_company=company.id)

    def test_another_companys_manager_changes_only_their_companys_settings(self):
        self.customer.sudo(self.manager_b).write({"rma_return_policy_id": self.policy_b.id})
        self.product.sudo(self.manager_b).write({"rma_returnable": False, "rma_inspection_required": True})
        # company B's view
        self.assertEqual(self._as_company(self.customer, self.company_b).rma_return_policy_id, self.policy_b)
        product_b = self._as_company(self.product, self.company_b)
        self.assertEqual((product_b.rma_returnable, product_b.rma_inspection_required), (False, True))
        self.assertEqual(self.policy_b.sudo(self.manager_b).partner_ids, self.customer)
        # this company's, unchanged
        self.customer.invalidate_cache()
        self.assertFalse(self.customer.rma_return_policy_id)
        self.assertEqual((self.product.rma_returnable, self.product.rma_inspection_required), (True, False))
        Policy = self.env["rma.return.policy"]
        self.assertEqual(Policy._get_policy(self.customer, self.company), self.policy)
        self.assertEqual(Policy._get_policy(self.customer, self.company_b), self.policy_b)

    def test_an_rma_follows_its_own_companys_settings_whoever_works_on_it(self):
        self.product.sudo(self.manager_b).write({"rma_returnable": False})
        rma = self._rma([{"product_id": self.product.id, "product_uom_qty": 1, "price_unit": 100.0}])
        self.assertEqual(rma.line_ids.product_id, self.product)  # returnable here
        with self.assertRaisesRegex(ValidationError, "Widget cannot be returned: it is not returnable."), \
                self.env.cr.savepoint():
            self._rma([{"product_id": self.product.id, "product_uom_qty": 1, "price_unit": 100.0}],
                      company_id=self.company_b.id)
        self.assertFalse(self.env["rma.order"].search([("company_id", "=", self.company_b.id)]))
        # read in a session of the other company, the line still follows its own company's flag
        self.assertTrue(rma.line_ids.with_context(force_company=self.company_b.id)._get_product_setting(
            "rma_returnable"
        ))

    def test_back_to_the_default_keeps_no_value(self):
        self.product.sudo(self.manager_b).write({"rma_returnable": False})
        self.product.sudo(self.manager_b).write({"rma_returnable": True})
        self.assertTrue(self._as_company(self.product, self.company_b).rma_returnable)
        self.assertFalse(self.env["ir.property"].search([
            ("name", "=", "rma_returnable"), ("res_id", "=", "product.template,%d" % self.product.product_tmpl_id.id),
        ]))

    def test_garbage_values_are_refused_and_nothing_is_written(self):
        for value in ("abc", 10 ** 9):
            with self.assertRaisesRegex(ValidationError, r"Return Policy: .* is not a record id\."), \
                    self.env.cr.savepoint():
                self.customer.sudo(self.rma_manager).write({"rma_return_policy_id": value, "phone": "+1 555"})
        self.customer.invalidate_cache()
        self.assertEqual(
            (self.customer.rma_return_policy_id, self.customer.phone), (self.env["rma.return.policy"], False)
        )


class TestOriginMessages(RmaCase):

    def test_another_companys_order_is_not_named(self):
        company_b = self.env["res.company"].create({"name": "RMA Test Company B"})
        self.env.user.company_ids |= company_b
        order_b = self._sale_order([(self.product, 3, 100.0, 0.0)], company_id=company_b.id,
                                   name="SO-SECRET-B", deliver=False)
        rma = self._rma([{"product_id": self.product.id, "price_unit": 10.0}])
        with self.assertRaises(ValidationError) as refused, self.env.cr.savepoint():
            rma.line_ids.sudo(self.rma_user).write({"sale_line_id": order_b.order_line.id})
        self.assertEqual(str(refused.exception.name),
                         "The origin sales order line of Widget cannot be used on %s." % rma.name)
        self.assertFalse(rma.line_ids.sale_line_id)
        with self.assertRaisesRegex(ValidationError, "Sales order SO-SECRET-B belongs to the company RMA Test "
                                    "Company B"), self.env.cr.savepoint():
            rma.line_ids.write({"sale_line_id": order_b.order_line.id})
