# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.2.0: when an outcome credits is now the return type's credit policy. The
standard types existed before this addon's data (their records are not updated
again): load their credit policies. The lines keep theirs."""
from odoo.tools import convert_file


def migrate(cr, version):
    if not version:
        return
    convert_file(cr, "rma_management_stock_account", "data/rma_operation_data.xml", {}, mode="init", noupdate=True)
