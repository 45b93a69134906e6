"""Benchmark of the RMA credit flow against Odoo's own forward flow.

For 1, 5 and 20 lines on the same data, counts the SQL queries and measures
the time of:

- the forward flow: sales order created and confirmed, then (after delivery,
  not measured) the invoice created and validated;
- the return flow, as far as it goes without receipts: RMA created from the
  sales order (wizard), confirmed and approved (the credit note is created),
  credit note validated, RMA resolved.

Run with the project's virtualenv (it loads the Python 3.11 compatibility
layer) against a database with the addons installed; nothing is committed::

    .venv/bin/python tests/benchmarks/bench_account.py -c .run/odoo.conf -d DATABASE [--sizes 1 5 20]
"""
import argparse
import time
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api


class Meter:
    """Queries and seconds of named steps, on one cursor."""

    def __init__(self, cr):
        self.cr = cr
        self.results = {}

    @contextmanager
    def measure(self, name):
        queries, start = self.cr.sql_log_count, time.perf_counter()
        yield
        self.results[name] = (self.cr.sql_log_count - queries, time.perf_counter() - start)


class Scenario:
    """One forward and one return flow of ``size`` lines."""

    def __init__(self, env, size):
        self.env = env
        self.size = size
        env.user.company_id.write({"rma_approval_amount": 0.0, "rma_credit_note_validate": False})
        self.customer = env["res.partner"].create({"name": "Benchmark Customer", "customer": True})
        self.products = env["product.product"]
        for index in range(size):
            self.products |= env["product.product"].create({
                "name": "Benchmark Product %s" % index, "type": "consu", "invoice_policy": "order",
                "list_price": 10.0 + index,
            })
        self.reason = env["rma.reason"].create({"name": "Benchmark"})

    def forward(self, meter):
        env = self.env
        with meter.measure("forward: order created and confirmed"):
            order = env["sale.order"].create({
                "partner_id": self.customer.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 4.0})
                               for product in self.products],
            })
            order.action_confirm()
        self.deliver(order)
        with meter.measure("forward: invoice created and validated"):
            invoice = env["account.invoice"].browse(order.action_invoice_create())
            invoice.action_invoice_open()
        return order

    def deliver(self, order):
        pickings = order.picking_ids if "picking_ids" in order._fields else None
        if pickings:
            for move in pickings.mapped("move_lines"):
                move.quantity_done = move.product_uom_qty
            pickings.button_validate()
        else:
            for line in order.order_line:
                line.qty_delivered = line.product_uom_qty

    def backward(self, meter, order):
        env = self.env
        with meter.measure("return: RMA created from the order"):
            wizard = env["rma.add.sale.lines"].with_context(
                default_sale_order_id=order.id, default_partner_id=order.partner_id.id,
            ).create({"reason_id": self.reason.id, "operation": "credit_only"})
            wizard.item_ids.write({"selected": True})
            rma = env["rma.order"].browse(wizard.action_add_lines()["res_id"])
        with meter.measure("return: approved, credit note created"):
            rma.action_confirm()
        with meter.measure("return: credit note validated"):
            rma.credit_note_ids.action_invoice_open()
        with meter.measure("return: resolved"):
            rma.action_done()
        assert rma.credit_status == "credited" and rma.state == "done", (rma.credit_status, rma.state)
        assert len(rma.credit_note_ids) == 1 and len(rma.credit_note_ids.invoice_line_ids) == self.size


def run(database, sizes):
    registry = odoo.registry(database)
    rows = []
    for size in [sizes[0], *sizes]:  # the first run warms the caches and is not reported
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            try:
                scenario = Scenario(env, size)
                meter = Meter(cr)
                order = scenario.forward(meter)
                scenario.backward(meter, order)
                rows.append((size, meter.results))
            finally:
                cr.rollback()
    report(rows[1:])


def report(rows):
    names = list(rows[0][1])
    print("%-42s" % "queries / milliseconds" + "".join("%18s" % ("%d lines" % size) for size, _r in rows))
    for name in names:
        print("%-42s" % name + "".join("%10d %6.0fms" % (r[name][0], r[name][1] * 1000) for _s, r in rows))
    for label, prefix in (("forward flow total", "forward"), ("return flow total", "return")):
        totals = [(sum(q for n, (q, _t) in r.items() if n.startswith(prefix)),
                   sum(t for n, (_q, t) in r.items() if n.startswith(prefix))) for _s, r in rows]
        print("%-42s" % label + "".join("%10d %6.0fms" % (q, t * 1000) for q, t in totals))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 5, 20])
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    with api.Environment.manage():
        run(args.database, args.sizes)


if __name__ == "__main__":
    main()
