"""Benchmark of rma_management_stock: approve, receive and inspect RMAs of
1, 5 and 20 lines; SQL query counts and wall time of each step.

Run by `make bench` (see harness.py for running it by hand). "receive" is the
validation of the RMA receipt; "inspect" records the inspection line by
line, "inspect at once" all lines in the header's one wizard; "plain receipt"
validates the same moves from the customer without RMA links: their
difference is what the RMA bookkeeping (stored quantities, statuses, hooks)
adds to Odoo's own picking validation.
"""
from harness import approve, run, set_done


def _setup(env, size, tag):
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.user.company_id.id)], limit=1)
    customer = env["res.partner"].create({"name": "Bench Customer %s" % tag, "customer": True})
    reason = env["rma.reason"].create({"name": "Bench %s" % tag})
    products = env["product.product"]
    for index in range(size):
        products |= products.create({
            "name": "Bench %s-%s" % (tag, index), "type": "product", "invoice_policy": "delivery",
            "list_price": 10.0, "standard_price": 5.0, "taxes_id": [(6, 0, [])],
        })
        env["stock.quant"]._update_available_quantity(products[-1], warehouse.lot_stock_id, 20)
    order = env["sale.order"].create({
        "partner_id": customer.id,
        "warehouse_id": warehouse.id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 10, "price_unit": 10.0})
                       for product in products],
    })
    order.action_confirm()
    for move_line in order.picking_ids.move_line_ids:
        move_line.qty_done = move_line.product_uom_qty
    order.picking_ids.action_done()
    products.write({"rma_inspection_required": True})
    rma = env["rma.order"].create({
        "partner_id": customer.id,
        "warehouse_id": warehouse.id,
        "line_ids": [(0, 0, dict(env["rma.order.line"]._prepare_from_sale_line(line),
                                 product_uom_qty=10, reason_id=reason.id,
                                 operation_id=env.ref("rma_management.rma_operation_refund").id))
                     for line in order.order_line],
    })
    return warehouse, customer, products, rma


def _plain_receipt(env, warehouse, customer, products):
    picking = env["stock.picking"].create({
        "picking_type_id": warehouse.rma_in_type_id.id,
        "partner_id": customer.id,
        "location_id": customer.property_stock_customer.id,
        "location_dest_id": warehouse.rma_loc_id.id,
        "move_lines": [(0, 0, {
            "name": product.name, "product_id": product.id, "product_uom_qty": 10, "product_uom": product.uom_id.id,
            "location_id": customer.property_stock_customer.id, "location_dest_id": warehouse.rma_loc_id.id,
        }) for product in products],
    })
    picking.action_confirm()
    picking.action_assign()
    set_done(picking)
    return picking


def bench(env, meter, size):
    warehouse, _customer, _products, rma = _setup(env, size, "rma-%s" % size)
    with meter.measure("approve", size):
        approve(rma)
    receipt = rma.picking_ids
    set_done(receipt)
    with meter.measure("receive", size):
        receipt.action_done()
    assert rma.status == "waiting_inspection", rma.status
    with meter.measure("inspect", size):
        for line in rma.line_ids:
            line._record_inspection([("stock", 10, False)], "passed")
    assert rma.state == "done", rma.state
    _w, _c, _p, together = _setup(env, size, "together-%s" % size)
    approve(together)
    set_done(together.picking_ids)
    together.picking_ids.action_done()
    with meter.measure("inspect at once", size):
        wizard = env["rma.inspect"].with_context(together.action_inspect()["context"]).create({})
        wizard.action_confirm()
    assert together.state == "done", together.state
    _w, plain_customer, plain_products, _rma = _setup(env, size, "plain-%s" % size)
    plain = _plain_receipt(env, warehouse, plain_customer, plain_products)
    with meter.measure("plain receipt", size):
        plain.action_done()


if __name__ == "__main__":
    run(bench, "RMA stock", __doc__, differences=[("receive - plain receipt", "receive", "plain receipt")])
