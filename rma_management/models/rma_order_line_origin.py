# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from .sale_order_line import LockedSaleLines

#: fields whose change may authorize more of the origin sales order line
RETURNABLE_FIELDS = {"sale_line_id", "product_uom_qty", "product_uom", "state"}


def is_record_id(value):
    """Is ``value`` what a write gives a many2one (not garbage, not False)?"""
    return isinstance(value, int) and not isinstance(value, bool)


class RmaOrderLine(models.Model):
    """What a line returns of a sale: its origin sales order line, the
    quantity that may still come back, the return window from the delivery."""

    _inherit = "rma.order.line"

    # ------------------------------------------------------------------
    # Return window and delivery
    # ------------------------------------------------------------------

    @api.depends("sale_line_id", "product_id", "rma_id.partner_id", "rma_id.date", "rma_id.company_id")
    def _compute_return_window(self):
        # origin orders and policies decide, whoever looks at the return
        delivery_dates = self.sudo()._get_delivery_dates()
        self.mapped("product_id.categ_id")  # the policies' rules by category: read for all lines at once
        policies = {}
        for line in self:
            delivery_date = delivery_dates.get(line.id)
            key = (line.rma_id.commercial_partner_id, line.rma_id.company_id)
            if key not in policies:
                policies[key] = self.env["rma.return.policy"].sudo()._get_policy(*key)
            policy = policies[key]
            if not (delivery_date and policy):
                line.return_deadline = False
                line.out_of_window = False
                continue
            deadline = delivery_date + timedelta(days=policy._get_window_days(line.product_id))
            line.return_deadline = fields.Date.to_string(deadline)
            line.out_of_window = fields.Date.from_string(line.rma_id.date or fields.Date.today()) > deadline

    @api.multi
    def _get_delivery_dates(self):
        """Date the customer got the goods of each line, by line id: lines
        without origin have none. Without stock, the order's confirmation date;
        rma_management_stock uses the date of the delivery."""
        self.mapped("sale_line_id.order_id")  # origin lines and orders read at once, not line by line
        return {
            line.id: fields.Date.from_string(
                line.sale_line_id.order_id.confirmation_date or line.sale_line_id.order_id.date_order
            )
            for line in self
            if line.sale_line_id
        }

    @api.multi
    def _check_request_after_delivery(self):
        """A request is not dated before its goods reached the customer (a
        day's margin for time zones: delivery dates are in UTC). Checked when
        the date changes and on confirmation, not for each line created."""
        delivery_dates = self.sudo()._get_delivery_dates()
        for line in self.filtered(lambda line: line.id in delivery_dates):
            delivered = delivery_dates[line.id]
            if fields.Date.from_string(line.rma_id.date) < delivered - timedelta(days=1):
                raise ValidationError(
                    _("%(rma)s is dated %(date)s, before %(product)s reached the customer (%(delivered)s).")
                    % {"rma": line.rma_id.name, "date": line.rma_id._format_date(line.rma_id.date),
                       "product": line.product_id.display_name,
                       "delivered": line.rma_id._format_date(delivered)}
                )

    # ------------------------------------------------------------------
    # Origin sales order line
    # ------------------------------------------------------------------

    @api.model
    def create(self, vals):
        self._lock_origin_lines(vals)
        return super(RmaOrderLine, self).create(self._complete_from_origin(vals))

    @api.model
    def _complete_from_origin(self, vals):
        """What the form takes from the origin sales order line, for lines
        created without the form (JSON-RPC, imports, code): the values not
        given come from the sales order line, as its onchange does, so that
        nothing is credited at a price of 0 because a script left it out."""
        sale_line = self.env["sale.order.line"].browse(vals.get("sale_line_id"))
        if not sale_line:
            return vals
        return dict(self._prepare_from_sale_line(sale_line), **vals)

    @api.multi
    def write(self, vals):
        self._lock_origin_lines(vals)
        return super(RmaOrderLine, self).write(vals)

    @api.multi
    def _lock_origin_lines(self, vals):
        """Before what changes the returnable quantity of origin lines is
        written, serialize it per origin line (``_lock_for_rma``): outside the
        constraint that checks it, whose errors Odoo would not retry."""
        if not RETURNABLE_FIELDS & set(vals):
            return
        sale_lines = self.sudo().mapped("sale_line_id")
        if is_record_id(vals.get("sale_line_id")):
            sale_lines |= sale_lines.browse(vals["sale_line_id"])
        locked = self.env.context.get("rma_locked_sale_lines")
        if isinstance(locked, LockedSaleLines):  # by the RMA that creates these lines, all at once
            sale_lines = sale_lines.filtered(lambda sale_line: sale_line.id not in locked)
        sale_lines._lock_for_rma()

    @api.model
    def _lock_origin_lines_of_commands(self, commands):
        """Lock the origin lines of the lines that ``commands`` (of an RMA's
        ``line_ids``) create, in one query; return the context value that
        tells those lines so."""
        created = [
            command[2] for command in commands or ()
            if isinstance(command, (list, tuple)) and len(command) == 3 and command[0] == 0
            and isinstance(command[2], dict)
        ]
        sale_line_ids = {values["sale_line_id"] for values in created if is_record_id(values.get("sale_line_id"))}
        return self.env["sale.order.line"].sudo().browse(sale_line_ids)._lock_for_rma()

    @api.onchange("sale_line_id")
    def _onchange_sale_line_id(self):
        if self.sale_line_id:
            self.update(self._prepare_from_sale_line(self.sale_line_id))

    @api.model
    def _prepare_from_sale_line(self, sale_line):
        """Values of an RMA line that returns goods of ``sale_line``."""
        return {
            "sale_line_id": sale_line.id,
            "product_id": sale_line.product_id.id,
            "name": sale_line.name,
            "product_uom": sale_line.product_uom.id,
            "price_unit": sale_line.price_reduce,
            "tax_ids": [(6, 0, sale_line.tax_id.ids)],
        }

    @api.constrains("sale_line_id", "product_id", "price_unit", "rma_id")
    def _check_origin(self):
        # checked against the origin order even when the user may not read it
        for line in self.sudo().filtered("sale_line_id"):
            problem = line._get_origin_problem()
            if problem:
                raise ValidationError(line.with_env(self.env)._describe_origin_problem(problem))

    @api.multi
    def _get_origin_problem(self):
        """Why the origin sales order line cannot be used on this line, or
        None; names are read only when there is a problem to describe."""
        self.ensure_one()
        sale_line = self.sale_line_id
        order = sale_line.order_id

        def describe(message, **values):
            return message % dict(values, order=order.name, rma=self.rma_id.name,
                                  product=self.product_id.display_name)

        if order.partner_id.commercial_partner_id != self.rma_id.commercial_partner_id:
            return describe(_("Sales order %(order)s belongs to %(partner)s, not to the customer of %(rma)s."),
                            partner=order.partner_id.display_name)
        if order.company_id != self.rma_id.company_id:
            return describe(_("Sales order %(order)s belongs to the company %(company)s, not to the company of "
                              "%(rma)s."), company=order.company_id.name)
        if sale_line.product_id != self.product_id:
            return describe(_("%(product)s is not the product of the origin line on %(order)s (%(origin)s)."),
                            origin=sale_line.product_id.display_name)
        if order.currency_id != self.rma_id.currency_id:
            return describe(_("Sales order %(order)s is in %(order_currency)s, %(rma)s in %(rma_currency)s: "
                              "an RMA has one currency."),
                            order_currency=order.currency_id.name, rma_currency=self.rma_id.currency_id.name)
        original_price = sale_line.product_uom._compute_price(sale_line.price_reduce, self.product_uom)
        if float_compare(self.price_unit, original_price, precision_digits=self._price_digits()) > 0:
            return describe(_("The credit price of %(product)s (%(price)s) cannot exceed its original unit price "
                              "on %(order)s (%(original)s)."), price=self.price_unit, original=original_price)
        return None

    @api.multi
    def _describe_origin_problem(self, problem):
        """``problem`` as the user may read it: an order they cannot read
        (another company's, another salesman's) is not described."""
        self.ensure_one()
        order = self.sudo().sale_line_id.order_id
        orders = self.env["sale.order"]
        if orders.check_access_rights("read", raise_exception=False) and orders.search([("id", "=", order.id)]):
            return problem
        return _("The origin sales order line of %(product)s cannot be used on %(rma)s.") % {
            "product": self.product_id.display_name, "rma": self.rma_id.name,
        }

    @api.constrains("product_uom_qty", "product_uom", "sale_line_id", "state")
    def _check_returnable_quantity(self):
        lines = self.sudo().filtered(lambda line: line.sale_line_id and line.state != "cancel")
        authorized = lines.mapped("sale_line_id")._get_rma_authorized_qty(exclude=lines)
        for line in lines:
            sale_line = line.sale_line_id
            others = authorized.get(sale_line.id, 0.0) + sum(
                other.product_uom._compute_quantity(other.product_uom_qty, sale_line.product_uom)
                for other in lines
                if other.sale_line_id == sale_line and other != line
            )
            left = sale_line.product_uom._compute_quantity(
                sale_line.qty_delivered - others, line.product_uom, rounding_method="HALF-UP"
            )
            if float_compare(line.product_uom_qty, left, precision_rounding=line.product_uom.rounding) > 0:
                raise ValidationError(line.with_env(self.env)._describe_origin_problem(
                    _("You cannot return %(qty)s %(uom)s of %(product)s from %(order)s: the customer received "
                      "%(delivered)s %(sale_uom)s and %(others)s are already on other RMAs, "
                      "so at most %(left)s can come back.")
                    % {
                        "qty": self._format_qty(line.product_uom_qty), "uom": line.product_uom.name,
                        "product": line.product_id.display_name, "order": sale_line.order_id.name,
                        "delivered": self._format_qty(sale_line.qty_delivered),
                        "sale_uom": sale_line.product_uom.name,
                        "others": self._format_qty(others), "left": self._format_qty(max(left, 0.0)),
                    }
                ))
