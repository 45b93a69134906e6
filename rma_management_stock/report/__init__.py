# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import report_stock_forecast
from . import rma_returned_stock
