"""Benchmark of many small returns one after the other: ``--returns`` RMAs
(default 100) of ``--lines`` lines (default 3, the usual size of a return),
each through bench_account's return flow (created from its delivered and
invoiced sales order, approved, received straight to stock with the credit
note created on receipt, the credit note validated). The sales orders are
made unmeasured; printed: the return flow's queries and milliseconds per
return, by step and in total, against the peer's figure of issue 16.

    python tests/benchmarks/bench_bulk.py -c .run/odoo.conf -d DATABASE [--returns 100] [--lines 3]

Everything runs in one transaction that is rolled back.
"""
from contextlib import contextmanager

from bench_account import backward, forward
from harness import Meter, bench_environment, bench_parser

PEER_QUERIES_PER_RETURN = 1888  # ForgeFlow's stock-rma 11.0, 100 returns of 3 lines (issue 16)


class SummingMeter(Meter):
    """A Meter adding up the measures of a step over the runs; the forward
    flow's steps are not measured."""

    @contextmanager
    def measure(self, step, size):
        if not step.startswith("return"):
            yield
            return
        before = self.results.get(step, {}).get(size, (0, 0.0))
        with super().measure(step, size):
            yield
        queries, ms = self.results[step][size]
        self.results[step][size] = (before[0] + queries, before[1] + ms)


def one_return(env, meter, size, reason, index):
    customer = env["res.partner"].create({"name": "Bulk Customer %s" % index, "customer": True})
    products = env["product.product"]
    for line in range(size):
        products |= products.create({
            "name": "Bulk Product %s-%s" % (index, line), "type": "consu", "invoice_policy": "order",
            "list_price": 10.0 + line,
        })
    order = forward(env, meter, size, customer, products)
    backward(env, meter, size, order, reason)


def main():
    arguments = bench_parser(__doc__, [
        ("--returns", {"type": int, "default": 100}),
        ("--lines", {"type": int, "default": 3}),
    ]).parse_args()
    with bench_environment(arguments) as env:
        env.user.company_id.write({"rma_approval_amount": 0.0, "rma_credit_note_validate": False})
        reason = env["rma.reason"].create({"name": "Bulk"})
        one_return(env, SummingMeter(env), arguments.lines, reason, "warm-up")  # not reported
        meter = SummingMeter(env)
        for index in range(arguments.returns):
            one_return(env, meter, arguments.lines, reason, index)
        count, size = arguments.returns, arguments.lines
        print("\n%d returns of %d lines, one after the other (per return: queries / milliseconds)" % (count, size))
        for step, by_size in meter.results.items():
            queries, ms = by_size[size]
            print("%-46s %9.0f %8.1fms" % (step, queries / count, ms / count))
        queries, ms = meter.total(list(meter.results), size)
        print("%-46s %9.0f %8.1fms   peer: %d queries (%.2fx)" % (
            "return flow total", queries / count, ms / count, PEER_QUERIES_PER_RETURN,
            queries / count / PEER_QUERIES_PER_RETURN))

if __name__ == "__main__":
    main()
