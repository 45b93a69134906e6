"""Helpers shared by the test packages of several addons (tests/ is on the
import path of every test package)."""


def deliver_in_full(order):
    """Deliver ``order`` in full: its real delivery orders where stock is
    installed, else the delivered quantities a salesman would enter."""
    pickings = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")) \
        if "picking_ids" in order._fields else None
    if pickings is None:
        for line in order.order_line:
            line.qty_delivered = line.product_uom_qty
        return
    for move in pickings.mapped("move_lines"):
        move.quantity_done = move.product_uom_qty
    pickings.button_validate()


class RmaFlowMixin:
    """Moves an RMA along its flow, for TransactionCase tests."""

    def _approve(self, rma):
        """Confirm ``rma`` if still draft, and approve it as the test's
        superuser (an RMA manager) if it waits for approval."""
        if rma.state == "draft":
            rma.action_confirm()
        if rma.state == "to_approve":
            rma.action_approve()
        self.assertEqual(rma.state, "approved")
        return rma

    def _receipt(self, rma):
        """The receipt of ``rma`` still to be processed."""
        return rma.picking_ids.filtered(
            lambda picking: picking.picking_type_code == "incoming" and picking.state not in ("done", "cancel")
        )


def return_type(env, code):
    """The standard return type of ``code`` (refund, replace, repair, credit_only, no_credit); a
    return type given as a record is returned as it is."""
    if not isinstance(code, str):
        return code
    return env.ref("rma_management.rma_operation_%s" % code)
