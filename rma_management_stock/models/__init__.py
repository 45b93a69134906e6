# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import rma_link_guard
from . import res_company
from . import res_config_settings
from . import stock_location
from . import product_product
from . import stock_warehouse
from . import stock_picking_type
from . import stock_picking
from . import stock_move
from . import stock_scrap
from . import rma_operation
from . import rma_order
from . import rma_order_header
from . import rma_order_line
from . import rma_order_line_inspection
from . import rma_order_line_delivery
from . import rma_order_line_lot
