# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.osv import expression
from odoo.tools import pycompat


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _get_domain_locations(self):
        """Returned units are not available: the RMA input, quarantine and
        refurbish locations, and scrapped returns, leave the quantities on hand
        and forecast (a move from them to stock is incoming), and so do
        returns still expected from customers. Valuation (``company_owned``) and a user who asks for one of
        those locations still see them."""
        domains = super(ProductProduct, self)._get_domain_locations()
        excluded = self._get_rma_excluded_locations()
        if not excluded:
            return domains
        source = expression.AND([domains[0], [("location_id", "not in", excluded.ids)]])
        destination = [self._rma_destination_leaf(leaf) for leaf in source]
        expected_returns = ["|", ("rma_line_id", "=", False), ("state", "=", "done")]
        return (
            source,
            expression.AND([destination, ["!", *source], expected_returns]),
            expression.AND([source, ["!", *destination]]),
        )

    @staticmethod
    def _rma_destination_leaf(leaf):
        """The same condition on the move's destination as ``leaf`` sets on its source."""
        if isinstance(leaf, (list, tuple)) and leaf[0].split(".")[0] == "location_id":
            return ("location_dest_id" + leaf[0][len("location_id"):], leaf[1], leaf[2])
        return leaf

    def _get_rma_excluded_locations(self):
        """The returned-goods locations to leave out of the quantities: none
        for valuation (``company_owned``, and the average cost's
        ``rma_count_returned``), nor when the context asks for one of them."""
        locations = self.env["stock.location"]
        if self.env.context.get("company_owned") or self.env.context.get("rma_count_returned"):
            return locations
        excluded = locations._get_rma_returned_locations()
        asked = self.env.context.get("location")
        if asked and excluded:
            if isinstance(asked, pycompat.string_types):
                asked = locations.search([("complete_name", "ilike", asked)])
            else:
                asked = locations.browse([asked] if isinstance(asked, pycompat.integer_types) else asked)
            if asked & excluded:
                return locations
        return excluded
