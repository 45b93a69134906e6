# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: a customer's return policy and a product's Returnable and
Inspection Required flags became company-dependent (one value per company).

Each value set before becomes the value of the companies it applied to: the
record's own company, or every company for a record they share (for a
policy of one company, that company only); then the old columns go."""
import logging

_logger = logging.getLogger(__name__)

#: the companies a record's old value applied to: its own, else all of them
COMPANIES_OF_RECORD = "JOIN res_company company ON company.id = COALESCE(rec.company_id, company.id)"
NOT_YET_SET = """NOT EXISTS (SELECT 1 FROM ir_property prop WHERE prop.fields_id = %(field)s
                   AND prop.company_id = company.id AND prop.res_id = %(model)s || ',' || rec.id)"""

MOVES = {
    ("res_partner", "rma_return_policy_id"): (
        "res.partner",
        """INSERT INTO ir_property (name, fields_id, company_id, res_id, type, value_reference,
                                    create_uid, create_date, write_uid, write_date)
           SELECT 'rma_return_policy_id', %(field)s, company.id, %(model)s || ',' || rec.id, 'many2one',
                  'rma.return.policy,' || policy.id, 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
             FROM res_partner rec
             JOIN rma_return_policy policy ON policy.id = rec.rma_return_policy_id
             -- a policy of one company only ever applied in that company
             JOIN res_company company ON company.id = COALESCE(policy.company_id, rec.company_id, company.id)
            WHERE """ + NOT_YET_SET,
        "ALTER TABLE res_partner DROP COLUMN rma_return_policy_id",
    ),
    ("product_template", "rma_returnable"): (
        "product.template",
        """INSERT INTO ir_property (name, fields_id, company_id, res_id, type, value_integer,
                                    create_uid, create_date, write_uid, write_date)
           SELECT 'rma_returnable', %(field)s, company.id, %(model)s || ',' || rec.id, 'boolean', 0,
                  1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
             FROM product_template rec """ + COMPANIES_OF_RECORD + """
            WHERE rec.rma_returnable IS FALSE AND """ + NOT_YET_SET,
        "ALTER TABLE product_template DROP COLUMN rma_returnable",
    ),
    ("product_template", "rma_inspection_required"): (
        "product.template",
        """INSERT INTO ir_property (name, fields_id, company_id, res_id, type, value_integer,
                                    create_uid, create_date, write_uid, write_date)
           SELECT 'rma_inspection_required', %(field)s, company.id, %(model)s || ',' || rec.id, 'boolean', 1,
                  1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
             FROM product_template rec """ + COMPANIES_OF_RECORD + """
            WHERE rec.rma_inspection_required IS TRUE AND """ + NOT_YET_SET,
        "ALTER TABLE product_template DROP COLUMN rma_inspection_required",
    ),
}


def _column_exists(cr, table, column):
    cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
               (table, column))
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version:
        return
    for (table, column), (model, insert, drop) in MOVES.items():
        if not _column_exists(cr, table, column):
            continue
        cr.execute("SELECT id FROM ir_model_fields WHERE model = %s AND name = %s", (model, column))
        field_id = cr.fetchone()[0]
        cr.execute(insert, {"field": field_id, "model": model})
        _logger.info("%s.%s: %d values moved to company properties", model, column, cr.rowcount)
        cr.execute(drop)
