# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import rma_restocking_fee_mixin
from . import rma_category
from . import rma_return_policy
from . import res_company
from . import res_config_settings
from . import rma_order_line
from . import rma_operation
from . import sale_order_line
from . import rma_order
from . import account_invoice_line
from . import account_invoice
from . import rma_order_reopen
from . import rma_order_hold
