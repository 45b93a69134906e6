# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import rma_add_sale_lines
from . import rma_add_sale_lines_item
from . import rma_reject
from . import rma_hold_wizard
from . import rma_archive
