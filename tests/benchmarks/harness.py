"""A tiny harness for the benchmarks: an Odoo environment on a database, and
a measure of SQL queries and wall time per step. Not a pytest module.

    python tests/benchmarks/bench_core.py -c .run/odoo.conf -d DATABASE
"""
import argparse
import time
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api


@contextmanager
def environment():
    """An environment as superuser on the database named on the command line;
    everything done in it is rolled back."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    arguments = parser.parse_args()
    odoo.tools.config.parse_config(["-c", arguments.config, "-d", arguments.database, "--log-level=warn"])
    registry = odoo.registry(arguments.database)
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": False})
        try:
            yield env
        finally:
            cr.rollback()


class Meter:
    """Collects (scenario, step, size) -> (queries, milliseconds) and prints a table."""

    def __init__(self, env):
        self.env = env
        self.rows = []

    @contextmanager
    def measure(self, scenario, step, size):
        cr = self.env.cr
        self.env.cache.invalidate()
        queries, start = cr.sql_log_count, time.perf_counter()
        yield
        self.env["base"].recompute()
        self.rows.append((scenario, step, size, cr.sql_log_count - queries, (time.perf_counter() - start) * 1000))

    def report(self, title):
        print("\n%s" % title)
        print("%-28s %-34s %6s %9s %10s %14s" % ("scenario", "step", "lines", "queries", "ms", "queries/line"))
        for scenario, step, size, queries, milliseconds in self.rows:
            print("%-28s %-34s %6d %9d %10.1f %14.1f" % (
                scenario, step, size, queries, milliseconds, queries / size))
