# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "RMA Management - Customer Portal",
    "summary": "Customers follow their returns on the portal: status, lines, documents, messages",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/rma-management/rma-management",
    "author": "RMA Management contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["rma_management", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/rma_portal_security.xml",
        "data/rma_portal_data.xml",
        "views/rma_portal_templates.xml",
        "views/rma_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/rma_operation_views.xml",
    ],
    "demo": [],
}
