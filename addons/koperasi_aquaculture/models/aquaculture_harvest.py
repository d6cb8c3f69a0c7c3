from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import check_bounds
from odoo.addons.koperasi_base.tools.workflow import workflow_action

from ..tools import kpi

# What one harvest can plausibly weigh, count and fetch.
HARVEST_BOUNDS = {
    "fish_count": (0, 10000000),
    "weight_kg": (0, 1000000),
    "unit_price": (0, 100000000),
}


class AquacultureHarvest(models.Model):
    _name = "aquaculture.harvest"
    _description = "Harvest"
    _order = "date desc, id desc"
    _check_company_auto = True
    _inherit = ["koperasi.workflow.mixin"]
    _workflow_fields = ("state", "lot_id", "move_id")
    _workflow_frozen_fields = (
        "batch_id",
        "date",
        "harvest_type",
        "fish_count",
        "weight_kg",
        "size_grade",
    )

    batch_id = fields.Many2one(
        "aquaculture.batch",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain=[("state", "in", ("stocked", "growing", "harvesting"))],
    )
    pond_id = fields.Many2one(related="batch_id.pond_id", store=True, string="Pond")
    farmer_group_id = fields.Many2one(
        related="batch_id.farmer_group_id", store=True, string="Farmer Group"
    )
    company_id = fields.Many2one(
        related="batch_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=business_today)
    harvest_type = fields.Selection(
        [("partial", "Partial"), ("total", "Total")],
        string="Type",
        required=True,
        default="partial",
        help="A total harvest empties the pond and closes the batch.",
    )
    fish_count = fields.Integer()
    weight_kg = fields.Float("Weight (kg)", digits=(16, 2))
    average_weight_g = fields.Float(
        "Average Weight (g)", compute="_compute_sizes", store=True, digits=(16, 1)
    )
    fish_per_kg = fields.Float(
        "Fish per kg", compute="_compute_sizes", store=True, digits=(16, 1)
    )
    size_grade = fields.Selection(
        [
            ("jumbo", "Jumbo (< 8 fish/kg)"),
            ("consumption", "Consumption (8-12 fish/kg)"),
            ("small", "Small (> 12 fish/kg)"),
        ],
        compute="_compute_sizes",
        store=True,
        readonly=False,
    )
    unit_price = fields.Monetary(
        "Price per kg", help="Price the harvest is sold or valued at, per kg."
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    product_id = fields.Many2one(related="batch_id.product_id")
    lot_id = fields.Many2one("stock.lot", readonly=True, copy=False)
    move_id = fields.Many2one("stock.move", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )

    @api.depends("fish_count", "weight_kg")
    def _compute_sizes(self):
        for harvest in self:
            if harvest.fish_count > 0 and harvest.weight_kg > 0:
                harvest.average_weight_g = harvest.weight_kg * 1000 / harvest.fish_count
                harvest.fish_per_kg = harvest.fish_count / harvest.weight_kg
                harvest.size_grade = kpi.size_grade(harvest.fish_per_kg)
            else:
                harvest.average_weight_g = 0.0
                harvest.fish_per_kg = 0.0

    @api.depends("weight_kg", "unit_price")
    def _compute_amount(self):
        for harvest in self:
            harvest.amount = kpi.revenue([(harvest.weight_kg, harvest.unit_price)])

    @api.depends("batch_id", "date")
    def _compute_display_name(self):
        for harvest in self:
            harvest.display_name = f"{harvest.batch_id.name or ''} {harvest.date or ''}"

    @api.constrains(*HARVEST_BOUNDS)
    def _check_positive(self):
        check_bounds(self, HARVEST_BOUNDS)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(h.state == "done" for h in self):
            raise UserError(self.env._("A done harvest cannot be deleted."))

    def write(self, vals):
        if set(vals) - {"unit_price"} and any(h.state == "done" for h in self):
            raise UserError(self.env._("A done harvest cannot be changed."))
        return super().write(vals)

    # ------------------------------------------------------------ pipeline
    @workflow_action
    def action_done(self):
        self._workflow_check_group(
            "koperasi_aquaculture.group_koperasi_aquaculture_officer",
            self.env._("Only an aquaculture officer records a harvest as done."),
        )
        self._check_can_done()
        for harvest in self:
            harvest._do_done()

    def _check_can_done(self):
        for harvest in self:
            if harvest.state != "draft":
                raise UserError(
                    self.env._(
                        "Harvest %(harvest)s is already done.",
                        harvest=harvest.display_name,
                    )
                )
            harvest.batch_id._check_open()
            if harvest.fish_count <= 0 or harvest.weight_kg <= 0:
                raise UserError(
                    self.env._(
                        "Harvest %(harvest)s needs a fish count and a weight above "
                        "zero.",
                        harvest=harvest.display_name,
                    )
                )
            live = harvest.batch_id.live_count
            if harvest.fish_count > live:
                raise UserError(
                    self.env._(
                        "Harvest %(harvest)s: %(count)s fish but only %(live)s are "
                        "alive in batch %(batch)s.",
                        harvest=harvest.display_name,
                        count=harvest.fish_count,
                        live=live,
                        batch=harvest.batch_id.name,
                    )
                )
            if not harvest.batch_id.product_id:
                raise UserError(
                    self.env._(
                        "Batch %(batch)s has no harvest product.",
                        batch=harvest.batch_id.name,
                    )
                )

    def _get_lot(self):
        """The lot named after the batch, so that a sale traces back to it."""
        self.ensure_one()
        batch = self.batch_id.sudo()
        if batch.lot_id:
            return batch.lot_id
        Lot = self.env["stock.lot"].sudo()
        lot = Lot.search(
            [
                ("name", "=", batch.name),
                ("product_id", "=", batch.product_id.id),
                ("company_id", "in", (batch.company_id.id, False)),
            ],
            limit=1,
        ) or Lot.create(
            {
                "name": batch.name,
                "product_id": batch.product_id.id,
                "company_id": batch.company_id.id,
                "note": self.env._(
                    "Pond %(pond)s, farmer %(farmer)s",
                    pond=batch.pond_id.display_name,
                    farmer=batch.owner_id.display_name,
                ),
            }
        )
        batch.lot_id = lot
        return lot

    def _prepare_move_values(self, lot):
        self.ensure_one()
        product = self.batch_id.product_id
        source = self.env.ref("koperasi_aquaculture.stock_location_pond_harvest")
        warehouse = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)], limit=1)
        )
        if not warehouse:
            raise UserError(
                self.env._(
                    "Company %(company)s has no warehouse to receive the harvest.",
                    company=self.company_id.name,
                )
            )
        destination = warehouse.lot_stock_id
        price = self.batch_id.cost_per_kg or product.standard_price
        return {
            "name": self.display_name,
            "origin": self.batch_id.name,
            "company_id": self.company_id.id,
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": self.weight_kg,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "price_unit": price,
            "date": fields.Datetime.to_datetime(self.date),
            "picked": True,
            "move_line_ids": [
                (
                    0,
                    0,
                    {
                        "product_id": product.id,
                        "product_uom_id": product.uom_id.id,
                        "quantity": self.weight_kg,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "lot_id": lot.id,
                    },
                )
            ],
        }

    def _do_done(self):
        self.ensure_one()
        lot = self._get_lot()
        move = self.env["stock.move"].sudo().create(self._prepare_move_values(lot))
        move._action_done()
        self.sudo().write({"state": "done", "lot_id": lot.id, "move_id": move.id})
        batch = self.batch_id
        batch._check_losses()
        if self.harvest_type == "total":
            batch._do_close(self.date)
        elif batch.state != "harvesting":
            batch.state = "harvesting"
