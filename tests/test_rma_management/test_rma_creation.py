"""Creating RMAs: from a sales order, line by line, by copy; and the inputs
that are refused with a clear message and nothing written."""
from datetime import date

from rma_test_helpers import return_type

from odoo.exceptions import UserError, ValidationError

from .common import RmaCase


class TestRmaCreation(RmaCase):

    def setUp(self):
        super().setUp()
        self.order = self._sale_order([
            (self.product, 10, 100.0, 10.0),
            (self.product_2, 5, 40.0, 0.0),
        ], client_order_ref="PO-4711")
        self.widget_line, self.gizmo_line = self.order.order_line

    def assertNothingWritten(self, model, before):
        self.assertEqual(self.env[model].search_count([]), before)

    def test_create_from_sale_order_fills_lines(self):
        self.assertEqual(self.widget_line.qty_delivered, 10)
        rma = self._rma_from_order(self.order, {self.product: 4})
        self.assertEqual(rma.partner_id, self.customer)
        self.assertEqual(rma.customer_reference, "PO-4711")
        self.assertEqual(rma.sale_order_ids, self.order)
        self.assertEqual(rma.state, "draft")
        line = rma.line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.sale_line_id, self.widget_line)
        self.assertEqual(line.product_id, self.product)
        self.assertEqual(line.product_uom, self.widget_line.product_uom)
        self.assertEqual(line.product_uom_qty, 4)
        self.assertEqual(line.price_unit, 90.0, "the credit price is the unit price net of the 10% discount")
        self.assertEqual(line.tax_ids, self.tax)
        self.assertEqual(line.reason_id, self.reason)
        self.assertEqual(line.price_subtotal, 360.0)
        self.assertEqual(rma.amount_total, 432.0)
        self.assertRegex(rma.name, r"^RMA/%d/\d{4}$" % date.today().year)

    def test_line_created_by_code_takes_what_it_leaves_out_from_its_sales_line(self):
        # what an integrator's script sends: the origin line, a quantity and a reason
        rma = self.env["rma.order"].create({"partner_id": self.customer.id, "line_ids": [(0, 0, {
            "sale_line_id": self.widget_line.id, "product_uom_qty": 3, "reason_id": self.reason.id,
        })]})
        line = rma.line_ids
        self.assertEqual((line.product_id, line.product_uom, line.name),
                         (self.product, self.widget_line.product_uom, self.widget_line.name))
        self.assertEqual((line.price_unit, line.tax_ids), (90.0, self.tax), "not credited at 0")
        self.assertEqual((rma.amount_untaxed, rma.amount_total), (270.0, 324.0))
        # what it gives is kept, and checked as from the form
        cheaper = self.env["rma.order.line"].create({
            "rma_id": rma.id, "sale_line_id": self.widget_line.id, "product_uom_qty": 1, "price_unit": 50.0,
            "reason_id": self.reason.id,
        })
        self.assertEqual((cheaper.price_unit, cheaper.product_id), (50.0, self.product))

    def test_wizard_lists_what_is_still_returnable(self):
        self._rma_from_order(self.order, {self.product: 4})
        wizard = self.env["rma.add.sale.lines"].with_context(default_sale_order_id=self.order.id).create({
            "reason_id": self.reason.id,
        })
        returnable = {item.product_id: item.qty_returnable for item in wizard.item_ids}
        self.assertEqual(returnable, {self.product: 6.0, self.product_2: 5.0})
        self.assertEqual(self.widget_line.qty_returnable, 6.0)

    def test_add_lines_from_a_second_order_of_the_same_customer(self):
        rma = self._rma_from_order(self.order, {self.product: 2})
        second = self._sale_order([(self.product_2, 3, 38.0, 0.0)])
        wizard = self.env["rma.add.sale.lines"].with_context(
            default_rma_id=rma.id, default_partner_id=rma.partner_id.id, default_sale_order_id=second.id,
        ).create({"reason_id": self.reason.id, "rma_operation_id": return_type(self.env, "replace").id})
        wizard.item_ids.write({"selected": True, "quantity": 3})
        wizard.action_add_lines()
        self.assertEqual(rma.sale_order_ids, self.order | second)
        added = rma.line_ids.filtered(lambda line: line.sale_order_id == second)
        self.assertEqual((added.product_uom_qty, added.price_unit, added.operation_id.code), (3, 38.0, "replace"))

    def test_wizard_refuses_another_customers_order(self):
        rma = self._rma_from_order(self.order, {self.product: 2})
        foreign = self._sale_order([(self.product, 1, 100.0, 0.0)], partner=self.other_customer)
        wizard = self.env["rma.add.sale.lines"].with_context(
            default_rma_id=rma.id, default_sale_order_id=foreign.id,
        ).create({"reason_id": self.reason.id})
        wizard.item_ids.write({"selected": True})
        lines_before = self.env["rma.order.line"].search_count([])
        message = "belongs to Other Customer, not to the customer of RMA/"
        with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
            wizard.action_add_lines()
        self.assertNothingWritten("rma.order.line", lines_before)
        self.assertEqual(len(rma.line_ids), 1)

    def test_wizard_without_selection(self):
        wizard = self.env["rma.add.sale.lines"].with_context(default_sale_order_id=self.order.id).create({
            "reason_id": self.reason.id,
        })
        rmas_before = self.env["rma.order"].search_count([])
        with self.assertRaisesRegex(UserError, "Tick at least one product to return"):
            wizard.action_add_lines()
        self.assertNothingWritten("rma.order", rmas_before)

    def test_return_from_unconfirmed_order_refused(self):
        quotation = self.env["sale.order"].create({"partner_id": self.customer.id})
        with self.assertRaisesRegex(UserError, "Only confirmed sales orders can have returns"):
            quotation.action_create_rma()

    def test_standalone_rma(self):
        rma = self._rma([{"product_id": self.product.id, "product_uom_qty": 2, "price_unit": 80.0,
                          "tax_ids": [(6, 0, self.tax.ids)]}])
        self.assertFalse(rma.sale_order_ids)
        self.assertEqual(rma.line_ids.product_uom, self.product.uom_id)
        self.assertEqual((rma.amount_untaxed, rma.amount_tax, rma.amount_total), (160.0, 32.0, 192.0))

    def test_default_operation_from_category(self):
        category = self.env["rma.category"].create({
            "name": "Wrong item", "default_operation_id": return_type(self.env, "replace").id,
        })
        rma = self._rma([{"product_id": self.product.id}], category_id=category.id)
        self.assertEqual(rma.line_ids.operation_id.code, "replace")

    def test_numbers_follow_each_other(self):
        first = self._rma([{"product_id": self.product.id}])
        second = self._rma([{"product_id": self.product.id}])
        self.assertEqual(int(second.name[-4:]), int(first.name[-4:]) + 1)

    def test_copy(self):
        rma = self._rma_from_order(self.order, {self.product: 3, self.product_2: 1})
        rma.action_confirm()
        copy = rma.copy()
        self.assertNotEqual(copy.name, rma.name)
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.approved_date)
        self.assertEqual(
            [(line.product_id, line.product_uom_qty, line.sale_line_id) for line in copy.line_ids],
            [(line.product_id, line.product_uom_qty, line.sale_line_id) for line in rma.line_ids],
        )
        self.assertEqual(set(copy.line_ids.mapped("state")), {"draft"})

    # ------------------------------------------------------------------
    # Bad input: a clear error, nothing written
    # ------------------------------------------------------------------

    def assertRefused(self, line_values, message, rma=None):
        rma = rma or self._rma_from_order(self.order, {self.product_2: 1})
        lines_before = self.env["rma.order.line"].search_count([])
        with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
            rma.write({"line_ids": [(0, 0, dict({"reason_id": self.reason.id}, **line_values))]})
        self.assertNothingWritten("rma.order.line", lines_before)
        return rma

    def _origin_values(self, sale_line, quantity):
        values = self.env["rma.order.line"]._prepare_from_sale_line(sale_line)
        values["product_uom_qty"] = quantity
        return values

    def test_quantity_must_be_positive(self):
        self.assertRefused(self._origin_values(self.widget_line, 0), "must be positive")
        self.assertRefused(self._origin_values(self.widget_line, -1), "must be positive")

    def test_quantity_follows_unit_rounding(self):
        pieces = self.env["product.uom"].create({
            "name": "Pieces", "rounding": 1.0, "uom_type": "reference",
            "category_id": self.env["product.uom.categ"].create({"name": "RMA Test Pieces"}).id,
        })
        bolt = self._product("Bolt", 2.0, uom_id=pieces.id, uom_po_id=pieces.id)
        order = self._sale_order([(bolt, 10, 2.0, 0.0)])
        self.assertRefused(
            self._origin_values(order.order_line, 2.5),
            r"2\.5 Pieces of Bolt is not a quantity of that unit: Pieces are counted in steps of 1\.0\.",
        )
        rmas_before = self.env["rma.order"].search_count([])
        with self.assertRaisesRegex(ValidationError, "counted in steps of 1.0"), self.env.cr.savepoint():
            self._rma_from_order(order, {bolt: 2.5})  # the sales order's Return wizard
        self.assertNothingWritten("rma.order", rmas_before)
        rma = self._rma_from_order(order, {bolt: 2})
        with self.assertRaisesRegex(ValidationError, "counted in steps of 1.0"), self.env.cr.savepoint():
            rma.line_ids.product_uom_qty = 1.5
        rma.line_ids.invalidate_cache()
        self.assertEqual(rma.line_ids.product_uom_qty, 2)
        # units that count in thousandths take them
        self.assertEqual(self._rma_from_order(self.order, {self.product: 2.125}).line_ids.product_uom_qty, 2.125)

    def test_quantity_above_delivered(self):
        self.assertRefused(
            self._origin_values(self.widget_line, 11),
            r"You cannot return 11.000 Unit\(s\) of Widget from %s: the customer received 10.000 Unit\(s\) "
            r"and 0.000 are already on other RMAs, so at most 10.000 can come back." % self.order.name,
        )

    def test_quantity_above_what_other_rmas_left(self):
        self._rma_from_order(self.order, {self.product: 7})
        self.assertRefused(
            self._origin_values(self.widget_line, 4), "7.000 are already on other RMAs, so at most 3.000",
        )

    def test_cancelled_rma_releases_its_quantity(self):
        first = self._rma_from_order(self.order, {self.product: 10})
        first.action_cancel()
        second = self._rma_from_order(self.order, {self.product: 10})
        self.assertEqual(second.line_ids.product_uom_qty, 10)

    def test_quantity_above_undelivered_order(self):
        undelivered = self._sale_order([(self.product, 5, 100.0, 0.0)], deliver=False)
        rma = self._rma_from_order(self.order, {self.product_2: 1})
        self.assertRefused(self._origin_values(undelivered.order_line, 1), "the customer received 0.000", rma=rma)

    def test_product_not_returnable(self):
        self.product.rma_returnable = False
        self.assertRefused(self._origin_values(self.widget_line, 1), "Widget cannot be returned: it is not returnable")

    def test_credit_price_above_original(self):
        values = self._origin_values(self.widget_line, 1)
        values["price_unit"] = 90.01
        self.assertRefused(values, r"The credit price of Widget \(90.01\) cannot exceed its original unit price")

    def test_credit_price_below_original_accepted(self):
        rma = self._rma_from_order(self.order, {self.product: 1})
        rma.line_ids.price_unit = 75.0
        self.assertEqual(rma.amount_untaxed, 75.0)

    def test_line_from_another_customers_order(self):
        foreign = self._sale_order([(self.product, 2, 100.0, 0.0)], partner=self.other_customer)
        self.assertRefused(self._origin_values(foreign.order_line, 1), "belongs to Other Customer")

    def test_line_from_another_companys_order(self):
        eur = self.env.ref("base.EUR")
        self.assertNotEqual(self.company.currency_id, eur)
        company_b = self.env["res.company"].create({"name": "RMA Creation Company B", "currency_id": eur.id})
        rma = self.env["rma.order"].create({"partner_id": self.customer.id, "company_id": company_b.id})
        self.assertEqual(rma.currency_id, eur, "the currency of the RMA's company")
        self.assertRefused(
            self._origin_values(self.widget_line, 1), "belongs to the company .*, not to the company of", rma=rma,
        )

    def test_product_not_on_origin_line(self):
        values = self._origin_values(self.widget_line, 1)
        values["product_id"] = self.product_2.id
        self.assertRefused(values, "Gizmo is not the product of the origin line")

    def test_unit_of_another_category(self):
        values = self._origin_values(self.widget_line, 1)
        values["product_uom"] = self.env.ref("product.product_uom_kgm").id
        self.assertRefused(values, "Widget cannot be returned in kg")

    def test_quantity_in_another_unit(self):
        dozen = self.env.ref("product.product_uom_dozen")
        rma = self._rma_from_order(self.order, {self.product_2: 1})
        values = self._origin_values(self.widget_line, 1)
        values.update(product_uom=dozen.id, price_unit=90.0 * 12)
        self.assertRefused(values, r"so at most 0.830 can come back", rma=rma)
