# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.3.0: what of the goods an outcome moves is now the return type's
goods policies. The standard types existed before this addon's data (their
records are not updated again): load their policies, then every line takes
its type's, and the warehouse statuses are recomputed with them. The old
outcome column of the standard Return wizard goes."""
from odoo.tools import column_exists, convert_file


def migrate(cr, version):
    if not version:
        return
    # in init mode: the standard types get their policies, and the lines follow (see the file's function)
    convert_file(cr, "rma_management_stock", "data/rma_operation_data.xml", {}, mode="init", noupdate=True)
    if column_exists(cr, "stock_return_picking", "rma_operation"):
        cr.execute("ALTER TABLE stock_return_picking DROP COLUMN rma_operation")
