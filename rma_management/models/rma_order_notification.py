# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
import datetime

from odoo import api, fields, models
from odoo.tools.misc import DATE_LENGTH, format_date


class RmaOrder(models.Model):
    """Who is told what about a return: the customer follows it with the
    public subtypes, the people who act on it get to-dos, and the dates in
    its messages read as the acting user reads them in the client."""

    _inherit = "rma.order"

    # ------------------------------------------------------------------
    # Dates in messages
    # ------------------------------------------------------------------

    @api.model
    def _format_date(self, value):
        """``value`` (a date or datetime, as string or object) in the acting
        user's language format; a datetime in their time zone."""
        if not value:
            return ""
        lang = self.env.context.get("lang") or self.env.user.lang or "en_US"
        if isinstance(value, str) and len(value) > DATE_LENGTH:
            value = fields.Datetime.from_string(value)
        if isinstance(value, datetime.datetime):
            stamp = fields.Datetime.context_timestamp(self, value)
            time_format = self.env["res.lang"]._lang_get(lang).time_format
            return "%s %s" % (format_date(self.env, stamp.date(), lang_code=lang), stamp.strftime(time_format))
        return format_date(self.env, value, lang_code=lang)

    # ------------------------------------------------------------------
    # Followers
    # ------------------------------------------------------------------

    @api.model
    def _get_customer_subtypes(self):
        """What the customer is told: discussions and the public subtypes of
        returns (approval, receipt, credit...), never the internal ones."""
        return self.env["mail.message.subtype"].search([
            ("res_model", "=", self._name), ("internal", "=", False),
        ]) | self.env.ref("mail.mt_comment")

    @api.multi
    def _subscribe_customer(self):
        """The customer follows their returns with the public subtypes only."""
        subtypes = self._get_customer_subtypes()
        for rma in self:
            rma.message_subscribe(partner_ids=rma.partner_id.ids, subtype_ids=subtypes.ids)
        return True

    # ------------------------------------------------------------------
    # To-dos
    # ------------------------------------------------------------------

    @api.model
    def _get_group_user(self, group_xmlid, company, exclude=None):
        """The first active user of ``group_xmlid`` working in ``company``
        (not ``exclude``): who gets a to-do no setting assigns."""
        domain = [("groups_id", "in", self.env.ref(group_xmlid).ids), ("company_ids", "in", company.ids),
                  ("share", "=", False)]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        return self.env["res.users"].sudo().search(domain, order="id", limit=1)

    @api.multi
    def _schedule_todo(self, activity_type, user, summary, note):
        """One to-do of ``activity_type`` on each of these RMAs, for ``user``."""
        model = self.env["ir.model"]._get(self._name)
        activities = self.env["mail.activity"]
        for rma in self:
            # sudo: the to-do is the other person's, whoever's action schedules it
            activities |= activities.sudo().create({
                "res_model_id": model.id,
                "res_id": rma.id,
                "activity_type_id": activity_type.id,
                "summary": summary,
                "note": note,
                "user_id": user.id or self.env.uid,
            })
        return activities

    @api.multi
    def _get_activities(self, activity_type):
        return self.mapped("activity_ids").filtered(lambda activity: activity.activity_type_id == activity_type)

    @api.multi
    def _notify_people(self, body, subtype_xmlid, users):
        """Post ``body`` with ``subtype_xmlid`` as the acting user, notifying
        ``users`` (but them)."""
        partners = users.mapped("partner_id") - self.env.user.partner_id
        for rma in self:
            rma.message_post(body=body, subtype=subtype_xmlid, partner_ids=partners.ids)
        return True
