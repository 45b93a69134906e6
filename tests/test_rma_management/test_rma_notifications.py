"""Who is told what: the approver's to-do, the decision's notifications,
the customer following with the public subtypes, dates in the user's format."""
from datetime import timedelta

from odoo import fields

from .common import RmaCase


def days_ago(days):
    return fields.Date.to_string(fields.Date.from_string(fields.Date.today()) - timedelta(days=days))


class TestRmaNotifications(RmaCase):

    def setUp(self):
        super().setUp()
        self.salesperson = self._user("rma_salesperson", "sales_team.group_sale_salesman")
        self.order = self._sale_order([(self.product, 2, 100.0, 0.0)], user_id=self.salesperson.id)
        self.approval_category = self.env["rma.category"].create({
            "name": "Needs approval", "approval_required": True,
        })
        self.approval_type = self.env.ref("rma_management.mail_activity_rma_approval")

    def _pending_rma(self, requester=None):
        rma = self._rma_from_order(self.order, {self.product: 1})
        rma.category_id = self.approval_category
        rma.user_id = self.rma_user
        rma.sudo(requester or self.rma_user).action_confirm()
        self.assertEqual(rma.state, "to_approve")
        return rma

    def _message(self, rma, subtype_xmlid):
        return rma.message_ids.filtered(lambda message: message.subtype_id == self.env.ref(subtype_xmlid))

    def test_pending_approval_gives_the_configured_approver_one_todo(self):
        self.company.rma_approver_id = self.rma_manager
        rma = self._pending_rma()
        activity = rma.activity_ids
        self.assertEqual(len(activity), 1, "one to-do per RMA, not one per manager")
        self.assertEqual((activity.activity_type_id, activity.user_id), (self.approval_type, self.rma_manager))
        self.assertIn("The category Needs approval requires approval.", activity.note)
        self.assertEqual(activity.summary, "Approve or reject %s" % rma.name)
        request = self._message(rma, "rma_management.mt_rma_approval_requested")
        self.assertEqual(request.author_id, self.rma_user.partner_id)
        self.assertTrue(request.subtype_id.internal)

    def test_without_approver_the_first_other_manager_gets_it(self):
        rma = self._pending_rma(requester=self.rma_manager)
        managers = self.env.ref("rma_management.group_rma_manager").users
        self.assertIn(rma.activity_ids.user_id, managers)
        self.assertNotEqual(rma.activity_ids.user_id, self.rma_manager, "not the requester")

    def test_approval_closes_the_todo_and_tells_responsible_and_salesperson(self):
        self.company.rma_approver_id = self.rma_manager
        rma = self._pending_rma()
        rma.sudo(self.rma_manager).action_approve()
        self.assertEqual(rma.state, "approved")
        self.assertFalse(rma.activity_ids.filtered(lambda act: act.activity_type_id == self.approval_type))
        done = self._message(rma, "mail.mt_activities")
        self.assertEqual(done.mail_activity_type_id, self.approval_type)
        self.assertIn("Approved", done.body)
        approved = self._message(rma, "rma_management.mt_rma_approved")
        self.assertEqual(approved.body, "<p>Return approved by %s.</p>" % self.rma_manager.name)
        self.assertEqual(approved.author_id, self.rma_manager.partner_id, "posted as the real approver")
        told = self.rma_user.partner_id | self.salesperson.partner_id
        self.assertEqual(approved.needaction_partner_ids & told, told)
        notified = self.env["mail.notification"].search([("mail_message_id", "=", approved.id)])
        self.assertEqual(notified.mapped("res_partner_id") & told, told)

    def test_rejection_closes_the_todo_and_tells_the_reason(self):
        self.company.rma_approver_id = self.rma_manager
        rma = self._pending_rma()
        rma.sudo(self.rma_manager)._action_reject("No proof of purchase")
        self.assertEqual(rma.state, "cancel")
        self.assertFalse(rma.activity_ids)
        self.assertIn("Rejected: No proof of purchase", self._message(rma, "mail.mt_activities").body)
        rejected = self._message(rma, "rma_management.mt_rma_rejected")
        self.assertEqual(rejected.body, "<p>Return rejected by %s: No proof of purchase</p>" % self.rma_manager.name)
        told = self.rma_user.partner_id | self.salesperson.partner_id
        self.assertEqual(rejected.needaction_partner_ids & told, told)

    def test_back_to_draft_or_cancel_removes_the_todo(self):
        rma = self._pending_rma()
        rma.sudo(self.rma_user).action_draft()
        self.assertFalse(rma.activity_ids)
        self.assertFalse(self._message(rma, "mail.mt_activities"), "removed, not done")
        rma.sudo(self.rma_user).action_confirm()
        self.assertEqual(len(rma.activity_ids), 1)
        rma.sudo(self.rma_user).action_cancel()
        self.assertFalse(rma.activity_ids)

    def test_customer_follows_with_the_public_subtypes_only(self):
        rma = self._pending_rma()
        follower = rma.message_follower_ids.filtered(lambda follower: follower.partner_id == self.customer)
        self.assertTrue(follower, "the customer follows their confirmed return")
        self.assertTrue(follower.subtype_ids)
        self.assertFalse(follower.subtype_ids.filtered("internal"))
        self.assertIn(self.env.ref("rma_management.mt_rma_approved"), follower.subtype_ids)
        self.assertNotIn(self.env.ref("rma_management.mt_rma_approval_requested"), follower.subtype_ids)
        request = self._message(rma, "rma_management.mt_rma_approval_requested")
        self.assertNotIn(self.customer, request.notification_ids.mapped("res_partner_id"))
        rma.sudo(self.rma_manager).action_approve()
        approved = self._message(rma, "rma_management.mt_rma_approved")
        self.assertIn(self.customer, approved.notification_ids.mapped("res_partner_id"))

    def test_dates_in_messages_follow_the_users_language(self):
        self.env["res.lang"].load_lang("fr_FR")
        self.rma_user.lang = "fr_FR"
        self._backdate(self.order, 45)
        rma = self._rma_from_order(self.order, {self.product: 1})
        rma.date = days_ago(20)
        rma.sudo(self.rma_user).with_context(lang="fr_FR").action_confirm()
        self.assertEqual(rma.state, "to_approve")
        french = fields.Date.from_string(days_ago(20)).strftime("%d/%m/%Y")
        self.assertIn("(%s)" % french, rma.approval_reason)
        self.assertIn("(%s)" % french, rma.activity_ids.note)
        self.assertEqual(self.env["rma.order"].with_context(lang="fr_FR")._format_date("2026-03-04"), "04/03/2026")
        self.assertEqual(self.env["rma.order"].with_context(lang="en_US")._format_date("2026-03-04"), "03/04/2026")
