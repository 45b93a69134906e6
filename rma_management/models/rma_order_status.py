# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
"""Where an RMA stands: its display status and whether it resolves itself.

Each addon reports *facts* about the active lines of an approved RMA, for the
aspect it follows (``_get_status_facts_by_line``, every override calling
``super`` and adding to the sets): the goods coming back and what becomes of
them (rma_management_stock), what goes out to the customer
(rma_management_stock), the credit (rma_management_account). The core alone
turns the facts into the status with STATUS_TABLE, so the result does not
depend on the order in which Odoo loads the addons.
"""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

#: a line that some installed aspect follows (what it expects of the line is
#: in its other facts); an RMA resolves itself only when each line is followed
FOLLOWED = "followed"

#: The display status of an approved RMA: the first row whose facts are all
#: reported (by any of its active lines) wins; "approved" when none applies.
#: Rows are ordered from the least advanced step: the goods first, then what
#: goes out, then the money.
STATUS_TABLE = [
    # status                 facts                                  reported by, when
    ("partially_received", {"goods_expected", "goods_received"}),  # stock: goods expected, some arrived
    ("pending_receipt", {"goods_expected"}),                       # stock: goods expected, none arrived
    ("waiting_inspection", {"to_inspect"}),                        # stock: received, inspection required
    ("fully_received", {"to_decide"}),                             # stock: all here, to decide in RMA Input
    ("waiting_action", {"in_quarantine"}),                         # stock: units in Quarantine
    ("waiting_action", {"to_plan"}),                               # stock: to ship, no delivery planned
    ("in_progress", {"in_refurbish"}),                             # stock: units in Refurbish
    ("in_progress", {"in_progress"}),                              # stock: repairing, delivery not ready
    ("ready_to_ship", {"delivery_ready"}),                         # stock: delivery ready
    ("shipped", {"shipped"}),                                      # stock: shipped, not marked delivered
    ("credit_pending", {"credit_pending"}),                        # account: credit due or in draft
    ("delivered", {"delivered"}),                                  # stock: Mark Delivered
    ("credited", {"credited"}),                                    # account: credit notes validated
]

#: the statuses of the suite's addons in the order a return goes through them:
#: the form's status bar and the kanban's columns; a status not listed goes last
STATUS_PROCESS_ORDER = (
    "draft", "to_approve", "approved", "pending_receipt", "partially_received", "fully_received",
    "waiting_inspection", "waiting_action", "in_progress", "ready_to_ship", "shipped", "delivered",
    "credit_pending", "credited", "done", "rejected", "cancel",
)

#: facts that keep an RMA open: while one is reported, it does not resolve itself
PENDING_FACTS = frozenset({
    "goods_expected", "to_inspect", "to_decide", "in_quarantine", "to_plan", "in_refurbish",
    "in_progress", "delivery_ready", "shipped", "credit_pending",
})

#: statuses a resolved RMA keeps instead of "Resolved"
RESOLVED_STATUSES = ("delivered",)


class RmaOrder(models.Model):
    _inherit = "rma.order"

    date_done = fields.Datetime(
        string="Resolved On", readonly=True, copy=False,
        help="When the RMA was last resolved: Reopen checks nothing happened on it since.",
    )
    can_resolve = fields.Boolean(
        compute="_compute_can_resolve",
        help="Approved and nothing pending on its lines: the form offers Resolve.",
    )

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Statuses in process order for the status bar: the addons append
        theirs after "Cancelled" (selection_add)."""
        res = super().fields_get(allfields, attributes)
        if res.get("status", {}).get("selection"):
            res["status"]["selection"] = sorted(
                res["status"]["selection"], key=lambda item: self._get_status_rank(item[0]))
        return res

    @api.model
    def _get_status_rank(self, status):
        """Sort key of a status in STATUS_PROCESS_ORDER."""
        return STATUS_PROCESS_ORDER.index(status) if status in STATUS_PROCESS_ORDER else len(STATUS_PROCESS_ORDER)

    @api.model
    def _get_status_depends(self):
        """Fields the status depends on. Extension point: the fields the
        addons' facts are read from."""
        return ["state", "rejection_reason", "line_ids.state"]

    @api.depends(lambda self: self._get_status_depends())
    def _compute_status(self):
        # only approved and resolved RMAs read their lines' facts
        facts = self.filtered(lambda rma: rma.state in ("approved", "done"))._get_status_facts()
        for rma in self:
            rma.status = rma._get_status(facts.get(rma.id, set()))

    @api.multi
    def _get_status(self, facts):
        """The display status of the RMA from its ``facts`` (see STATUS_TABLE)."""
        self.ensure_one()
        if self.state == "cancel":
            return "rejected" if self.rejection_reason else "cancel"
        if self.state == "approved":
            return next((status for status, needed in STATUS_TABLE if needed <= facts), "approved")
        if self.state == "done":
            return next((status for status in RESOLVED_STATUSES if status in facts), "done")
        return self.state

    @api.multi
    def _get_status_facts(self):
        """The facts of each RMA (by id): those of its active lines, together."""
        by_line = self._get_status_facts_by_line()
        facts = {rma.id: set() for rma in self}
        for line in self.mapped("line_ids"):
            facts[line.rma_id.id] |= by_line.get(line.id, set())
        return facts

    @api.multi
    def _get_status_facts_by_line(self):
        """What each active line (by id) of these RMAs still expects or went
        through: sets of fact names (see STATUS_TABLE and PENDING_FACTS), plus
        FOLLOWED when an aspect follows the line. Extension point, read from
        stored fields, for all lines at once: the core follows nothing."""
        return {line.id: set() for line in self.mapped("line_ids") if line.state != "cancel"}

    @api.multi
    def _is_resolvable(self, by_line):
        """Nothing is pending on any active line, and each is followed by an
        aspect (with the core alone, or a line no addon follows, it is
        resolved by hand). ``by_line``: see _get_status_facts_by_line."""
        self.ensure_one()
        lines = [by_line[line.id] for line in self.line_ids if line.id in by_line]
        return bool(lines) and all(FOLLOWED in facts for facts in lines) and not self._has_pending(by_line)

    @api.multi
    def _has_pending(self, by_line):
        """Whether some active line still reports a fact of PENDING_FACTS."""
        self.ensure_one()
        return any(by_line[line.id] & PENDING_FACTS for line in self.line_ids if line.id in by_line)

    @api.model
    def _get_workflow_fields(self):
        """Stamped when the RMA resolves."""
        return super(RmaOrder, self)._get_workflow_fields() | {"date_done"}

    @api.depends(lambda self: self._get_status_depends())
    def _compute_can_resolve(self):
        approved = self.filtered(lambda rma: rma.state == "approved")
        by_line = approved._get_status_facts_by_line()
        for rma in self:
            rma.can_resolve = rma in approved and not rma._has_pending(by_line)

    @api.multi
    def _auto_resolve(self):
        """Resolve the approved RMAs on which nothing is pending any more; the
        addons call it where their facts change. Returns them."""
        approved = self.filtered(lambda rma: rma.state == "approved")
        by_line = approved._get_status_facts_by_line()
        resolved = approved.filtered(lambda rma: rma._is_resolvable(by_line))
        if resolved:
            resolved._set_state("done", date_done=fields.Datetime.now())
        return resolved

    @api.multi
    def _refresh_status(self):
        """Recompute the stored status (after its rules changed) and resolve
        what is no longer pending: run by the migration."""
        self.invalidate_cache(["status"], self.ids)  # the stale value must not be read back
        self.env.add_todo(self._fields["status"], self)
        self.recompute()
        return self._auto_resolve()

    @api.multi
    def _check_can_resolve(self):
        """Resolving by hand: only approved RMAs. Extension point (open
        transfers refuse it)."""
        for rma in self:
            if rma.state != "approved":
                raise UserError(_("Only approved RMAs can be resolved: %s is not.") % rma.name)
        return True

    @api.multi
    def _check_can_reopen(self):
        """Reopening: RMA managers reopen resolved RMAs on which nothing
        happened since they resolved (``_get_changes_since_resolved``)."""
        user = self.env.user
        if not (user._is_superuser() or user.has_group("rma_management.group_rma_manager")):
            raise AccessError(_("Only RMA managers can reopen a resolved RMA."))
        for rma in self:
            if rma.state != "done":
                raise UserError(_("Only resolved RMAs can be reopened: %s is not.") % rma.name)
            changes = rma._get_changes_since_resolved() if rma.date_done else []
            if changes:
                raise UserError(_("%(rma)s cannot be reopened: %(changes)s since it was resolved.")
                                % {"rma": rma.name, "changes": "; ".join(changes)})
        return True

    @api.multi
    def _get_changes_since_resolved(self):
        """What happened on this resolved RMA since ``date_done`` that reopening
        would contradict, one phrase each. Extension point: the addons add what
        they own (deliveries shipped, credit notes created)."""
        self.ensure_one()
        return []

    @api.multi
    def action_reopen(self):
        """A wrongly resolved RMA goes back to approved, to be handled further."""
        self._check_can_reopen()
        self._set_state("approved", date_done=False)
        for rma in self:
            rma.message_post(body=_("Reopened by %s.") % self.env.user.name)
        return True
