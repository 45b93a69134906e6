# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "RMA Management - Stock and Accounting",
    "summary": "Credit returned goods when they are received or pass inspection",
    "version": "11.0.1.2.0",
    "category": "Accounting",
    "website": "https://github.com/rma-management/rma-management",
    "author": "RMA Management contributors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["rma_management_stock", "rma_management_account"],
    "data": ["data/rma_operation_data.xml"],
    "demo": ["demo/rma_operation_demo.xml"],
}
