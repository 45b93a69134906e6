"""Helpers shared by the test packages of several addons (tests/ is on the
import path of every test package)."""


class RmaFlowMixin:
    """Moves an RMA along its flow, for TransactionCase tests."""

    def _approve(self, rma):
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
