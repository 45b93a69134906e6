# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "RMA Management - Stock",
    "summary": "Receive, inspect, dispose and ship back returned goods",
    "version": "11.0.1.0.0",
    "category": "Warehouse",
    "website": "https://github.com/rma-management/rma-management",
    "author": "RMA Management contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["rma_management", "sale_stock"],
    "data": [],
    "demo": [],
}
