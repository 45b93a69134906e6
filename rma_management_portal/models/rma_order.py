# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An RMA as its customer sees it on the portal: its page, its share link, the
steps it went through."""
import uuid

from odoo import api, fields, models
from odoo.addons.rma_management.models.rma_order_status import STATUS_PROCESS_ORDER
from odoo.exceptions import AccessError


class RmaOrder(models.Model):
    _name = "rma.order"
    _inherit = ["rma.order", "portal.mixin"]
    # customers write to the returns desk from the RMA's page: reading the RMA is enough to post on it
    _mail_post_access = "read"

    access_token = fields.Char(
        "Security Token", copy=False, groups="base.group_user", default=lambda self: str(uuid.uuid4()),
        help="Opens the RMA's portal page to whoever has its link.",
    )
    # for the team only: never on the portal, not even through the portal user's own RPC calls
    internal_note = fields.Text(groups="base.group_user")

    def _init_column(self, column_name):
        """A token of its own for each existing RMA, not the default's one value for all."""
        if column_name != "access_token":
            return super(RmaOrder, self)._init_column(column_name)
        self.env.cr.execute("UPDATE rma_order SET access_token = gen_random_uuid()::varchar WHERE access_token IS NULL")
        return None

    @api.multi
    def _compute_portal_url(self):
        """Instead of the mixin's "#": every RMA has its page."""
        for rma in self:
            rma.portal_url = "/my/returns/%d" % rma.id

    @api.multi
    def get_access_action(self, access_uid=None):
        """Portal users opening a link to the RMA (an e-mail, a share link) land
        on its portal page; the returns desk on the form."""
        self.ensure_one()
        user = self.env["res.users"].sudo().browse(access_uid) if access_uid else self.env.user
        if not user.share:
            return super(RmaOrder, self).get_access_action(access_uid)
        try:
            self.sudo(user).check_access_rule("read")
        except AccessError:
            return super(RmaOrder, self).get_access_action(access_uid)
        return {"type": "ir.actions.act_url", "url": self.portal_url, "target": "self", "res_id": self.id}

    @api.multi
    def _get_portal_steps(self):
        """The status steps of the RMA's page, in process order: (label, passed,
        current). The main steps, Pending Approval when the RMA needed it, and
        where the RMA stands between them."""
        self.ensure_one()
        labels = dict(self._fields["status"]._description_selection(self.env))
        approval = {"to_approve"} if self.approval_reason or self.state == "to_approve" else set()
        if self.state in ("rejected", "cancel"):
            steps = ["draft", *approval, self.status]
        else:
            shown = {"draft", "approved", "done", self.status} | approval
            steps = [status for status in STATUS_PROCESS_ORDER if status in shown]
        rank = steps.index(self.status)
        return [(labels[status], index < rank, index == rank) for index, status in enumerate(steps)]

    @api.multi
    def action_view_portal(self):
        """The RMA's page as its customer sees it."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self.portal_url, "target": "self"}
