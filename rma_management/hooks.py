# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(cr, registry):
    """The RMAs, their lines, reasons, categories and policies go with their
    tables, which the uninstall drops whole. Detach their external ids first:
    Odoo would otherwise unlink those records one by one, which fails (the
    suite keeps approved RMAs, reasons used by lines cannot go before them)
    with errors in the log and leaves the ids dangling."""
    cr.execute("""
        DELETE FROM ir_model_data data
         WHERE data.module LIKE %s
           AND data.model IN (
               SELECT model.model
                 FROM ir_model model
                 JOIN ir_model_data model_data ON model_data.model = 'ir.model' AND model_data.res_id = model.id
                WHERE model_data.module = 'rma_management'
           )
    """, ("rma\\_management%",))
