"""Benchmark of the full return lifecycle with inspection against Odoo's own
forward flow, on the same data: stockable products with a 15 % tax, 5 units
per line, the order delivered and invoiced.

For 1, 5 and 20 lines, counts the SQL queries and measures the time of the
forward flow (order, delivery, invoice: bench_account's helpers) and of the
lifecycle: RMA created from the order, approved, all goods received, all
lines inspected to stock at once in the header's wizard (refund credited on
acceptance: the credit note is created), the credit note validated (the RMA
is resolved with it). The last rows give each flow's marginal cost per line
((N=20 - N=5) / 15) and, for reference, the issue's measurement.

Run by `make bench` (see harness.py for running it by hand).
"""
import itertools

from bench_account import assert_credited_in_full, forward, rma_from_order
from harness import approve, run, set_done

#: the issue's measurement (queries at 1, 5, 20 lines), printed for reference
ISSUE_MEASURE = [
    ("peer (issue): create, approve, receipt, refund", (1128, 2767, 8857)),
    ("ours with inspection (issue, before)", (2390, 8371, 34561)),
    ("Odoo's forward flow (issue)", (1571, 2634, 6549)),
]
QTY = 5.0
#: tells the runs apart (the warm-up and each size create their own records)
RUNS = itertools.count()


def _data(env, size, tag):
    company = env.user.company_id
    company.write({"rma_approval_amount": 0.0, "rma_credit_note_validate": False})
    warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
    warehouse.rma_in_type_id.rma_receive_to_stock = False
    tax = env["account.tax"].create({
        "name": "Lifecycle 15 %% %s" % tag, "amount": 15.0, "amount_type": "percent", "type_tax_use": "sale",
    })
    customer = env["res.partner"].create({"name": "Lifecycle Customer %s" % tag, "customer": True})
    products = env["product.product"]
    for index in range(size):
        products |= products.create({
            "name": "Lifecycle %s-%s" % (tag, index), "type": "product", "invoice_policy": "delivery",
            "list_price": 10.0 + index, "standard_price": 5.0, "taxes_id": [(6, 0, tax.ids)],
            "rma_inspection_required": True,
        })
        env["stock.quant"]._update_available_quantity(products[-1], warehouse.lot_stock_id, 2 * QTY)
    return customer, products, env["rma.reason"].create({"name": "Lifecycle %s" % tag})


def lifecycle(env, meter, size, order, reason):
    with meter.measure("lifecycle: RMA created from the order", size):
        rma = rma_from_order(env, order, reason, "rma_management.rma_operation_refund")
    assert set(rma.line_ids.mapped("credit_policy")) == {"on_acceptance"}, rma.line_ids.mapped("credit_policy")
    with meter.measure("lifecycle: approved, receipt ready", size):
        approve(rma)
    receipt = set_done(rma.picking_ids)
    with meter.measure("lifecycle: received", size):
        receipt.button_validate()
    assert rma.status == "waiting_inspection", rma.status
    with meter.measure("lifecycle: inspected at once, credit note", size):
        inspection = env["rma.inspect"].with_context(rma.action_inspect()["context"]).create({})
        inspection.action_confirm()
    assert len(rma.credit_note_ids) == 1, "one inspection event, one credit note"
    with meter.measure("lifecycle: credit note validated, RMA resolved", size):
        rma.credit_note_ids.action_invoice_open()
    assert_credited_in_full(rma, order, size)


def bench(env, meter, size):
    customer, products, reason = _data(env, size, "%s-%s" % (size, next(RUNS)))
    order = forward(env, meter, size, customer, products, qty=QTY)
    lifecycle(env, meter, size, order, reason)


def marginal(meter):
    """Each flow's cost per line between 5 and 20 lines, and the issue's figures."""
    sizes = sorted({size for by_size in meter.results.values() for size in by_size})
    if 5 in sizes and 20 in sizes:
        print("%-46s%18s" % ("marginal per line ((N20 - N5) / 15)", "queries / ms"))
        for label, prefix in (("forward flow", "forward"), ("lifecycle with inspection", "lifecycle")):
            steps = [step for step in meter.results if step.startswith(prefix)]
            (queries5, ms5), (queries20, ms20) = meter.total(steps, 5), meter.total(steps, 20)
            print("%-46s%9.0f %6.1fms" % (label, (queries20 - queries5) / 15.0, (ms20 - ms5) / 15.0))
    print("\nthe issue's measurement, for reference (queries)%s" % "".join(
        "%18s" % ("%d lines" % size) for size in (1, 5, 20)))
    for label, figures in ISSUE_MEASURE:
        print("%-46s" % label + "".join("%18d" % figure for figure in figures))


if __name__ == "__main__":
    run(bench, "RMA lifecycle with inspection against the forward flow", __doc__,
        totals=[("forward flow total", "forward"), ("lifecycle with inspection total", "lifecycle")],
        footer=marginal)
