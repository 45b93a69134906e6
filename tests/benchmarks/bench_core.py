"""Benchmark of the core flow: an RMA created from a sales order of 1, 5 and
20 lines, then confirmed (approved automatically) and, with a category that
requires approval, confirmed and approved by a manager.

Run by `make bench` (see harness.py); prints SQL query counts and times per step.
"""
from harness import run, set_done


def delivered_order(env, customer, products):
    order = env["sale.order"].create({
        "partner_id": customer.id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 3, "price_unit": 50.0})
                       for product in products],
    })
    order.action_confirm()
    for picking in order.picking_ids:
        set_done(picking).button_validate()
    return order


def rma_from_order(env, order, reason, category):
    wizard = env["rma.add.sale.lines"].with_context(default_sale_order_id=order.id).create({
        "reason_id": reason.id, "category_id": category.id,
    })
    wizard.item_ids.write({"selected": True})
    return env["rma.order"].browse(wizard.action_add_lines()["res_id"])


def bench(env, meter, size):
    customer = env["res.partner"].create({"name": "Benchmark Customer", "customer": True})
    reason = env["rma.reason"].create({"name": "Benchmark"})
    plain = env["rma.category"].create({"name": "Benchmark"})
    approval = env["rma.category"].create({"name": "Benchmark approval", "approval_required": True})
    products = [env["product.product"].create({"name": "Bench %d" % index, "type": "consu", "list_price": 50})
                for index in range(size)]
    for category, prefix in ((plain, "plain"), (approval, "approval")):
        order = delivered_order(env, customer, products)
        with meter.measure("%s: create from sales order" % prefix, size):
            rma = rma_from_order(env, order, reason, category)
        with meter.measure("%s: confirm" % prefix + (" (to approve)" if prefix == "approval" else " (auto-approved)"),
                           size):
            rma.action_confirm()
        if prefix == "approval":
            with meter.measure("approval: approve", size):
                rma.action_approve()
        assert rma.state == "approved", rma.state


if __name__ == "__main__":
    run(bench, "RMA core", __doc__)
