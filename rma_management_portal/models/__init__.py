# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company, res_config_settings, rma_operation, rma_order, rma_order_portal_request
