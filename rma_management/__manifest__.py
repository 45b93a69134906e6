# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "RMA Management",
    "summary": "Authorize, approve and track customer returns",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/rma-management/rma-management",
    "author": "RMA Management contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["sale", "mail"],
    "data": [],
    "demo": [],
}
