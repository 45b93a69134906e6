# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "RMA Management - Stock",
    "summary": "Receive, inspect, dispose and ship back returned goods",
    "version": "11.0.1.2.0",
    "category": "Warehouse",
    "website": "https://github.com/rma-management/rma-management",
    "author": "RMA Management contributors",
    "license": "LGPL-3",
    "installable": True,
    "uninstall_hook": "uninstall_hook",
    "depends": ["rma_management", "sale_stock"],
    "data": [
        "security/rma_stock_security.xml",
        "security/ir.model.access.csv",
        "data/rma_stock_data.xml",
        "data/rma_stock_mail_data.xml",
        "views/rma_order_views.xml",
        "views/rma_order_line_views.xml",
        "views/stock_picking_views.xml",
        "views/res_config_settings_views.xml",
        "views/stock_location_views.xml",
        "report/rma_returned_stock_views.xml",
        "wizards/rma_stock_wizard_views.xml",
    ],
    "demo": ["demo/rma_stock_demo.xml"],
}
