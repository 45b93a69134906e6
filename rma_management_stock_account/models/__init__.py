# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import rma_category
from . import rma_order
from . import rma_order_line
from . import rma_operation
