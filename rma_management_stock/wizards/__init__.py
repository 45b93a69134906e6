# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import rma_inspect
from . import rma_inspect_item
from . import rma_delivery
from . import rma_add_sale_lines
from . import stock_return_picking
