# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .rma_workflow_guard import workflow_write

#: lines in these states follow a change of their type's policies; the others keep what was approved
POLICY_FOLLOWING_STATES = ("draft", "to_approve")


class RmaOperation(models.Model):
    """A return type: what a requested outcome does. The core knows whether
    its lines always need approval and the reason they default to; the stock
    and accounting addons add the goods and credit policies."""

    _name = "rma.operation"
    _description = "RMA Return Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short technical name, unique in a company.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True,
        default=lambda self: self.env["res.company"]._company_default_get("rma.operation"),
        help="Empty: the type is offered in every company.",
    )
    description = fields.Text(translate=True, help="Shown on the lines of this type: what the customer gets.")
    approval_required = fields.Boolean(
        help="RMAs with a line of this type always wait for a manager's approval.",
    )
    reason_id = fields.Many2one(
        "rma.reason", string="Default Return Reason", ondelete="set null",
        help="Proposed on new lines of this type that give no reason.",
    )
    hold_reason_id = fields.Many2one(
        "rma.hold.reason", string="Hold New RMAs", ondelete="set null",
        help="New RMAs with a line of this type start on hold for this reason, until an RMA manager releases them.",
    )

    @api.constrains("code", "company_id")
    def _check_code_unique(self):
        """A code names one type in a company: the company's own types and the shared ones."""
        for operation in self:
            domain = [("id", "!=", operation.id), ("code", "=", operation.code)]
            if operation.company_id:
                domain.append(("company_id", "in", [operation.company_id.id, False]))
            # sudo: another company's type with this code conflicts with a shared one, visible or not
            if self.sudo().with_context(active_test=False).search_count(domain):
                raise ValidationError(
                    _("The code %s is already used by another return type of this company.") % operation.code
                )

    @api.model
    def _get_line_policy_fields(self):
        """Fields of the type that its lines keep a copy of, under the same
        name, so that editing a type recomputes no RMA. Extension point: the
        goods policies of the stock addon."""
        return set()

    @api.multi
    def write(self, vals):
        result = super(RmaOperation, self).write(vals)
        policies = {name: vals[name] for name in self._get_line_policy_fields() & set(vals)}
        if policies:
            # sudo: the lines of every company follow their type, whoever edits it
            lines = self.env["rma.order.line"].sudo().search(
                [("operation_id", "in", self.ids), ("state", "in", POLICY_FOLLOWING_STATES)]
            )
            with workflow_write():
                lines.write(policies)
        return result

    @api.model
    def _copy_all_policies_to_lines(self):
        """_copy_policies_to_lines for every type, archived ones included."""
        return self.with_context(active_test=False).search([])._copy_policies_to_lines()

    @api.multi
    def _copy_policies_to_lines(self):
        """Give every line of these types, whatever its state, its type's
        policies as they are now: on install or upgrade of an addon that adds
        policies (the lines' columns were filled before its data). One update
        per type, then what depends on the policies is recomputed."""
        names = sorted(self._get_line_policy_fields())
        query = sql.SQL("UPDATE rma_order_line SET {} WHERE operation_id = %s").format(
            sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(name)) for name in names)
        )
        for operation in self:
            self.env.cr.execute(query, [operation[name] or None for name in names] + [operation.id])
        # sudo: the lines of every company
        lines = self.env["rma.order.line"].sudo().with_context(active_test=False).search(
            [("operation_id", "in", self.ids)]
        )
        lines.invalidate_cache(fnames=names)
        lines.modified(names)
        lines.recompute()
        return True

    @api.multi
    def unlink(self):
        # sudo: lines of other companies use the type too
        used = self.env["rma.order.line"].sudo().with_context(active_test=False).search(
            [("operation_id", "in", self.ids)]
        ).mapped("operation_id")
        if used:
            raise UserError(
                _("%s is used by RMA lines and cannot be deleted: archive it instead.")
                % ", ".join(used.mapped("name"))
            )
        return super(RmaOperation, self).unlink()
