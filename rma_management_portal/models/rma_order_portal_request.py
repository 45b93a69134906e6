# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# rma.order is split by responsibility across files, to keep each readable:
# pylint: disable=consider-merging-classes-inherited
"""Return requests made by customers on the portal: the same rules as the
back end's Return Products wizard, which makes the RMA, and a to-do for the
returns desk."""
import base64

from odoo import _, api, fields, models
from odoo.addons.rma_management.models.rma_workflow_guard import workflow_write
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

#: what one photo or document attached to a request may weigh (megabytes), by default
PORTAL_DEFAULT_MAX_UPLOAD_MB = 10


class RmaOrder(models.Model):
    _inherit = "rma.order"

    portal_requested = fields.Boolean(
        string="Requested on the Portal", readonly=True, copy=False, index=True,
        help="The customer asked for this return on the portal; the returns desk confirms it.",
    )

    @api.model
    def _get_workflow_fields(self):
        return super(RmaOrder, self)._get_workflow_fields() | {"portal_requested"}

    @api.model
    def _get_portal_operations(self, company):
        """The return types customers may request on the portal for ``company``'s orders."""
        # sudo: portal users read no return type; the ones offered are what the company configured
        return self.env["rma.operation"].sudo().search([
            ("portal_allowed", "=", True), ("company_id", "in", (False, company.id)),
        ])

    @api.model
    def _get_portal_max_upload(self):
        """Bytes one file of a request may weigh (``rma_management_portal.max_upload_mb``)."""
        megabytes = self.env["ir.config_parameter"].sudo().get_param(
            "rma_management_portal.max_upload_mb", PORTAL_DEFAULT_MAX_UPLOAD_MB)
        return int(float(megabytes) * 1024 * 1024)

    @api.model
    def _get_portal_order(self, order_id):
        """The confirmed sales order ``order_id`` of the user's commercial
        entity, in sudo (its lines, products and policies are read for the
        request); AccessError for any other id, whatever it is."""
        order = self.env["sale.order"].sudo().browse(order_id).exists()
        partner = self.env.user.partner_id.commercial_partner_id
        if not order or order.partner_id.commercial_partner_id != partner or order.state not in ("sale", "done"):
            raise AccessError(_("This order is not one of yours."))
        return order

    @api.model
    def _check_portal_request(self, order, quantities, reason_id, operation_id, files):
        """Refuse what the customer cannot ask for, in their words, before anything is written."""
        if set(quantities) - set(order.order_line.ids):
            raise AccessError(_("These products are not on your order."))
        if operation_id not in self._get_portal_operations(order.company_id).ids:
            raise UserError(_("This outcome cannot be requested here: choose one of the list."))
        if not self.env["rma.reason"].sudo().search_count([("id", "=", reason_id or 0)]):
            raise UserError(_("Choose the reason of the return."))
        if any(quantity < 0 for quantity in quantities.values()):
            raise UserError(_("Quantities to return cannot be negative."))
        if not any(quantities.values()):
            raise UserError(_("Enter the quantity to return of at least one product."))
        limit = self._get_portal_max_upload()
        for name, content in files:
            if len(content) > limit:
                raise UserError(_("%(file)s is too large: files of up to %(size)s MB can be attached.")
                                % {"file": name, "size": limit // (1024 * 1024)})
        return True

    @api.model
    def _create_portal_request(self, order_id, quantities, reason_id, operation_id, comment="", files=()):
        """The customer's request for a return of ``quantities`` ({sales order
        line id: quantity}) of their order ``order_id``: a draft RMA made by the
        Return Products wizard (its checks: returnable products, quantities
        still returnable), the comment and ``files`` ((name, bytes)) posted as
        the customer, and a to-do for the RMA's responsible. Called by the
        portal's request form; the RMA in sudo."""
        order = self._get_portal_order(order_id)
        self._check_portal_request(order, quantities, reason_id, operation_id, files)
        # sudo: customers create no RMA themselves; the wizard checks what they may return
        wizard = self.env["rma.add.sale.lines"].sudo().create({
            "sale_order_id": order.id, "company_id": order.company_id.id, "reason_id": reason_id,
            "rma_operation_id": operation_id,
            "item_ids": [(0, 0, {"sale_line_id": line_id, "quantity": quantity, "selected": True})
                         for line_id, quantity in quantities.items() if quantity],
        })
        rma = self.sudo().browse(wizard.action_add_lines()["res_id"])
        responsible = rma._get_portal_responsible(order)
        with workflow_write():
            rma.write({"portal_requested": True, "user_id": responsible.id, "customer_note": comment or False})
        rma._post_portal_request(self.env.user.partner_id, comment, files)
        rma._schedule_todo(self.env.ref("rma_management_portal.mail_activity_rma_portal_request"), responsible,
                           _("Review the customer's return request"), comment or "")
        return rma

    @api.multi
    def _get_portal_responsible(self, order):
        """Who handles a request: the order's salesperson, else the company's
        portal requests responsible, else the first RMA manager."""
        self.ensure_one()
        company = self.company_id
        return (order.user_id or company.rma_portal_user_id
                or self._get_group_user("rma_management.group_rma_manager", company))

    @api.multi
    def _post_portal_request(self, customer, comment, files):
        """The customer's own message on the RMA, by ``customer`` (a partner):
        what they wrote and the files they sent."""
        self.ensure_one()
        attachments = self.env["ir.attachment"]
        for name, content in files:
            # sudo: the files belong to the RMA, which the customer cannot write
            attachments |= attachments.sudo().create({
                "name": name, "datas_fname": name, "datas": base64.b64encode(content),
                "res_model": self._name, "res_id": self.id,
            })
        body = _("Return requested on the portal.")
        if comment:
            body = "%s<br/>%s" % (body, html_escape(comment))
        return self.message_post(body=body, message_type="comment", subtype="mail.mt_comment",
                                 author_id=customer.id, attachment_ids=attachments.ids)

    @api.model
    def _get_portal_return_lines(self, order):
        """What the request form offers for ``order``: per product line, the
        quantities delivered and still returnable, the last day of the return
        window and, when nothing can come back, why. The RMA lines' own rules
        decide (computed on lines in memory, written nowhere)."""
        rma = self.new({"partner_id": order.partner_id.id, "company_id": order.company_id.id,
                        "date": fields.Date.context_today(self)})
        wizard = self.env["rma.add.sale.lines"].new({"sale_order_id": order.id, "company_id": order.company_id.id})
        result = []
        for item in wizard._prepare_items(order)[1:]:
            sale_line = self.env["sale.order.line"].browse(item[2]["sale_line_id"])
            item = self.env["rma.add.sale.lines.item"].new(dict(item[2], wizard_id=wizard))
            line = self.env["rma.order.line"].new({"rma_id": rma, "sale_line_id": sale_line.id,
                                                   "product_id": sale_line.product_id.id})
            result.append({
                "sale_line": sale_line, "qty_delivered": sale_line.qty_delivered,
                "qty_returnable": item.qty_returnable if item.can_return else 0.0,
                "refusal": not item.can_return and item._get_refusal(),
                "deadline": line.return_deadline, "out_of_window": line.out_of_window,
            })
        return result
