"""Query counts: confirming and approving cost the same for 1 or 20 lines,
and creating an RMA from a sales order costs a small constant per line
(Odoo 11 creates records one by one: one INSERT and its computations each)."""
from .common import RmaCase

#: SQL queries a created line may cost: INSERT, taxes, its computed fields, its checks
MAX_QUERIES_PER_CREATED_LINE = 20


class TestRmaQueryCounts(RmaCase):

    def setUp(self):
        super().setUp()
        self.products = [self._product("Bulk %d" % index, 10.0) for index in range(20)]
        self.approval = self.env["rma.category"].create({"name": "Needs approval", "approval_required": True})

    def _measure(self, size, category=None):
        order = self._sale_order([(product, 2, 10.0, 0.0) for product in self.products[:size]])
        counts = {}
        cr = self.env.cr
        self.env.cache.invalidate()
        start = cr.sql_log_count
        rma = self._rma_from_order(order, category_id=category.id if category else False)
        self.env["rma.order"].recompute()
        counts["create"] = cr.sql_log_count - start
        self.env.cache.invalidate()
        start = cr.sql_log_count
        rma.action_confirm()
        self.env["rma.order"].recompute()
        counts["confirm"] = cr.sql_log_count - start
        if category:
            self.env.cache.invalidate()
            start = cr.sql_log_count
            rma.sudo(self.rma_manager).action_approve()
            self.env["rma.order"].recompute()
            counts["approve"] = cr.sql_log_count - start
        self.assertEqual(rma.state, "approved")
        self.assertEqual(len(rma.line_ids), size)
        return counts

    def test_create_and_confirm_do_not_grow_with_lines(self):
        """Confirming checks policies and approval rules for all lines at once.
        (Approving hands over to the warehouse and accounting addons, whose
        own tests measure the pickings and credit notes it creates.)"""
        self._measure(1, self.approval)  # warm the registry's caches (translations, views, sequences)
        one, twenty = self._measure(1, self.approval), self._measure(20, self.approval)
        self.assertLessEqual(twenty["confirm"], one["confirm"] + 2, (one, twenty))
        growth = (twenty["create"] - one["create"]) / 19.0
        self.assertLessEqual(growth, MAX_QUERIES_PER_CREATED_LINE, (one, twenty))
