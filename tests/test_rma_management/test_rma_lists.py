"""Lists of RMAs: found by what people know of them, totals in the company's
currency only, kanban columns in process order with the products on the cards,
and the To Approve list with its reasons."""
from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import safe_eval

from .common import RmaCase


class TestRmaLists(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([(self.product, 4, 100.0, 0.0), (self.product_2, 2, 40.0, 0.0)],
                                      client_order_ref="PO-LISTS-1")
        self.rma = self._rma_from_order(self.order, {self.product: 2, self.product_2: 1})
        self.rma.invoice_reference = "INV/LISTS/0042"
        self.other = self._rma([{"product_id": self.product.id, "product_uom_qty": 1, "price_unit": 10.0}],
                               partner=self.other_customer)

    def _search_view_domain(self, text):
        """The domain the search view's default field (RMA) makes of ``text``."""
        arch = etree.fromstring(self.env["rma.order"].fields_view_get(view_type="search")["arch"])
        field = arch.xpath("//field")[0]
        self.assertEqual(field.get("name"), "name", "the RMA field is the one typed text goes to")
        return safe_eval(field.get("filter_domain"), {"self": text})

    def test_an_rma_is_found_by_customer_reference_order_and_invoice(self):
        rmas = self.env["rma.order"]
        for text in (self.rma.name, "Returning Cust", "PO-LISTS", self.order.name, "LISTS/0042"):
            found = rmas.browse([rma_id for rma_id, _name in rmas.name_search(text)])
            self.assertEqual(found, self.rma, text)
            self.assertEqual(rmas.search(self._search_view_domain(text)), self.rma, text)
        self.assertIn(self.other.id, [rma_id for rma_id, _name in rmas.name_search("Other Customer")])

    def test_totals_add_company_currency_amounts_only(self):
        currency = self.env.ref("base.EUR") if self.company.currency_id != self.env.ref("base.EUR") \
            else self.env.ref("base.USD")
        currency.active = True
        today = fields.Date.context_today(self.env.user)
        rates = self.env["res.currency.rate"]
        for cur, rate in ((self.company.currency_id, 1.0), (currency, 4.0)):
            rates.search([("currency_id", "=", cur.id), ("name", "=", today)]).unlink()
            rates.create({"currency_id": cur.id, "name": today, "rate": rate, "company_id": self.company.id})
        foreign = self._rma([{"product_id": self.product.id, "product_uom_qty": 2, "price_unit": 100.0}],
                            currency_id=currency.id)
        self.assertEqual((foreign.amount_total, foreign.amount_total_company), (200.0, 50.0),
                         "200 at 4 per unit of the company's currency")
        self.assertEqual(self.rma.amount_total_company, self.rma.amount_total)
        self.assertEqual(self.rma.amount_total, 288.0)
        foreign.line_ids.product_uom_qty = 1
        self.assertEqual((foreign.amount_untaxed_company, foreign.amount_total_company), (25.0, 25.0))
        self.assertEqual((foreign.line_ids.price_subtotal, foreign.line_ids.price_subtotal_company), (100.0, 25.0))
        rmas = self.rma | self.other | foreign
        [group] = self.env["rma.order"].read_group([("id", "in", rmas.ids)], ["amount_total_company"], [])
        self.assertEqual(group["amount_total_company"], 288.0 + 10.0 + 25.0)
        arch = etree.fromstring(self.env["rma.order"].fields_view_get(view_type="tree")["arch"])
        self.assertTrue(arch.xpath("//field[@sum]"))
        self.assertEqual({field.get("name") for field in arch.xpath("//field[@sum]")
                          if not field.get("name").endswith("_company")}, set(),
                         "no sum over amounts in the RMAs' own currencies")
        for view_type in ("pivot", "graph"):
            arch = etree.fromstring(self.env["rma.order"].fields_view_get(view_type=view_type)["arch"])
            self.assertEqual([field.get("name") for field in arch.xpath("//field[@type='measure']")],
                             ["amount_total_company"])
        lines = self.env["rma.order.line"]
        arch = etree.fromstring(lines.fields_view_get(view_type="tree")["arch"])
        self.assertEqual({field.get("name") for field in arch.xpath("//field[@sum]")},
                         {"product_uom_qty", "price_subtotal_company"})
        arch = etree.fromstring(lines.fields_view_get(view_type="pivot")["arch"])
        self.assertEqual([field.get("name") for field in arch.xpath("//field[@type='measure']")],
                         ["product_uom_qty", "price_subtotal_company"])

    def test_kanban_columns_in_process_order_and_cards_with_products(self):
        self.other.action_confirm()
        rejected = self._rma([{"product_id": self.product_2.id, "product_uom_qty": 1, "price_unit": 5.0}])
        rejected.action_cancel()
        groups = self.env["rma.order"].read_group(
            [("id", "in", (self.rma | self.other | rejected).ids)], ["status"], ["status"])
        statuses = [group["status"] for group in groups]
        self.assertEqual(statuses[0], "draft")
        self.assertEqual(statuses[-1], rejected.status)
        self.assertEqual(len(statuses), 3)
        self.assertEqual(self.rma.product_summary, "Widget: 2 %s\nGizmo: 1 %s" % (
            self.product.uom_id.name, self.product_2.uom_id.name))
        arch = etree.fromstring(self.env["rma.order"].fields_view_get(view_type="kanban")["arch"])
        self.assertEqual(arch.get("quick_create"), "false")
        self.assertEqual(arch.get("group_create"), "false")
        self.assertTrue(self.env["rma.order"]._fields["status"].readonly,
                        "a readonly status: Odoo 11 offers no drag and drop between its columns")

    def test_to_approve_list_shows_the_approval_reason(self):
        action = self.env.ref("rma_management.action_rma_order_to_approve")
        context = safe_eval(action.context)
        self.assertEqual(context.get("search_default_to_approve"), 1)
        self.assertIn("Nothing waits for your approval", action.help)

        def columns(ctx):
            arch = self.env["rma.order"].with_context(ctx).fields_view_get(view_type="tree")["arch"]
            return {field.get("name") for field in etree.fromstring(arch).xpath("//field")
                    if '"column_invisible": true' not in (field.get("modifiers") or "")}

        self.assertIn("approval_reason", columns(context))
        self.assertNotIn("approval_reason", columns({}))
