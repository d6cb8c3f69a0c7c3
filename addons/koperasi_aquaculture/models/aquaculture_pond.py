from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import kpi


class AquaculturePond(models.Model):
    _name = "aquaculture.pond"
    _description = "Catfish Pond"
    _inherit = ["mail.thread"]
    _order = "code, id"
    _check_company_auto = True
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, copy=False, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    pond_type = fields.Selection(
        [
            ("terpal", "Tarpaulin"),
            ("beton", "Concrete"),
            ("tanah", "Earthen"),
            ("bioflok", "Biofloc"),
        ],
        string="Type",
        required=True,
        default="terpal",
        tracking=True,
    )
    shape = fields.Selection(
        [("rectangle", "Rectangular"), ("round", "Round")],
        required=True,
        default="rectangle",
    )
    length_m = fields.Float("Length (m)", digits=(16, 2))
    width_m = fields.Float("Width (m)", digits=(16, 2))
    diameter_m = fields.Float("Diameter (m)", digits=(16, 2))
    depth_m = fields.Float("Water Depth (m)", digits=(16, 2))
    area_m2 = fields.Float(
        "Area (m2)", compute="_compute_area_volume", store=True, digits=(16, 2)
    )
    volume_m3 = fields.Float(
        "Volume (m3)", compute="_compute_area_volume", store=True, digits=(16, 2)
    )
    owner_id = fields.Many2one(
        "res.partner",
        string="Farmer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        help="The farmer who owns the pond; as a portal user they log on it.",
    )
    farmer_group_id = fields.Many2one(
        "aquaculture.farmer.group",
        index=True,
        check_company=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        default=lambda self: self.env.user,
        help="Receives the water quality alerts of the pond's batches.",
    )
    village = fields.Char()
    state = fields.Selection(
        [("empty", "Empty"), ("active", "Active"), ("maintenance", "Maintenance")],
        required=True,
        default="empty",
        tracking=True,
        index=True,
    )
    batch_ids = fields.One2many("aquaculture.batch", "pond_id", string="Batches")
    current_batch_id = fields.Many2one(
        "aquaculture.batch",
        compute="_compute_current_batch_id",
        store=True,
        index="btree_not_null",
    )
    current_days_of_culture = fields.Integer(
        "Days of Culture", related="current_batch_id.days_of_culture"
    )
    current_biomass_kg = fields.Float(
        "Estimated Biomass (kg)", related="current_batch_id.biomass_kg"
    )
    current_live_count = fields.Integer(
        "Live Fish", related="current_batch_id.live_count"
    )
    batch_count = fields.Integer(compute="_compute_batch_count")
    note = fields.Html()

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a pond must be unique per company.",
        ),
        (
            "dimensions_positive",
            "CHECK(length_m >= 0 AND width_m >= 0 AND diameter_m >= 0 AND depth_m >= 0)",
            "Pond dimensions cannot be negative.",
        ),
    ]

    @api.depends("shape", "length_m", "width_m", "diameter_m", "depth_m")
    def _compute_area_volume(self):
        for pond in self:
            if pond.shape == "round":
                area = kpi.round_area(pond.diameter_m)
            else:
                area = round((pond.length_m or 0.0) * (pond.width_m or 0.0), 2)
            pond.area_m2 = area
            pond.volume_m3 = round(area * (pond.depth_m or 0.0), 2)

    @api.depends("batch_ids.state")
    def _compute_current_batch_id(self):
        open_states = ("stocked", "growing", "harvesting")
        for pond in self:
            batches = pond.batch_ids.filtered(lambda b: b.state in open_states)
            pond.current_batch_id = batches[:1]

    def _compute_batch_count(self):
        counts = dict(
            self.env["aquaculture.batch"]._read_group(
                [("pond_id", "in", self.ids)], ["pond_id"], ["__count"]
            )
        )
        for pond in self:
            pond.batch_count = counts.get(pond, 0)

    @api.onchange("owner_id")
    def _onchange_owner_id(self):
        if self.owner_id.aquaculture_farmer_group_id:
            self.farmer_group_id = self.owner_id.aquaculture_farmer_group_id

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_batches(self):
        if self.batch_ids:
            raise UserError(
                self.env._(
                    "Pond %(pond)s has batches: archive it instead.",
                    pond=self[:1].display_name,
                )
            )

    def action_set_maintenance(self):
        for pond in self:
            if pond.current_batch_id:
                raise UserError(
                    self.env._(
                        "Pond %(pond)s still holds batch %(batch)s.",
                        pond=pond.display_name,
                        batch=pond.current_batch_id.name,
                    )
                )
        self.state = "maintenance"

    def action_set_empty(self):
        self.filtered(lambda p: not p.current_batch_id).state = "empty"

    def action_view_batches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "koperasi_aquaculture.aquaculture_batch_action"
        )
        action["domain"] = [("pond_id", "=", self.id)]
        action["context"] = {"default_pond_id": self.id}
        return action

    @api.depends("name", "code")
    def _compute_display_name(self):
        for pond in self:
            pond.display_name = (
                f"[{pond.code}] {pond.name}" if pond.code else pond.name or ""
            )
