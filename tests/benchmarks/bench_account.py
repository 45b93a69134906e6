"""Benchmark of the RMA credit flow against Odoo's own forward flow.

For 1, 5 and 20 lines on the same data, counts the SQL queries and measures
the time of:

- the forward flow: sales order created and confirmed, delivered (with stock),
  invoice created and validated;
- the return flow: RMA created from the sales order (wizard), confirmed and
  approved, then, with stock (through rma_management_stock_account), the
  goods received straight to stock (refund credited on receipt: the credit
  note is created) and
  the credit note validated (the RMA is resolved with it); without stock, a
  credit-only RMA whose credit note is created at approval and validated
  (the RMA is resolved with it).

Run by `make bench` (see harness.py for running it by hand).
"""
from harness import run, set_done


def deliver(env, order):
    pickings = order.picking_ids if "picking_ids" in order._fields else None
    if pickings:
        set_done(pickings).button_validate()
    else:
        for line in order.order_line:
            line.qty_delivered = line.product_uom_qty


def forward(env, meter, size, customer, products, qty=4.0):
    with meter.measure("forward: order created and confirmed", size):
        order = env["sale.order"].create({
            "partner_id": customer.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": qty}) for product in products],
        })
        order.action_confirm()
    if "picking_ids" in order._fields:
        with meter.measure("forward: delivered", size):
            deliver(env, order)
    else:
        deliver(env, order)
    with meter.measure("forward: invoice created and validated", size):
        invoice = env["account.invoice"].browse(order.action_invoice_create())
        invoice.action_invoice_open()
    return order


def rma_from_order(env, order, reason, operation_xmlid):
    """An RMA of every line of ``order``, made with the sales order wizard."""
    wizard = env["rma.add.sale.lines"].with_context(
        default_sale_order_id=order.id, default_partner_id=order.partner_id.id,
    ).create({"reason_id": reason.id, "rma_operation_id": env.ref(operation_xmlid).id})
    wizard.item_ids.write({"selected": True})
    return env["rma.order"].browse(wizard.action_add_lines()["res_id"])


def assert_credited_in_full(rma, order, size):
    """The RMA is resolved by one credit note of ``size`` lines for all that was invoiced."""
    assert rma.credit_status == "credited" and rma.state == "done", (rma.credit_status, rma.state)
    assert len(rma.credit_note_ids) == 1 and len(rma.credit_note_ids.invoice_line_ids) == size
    assert rma.credit_note_ids.amount_total == order.invoice_ids.amount_total, "all that was invoiced is credited"


def backward(env, meter, size, order, reason):
    with_stock = "picking_ids" in env["rma.order"]._fields
    with meter.measure("return: RMA created from the order", size):
        rma = rma_from_order(env, order, reason, "rma_management.rma_operation_refund" if with_stock
                             else "rma_management.rma_operation_credit_only")
    if with_stock:
        # returned goods go straight back to stock: received is dealt with
        rma.warehouse_id.rma_in_type_id.rma_receive_to_stock = True
        with meter.measure("return: approved, receipt ready", size):
            rma.action_confirm()
        receipt = set_done(rma.picking_ids)
        with meter.measure("return: received, credit note created", size):
            receipt.button_validate()
        assert rma.status == "credit_pending", rma.status
        with meter.measure("return: credit note validated, RMA resolved", size):
            rma.credit_note_ids.action_invoice_open()
    else:
        with meter.measure("return: approved, credit note created", size):
            rma.action_confirm()
        with meter.measure("return: credit note validated, RMA resolved", size):
            rma.credit_note_ids.action_invoice_open()
    assert_credited_in_full(rma, order, size)


def bench(env, meter, size):
    env.user.company_id.write({"rma_approval_amount": 0.0, "rma_credit_note_validate": False})
    customer = env["res.partner"].create({"name": "Benchmark Customer", "customer": True})
    products = env["product.product"]
    for index in range(size):
        products |= env["product.product"].create({
            "name": "Benchmark Product %s" % index, "type": "consu", "invoice_policy": "order",
            "list_price": 10.0 + index,
        })
    reason = env["rma.reason"].create({"name": "Benchmark"})
    order = forward(env, meter, size, customer, products)
    backward(env, meter, size, order, reason)


if __name__ == "__main__":
    run(bench, "RMA credit flow against the forward sale and invoice flow", __doc__,
        totals=[("forward flow total", "forward"), ("return flow total", "return")])
