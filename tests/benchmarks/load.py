"""Load test of the returns flow (`make load`, not a pytest module): K client
threads run complete RMA lifecycles over JSON-RPC against real Odoo servers
for a fixed time, then the database is checked.

One lifecycle, as an integrator would script it: an RMA of 4 units from
each of two delivered and invoiced sales order lines (one stockable product
received straight to credit, one that requires an inspection), confirmed and
approved; 2 units of each received and validated with a backorder through
Odoo's backorder wizard, then the rest; the header's Inspect wizard accepts
the inspected units into stock; the three credit notes that follow (one per
receipt, one for the inspection) are validated.

Setups, each served for RMA_LOAD_SECONDS (default 40) by RMA_LOAD_CLIENTS
client threads (default 4), at most RMA_LOAD_MAX lifecycles (default 400):

- "1 worker": one prefork server, --workers=1;
- "2 workers": one prefork server, --workers=2;
- "2 servers": two prefork servers of one worker each (separate processes and
  ports, one database, one data directory), the clients alternating between
  them: the suite keeps no state outside PostgreSQL and the filestore.

Printed per setup: lifecycles per minute, p50/p95 latency per call
(model.method), retries (Odoo's "retry" lines in the servers' logs), errors.
Then the checks: no double credit (credited <= invoiced per sales line, the
credit notes of each finished lifecycle one per event), nothing authorized
beyond what was delivered, every RMA's stored quantities and statuses equal
to what recomputing them from its moves and credit notes gives.

    python tests/benchmarks/load.py -c .run/odoo.conf -d DATABASE [--setups 1w 2w 2s]
"""
import argparse
import os
import statistics
import sys
import threading
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the server helpers

import odoo
from odoo import SUPERUSER_ID, api

#: units returned per line and lifecycle, received in two batches
RETURNED, FIRST_BATCH = 4.0, 2.0
#: credit notes of a finished lifecycle: the two receipts of the plain line, the inspection
CREDIT_EVENTS = 3
#: sold, delivered and invoiced per sales order line: never exhausted by a run
SOLD = 100000.0
SETUPS = {
    "1w": ("1 worker", 1, 1),
    "2w": ("2 workers", 1, 2),
    "2s": ("2 servers", 2, 1),
}


def _environment(database):
    registry = odoo.registry(database)
    return registry.cursor()


def prepare(database, orders):
    """Stockable products, stock, and ``orders`` sales orders delivered and
    invoiced, committed: the partner, the reason and (sale line, product) pairs per order."""
    with api.Environment.manage(), _environment(database) as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.user.company_id
        company.write({"rma_credit_note_validate": False})  # the clients validate the credit notes
        warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        partner = env["res.partner"].create({"name": "Load Customer", "customer": True})
        reason = env["rma.reason"].create({"name": "Load test"})
        products = env["product.product"]
        for name, inspected in (("Load Widget", False), ("Load Inspected Widget", True)):
            products |= products.create({
                "name": name, "type": "product", "invoice_policy": "delivery", "list_price": 10.0,
                "standard_price": 5.0, "taxes_id": [(6, 0, [])], "rma_inspection_required": inspected,
            })
            env["stock.quant"]._update_available_quantity(products[-1], warehouse.lot_stock_id, SOLD * orders)
        prepared = []
        for _index in range(orders):
            order = env["sale.order"].create({"partner_id": partner.id, "warehouse_id": warehouse.id, "order_line": [
                (0, 0, {"product_id": product.id, "product_uom_qty": SOLD, "tax_id": [(6, 0, [])]})
                for product in products
            ]})
            order.action_confirm()
            for move in order.picking_ids.mapped("move_lines"):
                move.quantity_done = move.product_uom_qty
            order.picking_ids.action_done()
            env["account.invoice"].browse(order.action_invoice_create()).action_invoice_open()
            prepared.append([(line.id, line.product_id.id) for line in order.order_line])
        cr.commit()
        return partner.id, reason.id, prepared


class TimedRpc:
    """A JsonRpc client that records each call's latency by model.method."""

    def __init__(self, rpc, latencies):
        self.rpc, self.latencies = rpc, latencies

    def __call__(self, model, method, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.rpc(model, method, *args, **kwargs)
        except AssertionError as error:  # the server's message: say which call got it
            raise AssertionError("%s.%s: %s" % (model, method, str(error).splitlines()[0][:160])) from None
        finally:
            self.latencies["%s.%s" % (model, method)].append(time.perf_counter() - start)


def _open_receipt(rpc, rma):
    return rpc("stock.picking", "search", [
        ("rma_id", "=", rma), ("picking_type_code", "=", "incoming"), ("state", "not in", ("done", "cancel")),
    ])


def _receive(rpc, receipt, quantity=None):
    """Type what arrived (``quantity`` of each move, else all) and validate:
    a partial receipt through Odoo's backorder wizard."""
    for move in rpc("stock.move", "search_read", [("picking_id", "in", receipt)], ["product_uom_qty"]):
        rpc("stock.move", "write", [move["id"]], {"quantity_done": quantity or move["product_uom_qty"]})
    action = rpc("stock.picking", "button_validate", receipt)
    if quantity:
        assert action and action["res_model"] == "stock.backorder.confirmation", action
        rpc("stock.backorder.confirmation", "process", [action["res_id"]])


def lifecycle(rpc, partner, reason, sale_lines):
    """One complete return: the RMA's id once its credit notes are validated."""
    rma = rpc("rma.order", "create", {"partner_id": partner, "line_ids": [
        (0, 0, {"sale_line_id": sale_line, "product_id": product, "product_uom_qty": RETURNED, "reason_id": reason})
        for sale_line, product in sale_lines
    ]})
    rpc("rma.order", "action_confirm", [rma])
    if rpc("rma.order", "read", [rma], ["state"])[0]["state"] == "to_approve":
        rpc("rma.order", "action_approve", [rma])
    _receive(rpc, _open_receipt(rpc, rma), FIRST_BATCH)
    _receive(rpc, _open_receipt(rpc, rma))
    action = rpc("rma.order", "action_inspect", [rma])
    wizard = rpc("rma.inspect", "create", {}, context=action["context"])
    rpc("rma.inspect", "action_confirm", [wizard])
    notes = rpc("account.invoice", "search", [("rma_id", "=", rma), ("state", "=", "draft")])
    rpc("account.invoice", "action_invoice_open", notes)
    return rma


def run_clients(servers, clients, seconds, limit, partner, reason, orders):
    """Lifecycles by ``clients`` threads until time or count runs out: the
    finished RMAs, the latencies by call, the errors and the elapsed seconds."""
    from rma_test_server import JsonRpc

    latencies, finished, errors = defaultdict(list), [], []
    lock, started = threading.Lock(), [0]
    deadline = time.time() + seconds

    def client(index):
        # the clients alternate between the servers
        rpc = TimedRpc(JsonRpc(servers[index % len(servers)], "admin", "admin"), latencies)
        while time.time() < deadline:
            with lock:
                if started[0] >= limit:
                    return
                number = started[0]
                started[0] += 1
            try:
                rma = lifecycle(rpc, partner, reason, orders[number % len(orders)])
            except Exception as error:  # the server's message: counted, the client goes on
                with lock:
                    errors.append(str(error).splitlines()[0][:200])
            else:
                with lock:
                    finished.append(rma)

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return finished, latencies, errors, time.perf_counter() - start


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(title, finished, latencies, errors, elapsed, retries):
    print("\n== %s: %d lifecycles in %.0f s: %.1f per minute; %d retries, %d errors"
          % (title, len(finished), elapsed, len(finished) * 60 / elapsed, retries, len(errors)))
    print("%-46s %7s %9s %9s" % ("call", "calls", "p50 ms", "p95 ms"))
    for call, values in sorted(latencies.items(), key=lambda item: -statistics.median(item[1])):
        print("%-46s %7d %9.0f %9.0f" % (call, len(values), _percentile(values, 0.5) * 1000,
                                         _percentile(values, 0.95) * 1000))
    for message, count in sorted(_count(errors).items(), key=lambda item: -item[1]):
        print("error x%d: %s" % (count, message))


def _count(items):
    counts = defaultdict(int)
    for item in items:
        counts[item] += 1
    return counts


def _sale_line_problems(cr, partner):
    """Per sales line of the load: credited <= invoiced, authorized <= delivered."""
    cr.execute("""
        SELECT sol.id,
               (SELECT COALESCE(SUM(ail.quantity), 0) FROM sale_order_line_invoice_rel rel
                  JOIN account_invoice_line ail ON ail.id = rel.invoice_line_id
                  JOIN account_invoice ai ON ai.id = ail.invoice_id
                 WHERE rel.order_line_id = sol.id AND ai.type = 'out_invoice' AND ai.state IN ('open', 'paid')),
               (SELECT COALESCE(SUM(ail.quantity), 0) FROM account_invoice_line ail
                  JOIN account_invoice ai ON ai.id = ail.invoice_id
                  JOIN rma_order_line rl ON rl.id = ail.rma_line_id
                 WHERE rl.sale_line_id = sol.id AND ai.type = 'out_refund' AND ai.state != 'cancel'),
               (SELECT COALESCE(SUM(sm.product_qty), 0) FROM stock_move sm
                  JOIN stock_location src ON src.id = sm.location_id
                  JOIN stock_location dest ON dest.id = sm.location_dest_id
                 WHERE sm.sale_line_id = sol.id AND sm.state = 'done'
                   AND src.usage = 'internal' AND dest.usage = 'customer'),
               (SELECT COALESCE(SUM(rl.product_uom_qty), 0) FROM rma_order_line rl
                 WHERE rl.sale_line_id = sol.id AND rl.state NOT IN ('draft', 'cancel'))
          FROM sale_order_line sol JOIN sale_order so ON so.id = sol.order_id
         WHERE so.partner_id = %s
    """, [partner])
    problems = []
    for line, invoiced, credited, delivered, authorized in cr.fetchall():
        if credited > invoiced:
            problems.append("sales line %s: %s credited, %s invoiced" % (line, credited, invoiced))
        if authorized > delivered:
            problems.append("sales line %s: %s authorized, %s delivered" % (line, authorized, delivered))
    return problems


def _finished_problems(env, finished):
    """Each finished lifecycle: resolved, everything received, accepted and
    credited once, one validated credit note per event."""
    problems = []
    for rma in env["rma.order"].browse(finished):
        notes = rma.credit_note_ids
        if rma.state != "done" or len(notes) != CREDIT_EVENTS or not set(notes.mapped("state")) <= {"open", "paid"}:
            problems.append("%s: state %s, credit notes %s" % (rma.name, rma.state, notes.mapped("state")))
        for line in rma.line_ids:
            credited = sum(line.credit_line_ids.mapped("quantity"))
            if (line.qty_received, line.qty_credit_validated, credited) != (RETURNED,) * 3:
                problems.append("%s, %s: received %s, credited %s (validated %s)" % (
                    rma.name, line.product_id.name, line.qty_received, credited, line.qty_credit_validated))
    return problems


def _drift(env, model, ids):
    """Stored computed values of ``model`` that recomputing them changes:
    (record, field, stored, recomputed). Leaves the recomputed values
    written: the caller rolls back."""
    from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write

    records = env[model].browse(ids)
    fields = [field for field in records._fields.values() if field.compute and field.store]
    names = [field.name for field in fields]
    stored = {row["id"]: row for row in records.read(names)}
    with workflow_write():
        for field in fields:
            env.add_todo(field, records)
        records.recompute()
    env.cache.invalidate()
    drift = []
    for row in records.read(names):
        for name in names:
            before, after = stored[row["id"]][name], row[name]
            if isinstance(before, float):
                before, after = round(before, 6), round(after, 6)
            if before != after:
                drift.append((row["id"], name, before, after))
    return drift


def check(database, partner, finished):
    """The database after a setup: the problems found (empty: all is well)."""
    with api.Environment.manage(), _environment(database) as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            problems = _sale_line_problems(cr, partner) + _finished_problems(env, finished)
            rmas = env["rma.order"].search([("partner_id", "=", partner)])
            for model, ids in (("rma.order.line", rmas.mapped("line_ids").ids), ("rma.order", rmas.ids)):
                problems += ["%s %s: %s stored %r, recomputed %r" % (model, *drift)
                             for drift in _drift(env, model, ids)]
            return len(rmas), problems
        finally:
            cr.rollback()


def _server_options(log_dir, name, workers):
    from rma_test_server import free_port

    log = log_dir / ("%s.log" % name)
    log.unlink(missing_ok=True)
    return (log, "--workers=%d" % workers, "--max-cron-threads=0",
            "--longpolling-port=%d" % free_port())


def run_setup(database, key, options, prepared):
    """Start the servers of a setup, run the clients, stop the servers, check the database: True if all is well."""
    from rma_test_server import running_server

    title, servers, workers = SETUPS[key]
    partner, reason, orders = prepared
    log_dir = Path(options.config).parent / "load"  # the servers' logs, kept until the next run
    log_dir.mkdir(exist_ok=True)
    with ExitStack() as stack:
        started = [stack.enter_context(running_server(database, *_server_options(log_dir, "%s-%d" % (key, index),
                                                                                  workers)))
                   for index in range(servers)]
        finished, latencies, errors, elapsed = run_clients(
            started, options.clients, options.seconds, options.max, partner, reason, orders)
        retries = sum(line.count("retry") for server in started for line in server.log_text().splitlines())
        problems = [line for server in started for line in server.log_problems()
                    if "could not serialize access" not in line and "bad query" not in line]
        stack.close()
        report(title, finished, latencies, errors, elapsed, retries)
    checked, inconsistencies = check(database, partner, finished)
    print("servers' logs: %s" % ", ".join(str(server.log) for server in started))
    print("checked %d RMAs: %s" % (checked, "consistent, no double credit, nothing authorized beyond delivered"
                                   if not inconsistencies else "%d problems" % len(inconsistencies)))
    for line in (inconsistencies + problems)[:40]:
        print("  " + line)
    return not inconsistencies and not errors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--setups", nargs="+", choices=sorted(SETUPS), default=list(SETUPS))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("RMA_LOAD_SECONDS", 40)))
    parser.add_argument("--clients", type=int, default=int(os.environ.get("RMA_LOAD_CLIENTS", 4)))
    parser.add_argument("--max", type=int, default=int(os.environ.get("RMA_LOAD_MAX", 400)),
                        help="at most this many lifecycles per setup")
    options = parser.parse_args()
    odoo.tools.config.parse_config(["-c", options.config, "-d", options.database, "--log-level=warn"])
    # two clients share each sales order: they authorize returns of the same lines at once
    prepared = prepare(options.database, max(1, options.clients // 2))
    print("load: %d clients, %.0f s per setup, at most %d lifecycles" % (options.clients, options.seconds, options.max))
    healthy = [run_setup(options.database, key, options, prepared) for key in options.setups]
    odoo.sql_db.close_all()
    return 0 if all(healthy) else 1


if __name__ == "__main__":
    sys.exit(main())
