# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import plaintext2html

from .rma_workflow_guard import workflow_write


class RmaOrder(models.Model):
    """The approval of a return: the rules that send it to a manager, the
    request date they are checked against, and the approval actions."""

    _inherit = "rma.order"

    # ------------------------------------------------------------------
    # Approval rules
    # ------------------------------------------------------------------

    @api.multi
    def _get_approval_reasons(self):
        """Why this RMA needs a manager's approval: sentences, none if it does
        not. Extension point: add a ``_get_*_approval_reasons`` and call it here."""
        self.ensure_one()
        return (
            self._get_window_approval_reasons()
            + self._get_origin_approval_reasons()
            + self._get_backdating_approval_reasons()
            + self._get_category_approval_reasons()
            + self._get_operation_approval_reasons()
            + self._get_amount_approval_reasons()
        )

    @api.multi
    def _get_active_lines(self):
        return self.line_ids.filtered(lambda line: line.state != "cancel")

    @api.multi
    def _get_window_approval_reasons(self):
        return [
            _("%(product)s is outside its return window (returnable until %(deadline)s).")
            % {"product": line.product_id.display_name, "deadline": self._format_date(line.return_deadline)}
            for line in self._get_active_lines().filtered("out_of_window")
        ]

    @api.multi
    def _get_origin_approval_reasons(self):
        """Nothing caps a line that comes from no sales order but the manager
        who approves it, unless its category allows such lines."""
        if self.category_id.allow_without_origin:
            return []
        return [
            _("%(product)s does not come from a sales order: returns without origin need a manager's approval.")
            % {"product": line.product_id.display_name}
            for line in self._get_active_lines().filtered(lambda line: not line.sale_line_id)
        ]

    @api.multi
    def _get_backdating_approval_reasons(self):
        """A request dated back brings a late return inside its window: beyond
        the company's tolerance, a manager decides."""
        days = self._get_backdated_days()
        if days <= self.company_id.rma_backdate_tolerance:
            return []
        return [
            _("The request is dated %(days)s days before it was entered (%(date)s).")
            % {"days": days, "date": self._format_date(self.date)}
        ]

    @api.multi
    def _get_backdated_days(self):
        """Days between the request date and the day the RMA was entered, in the user's time zone."""
        self.ensure_one()
        entered = fields.Date.context_today(self, timestamp=fields.Datetime.from_string(self.create_date))
        return (fields.Date.from_string(entered) - fields.Date.from_string(self.date)).days

    @api.multi
    def _get_category_approval_reasons(self):
        if self.category_id.approval_required:
            return [_("The category %s requires approval.") % self.category_id.name]
        return []

    @api.multi
    def _get_operation_approval_reasons(self):
        operations = self._get_active_lines().mapped("operation_id").filtered("approval_required")
        return [_("The return type %s requires approval.") % operation.name for operation in operations]

    @api.multi
    def _get_approval_amount(self):
        """What the approval amount is compared with, in the RMA's currency:
        every active line counts, and none for less than its untaxed amount
        (a negative tax does not lower what may be credited)."""
        self.ensure_one()
        return sum(max(line.price_subtotal, line.price_total) for line in self._get_active_lines())

    @api.multi
    def _get_amount_approval_reasons(self):
        limit = self.company_id.rma_approval_amount
        company_currency = self.company_id.currency_id
        amount = self._get_approval_amount()
        total = self.currency_id.with_context(date=self.date).compute(amount, company_currency)
        if not limit or company_currency.compare_amounts(total, limit) <= 0:
            return []
        return [
            _("The total %(total)s %(currency)s exceeds the approval amount of %(limit)s %(company_currency)s.")
            % {"total": amount, "currency": self.currency_id.name,
               "limit": limit, "company_currency": company_currency.name}
        ]

    # ------------------------------------------------------------------
    # Request date
    # ------------------------------------------------------------------

    @api.constrains("date")
    def _check_request_date(self):
        """A request is not dated in the future, nor before the goods reached the customer."""
        for rma in self:
            if rma.date > fields.Date.context_today(rma):
                raise ValidationError(
                    _("The request date of %(rma)s (%(date)s) is in the future.")
                    % {"rma": rma.name, "date": rma._format_date(rma.date)}
                )
        self.mapped("line_ids")._check_request_after_delivery()

    # ------------------------------------------------------------------
    # Approval workflow
    # ------------------------------------------------------------------

    @api.multi
    def _check_can_confirm(self):
        for rma in self:
            if rma.state != "draft":
                raise UserError(_("Only draft RMAs can be confirmed: %s is not.") % rma.name)
            if not rma._get_active_lines():
                raise UserError(_("Add at least one line to %s before confirming it.") % rma.name)
        self.mapped("line_ids")._check_request_after_delivery()

    @api.multi
    def action_confirm(self):
        """Check the return policies and approval rules: straight to Approved,
        or to Pending Approval with the reasons on the form and a manager's
        to-do. The customer follows their return from now on."""
        self._check_can_confirm()
        self._subscribe_customer()
        needs_approval = self.browse()
        for rma in self:
            reasons = rma._get_approval_reasons()
            if reasons:
                rma._set_state("to_approve", approval_reason="\n".join(reasons))
                rma.message_post(body=_("Approval required: %s") % rma.approval_reason,
                                 subtype="rma_management.mt_rma_approval_requested")
                needs_approval |= rma
        needs_approval._request_approval()
        (self - needs_approval)._action_approve()
        return True

    @api.multi
    def _request_approval(self):
        """The approver's to-do on each RMA, with the reasons in its note."""
        activity_type = self.env.ref("rma_management.mail_activity_rma_approval")
        for rma in self:
            rma._schedule_todo(activity_type, rma._get_approver(), _("Approve or reject %s") % rma.name,
                               plaintext2html(rma.approval_reason))
        return True

    @api.multi
    def _get_approver(self):
        """The company's RMA approver, else the first RMA manager other than
        the requester, else the requester."""
        self.ensure_one()
        approver = self.company_id.rma_approver_id
        if approver.active:
            return approver
        return self._get_group_user(
            "rma_management.group_rma_manager", self.company_id, exclude=self.env.user,
        ) or self.env.user

    @api.multi
    def _close_approval_activities(self, feedback=None):
        """The approval to-do is done (with ``feedback``) once decided, gone
        without one when the RMA goes back to draft or is cancelled."""
        activities = self._get_activities(self.env.ref("rma_management.mail_activity_rma_approval"))
        if feedback is None:
            # sudo: the to-do is the approver's, whoever takes the RMA back
            return activities.sudo().unlink()
        return activities.action_feedback(feedback=feedback)

    @api.multi
    def _get_decision_recipients(self):
        """Who hears of an approval or a rejection: the responsible and the
        salespeople of the origin orders."""
        self.ensure_one()
        # sudo: the salesperson of an origin order is told, whoever may read the order
        return self.user_id | self.sudo().sale_order_ids.mapped("user_id")

    @api.multi
    def _check_manager(self, action):
        if not self.env.user.has_group("rma_management.group_rma_manager"):
            raise AccessError(_("Only RMA managers can %s returns.") % action)

    @api.multi
    def action_approve(self):
        self._check_manager(_("approve"))
        for rma in self:
            if rma.state != "to_approve":
                raise UserError(_("%s is not waiting for approval.") % rma.name)
        self._close_approval_activities(feedback=_("Approved"))
        self._action_approve()
        return True

    @api.multi
    def _action_approve(self):
        """Approve without checking who approves. Extension point: receipts,
        credit notes on approval, calling super. The customer, the
        responsible and the salespeople are told."""
        self._set_state("approved", approved_date=fields.Datetime.now(), approved_user_id=self.env.uid)
        for rma in self:
            rma._notify_people(_("Return approved by %s.") % self.env.user.name,
                               "rma_management.mt_rma_approved", rma._get_decision_recipients())
        return True

    @api.multi
    def action_reject_wizard(self):
        self._check_manager(_("reject"))
        return self.env["rma.order"]._wizard_action(
            _("Reject RMA"), "rma.reject", {"default_rma_ids": [(6, 0, self.ids)]}
        )

    @api.multi
    def _action_reject(self, reason):
        self._check_manager(_("reject"))
        if not (reason or "").strip():
            raise UserError(_("Give the reason for rejecting the return."))
        for rma in self:
            if rma.state not in ("draft", "to_approve"):
                raise UserError(_("%s can no longer be rejected.") % rma.name)
        with workflow_write():
            self.write({"rejection_reason": reason.strip()})
        self._close_approval_activities(feedback=_("Rejected: %s") % reason.strip())
        for rma in self:
            rma._notify_people(_("Return rejected by %(user)s: %(reason)s")
                               % {"user": self.env.user.name, "reason": rma.rejection_reason},
                               "rma_management.mt_rma_rejected", rma._get_decision_recipients())
        self._action_cancel()
        return True
