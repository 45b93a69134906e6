"""Who may do what on returns, checked on the server: every role tries every
operation, each attempt rolled back; the test prints the table and fails on
any cell that differs from the expected one."""
from contextlib import contextmanager

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import RmaStockAccountCase

#: role -> groups (Odoo's and ours); every role is an internal user
ROLES = {
    "employee": ["base.group_user"],
    "returns user": ["rma_management.group_rma_user"],
    "salesman": ["sales_team.group_sale_salesman"],
    "sales manager": ["sales_team.group_sale_manager", "base.group_partner_manager"],
    "returns manager": ["rma_management.group_rma_manager", "sales_team.group_sale_manager",
                        "base.group_partner_manager"],
    "stock user": ["stock.group_stock_user"],
    "stock manager": ["stock.group_stock_manager"],
    "billing": ["account.group_account_invoice"],
    "adviser": ["account.group_account_manager"],
}

#: what no role may do: forged figures and links
NOBODY = set()
#: operation -> roles allowed
EVERY_RMA_USER = {"returns user", "salesman", "sales manager", "returns manager", "stock user", "stock manager"}
WAREHOUSE = {"returns manager", "stock user", "stock manager"}
EXPECTED = {
    "read an RMA": set(ROLES),
    "print the authorization": set(ROLES),
    "create an RMA": EVERY_RMA_USER,
    "confirm": EVERY_RMA_USER,
    "acknowledge": EVERY_RMA_USER,
    "cancel a draft RMA": EVERY_RMA_USER,
    "approve": {"returns manager"},
    "reject": {"returns manager"},
    "resolve": EVERY_RMA_USER,
    "change the reason once approved": {"returns manager"},
    "change the credit policy once approved": {"returns manager"},
    "raise an approved quantity": NOBODY,
    "write the state": NOBODY,
    "write the total": NOBODY,
    "write a received quantity": NOBODY,
    "write a credited quantity": NOBODY,
    "link a stock move to a line": NOBODY,
    "set a customer's return policy": {"returns manager"},
    "set a product's Returnable flag": {"returns manager"},
    "create a return reason": {"returns manager"},
    "archive old RMAs": {"returns manager"},
    "validate an RMA receipt": {"stock user", "stock manager"},
    "close the remaining receipt": WAREHOUSE,
    "inspect": WAREHOUSE,
    "ship a replacement": WAREHOUSE,
    "refurbished to stock": WAREHOUSE,
    "mark delivered": WAREHOUSE,
    # Odoo's stock_account makes inventory managers billing users
    "create a credit note by hand": {"stock manager", "billing", "adviser"},
    "validate an RMA credit note": {"stock manager", "billing", "adviser"},
}


class TestAccessMatrix(RmaStockAccountCase):

    def setUp(self):
        super().setUp()
        self.users = {
            role: self.env["res.users"].with_context(no_reset_password=True).create({
                "name": "Matrix %s" % role, "login": "matrix_%s" % role.replace(" ", "_"),
                "email": "matrix@example.com",
                "groups_id": [(6, 0, [self.env.ref(group).id for group in groups])],
            })
            for role, groups in ROLES.items()
        }
        self.approval = self.env["rma.category"].create({"name": "Matrix approval", "approval_required": True})
        order, _invoice = self._sell(self.product, 20)
        self.sale_line = order.order_line
        self.draft = self._rma(self.sale_line, 1)
        self.pending = self._rma(self.sale_line, 1, category=self.approval)
        self.pending.action_confirm()
        self.approved = self._approve(self._rma(self.sale_line, 2))
        self.received = self._approve(self._rma(self.sale_line, 2, operation="replace"))
        self._receive(self.received, 2)
        self.refurbishing = self._approve(self._rma(self.sale_line, 1, operation="repair"))
        self._receive(self.refurbishing, 1)
        self._inspect(self.refurbishing.line_ids, [("refurbish", 1)])
        self.shipped = self._approve(self._rma(self.sale_line, 1, operation="replace"))
        self._receive(self.shipped, 1)
        self._inspect(self.shipped.line_ids, [("stock", 1)])
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock_location, 5)
        delivery = self.shipped.line_ids._create_delivery(self.product, 1)
        delivery.move_lines.quantity_done = 1
        delivery.button_validate()
        self.assertEqual(self.shipped.status, "shipped")
        self.credit_due = self._approve(self._rma(self.sale_line, 1))
        self.credit_due.line_ids.write({"credit_policy": "on_approval"})
        self.credit_note = self._approve(self._rma(self.sale_line, 1, operation="credit_only")).credit_note_ids
        self.assertEqual(self.credit_note.state, "draft")

    @contextmanager
    def _rolled_back(self):
        self.env.cr.execute("SAVEPOINT access_matrix")
        try:
            yield
        finally:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT access_matrix")
            self.env.clear()

    def _operations(self):
        """Operation name -> function of an environment that carries it out."""
        def as_user(records, env):
            return records.with_env(env)

        def wizard(env, model, values, **context):
            return env[model].with_context(**context).create(values)

        reason = self.env["rma.reason"].create({"name": "Matrix other reason"})
        policy = self.env["rma.return.policy"].create({"name": "Matrix year", "window_days": 365})
        return {
            "read an RMA": lambda env: as_user(self.approved, env).read(["name", "status", "amount_total"]),
            "print the authorization": lambda env: self.env.ref("rma_management.action_report_rma").with_env(
                env).render_qweb_html(self.approved.ids),
            "create an RMA": lambda env: env["rma.order"].create({"partner_id": self.customer.id}),
            "confirm": lambda env: as_user(self.draft, env).action_confirm(),
            "acknowledge": lambda env: as_user(self.approved, env).action_acknowledge(),
            "cancel a draft RMA": lambda env: as_user(self.draft, env).action_cancel(),
            "approve": lambda env: as_user(self.pending, env).action_approve(),
            "reject": lambda env: as_user(self.pending, env)._action_reject("No"),
            # an RMA with no open transfer: resolving one with an open receipt is refused to all
            "resolve": lambda env: as_user(self.credit_note.rma_id, env).action_done(),
            "change the reason once approved": lambda env: as_user(self.approved.line_ids, env).write(
                {"reason_id": reason.id}),
            "change the credit policy once approved": lambda env: as_user(self.approved.line_ids, env).write(
                {"credit_policy": "on_approval"}),
            "raise an approved quantity": lambda env: as_user(self.approved.line_ids, env).write(
                {"product_uom_qty": 5}),
            "write the state": lambda env: as_user(self.draft, env).write({"state": "approved"}),
            "write the total": lambda env: as_user(self.draft, env).write({"amount_total": 0.0}),
            "write a received quantity": lambda env: as_user(self.approved.line_ids, env).write(
                {"qty_received": 2}),
            "write a credited quantity": lambda env: as_user(self.approved.line_ids, env).write(
                {"qty_credited": 0}),
            "link a stock move to a line": lambda env: as_user(self.approved.picking_ids.move_lines, env).write(
                {"rma_line_id": self.received.line_ids.id}),
            "set a customer's return policy": lambda env: as_user(self.customer, env).write(
                {"rma_return_policy_id": policy.id}),
            "set a product's Returnable flag": lambda env: as_user(self.product, env).write(
                {"rma_returnable": False}),
            "create a return reason": lambda env: env["rma.reason"].create({"name": "Matrix reason"}),
            "archive old RMAs": lambda env: wizard(env, "rma.archive", {
                "date": fields.Date.context_today(self.approved)}).action_archive(),
            "validate an RMA receipt": lambda env: self._validate_receipt(env),
            "close the remaining receipt": lambda env: as_user(self.approved, env).action_close_receipt(),
            "inspect": lambda env: wizard(env, "rma.inspect", {
                "result": "passed", "item_ids": [(0, 0, {"disposition": "stock", "quantity": 2})],
            }, default_line_id=self.received.line_ids.id).action_confirm(),
            "ship a replacement": lambda env: as_user(self.refurbishing.line_ids, env)._create_delivery(
                self.product, 1),
            "refurbished to stock": lambda env: as_user(self.refurbishing.line_ids, env).action_refurbished_to_stock(),
            "mark delivered": lambda env: as_user(self.shipped, env).action_mark_delivered(),
            "create a credit note by hand": lambda env: as_user(self.credit_due, env).action_create_credit_notes(),
            "validate an RMA credit note": lambda env: as_user(self.credit_note, env).action_invoice_open(),
        }

    def _validate_receipt(self, env):
        picking = self._receipt(self.approved).with_env(env)
        picking.move_lines.write({"quantity_done": 2})
        return picking.button_validate()

    def _attempt(self, operation, env):
        """'yes' when the operation went through, 'no' when it was refused for
        who the user is or because the figure is the suite's own; anything else
        is a defect, shown in the table."""
        with self._rolled_back():
            try:
                operation(env)
            except AccessError:
                return "no"
            except (UserError, ValidationError) as error:
                if "set by the returns workflow only" in error.name or "can no longer be changed" in error.name:
                    return "no"
                return "error: %s" % error.name[:60]
            return "yes"

    def test_roles_by_operations(self):
        operations = self._operations()
        table = {
            name: {role: self._attempt(operation, self.env(user=user.id)) for role, user in self.users.items()}
            for name, operation in operations.items()
        }
        width = max(len(name) for name in table)
        lines = ["%s | %s" % ("operation".ljust(width), " | ".join(ROLES))]
        mismatches = []
        for name, outcomes in table.items():
            cells = []
            for role, outcome in outcomes.items():
                expected = "yes" if role in EXPECTED[name] else "no"
                mark = "" if outcome == expected else "  <- expected %s" % expected
                if mark:
                    mismatches.append("%s / %s: %s%s" % (name, role, outcome, mark))
                cells.append(("%s%s" % (outcome, "!" if mark else "")).center(len(role)))
            lines.append("%s | %s" % (name.ljust(width), " | ".join(cells)))
        print("\nAccess matrix (roles x operations), each attempt rolled back:\n" + "\n".join(lines))
        self.assertEqual(set(EXPECTED), set(operations))
        self.assertFalse(mismatches, "\n".join(mismatches))
