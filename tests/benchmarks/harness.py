"""A tiny harness for the benchmarks: the command line, an Odoo environment on
a database, a measure of SQL queries and wall time per step and size, and a
table of them. Not a pytest module. Each bench_*.py script gives ``run`` a
function ``bench(env, meter, size)`` that builds its data and measures its
steps with ``meter.measure(step, size)``:

    python tests/benchmarks/bench_core.py -c .run/odoo.conf -d DATABASE [--sizes 1 5 20]

Everything runs in one transaction that is rolled back. The first size is
run once more before the measures, unreported, so that the caches the first
run fills (ORM caches, compiled views, translations) count in no step.
"""
import argparse
import time
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api

SIZES = (1, 5, 20)


class Meter:
    """Collects step -> size -> (queries, milliseconds) and prints them as a
    table: one row per step, one column per size."""

    def __init__(self, env):
        self.env = env
        self.results = {}

    @contextmanager
    def measure(self, step, size):
        cr = self.env.cr
        self.env.cache.invalidate()
        queries, start = cr.sql_log_count, time.perf_counter()
        yield
        self.env["base"].recompute()
        self.results.setdefault(step, {})[size] = (cr.sql_log_count - queries, (time.perf_counter() - start) * 1000)

    def total(self, steps, size):
        """Queries and milliseconds of ``steps`` added up for ``size``."""
        measures = [self.results[step][size] for step in steps]
        return sum(queries for queries, _ms in measures), sum(ms for _queries, ms in measures)

    def report(self, title, totals=(), differences=()):
        """``totals``: (label, step prefix) rows adding up the steps whose name
        starts with the prefix; ``differences``: (label, step, other step)
        rows of the first step's queries and time minus the other's."""
        sizes = sorted({size for by_size in self.results.values() for size in by_size})
        print("\n%s (queries / milliseconds)" % title)
        print("%-46s" % "step" + "".join("%18s" % ("%d lines" % size) for size in sizes))
        rows = [(step, [by_size[size] for size in sizes]) for step, by_size in self.results.items()]
        for label, prefix in totals:
            steps = [step for step in self.results if step.startswith(prefix)]
            rows.append((label, [self.total(steps, size) for size in sizes]))
        for label, step, other in differences:
            rows.append((label, [
                (self.results[step][size][0] - self.results[other][size][0],
                 self.results[step][size][1] - self.results[other][size][1]) for size in sizes
            ]))
        for label, cells in rows:
            print("%-46s" % label + "".join("%9d %6.0fms" % cell for cell in cells))


def set_done(pickings):
    """Every move of ``pickings`` done for its whole quantity, as a user
    typing the done quantities before Validate; returns ``pickings``."""
    for move in pickings.mapped("move_lines"):
        move.quantity_done = move.product_uom_qty
    return pickings


def approve(rma):
    """Confirm ``rma`` and approve it when confirming asked for approval."""
    rma.action_confirm()
    if rma.state == "to_approve":
        rma.action_approve()
    return rma


def bench_parser(description, options=()):
    """The command line every benchmark takes (``-c CONFIG -d DATABASE``),
    plus ``options``: (flag, keyword arguments of ``add_argument``) pairs."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    for flag, kwargs in options:
        parser.add_argument(flag, **kwargs)
    return parser


@contextmanager
def bench_environment(arguments):
    """A superuser environment on the database of ``arguments``, in one
    transaction rolled back at the end, whatever the benchmark did."""
    odoo.tools.config.parse_config(["-c", arguments.config, "-d", arguments.database, "--log-level=warn"])
    registry = odoo.registry(arguments.database)
    with api.Environment.manage(), registry.cursor() as cr:
        try:
            yield api.Environment(cr, SUPERUSER_ID, {})
        finally:
            cr.rollback()


def run(bench, title, description, totals=(), differences=(), footer=None):
    """Parse the command line, then run ``bench`` for each size on the
    database it names, as superuser, and print the table (then
    ``footer(meter)``, when given, for rows the table cannot add up)."""
    arguments = bench_parser(description, [
        ("--sizes", {"type": int, "nargs": "+", "default": list(SIZES)}),
    ]).parse_args()
    with bench_environment(arguments) as env:
        bench(env, Meter(env), arguments.sizes[0])  # warm-up, not reported
        meter = Meter(env)
        for size in arguments.sizes:
            bench(env, meter, size)
        meter.report(title, totals, differences)
        if footer:
            footer(meter)
