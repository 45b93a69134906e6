# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""My Returns: the customer's RMAs on the portal, as My Orders shows orders."""
import math
from collections import OrderedDict

from odoo import _, http
from odoo.addons.portal.controllers.portal import CustomerPortal, get_records_pager
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

#: what the customer sees of the desk's work: the states of each filter
PORTAL_FILTERS = OrderedDict([
    ("all", (lambda: _("All"), [])),
    ("open", (lambda: _("Open"), [("state", "in", ("draft", "to_approve", "approved"))])),
    ("done", (lambda: _("Resolved"), [("state", "=", "done")])),
    ("closed", (lambda: _("Rejected or Cancelled"), [("state", "in", ("rejected", "cancel"))])),
])
PORTAL_SORTINGS = OrderedDict([
    ("date", (lambda: _("Newest"), "date desc, id desc")),
    ("name", (lambda: _("Number"), "name desc")),
    ("status", (lambda: _("Status"), "state, date desc")),
])


class RmaCustomerPortal(CustomerPortal):

    def _prepare_portal_layout_values(self):
        values = super(RmaCustomerPortal, self)._prepare_portal_layout_values()
        values["rma_count"] = request.env["rma.order"].search_count(self._get_portal_rma_domain())
        return values

    def _get_portal_rma_domain(self):
        """The RMAs of the user's commercial entity shown on the portal (the
        record rules keep portal users to them as well). Extension point."""
        partner = request.env.user.partner_id
        return [("commercial_partner_id", "=", partner.commercial_partner_id.id),
                "|", ("state", "!=", "draft"), ("portal_requested", "=", True)]

    def _get_portal_rma(self, rma_id, access_token=None):
        """The RMA ``rma_id`` (in sudo, for its page) if the user may read it,
        or has its share link; AccessError or MissingError otherwise."""
        rma = request.env["rma.order"].browse(rma_id)
        rma_sudo = rma.sudo().exists()
        if not rma_sudo:
            raise MissingError(_("This return does not exist."))
        try:
            rma.check_access_rights("read")
            rma.check_access_rule("read")
        except AccessError:
            if not access_token or not consteq(rma_sudo.access_token or "", access_token):
                raise
        return rma_sudo

    @http.route(["/my/returns", "/my/returns/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_returns(self, page=1, sortby="date", filterby="all", **_kw):
        sortby = sortby if sortby in PORTAL_SORTINGS else "date"
        filterby = filterby if filterby in PORTAL_FILTERS else "all"
        domain = self._get_portal_rma_domain() + PORTAL_FILTERS[filterby][1]
        Rma = request.env["rma.order"]
        pager = portal_pager(url="/my/returns", url_args={"sortby": sortby, "filterby": filterby},
                             total=Rma.search_count(domain), page=page, step=self._items_per_page)
        rmas = Rma.search(domain, order=PORTAL_SORTINGS[sortby][1], limit=self._items_per_page,
                          offset=pager["offset"])
        request.session["my_returns_history"] = rmas.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update({
            "rmas": rmas.sudo(), "page_name": "rma", "pager": pager, "default_url": "/my/returns",
            "searchbar_sortings": {key: {"label": label(), "order": order}
                                   for key, (label, order) in PORTAL_SORTINGS.items()},
            "searchbar_filters": OrderedDict((key, {"label": label(), "domain": filter_domain})
                                             for key, (label, filter_domain) in PORTAL_FILTERS.items()),
            "sortby": sortby, "filterby": filterby,
        })
        return request.render("rma_management_portal.portal_my_returns", values)

    @http.route(["/my/returns/<int:rma_id>"], type="http", auth="public", website=True)
    def portal_return_page(self, rma_id, access_token=None, **_kw):
        try:
            rma = self._get_portal_rma(rma_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = {"rma": rma, "page_name": "rma", "access_token": access_token,
                  "no_breadcrumbs": bool(access_token), "requested": _kw.get("requested")}
        values.update(get_records_pager(request.session.get("my_returns_history", []), rma))
        return request.render("rma_management_portal.portal_return_page", values)

    @http.route(["/my/returns/pdf/<int:rma_id>"], type="http", auth="public", website=True)
    def portal_return_report(self, rma_id, access_token=None, **_kw):
        try:
            rma = self._get_portal_rma(rma_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        # sudo: the report reads products, taxes and the company, which portal users cannot
        pdf = request.env.ref("rma_management.action_report_rma").sudo().render_qweb_pdf(rma.ids)[0]
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"), ("Content-Length", len(pdf)),
            ("Content-Disposition", 'attachment; filename="%s.pdf"' % rma.name.replace("/", "_")),
        ])

    # ------------------------------------------------------------------
    # Return requests
    # ------------------------------------------------------------------

    @http.route(["/my/returns/request"], type="http", auth="user", website=True)
    def portal_return_request_orders(self, **_kw):
        """Which order to return from: the customer's confirmed orders with something delivered."""
        partner = request.env.user.partner_id.commercial_partner_id
        # sudo: delivered quantities are read on lines the portal cannot read field by field
        orders = request.env["sale.order"].sudo().search([
            ("partner_id", "child_of", partner.id), ("state", "in", ("sale", "done")),
        ], order="date_order desc", limit=50).filtered(
            lambda order: any(line.qty_delivered > 0 for line in order.order_line))
        values = self._prepare_portal_layout_values()
        values.update({"orders": orders, "page_name": "rma"})
        return request.render("rma_management_portal.portal_return_request_orders", values)

    @http.route(["/my/orders/<int:order_id>/return"], type="http", auth="user", methods=["GET", "POST"],
                website=True)
    def portal_return_request(self, order_id, **post):
        Rma = request.env["rma.order"]
        try:
            order = Rma._get_portal_order(order_id)
        except AccessError:
            return request.not_found()
        error = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():  # a refusal writes nothing
                    rma = Rma._create_portal_request(order.id, *self._parse_return_request(post))
                return request.redirect("/my/returns/%d?requested=1" % rma.id)
            except AccessError:
                return request.not_found()
            except (UserError, ValidationError) as refusal:
                error = refusal.name
        values = self._prepare_portal_layout_values()
        values.update({
            "order": order, "page_name": "rma", "error": error, "post": post,
            # sudo: the rules of the back end decide what can come back, on lines read for the form only
            "lines": Rma.sudo()._get_portal_return_lines(order),
            "reasons": request.env["rma.reason"].sudo().search([("company_id", "in", (False, order.company_id.id))]),
            "operations": Rma._get_portal_operations(order.company_id),
        })
        return request.render("rma_management_portal.portal_return_request", values)

    def _parse_return_request(self, post):
        """The form's fields as ``_create_portal_request`` takes them, or a UserError in the customer's words."""
        quantities = {}
        for key, value in post.items():
            if key.startswith("qty_") and (value or "").strip():
                try:
                    quantity = float(value.replace(",", "."))
                    line_id = int(key[4:])
                except ValueError:
                    quantity = line_id = None
                if quantity is None or not math.isfinite(quantity):
                    raise UserError(_("Quantities to return must be numbers: \"%s\" is not.") % value)
                quantities[line_id] = quantity
        reason_id, operation_id = (self._parse_id(post.get(name)) for name in ("reason_id", "operation_id"))
        files = [(upload.filename, upload.read())
                 for upload in request.httprequest.files.getlist("attachments") if upload.filename]
        return quantities, reason_id, operation_id, (post.get("comment") or "").strip(), files

    @staticmethod
    def _parse_id(value):
        """A record id typed in a form field; 0 for anything else (refused as missing)."""
        try:
            return int(value or 0)
        except ValueError:
            return 0
