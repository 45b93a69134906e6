# Copyright 2026 RMA Management contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: where returned units wait for a decision, or were scrapped: not available for sale
RETURNED_LOCATION_FIELDS = {"rma_loc_id", "rma_quarantine_loc_id", "rma_refurbish_loc_id", "rma_scrap_loc_id"}

#: the warehouse fields that hold its RMA locations and operation types
RMA_SETUP_FIELDS = (
    "rma_loc_id", "rma_quarantine_loc_id", "rma_refurbish_loc_id", "rma_scrap_loc_id", "rma_in_type_id",
    "rma_out_type_id",
)
#: what an uninstall archived, for a reinstall to take back: {warehouse id: {field: record id}}
ARCHIVED_SETUP_PARAM = "rma_management_stock.archived_setup"


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    rma_loc_id = fields.Many2one(
        "stock.location", string="RMA Input Location", domain=[("usage", "=", "internal")],
        help="Returned goods arrive here; they are not part of the sellable stock.",
    )
    rma_quarantine_loc_id = fields.Many2one(
        "stock.location", string="Quarantine Location", domain=[("usage", "=", "internal")],
    )
    rma_refurbish_loc_id = fields.Many2one(
        "stock.location", string="Refurbish Location", domain=[("usage", "=", "internal")],
    )
    rma_scrap_loc_id = fields.Many2one(
        "stock.location", string="Scrap Location for Returns", domain=[("scrap_location", "=", True)],
    )
    rma_in_type_id = fields.Many2one(
        "stock.picking.type", string="RMA Receipts Type", domain=[("code", "=", "incoming")],
    )
    rma_out_type_id = fields.Many2one(
        "stock.picking.type", string="RMA Deliveries Type", domain=[("code", "=", "outgoing")],
    )

    @api.model
    def create(self, vals):
        warehouse = super(StockWarehouse, self).create(vals)
        warehouse._create_rma_setup()
        return warehouse

    @api.multi
    def write(self, vals):
        result = super(StockWarehouse, self).write(vals)
        if RETURNED_LOCATION_FIELDS & set(vals):
            self._flag_rma_returned_locations()
        return result

    @api.multi
    def _flag_rma_returned_locations(self):
        """Units waiting in the RMA input, quarantine and refurbish locations,
        and scrapped returns (a location inside the warehouse), are not
        available: flag them (on install, on upgrade, when changed)."""
        self._check_rma_returned_locations()
        locations = self.env["stock.location"].union(*(
            warehouse[field_name] for warehouse in self for field_name in sorted(RETURNED_LOCATION_FIELDS)
        ))
        locations.filtered(lambda location: not location.rma_returned).write({"rma_returned": True})
        return True

    @api.multi
    def _check_rma_returned_locations(self):
        """A location for returned goods must not hold the sellable stock: its
        units would all leave the quantities on hand."""
        for warehouse in self:
            stock = warehouse.lot_stock_id
            for field_name in sorted(RETURNED_LOCATION_FIELDS):
                location = warehouse[field_name]
                holds_stock = location == stock or location.parent_left <= stock.parent_left < location.parent_right
                if location and holds_stock:
                    raise ValidationError(
                        _("%(location)s holds the stock of %(warehouse)s: choose a location of its own for "
                          "returned goods.") % {"location": location.display_name, "warehouse": warehouse.name}
                    )
        return True

    @api.model
    def _create_rma_setup_all(self):
        """On install: the RMA locations and operation types of every
        warehouse; those that an earlier uninstall archived come back."""
        warehouses = self.with_context(active_test=False).search([])
        warehouses._restore_rma_setup()
        return warehouses._create_rma_setup()

    @api.multi
    def _archive_rma_setup(self):
        """On uninstall: the RMA locations and operation types hold the
        history of the returns (their transfers, the units still in them), so
        they are archived, not deleted, and the types keep their sequences;
        a reinstall takes them back (``_restore_rma_setup``) and continues
        their numbering instead of starting WH/RMA-IN/00001 again."""
        setup = {
            str(warehouse.id): {name: warehouse[name].id for name in RMA_SETUP_FIELDS if warehouse[name]}
            for warehouse in self
        }
        # the parameter outlives the addon; only the superuser may uninstall
        self.env["ir.config_parameter"].sudo().set_param(ARCHIVED_SETUP_PARAM, json.dumps(setup))
        for model in ("stock.location", "stock.picking.type"):
            names = [name for name in RMA_SETUP_FIELDS if self._fields[name].comodel_name == model]
            records = self.env[model].union(*(self.mapped(name) for name in names))
            (records - self._get_shared_setup(records, names)).write({"active": False})
        return True

    @api.multi
    def _get_shared_setup(self, records, names):
        """Of ``records`` (set in the RMA fields ``names``), those that are
        not the suite's own: Odoo's (they have an external id, like the
        Scrapped location) and those a warehouse uses for more than returns
        (its stock location or its receipts type chosen for RMAs too)."""
        others = [
            name for name, field in self._fields.items()
            if field.type == "many2one" and field.comodel_name == records._name and name not in names
        ]
        warehouses = self.with_context(active_test=False).search([])
        used = records.browse().union(*(warehouses.mapped(name) for name in others))
        external = self.env["ir.model.data"].search([("model", "=", records._name), ("res_id", "in", records.ids)])
        return records & (used | records.browse(external.mapped("res_id")))

    @api.multi
    def _restore_rma_setup(self):
        """Give back to the warehouses the RMA locations and operation types
        that an uninstall archived and that still exist."""
        parameters = self.env["ir.config_parameter"].sudo()
        setup = json.loads(parameters.get_param(ARCHIVED_SETUP_PARAM) or "{}")
        for warehouse in self.filtered(lambda warehouse: str(warehouse.id) in setup):
            values = {}
            archived = setup[str(warehouse.id)]
            for name in RMA_SETUP_FIELDS:
                record = self.env[self._fields[name].comodel_name].browse(archived.get(name)).exists()
                if record and not warehouse[name]:
                    record.write({"active": True})
                    values[name] = record.id
            warehouse.write(values)
        parameters.search([("key", "=", ARCHIVED_SETUP_PARAM)]).unlink()
        return True

    @api.multi
    def _create_rma_setup(self):
        """Create what each warehouse misses of its RMA locations and operation types."""
        for warehouse in self:
            values = {}
            for field_name, location_values in warehouse._prepare_rma_locations().items():
                if not warehouse[field_name]:
                    values[field_name] = self.env["stock.location"].create(location_values).id
            if values:
                warehouse.write(values)
            for field_name, type_values in warehouse._prepare_rma_picking_types().items():
                if not warehouse[field_name]:
                    sequence = warehouse._create_rma_sequence(type_values["name"], type_values["code"])
                    type_values["sequence_id"] = sequence.id
                    warehouse[field_name] = self.env["stock.picking.type"].create(type_values)
        return True

    @api.multi
    def _prepare_rma_locations(self):
        self.ensure_one()
        common = {"location_id": self.view_location_id.id, "company_id": self.company_id.id}
        return {
            "rma_loc_id": dict(common, name=_("RMA Input"), usage="internal", rma_returned=True),
            "rma_quarantine_loc_id": dict(common, name=_("Quarantine"), usage="internal", rma_returned=True),
            "rma_refurbish_loc_id": dict(common, name=_("Refurbish"), usage="internal", rma_returned=True),
            "rma_scrap_loc_id": dict(common, name=_("Scrapped Returns"), usage="inventory", scrap_location=True,
                                     rma_returned=True),
        }

    @api.multi
    def _prepare_rma_picking_types(self):
        self.ensure_one()
        customers = self.env.ref("stock.stock_location_customers")
        common = {"warehouse_id": self.id, "use_create_lots": True, "use_existing_lots": True}
        return {
            "rma_in_type_id": dict(
                common, name=_("RMA Receipts"), code="incoming",
                default_location_src_id=customers.id, default_location_dest_id=self.rma_loc_id.id,
            ),
            "rma_out_type_id": dict(
                common, name=_("RMA Deliveries"), code="outgoing", use_create_lots=False,
                default_location_src_id=self.lot_stock_id.id, default_location_dest_id=customers.id,
            ),
        }

    @api.multi
    def _create_rma_sequence(self, name, code):
        """Numbering of an RMA operation type: WH/RMA-IN/00001, WH/RMA-OUT/00001."""
        self.ensure_one()
        return self.env["ir.sequence"].sudo().create({
            "name": "%s %s" % (self.name, name),
            "prefix": "%s/%s/" % (self.code, "RMA-IN" if code == "incoming" else "RMA-OUT"),
            "padding": 5,
            "company_id": self.company_id.id,
        })
