# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "RMA Management",
    "summary": "Authorize, approve and track customer returns",
    "version": "11.0.1.2.0",
    "category": "Sales",
    "website": "https://github.com/rma-management/rma-management",
    "author": "RMA Management contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "uninstall_hook": "uninstall_hook",
    "depends": ["sale", "mail"],
    "data": [
        "security/rma_security.xml",
        "security/ir.model.access.csv",
        "data/rma_data.xml",
        "data/rma_mail_data.xml",
        "views/rma_order_views.xml",
        "views/rma_order_line_views.xml",
        "views/rma_config_views.xml",
        "views/sale_order_views.xml",
        "wizards/rma_wizard_views.xml",
        "report/rma_report.xml",
        "views/rma_menus.xml",
    ],
    "demo": ["demo/rma_demo.xml"],
}
