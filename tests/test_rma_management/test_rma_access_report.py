"""Access rights, multi-company isolation, smart buttons and the customer
document (Return Authorization report)."""
from odoo.exceptions import AccessError

from .common import RmaCase


class TestRmaAccess(RmaCase):

    def setUp(self):
        super().setUp()
        self.company_b = self.env["res.company"].create({"name": "RMA Test Company B"})
        self.user_b = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "User B",
            "login": "rma_user_b",
            "email": "user.b@example.com",
            "company_id": self.company_b.id,
            "company_ids": [(6, 0, self.company_b.ids)],
            "groups_id": [(6, 0, [self.env.ref("rma_management.group_rma_manager").id])],
        })

    def test_other_company_sees_nothing(self):
        rma = self._rma([{"product_id": self.product.id, "price_unit": 10.0}])
        self.assertEqual(rma.company_id, self.company)
        as_b = self.env["rma.order"].sudo(self.user_b)
        self.assertFalse(as_b.search([("id", "=", rma.id)]))
        self.assertFalse(self.env["rma.order.line"].sudo(self.user_b).search([("rma_id", "=", rma.id)]))
        with self.assertRaises(AccessError):
            rma.sudo(self.user_b).read(["name"])
        override = self.env["rma.return.policy.line"].create({
            "policy_id": self.policy.id, "product_id": self.product.id, "window_days": 90,
        })
        self.assertEqual(self.policy.company_id, self.company)
        self.assertFalse(self.env["rma.return.policy.line"].sudo(self.user_b).search([("id", "=", override.id)]))

    def test_each_company_numbers_its_own_rmas(self):
        reason_b = self.env["rma.reason"].sudo(self.user_b).create({"name": "Reason of B"})
        self.assertEqual(reason_b.company_id, self.company_b)
        rma_b = self.env["rma.order"].sudo(self.user_b).create({
            "partner_id": self.customer.id,
            "line_ids": [(0, 0, {"product_id": self.product.id, "reason_id": reason_b.id, "price_unit": 5.0})],
        })
        self.assertEqual(rma_b.company_id, self.company_b)
        self.assertTrue(rma_b.name.endswith("/0001"), rma_b.name)
        self.assertFalse(self.env["rma.order"].search([("id", "=", rma_b.id)]).filtered(
            lambda rma: rma.company_id == self.company
        ))
        self.assertNotIn(reason_b, self.env["rma.reason"].sudo(self.rma_user).search([]))

    def test_users_read_configuration_managers_write_it(self):
        with self.assertRaises(AccessError):
            self.env["rma.reason"].sudo(self.rma_user).create({"name": "Not allowed"})
        with self.assertRaises(AccessError):
            self.policy.sudo(self.rma_user).write({"window_days": 365})
        self.assertEqual(self.policy.window_days, 30)
        self.env["rma.reason"].sudo(self.rma_manager).create({"name": "Allowed"})

    def test_employees_read_rmas_only(self):
        employee = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Warehouse Employee", "login": "rma_employee",
            "groups_id": [(6, 0, self.env.ref("base.group_user").ids)],
        })
        rma = self._rma([{"product_id": self.product.id, "price_unit": 10.0}])
        self.assertEqual(rma.sudo(employee).name, rma.name)
        with self.assertRaises(AccessError):
            self.env["rma.order"].sudo(employee).create({"partner_id": self.customer.id})

    def test_salesmen_are_rma_users(self):
        salesman = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Salesman", "login": "rma_salesman",
            "groups_id": [(6, 0, self.env.ref("sales_team.group_sale_salesman").ids)],
        })
        self.assertTrue(salesman.has_group("rma_management.group_rma_user"))
        self.assertFalse(salesman.has_group("rma_management.group_rma_manager"))


class TestRmaSmartButtonsAndReport(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([(self.product, 4, 100.0, 0.0)], client_order_ref="PO-77")
        self.rma = self._rma_from_order(self.order, {self.product: 2})
        self.rma.write({
            "customer_note": "Please pack the widgets in their original box.",
            "internal_note": "Customer is known for rough handling.",
        })
        self.rma.action_confirm()

    def test_smart_buttons(self):
        self.assertEqual(self.order.rma_count, 1)
        self.assertEqual(self.order.action_view_rmas()["res_id"], self.rma.id)
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        self.assertEqual((self.customer.rma_count, contact.rma_count), (1, 1))
        self.assertEqual(
            self.env["rma.order"].search(self.customer.action_view_rmas()["domain"]), self.rma,
        )
        self.assertEqual(self.rma.action_view_sale_orders()["res_id"], self.order.id)

    def test_report_content(self):
        report = self.env.ref("rma_management.action_report_rma")
        html = report.render_qweb_html(self.rma.ids)[0].decode()
        self.assertIn("Return Authorization", html)
        self.assertIn(self.rma.name, html)
        self.assertIn("PO-77", html)
        self.assertIn(self.order.name, html)
        self.assertIn("Widget", html)
        self.assertIn("Refund", html)
        self.assertIn("Please pack the widgets in their original box.", html)
        self.assertNotIn("rough handling", html)
        self.assertIn("Return instructions", html)

    def test_employees_print_what_they_read(self):
        employee = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Warehouse Employee", "login": "rma_employee_print",
            "groups_id": [(6, 0, self.env.ref("base.group_user").ids)],
        })
        report = self.env.ref("rma_management.action_report_rma").sudo(employee)
        html = report.render_qweb_html(self.rma.ids)[0].decode()
        self.assertIn(self.rma.name, html)
        self.assertIn(self.order.name, html)
        company_b = self.env["res.company"].create({"name": "RMA Test Company B"})
        outsider = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Outsider", "login": "rma_outsider_print", "company_id": company_b.id,
            "company_ids": [(6, 0, company_b.ids)], "groups_id": [(6, 0, self.env.ref("base.group_user").ids)],
        })
        with self.assertRaises(AccessError):
            report.sudo(outsider).render_qweb_html(self.rma.ids)

    def test_report_renders_to_pdf(self):
        report = self.env.ref("rma_management.action_report_rma")
        html = report.render_qweb_html(self.rma.ids)[0]
        bodies, _ids, header, footer, arguments = report._prepare_html(html)
        pdf = report._run_wkhtmltopdf(bodies, header=header, footer=footer, specific_paperformat_args=arguments)
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertGreater(len(pdf), 2000)
