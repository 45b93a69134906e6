# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "RMA Management - Accounting",
    "summary": "Automatic credit notes for customer returns",
    "version": "11.0.1.1.0",
    "category": "Accounting",
    "website": "https://github.com/rma-management/rma-management",
    "author": "RMA Management contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["rma_management", "account"],
    "data": [
        "security/ir.model.access.csv",
        "security/rma_account_security.xml",
        "data/rma_account_mail_data.xml",
        "data/rma_operation_data.xml",
        "data/rma_account_install_data.xml",
        "views/account_invoice_views.xml",
        "views/rma_order_views.xml",
        "views/rma_config_views.xml",
        "report/rma_credit_report_views.xml",
    ],
    "demo": [],
}
