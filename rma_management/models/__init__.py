# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import rma_value_guard
from . import rma_workflow_guard
from . import rma_manager_settings
from . import res_company
from . import res_config_settings
from . import rma_category
from . import rma_reason
from . import rma_return_policy
from . import rma_return_policy_line
from . import product_template
from . import res_partner
from . import rma_order
from . import rma_order_approval
from . import rma_order_line
from . import rma_order_line_origin
from . import sale_order
from . import sale_order_line
