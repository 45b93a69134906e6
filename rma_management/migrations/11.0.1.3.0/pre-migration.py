# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.3.0: the requested outcome became a record (rma.operation, Return
Types) instead of a selection. Keep the old values aside under legacy
columns: the lines take the matching standard type when their operation_id
column is created (rma.order.line._init_column), the categories in the
post-migration; then the legacy columns go."""

RENAMES = [("rma_order_line", "operation"), ("rma_category", "default_operation")]


def migrate(cr, version):
    if not version:
        return
    for table, column in RENAMES:
        cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
                   (table, column))
        if cr.fetchone():
            cr.execute('ALTER TABLE "%s" RENAME COLUMN "%s" TO "legacy_%s"' % (table, column, column))
