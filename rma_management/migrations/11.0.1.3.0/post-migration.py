# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.3.0: the categories' default outcome becomes the matching standard
return type (the data file of the types is loaded before this script; the
lines got theirs when their column was created), then the legacy columns of
the pre-migration go, and the old outcome of the Return Products wizard (a
required column that would refuse every new wizard)."""
import logging

_logger = logging.getLogger(__name__)

#: the standard type of an old outcome value: rma_management.rma_operation_<value>
STANDARD_TYPE = """(SELECT imd.res_id FROM ir_model_data imd
                     WHERE imd.module = 'rma_management' AND imd.model = 'rma.operation'
                       AND imd.name = 'rma_operation_' || {column})"""

#: what the selection left behind
LEFT_COLUMNS = [("rma_order_line", "legacy_operation"), ("rma_add_sale_lines", "operation"),
                ("rma_add_sale_lines_item", "operation")]


def _column_exists(cr, table, column):
    cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
               (table, column))
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version:
        return
    if _column_exists(cr, "rma_category", "legacy_default_operation"):
        cr.execute("UPDATE rma_category SET default_operation_id = " + STANDARD_TYPE.format(
            column="legacy_default_operation") + " WHERE legacy_default_operation IS NOT NULL")
        _logger.info("rma.category: %d default outcomes mapped to return types", cr.rowcount)
        cr.execute("ALTER TABLE rma_category DROP COLUMN legacy_default_operation")
    for table, column in LEFT_COLUMNS:
        if _column_exists(cr, table, column):
            cr.execute('ALTER TABLE "%s" DROP COLUMN "%s"' % (table, column))
