# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class RmaCreditReport(models.Model):
    """Credited amounts and restocking fees of RMA credit notes, one row per
    credit note line, in the company's currency."""

    _name = "rma.credit.report"
    _description = "RMA Credit Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Date(string="Credit Note Date", readonly=True)
    invoice_id = fields.Many2one("account.invoice", string="Credit Note", readonly=True)
    state = fields.Selection([
        ("draft", "Draft"), ("proforma", "Pro-forma"), ("proforma2", "Pro-forma"),
        ("open", "Open"), ("paid", "Paid"), ("cancel", "Cancelled"),
    ], readonly=True)
    rma_id = fields.Many2one("rma.order", string="RMA", readonly=True)
    reason_id = fields.Many2one("rma.reason", string="Return Reason", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    category_id = fields.Many2one("rma.category", string="RMA Category", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    quantity = fields.Float(string="Credited Quantity", readonly=True)
    amount_credited = fields.Float(string="Credited Amount", readonly=True,
                                   help="Untaxed, before restocking fees, in the company's currency.")
    restocking_fee = fields.Float(string="Restocking Fees", readonly=True,
                                  help="Untaxed, in the company's currency.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW rma_credit_report AS (
                SELECT ail.id AS id,
                       COALESCE(ai.date_invoice, ai.date) AS date,
                       ai.id AS invoice_id,
                       ai.state AS state,
                       ai.rma_id AS rma_id,
                       COALESCE(rl.reason_id, ai.rma_reason_id) AS reason_id,
                       ail.product_id AS product_id,
                       ai.commercial_partner_id AS partner_id,
                       rma.category_id AS category_id,
                       ai.company_id AS company_id,
                       CASE WHEN ail.rma_restocking_fee THEN 0 ELSE ail.quantity END AS quantity,
                       CASE WHEN ail.rma_restocking_fee THEN 0 ELSE -ail.price_subtotal_signed END
                           AS amount_credited,
                       CASE WHEN ail.rma_restocking_fee THEN ail.price_subtotal_signed ELSE 0 END
                           AS restocking_fee
                  FROM account_invoice_line ail
                  JOIN account_invoice ai ON ai.id = ail.invoice_id
                  JOIN rma_order rma ON rma.id = ai.rma_id
             LEFT JOIN rma_order_line rl ON rl.id = ail.rma_line_id
                 WHERE ai.type = 'out_refund'
            )""")
