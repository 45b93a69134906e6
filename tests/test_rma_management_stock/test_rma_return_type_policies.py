"""The goods policies of a return type (receipt, inspection, what ships out)
drive its lines; each line keeps the policies it was approved with: editing
a type changes its lines still to approve only, in one write, and recomputes
no other RMA."""
from .rma_stock_common import RmaStockCase


class TestRmaReturnTypePolicies(RmaStockCase):

    def setUp(self):
        super().setUp()
        self.order = self._sell_and_deliver(self.product, 10)
        self.exchange = self.env["rma.operation"].create({
            "name": "Inspected exchange", "code": "inspected_exchange",
            "inspection_policy": "always", "delivery_policy": "replacement",
        })

    def test_the_standard_types_keep_their_behaviour(self):
        policies = {
            code: (operation.receipt_policy, operation.inspection_policy, operation.delivery_policy)
            for code in ("refund", "replace", "repair", "credit_only", "no_credit")
            for operation in [self.env.ref("rma_management.rma_operation_%s" % code)]
        }
        self.assertEqual(policies, {
            "refund": ("ordered", "product", "none"),
            "replace": ("ordered", "product", "replacement"),
            "repair": ("ordered", "product", "repaired"),
            "credit_only": ("none", "product", "none"),
            "no_credit": ("ordered", "product", "none"),
        })

    def test_a_type_that_always_inspects_and_ships_a_replacement(self):
        self.assertFalse(self.product.rma_inspection_required)
        rma = self._approve(self._create_rma([(self.order.order_line, 2, self.exchange)]))
        line = rma.line_ids
        self.assertEqual((line.receipt_policy, line.inspection_policy, line.delivery_policy),
                         ("ordered", "always", "replacement"))
        self._validate(self._receipt(rma))
        self.assertEqual(line.stock_status, "inspect", "inspected although the product does not require it")
        self.assertEqual(rma.status, "waiting_inspection")
        self._inspect(line, [("stock", 2)])
        self.assertEqual(line.stock_status, "action")
        self.assertEqual(rma.ship_kind, "replacement")
        rma.action_ship()
        delivery = rma.picking_ids.filtered(lambda picking: picking.picking_type_code == "outgoing")
        self.assertEqual(delivery.move_lines.product_uom_qty, 2)
        self.assertEqual(delivery.location_id, self.warehouse.rma_out_type_id.default_location_src_id)

    def test_a_type_that_never_inspects_waits_for_a_decision(self):
        self.product.rma_inspection_required = True
        never = self.env["rma.operation"].create({"name": "Quick refund", "code": "quick_refund",
                                                  "inspection_policy": "never"})
        rma = self._approve(self._create_rma([(self.order.order_line, 1, never)]))
        self._validate(self._receipt(rma))
        self.assertEqual(rma.line_ids.stock_status, "decide")

    def test_a_type_without_receipt_brings_nothing_back(self):
        credit = self.env["rma.operation"].create({"name": "Goodwill", "code": "goodwill", "receipt_policy": "none"})
        rma = self._approve(self._create_rma([(self.order.order_line, 1, credit)]))
        self.assertFalse(rma.picking_ids)

    def _queries(self, operation, values):
        start = self.env.cr.sql_log_count
        operation.write(values)
        return self.env.cr.sql_log_count - start

    def test_editing_a_type_changes_its_lines_still_to_approve_only(self):
        approved = self._approve(self._create_rma([(self.order.order_line, 2, self.exchange)]))
        draft = self._create_rma([(self.order.order_line, 1, self.exchange)])
        other_type = self._create_rma([(self.order.order_line, 1, "refund")])
        self.exchange.write({"delivery_policy": "none", "name": "Inspected refund"})
        self.assertEqual(draft.line_ids.delivery_policy, "none", "a draft follows its type")
        self.assertEqual(approved.line_ids.delivery_policy, "replacement", "approved with a replacement, it ships one")
        self.assertEqual(other_type.line_ids.delivery_policy, "none")
        self._validate(self._receipt(approved))
        self._inspect(approved.line_ids, [("stock", 2)])
        self.assertEqual(approved.ship_kind, "replacement")
        self._approve(draft)
        self._validate(self._receipt(draft))
        self._inspect(draft.line_ids, [("stock", 1)])
        self.assertFalse(draft.ship_kind, "approved after the change: nothing ships out")
        self.assertEqual(draft.line_ids.stock_status, "resolved")

    def test_editing_a_type_writes_its_lines_at_once(self):
        """As many queries for one line to follow as for five: no query per line, no other RMA recomputed."""
        few = self.env["rma.operation"].create({"name": "Few", "code": "few"})
        many = self.env["rma.operation"].create({"name": "Many", "code": "many"})
        self._create_rma([(self.order.order_line, 1, few)])
        self._create_rma([(self.order.order_line, 1, many) for _i in range(5)])
        self._approve(self._create_rma([(self.order.order_line, 1, many)]))
        (few | many).write({"inspection_policy": "never"})  # caches warmed alike
        counts = [self._queries(operation, {"inspection_policy": "always"}) for operation in (few, many)]
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(sorted(self.env["rma.order.line"].search([("operation_id", "=", many.id)]).mapped(
            "inspection_policy")), ["always"] * 5 + ["product"], "the approved line keeps its own")
