"""Benchmark of the suite at scale: a large RMA receipt, and the RMA list at
10,000 RMAs against the sales order list at as many orders.

- receipt: an RMA of ``--receipt-lines`` lines (default 1,000) from a
  delivered and invoiced sales order, approved, its receipt filled in and
  validated (the credit note on receipt included): total time, ms and
  queries per line, set against Odoo's default limit_time_cpu (60 s); the
  same moves received without RMA links ("plain receipt") show Odoo's part.
- lists: ``--rmas`` RMAs of 3 lines (default 10,000, 30,000 lines) and as many
  sales orders of 3 lines, cloned in SQL from one RMA and one sales order
  made by the ORM (one INSERT ... SELECT per table: creating them one by one
  takes hours), spread over 100 customers, 12 months and every state. Then,
  on both models, the calls of the list view: search_read of the list view's
  fields (80 rows) with its search_count, each filter of the search view
  (same calls), and read_group by status, customer and month. Printed: each
  call's median of 7 (record cache cleared), and the RMA / sales order ratio
  per kind of call (the goal: <= 1.2).

`make bench` runs it at 100 receipt lines and 2,000 RMAs; RMA_BENCH_FULL=1
make bench (or the options by hand) at the issue's sizes:

    python tests/benchmarks/bench_scale.py -c .run/odoo.conf -d DATABASE [--receipt-lines 1000] [--rmas 10000]

Everything runs in one transaction that is rolled back.
"""
import datetime
import statistics
import time

from dateutil.relativedelta import relativedelta
from harness import Meter, approve, bench_environment, bench_parser, set_done
from lxml import etree

from odoo.tools.safe_eval import safe_eval

LIMIT_TIME_CPU = 60
RUNS = 7


# ----------------------------------------------------------------------
# a receipt of many lines
# ----------------------------------------------------------------------

def _sold_and_invoiced(env, size, tag):
    """A sales order of ``size`` stockable products, delivered and invoiced."""
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.user.company_id.id)], limit=1)
    customer = env["res.partner"].create({"name": "Scale Customer %s" % tag, "customer": True})
    products = env["product.product"]
    for index in range(size):
        products |= products.create({
            "name": "Scale %s-%s" % (tag, index), "type": "product", "invoice_policy": "delivery",
            "list_price": 10.0, "standard_price": 5.0, "taxes_id": [(6, 0, [])],
        })
        env["stock.quant"]._update_available_quantity(products[-1], warehouse.lot_stock_id, 5)
    order = env["sale.order"].create({"partner_id": customer.id, "warehouse_id": warehouse.id, "order_line": [
        (0, 0, {"product_id": product.id, "product_uom_qty": 5, "tax_id": [(6, 0, [])]}) for product in products
    ]})
    order.action_confirm()
    set_done(order.picking_ids).action_done()
    env["account.invoice"].browse(order.action_invoice_create()).action_invoice_open()
    return warehouse, customer, products, order


def bench_receipt(env, size):
    """Validate the receipt of an RMA of ``size`` lines, and the same receipt without RMA links."""
    env.user.company_id.write({"rma_approval_amount": 0.0, "rma_credit_note_validate": False})
    warehouse, customer, products, order = _sold_and_invoiced(env, size, "receipt-%s" % size)
    reason = env["rma.reason"].create({"name": "Scale"})
    rma = env["rma.order"].create({"partner_id": customer.id, "warehouse_id": warehouse.id, "line_ids": [
        (0, 0, dict(env["rma.order.line"]._prepare_from_sale_line(line), product_uom_qty=5, reason_id=reason.id))
        for line in order.order_line
    ]})
    approve(rma)
    receipt = set_done(rma.picking_ids)
    meter = Meter(env)
    with meter.measure("RMA receipt validated", size):
        receipt.action_done()
    assert set(rma.line_ids.mapped("qty_received")) == {5.0}, "all received"
    assert len(rma.credit_note_ids.invoice_line_ids) == size, "credited on receipt"
    plain = env["stock.picking"].create({
        "picking_type_id": warehouse.rma_in_type_id.id, "partner_id": customer.id,
        "location_id": customer.property_stock_customer.id, "location_dest_id": warehouse.rma_loc_id.id,
        "move_lines": [(0, 0, {
            "name": product.name, "product_id": product.id, "product_uom_qty": 5, "product_uom": product.uom_id.id,
            "location_id": customer.property_stock_customer.id, "location_dest_id": warehouse.rma_loc_id.id,
        }) for product in products],
    })
    plain.action_confirm()
    set_done(plain)
    with meter.measure("plain receipt validated", size):
        plain.action_done()
    print("\nA receipt of %d lines (queries / time)" % size)
    for step, by_size in meter.results.items():
        queries, ms = by_size[size]
        print("%-30s %8d queries %8.1f s   per line: %6.1f queries %6.1f ms   (%.0f%% of limit_time_cpu %d s)"
              % (step, queries, ms / 1000, queries / size, ms / size, ms / 10 / LIMIT_TIME_CPU, LIMIT_TIME_CPU))


# ----------------------------------------------------------------------
# 10,000 RMAs against 10,000 sales orders
# ----------------------------------------------------------------------

def _columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name != 'id'",
               [table])
    return [row[0] for row in cr.fetchall()]


def _clone(cr, table, source, count, overrides, params):
    """``count`` copies of the ``table`` row ``source``: one INSERT ... SELECT,
    ``overrides`` SQL expressions of the series number ``n`` by column."""
    columns = _columns(cr, table)
    cr.execute('INSERT INTO "%s" (%s) SELECT %s FROM "%s" src, generate_series(1, %%(count)s) n '
               'WHERE src.id = %%(source)s'
               % (table, ", ".join('"%s"' % column for column in columns),
                  ", ".join(overrides.get(column, "src.%s" % column) for column in columns), table),
               dict(params, count=count, source=source))


def _clone_lines(cr, table, parent_column, parent_table, source, prefix, overrides):
    """The lines of the record ``source`` copied onto every clone of it (named ``prefix``...)."""
    columns = _columns(cr, table)
    cr.execute('INSERT INTO "%s" (%s) SELECT %s FROM "%s" src JOIN "%s" o ON o.name LIKE %%(prefix)s '
               'WHERE src.%s = %%(source)s'
               % (table, ", ".join('"%s"' % column for column in columns),
                  ", ".join(overrides.get(column, "src.%s" % column) for column in columns),
                  table, parent_table, parent_column),
               {"prefix": prefix + "%", "source": source})


def _cycle(values):
    """An SQL expression taking the values in turn along the series number ``n``."""
    return "(ARRAY[%s])[1 + mod(n, %d)]" % (", ".join("'%s'" % value for value in values), len(values))


def make_rmas_and_orders(env, count):
    """``count`` RMAs and ``count`` sales orders of 3 lines, cloned from one made by the ORM."""
    cr = env.cr
    partners = env["res.partner"]
    for index in range(100):
        partners |= partners.create({"name": "Scale Partner %d" % index, "customer": True})
    products = env["product.product"].search([("sale_ok", "=", True), ("type", "=", "consu")], limit=3)
    reason = env["rma.reason"].create({"name": "Scale lists"})
    rma = env["rma.order"].create({"partner_id": partners[0].id, "line_ids": [
        (0, 0, {"product_id": product.id, "product_uom_qty": 2.0, "price_unit": 10.0, "reason_id": reason.id})
        for product in products
    ]})
    rma.action_confirm()
    order = env["sale.order"].create({"partner_id": partners[0].id, "order_line": [
        (0, 0, {"product_id": product.id, "product_uom_qty": 2.0}) for product in products
    ]})
    order.action_confirm()
    env["base"].recompute()
    statuses = env["rma.order"]._fields["status"].get_values(env)
    partner = "(%(partners)s::int[])[1 + mod(n, 100)]"
    params = {"partners": partners.ids}
    _clone(cr, "rma_order", rma.id, count, {
        # the model RMA comes from no sales order, hence its approval reason: most RMAs have none
        "name": "'RMA-SCALE/' || n", "partner_id": partner, "commercial_partner_id": partner, "contact_id": "NULL",
        "approval_reason": "NULL",
        "date": "current_date - (mod(n, 365))", "state": _cycle(["draft", "to_approve", "approved", "done", "cancel"]),
        "status": _cycle(statuses),
    }, params)
    _clone_lines(cr, "rma_order_line", "rma_id", "rma_order", rma.id, "RMA-SCALE/", {
        "rma_id": "o.id", "partner_id": "o.partner_id", "date": "o.date", "state": "o.state",
    })
    _clone(cr, "sale_order", order.id, count, {
        "name": "'SO-SCALE/' || n", "partner_id": partner, "partner_invoice_id": partner,
        "partner_shipping_id": partner, "date_order": "now() - (mod(n, 365)) * interval '1 day'",
        "confirmation_date": "now() - (mod(n, 365)) * interval '1 day'", "access_token": "NULL",
        "procurement_group_id": "NULL", "state": _cycle(["draft", "sent", "sale", "done", "cancel"]),
        "invoice_status": _cycle(["upselling", "invoiced", "to invoice", "no"]),
    }, params)
    _clone_lines(cr, "sale_order_line", "order_id", "sale_order", order.id, "SO-SCALE/", {
        "order_id": "o.id", "order_partner_id": "o.partner_id", "state": "o.state",
    })
    cr.execute("ANALYZE rma_order; ANALYZE rma_order_line; ANALYZE sale_order; ANALYZE sale_order_line")
    env.cache.invalidate()


def _filters(env, model):
    """{name: domain} of the filters of the model's default search view."""
    arch = etree.fromstring(env[model].fields_view_get(view_type="search")["arch"])
    today = datetime.date.today()
    evaluation = {"uid": env.uid, "context_today": lambda: today, "datetime": datetime, "time": time,
                  "relativedelta": relativedelta, "current_date": today.strftime("%Y-%m-%d")}
    return {node.get("name"): safe_eval(node.get("domain"), evaluation)
            for node in arch.iter("filter") if node.get("domain") not in (None, "[]")}


def _week_ago():
    return (datetime.date.today() - relativedelta(days=7)).strftime("%Y-%m-%d")


#: the RMA list's main filters (by name in its search view) and the same kind of filter on sales orders:
#: the user's own, by state, open and old, by a stored status
MAIN_FILTERS = [
    ("my_rmas", lambda env: _filters(env, "sale.order")["my_sale_orders_filter"]),
    ("draft", lambda env: [("state", "=", "draft")]),
    ("open", lambda env: [("state", "in", ("draft", "sent", "sale"))]),
    ("done", lambda env: [("state", "=", "done")]),
    ("cancel", lambda env: [("state", "=", "cancel")]),
    ("open_7_days", lambda env: [("state", "in", ("draft", "sent", "sale")), ("date_order", "<", _week_ago())]),
    ("to_receive", lambda env: [("invoice_status", "=", "to invoice")]),
]


def _timed(env, call):
    """Median milliseconds and queries of ``call`` over RUNS runs, the record cache cleared before each."""
    measures = []
    for _run in range(RUNS):
        env.cache.invalidate()
        queries, start = env.cr.sql_log_count, time.perf_counter()
        call()
        measures.append(((time.perf_counter() - start) * 1000, env.cr.sql_log_count - queries))
    return statistics.median(ms for ms, _q in measures), statistics.median(q for _ms, q in measures)


def measure_list(env, model, view, filters, groupbys):
    """The list's calls on ``model``: {kind: [(label, ms, queries)]}; ``filters``: (name, domain)."""
    records = env[model]
    fields = list(records.fields_view_get(env.ref(view).id, "tree")["fields"])

    def page(domain):
        return lambda: (records.search_read(domain, fields, limit=80), records.search_count(domain))

    results = {"list": [("list", *_timed(env, page([])))], "filters": []}
    for name, domain in filters:
        results["filters"].append((name, *_timed(env, page(domain))))
    for kind, groupby in zip(("group by status", "group by customer", "group by month"), groupbys, strict=True):
        read = [*fields, groupby.split(":")[0]]  # the list's fields, the grouped one among them
        results[kind] = [(groupby, *_timed(env, lambda read=read, groupby=groupby: records.read_group(
            [], read, [groupby], lazy=True)))]
    return results


def bench_lists(env, count):
    start = time.perf_counter()
    make_rmas_and_orders(env, count)
    print("\n%d RMAs (%d lines) and %d sales orders (%d lines) cloned in SQL in %.1f s"
          % (count, count * 3, count, count * 3, time.perf_counter() - start))
    rma_filters = _filters(env, "rma.order")
    rma = measure_list(env, "rma.order", "rma_management.view_rma_order_tree",
                       [(name, rma_filters[name]) for name, _sale in MAIN_FILTERS],
                       ["status", "commercial_partner_id", "date:month"])
    sale = measure_list(env, "sale.order", "sale.view_order_tree",
                        [(name, domain(env)) for name, domain in MAIN_FILTERS],
                        ["state", "partner_id", "date_order:month"])
    for label, results in (("RMA", rma), ("sales order", sale)):
        print("%s list calls (median of %d, ms / queries)" % (label, RUNS))
        for kind, calls in results.items():
            for name, ms, queries in calls:
                print("  %-14s %-34s %8.1f ms %5d" % (kind, name, ms, queries))
    print("RMA / sales order time ratio (goal <= 1.2)")
    ratios = []
    for kind in rma:
        rma_ms, sale_ms = (statistics.mean(ms for _n, ms, _q in results[kind]) for results in (rma, sale))
        ratios.append(rma_ms / sale_ms)
        print("  %-20s %8.1f ms / %8.1f ms = %.2f%s" % (kind, rma_ms, sale_ms, ratios[-1],
                                                      "" if ratios[-1] <= 1.2 else "  ABOVE GOAL"))
    return ratios


def main():
    arguments = bench_parser(__doc__, [
        ("--receipt-lines", {"type": int, "default": 1000, "help": "0: no receipt"}),
        ("--rmas", {"type": int, "default": 10000, "help": "0: no lists"}),
    ]).parse_args()
    with bench_environment(arguments) as env:
        if arguments.rmas:
            bench_lists(env, arguments.rmas)
        if arguments.receipt_lines:
            bench_receipt(env, arguments.receipt_lines)

if __name__ == "__main__":
    main()
