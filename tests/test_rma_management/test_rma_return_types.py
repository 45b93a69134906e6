"""Return types (Configuration > Return Types): records instead of a list of
outcomes. A type used by lines cannot be deleted, a type may always require
approval and propose a return reason, its code is unique in a company, and
only RMA managers configure them."""
from rma_test_helpers import return_type

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import RmaCase


class TestRmaReturnTypes(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([(self.product, 5, 100.0, 0.0)])
        self.warranty_reason = self.env["rma.reason"].create({"name": "Under warranty"})
        self.warranty = self.env["rma.operation"].create({
            "name": "Warranty exchange", "code": "warranty_exchange", "approval_required": True,
            "reason_id": self.warranty_reason.id, "description": "Exchanged under the manufacturer's warranty.",
        })

    def test_the_standard_types_are_shared_records(self):
        codes = ["refund", "replace", "repair", "credit_only", "no_credit"]
        types = self.env["rma.operation"].browse([return_type(self.env, code).id for code in codes])
        self.assertEqual(types.mapped("code"), codes)
        self.assertEqual(types.mapped("name"), ["Refund", "Replace", "Repair", "Credit Only", "Return without Credit"])
        self.assertFalse(types.mapped("company_id"), "offered in every company")
        line = self._rma([{"product_id": self.product.id, "price_unit": 100.0}]).line_ids
        self.assertEqual(line.operation_id, return_type(self.env, "refund"), "refund by default, as before")

    def test_a_type_in_use_cannot_be_deleted_but_archived(self):
        rma = self._rma([{"product_id": self.product.id, "price_unit": 100.0, "operation_id": self.warranty.id}])
        with self.assertRaises(UserError) as error, self.env.cr.savepoint():
            self.warranty.sudo(self.rma_manager).unlink()
        self.assertEqual(
            str(error.exception.name),
            "Warranty exchange is used by RMA lines and cannot be deleted: archive it instead.",
        )
        self.assertTrue(self.warranty.exists())
        self.assertEqual(rma.line_ids.operation_id, self.warranty)
        self.warranty.sudo(self.rma_manager).toggle_active()
        self.assertFalse(self.warranty.active)
        self.assertEqual(rma.line_ids.operation_id, self.warranty, "archived, the type stays on its lines")
        unused = self.env["rma.operation"].create({"name": "Unused", "code": "unused"})
        unused.sudo(self.rma_manager).unlink()
        self.assertFalse(unused.exists())

    def test_lines_of_a_type_that_requires_approval_wait_for_a_manager(self):
        rma = self._rma_from_order(self.order, {self.product: 1}, rma_operation_id=self.warranty.id,
                                   reason_id=False)
        self.assertEqual(rma.line_ids.reason_id, self.warranty_reason, "the type's reason, none being given")
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual(rma.state, "to_approve")
        self.assertEqual(rma.approval_reason, "The return type Warranty exchange requires approval.")
        plain = self._rma_from_order(self.order, {self.product: 1}, rma_operation_id=return_type(self.env, "refund").id)
        plain.sudo(self.rma_user).action_confirm()
        self.assertEqual(plain.state, "approved", "the standard types need no approval of their own")

    def test_the_line_names_its_type_in_the_history(self):
        rma = self._rma([{"product_id": self.product.id, "price_unit": 100.0}])
        rma.line_ids.operation_id = self.warranty
        self.assertIn("(Warranty exchange, Broken on arrival)", rma.message_ids[0].body)
        self.assertIn("(Refund, Broken on arrival)", rma.message_ids[0].body)
        self.assertEqual(rma.line_ids.operation_description, "Exchanged under the manufacturer's warranty.")

    def test_a_code_names_one_type_in_a_company(self):
        count = self.env["rma.operation"].search_count([])
        with self.assertRaises(ValidationError) as error, self.env.cr.savepoint():
            self.env["rma.operation"].create({"name": "Refund again", "code": "refund"})
        self.assertEqual(str(error.exception.name),
                         "The code refund is already used by another return type of this company.")
        self.assertEqual(self.env["rma.operation"].search_count([]), count)
        other = self.env["res.company"].create({"name": "Other Returns Co"})
        first = self.env["rma.operation"].create({"name": "Exchange", "code": "exchange", "company_id": other.id})
        second = self.env["rma.operation"].create({"name": "Exchange", "code": "exchange"})
        self.assertEqual((first.company_id, second.company_id), (other, self.company), "one per company")

    def test_only_managers_configure_types(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env["rma.operation"].sudo(self.rma_user).create({"name": "Mine", "code": "mine"})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.warranty.sudo(self.rma_user).write({"approval_required": False})
        self.assertTrue(self.warranty.approval_required)
        self.assertEqual(self.warranty.sudo(self.rma_user).name, "Warranty exchange", "users read them")
        other = self.env["res.company"].create({"name": "Other Returns Co"})
        foreign = self.env["rma.operation"].create({"name": "Foreign", "code": "foreign", "company_id": other.id})
        visible = self.env["rma.operation"].sudo(self.rma_user).search([])
        self.assertNotIn(foreign, visible, "another company's types stay there")
        self.assertIn(return_type(self.env, "refund"), visible)

    def test_a_category_proposes_a_type(self):
        category = self.env["rma.category"].create({"name": "Warranty", "default_operation_id": self.warranty.id})
        rma = self._rma([{"product_id": self.product.id, "price_unit": 100.0}], category_id=category.id)
        self.assertEqual(rma.line_ids.operation_id, self.warranty)
