from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import check_bounds
from odoo.addons.koperasi_base.tools.xlsx import new_workbook

from ..tools import kpi

OPEN_STATES = ("stocked", "growing", "harvesting")
# What a stocking can plausibly be: fry counted, weighed, measured and paid.
BATCH_BOUNDS = {
    "fry_count": (0, 10000000),
    "fry_weight_g": (0, 5000),
    "fry_size_cm": (0, 100),
    "fry_cost": (0, 10**12),
    "other_cost": (0, 10**12),
}


class AquacultureBatch(models.Model):
    _name = "aquaculture.batch"
    _description = "Cultivation Batch"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "stocking_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Code", required=True, readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    pond_id = fields.Many2one(
        "aquaculture.pond",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    pond_type = fields.Selection(related="pond_id.pond_type", store=True)
    owner_id = fields.Many2one(
        related="pond_id.owner_id", store=True, string="Farmer", index=True
    )
    farmer_group_id = fields.Many2one(
        related="pond_id.farmer_group_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="Receives the water quality alerts.",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("stocked", "Stocked"),
            ("growing", "Growing"),
            ("harvesting", "Harvesting"),
            ("closed", "Closed"),
        ],
        required=True,
        default="planned",
        tracking=True,
        index=True,
        copy=False,
    )
    species = fields.Char(default="Clarias gariepinus")
    strain = fields.Char(help="e.g. Sangkuriang, Mutiara, Masamo")
    stocking_date = fields.Date(tracking=True, copy=False)
    date_closed = fields.Date("Closing Date", readonly=True, copy=False)
    fry_count = fields.Integer("Fry Stocked", tracking=True)
    fry_size_cm = fields.Float("Fry Size (cm)", digits=(16, 1))
    fry_weight_g = fields.Float("Fry Weight (g)", digits=(16, 2))
    fry_cost = fields.Monetary(tracking=True)
    fry_supplier_id = fields.Many2one("res.partner")
    target_harvest_date = fields.Date()
    target_size_g = fields.Float("Target Size (g)", default=100.0)
    other_cost = fields.Monetary(
        help="Electricity, labour, pond preparation... in rupiah."
    )
    product_id = fields.Many2one(
        "product.product",
        string="Harvest Product",
        default=lambda self: self._default_product_id(),
        domain=[("aquaculture_use", "=", "live_fish")],
        check_company=True,
        help="The live catfish product that harvests receive into stock.",
    )
    lot_id = fields.Many2one("stock.lot", readonly=True, copy=False, check_company=True)
    log_ids = fields.One2many("aquaculture.log", "batch_id", string="Logs")
    harvest_ids = fields.One2many("aquaculture.harvest", "batch_id", string="Harvests")
    note = fields.Html()

    # Stocking density
    stocking_density = fields.Float(
        "Stocking Density (fish/m3)",
        compute="_compute_stocking_density",
        store=True,
        digits=(16, 2),
    )
    density_class = fields.Selection(
        [
            ("traditional", "Traditional (< 50/m3)"),
            ("semi_intensive", "Semi-intensive (50-150/m3)"),
            ("intensive", "Intensive (> 150/m3)"),
            ("biofloc", "Biofloc (300-500/m3)"),
        ],
        compute="_compute_stocking_density",
        store=True,
    )
    density_warning = fields.Boolean(compute="_compute_stocking_density", store=True)

    # KPIs, stored so that pivots are read_groups
    dead_count = fields.Integer("Deaths", compute="_compute_kpis", store=True)
    harvested_count = fields.Integer(
        "Fish Harvested", compute="_compute_kpis", store=True
    )
    harvested_kg = fields.Float(
        "Harvested (kg)", compute="_compute_kpis", store=True, digits=(16, 2)
    )
    live_count = fields.Integer("Live Fish", compute="_compute_kpis", store=True)
    feed_kg = fields.Float(
        "Feed (kg)", compute="_compute_kpis", store=True, digits=(16, 2)
    )
    feed_cost = fields.Monetary(compute="_compute_kpis", store=True)
    treatment_cost = fields.Monetary(
        "Probiotic / Treatment Cost", compute="_compute_kpis", store=True
    )
    abw_g = fields.Float(
        "ABW (g)",
        compute="_compute_kpis",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Average body weight of the last sampling.",
    )
    last_sampling_date = fields.Date(compute="_compute_kpis", store=True)
    biomass_kg = fields.Float(
        "Estimated Biomass (kg)", compute="_compute_kpis", store=True, digits=(16, 2)
    )
    weight_gain_kg = fields.Float(
        "Weight Gain (kg)", compute="_compute_kpis", store=True, digits=(16, 2)
    )
    fcr = fields.Float(
        "FCR", compute="_compute_kpis", store=True, digits=(16, 3), aggregator="avg"
    )
    survival_rate = fields.Float(
        "Survival Rate (%)",
        compute="_compute_kpis",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    adg = fields.Float(
        "ADG (g/day)",
        compute="_compute_kpis",
        store=True,
        digits=(16, 3),
        aggregator="avg",
    )
    total_cost = fields.Monetary(compute="_compute_kpis", store=True)
    cost_per_kg = fields.Monetary(
        "Cost per kg", compute="_compute_kpis", store=True, aggregator="avg"
    )
    revenue = fields.Monetary(compute="_compute_kpis", store=True)
    margin = fields.Monetary(compute="_compute_kpis", store=True)
    days_of_culture = fields.Integer(
        "Days of Culture", compute="_compute_days_of_culture"
    )
    log_count = fields.Integer(compute="_compute_log_count")

    # ------------------------------------------------------------ defaults
    @api.model
    def _default_product_id(self):
        return self.env.ref(
            "koperasi_aquaculture.product_live_catfish", raise_if_not_found=False
        )

    # ------------------------------------------------------------ computes
    @api.depends("fry_count", "pond_id.volume_m3", "pond_id.pond_type")
    def _compute_stocking_density(self):
        for batch in self:
            biofloc = batch.pond_id.pond_type == "bioflok"
            density = kpi.stocking_density(batch.fry_count, batch.pond_id.volume_m3)
            batch.stocking_density = density
            batch.density_class = (
                kpi.density_class(density, biofloc) if density else False
            )
            batch.density_warning = kpi.density_out_of_norm(density, biofloc)

    @api.depends(
        "state",
        "fry_count",
        "fry_weight_g",
        "fry_cost",
        "other_cost",
        "stocking_date",
        "log_ids.log_type",
        "log_ids.quantity",
        "log_ids.cost",
        "log_ids.mortality_count",
        "log_ids.abw_g",
        "log_ids.date",
        "harvest_ids.state",
        "harvest_ids.fish_count",
        "harvest_ids.weight_kg",
        "harvest_ids.amount",
    )
    def _compute_kpis(self):
        """KPIs from aggregated queries (one per table), never per-log loops."""
        stats = self._get_kpi_stats()
        for batch in self:
            data = stats.get(batch._origin.id or batch.id, {})
            batch._set_kpis(data)

    def _get_kpi_stats(self):
        ids = [i for i in self._origin.ids if i]
        stats = {i: {} for i in ids}
        if not ids:
            return stats
        Log = self.env["aquaculture.log"].sudo()
        for batch, log_type, quantity, cost, dead in Log._read_group(
            [("batch_id", "in", ids)],
            ["batch_id", "log_type"],
            ["quantity:sum", "cost:sum", "mortality_count:sum"],
        ):
            data = stats[batch.id]
            if log_type == "feeding":
                data["feed_kg"] = quantity
                data["feed_cost"] = cost
            elif log_type == "treatment":
                data["treatment_cost"] = cost
            elif log_type == "mortality":
                data["dead_count"] = dead
        Log.flush_model(["batch_id", "log_type", "abw_g", "date"])
        self.env.cr.execute(
            """
            SELECT DISTINCT ON (batch_id) batch_id, abw_g, date
              FROM aquaculture_log
             WHERE batch_id = ANY(%s) AND log_type = 'sampling'
          ORDER BY batch_id, date DESC, id DESC
            """,
            [ids],
        )
        for batch_id, abw_g, sample_date in self.env.cr.fetchall():
            stats[batch_id]["abw_g"] = abw_g
            stats[batch_id]["last_sampling_date"] = sample_date
        Harvest = self.env["aquaculture.harvest"].sudo()
        for batch, count, weight, amount in Harvest._read_group(
            [("batch_id", "in", ids), ("state", "=", "done")],
            ["batch_id"],
            ["fish_count:sum", "weight_kg:sum", "amount:sum"],
        ):
            stats[batch.id].update(
                harvested_count=count, harvested_kg=weight, revenue=amount
            )
        return stats

    def _set_kpis(self, data):
        """Fill the KPI fields of one batch from its aggregated figures."""
        self.ensure_one()
        dead = data.get("dead_count", 0)
        harvested = data.get("harvested_count", 0)
        harvested_kg = data.get("harvested_kg", 0.0)
        abw = data.get("abw_g", 0.0)
        live = kpi.live_count(self.fry_count, dead, harvested)
        if self.state == "closed":
            # Fish left after a total harvest are lost.
            live = 0
        biomass = kpi.biomass_kg(abw, live)
        gain = kpi.weight_gain_kg(
            self.fry_count, self.fry_weight_g, biomass, harvested_kg
        )
        cost = kpi.total_cost(
            self.fry_cost,
            data.get("feed_cost", 0.0),
            data.get("treatment_cost", 0.0),
            self.other_cost,
        )
        sampling_date = data.get("last_sampling_date")
        revenue = data.get("revenue", 0.0)
        self.update(
            {
                "dead_count": dead,
                "harvested_count": harvested,
                "harvested_kg": harvested_kg,
                "live_count": live,
                "feed_kg": data.get("feed_kg", 0.0),
                "feed_cost": data.get("feed_cost", 0.0),
                "treatment_cost": data.get("treatment_cost", 0.0),
                "abw_g": abw,
                "last_sampling_date": sampling_date,
                "biomass_kg": biomass,
                "weight_gain_kg": gain,
                "fcr": kpi.fcr(data.get("feed_kg", 0.0), gain),
                "survival_rate": kpi.survival_rate(self.fry_count, harvested, live)
                if self.state != "planned"
                else 0.0,
                "adg": kpi.adg(
                    abw,
                    self.fry_weight_g,
                    kpi.days_of_culture(self.stocking_date, sampling_date),
                ),
                "total_cost": cost,
                # Cost per kg produced: harvested + still standing.
                "cost_per_kg": kpi.cost_per_kg(cost, harvested_kg + biomass),
                "revenue": revenue,
                "margin": kpi.margin(revenue, cost) if revenue else 0.0,
            }
        )

    @api.depends("stocking_date", "date_closed", "state")
    def _compute_days_of_culture(self):
        today = business_today(self)
        for batch in self:
            if batch.state in ("planned",) or not batch.stocking_date:
                batch.days_of_culture = 0
                continue
            end = batch.date_closed or today
            batch.days_of_culture = kpi.days_of_culture(batch.stocking_date, end)

    def _compute_log_count(self):
        counts = dict(
            self.env["aquaculture.log"]._read_group(
                [("batch_id", "in", self.ids)], ["batch_id"], ["__count"]
            )
        )
        for batch in self:
            batch.log_count = counts.get(batch, 0)

    # ------------------------------------------------------------ constraints
    @api.constrains(*BATCH_BOUNDS)
    def _check_positive(self):
        check_bounds(self, BATCH_BOUNDS)

    @api.constrains("pond_id", "state")
    def _check_one_open_batch_per_pond(self):
        for batch in self.filtered(lambda b: b.state in OPEN_STATES):
            others = batch.pond_id.batch_ids.filtered(
                lambda b, batch=batch: b.state in OPEN_STATES and b != batch
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "Pond %(pond)s already holds batch %(batch)s.",
                        pond=batch.pond_id.display_name,
                        batch=others[0].name,
                    )
                )

    @api.constrains("fry_count")
    def _check_fry_count_covers_losses(self):
        # Negative counts are refused by _check_positive.
        self.filtered(lambda b: b.fry_count >= 0)._check_losses()

    def _check_losses(self):
        """Deaths and harvests together never exceed the fish stocked."""
        for batch in self:
            stats = batch._get_kpi_stats().get(batch.id, {})
            dead = stats.get("dead_count", 0)
            harvested = stats.get("harvested_count", 0)
            if dead + harvested > batch.fry_count:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s: %(dead)s deaths and %(harvested)s fish "
                        "harvested would exceed the %(stocked)s fish stocked.",
                        batch=batch.name,
                        dead=dead,
                        harvested=harvested,
                        stocked=batch.fry_count,
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = self.env["ir.sequence"].with_company(
                    company
                ).next_by_code("aquaculture.batch") or self.env._("New")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_planned(self):
        for batch in self:
            if batch.state != "planned":
                raise UserError(
                    self.env._(
                        "Batch %(batch)s is not planned any more: it cannot be "
                        "deleted.",
                        batch=batch.name,
                    )
                )

    # ------------------------------------------------------------ pipeline
    def action_stock(self):
        self._check_can_stock()
        self._do_stock()

    def _check_can_stock(self):
        for batch in self:
            if batch.state != "planned":
                raise UserError(
                    self.env._("Batch %(batch)s is already stocked.", batch=batch.name)
                )
            if not batch.stocking_date or batch.fry_count <= 0:
                raise UserError(
                    self.env._(
                        "Batch %(batch)s needs a stocking date and a positive "
                        "number of fry.",
                        batch=batch.name,
                    )
                )
            if batch.pond_id.state == "maintenance":
                raise UserError(
                    self.env._(
                        "Pond %(pond)s is under maintenance.",
                        pond=batch.pond_id.display_name,
                    )
                )

    def _do_stock(self):
        self.write({"state": "stocked"})
        self.pond_id.write({"state": "active"})
        for batch in self.filtered("density_warning"):
            batch.message_post(
                body=self.env._(
                    "Stocking density %(density)s fish/m3 is outside the norms "
                    "for this pond type.",
                    density=batch.stocking_density,
                )
            )

    def action_start_growing(self):
        for batch in self:
            if batch.state != "stocked":
                raise UserError(
                    self.env._(
                        "Batch %(batch)s is not freshly stocked.", batch=batch.name
                    )
                )
        self.write({"state": "growing"})

    def action_close(self):
        for batch in self:
            if batch.state not in OPEN_STATES:
                raise UserError(
                    self.env._("Batch %(batch)s is not open.", batch=batch.name)
                )
            if batch.live_count:
                raise UserError(
                    self.env._(
                        "Batch %(batch)s still has %(live)s fish alive: record "
                        "a total harvest or the mortality first.",
                        batch=batch.name,
                        live=batch.live_count,
                    )
                )
        self._do_close(business_today(self))

    def _do_close(self, date):
        self.write({"state": "closed", "date_closed": date})
        self.pond_id.filtered(lambda p: not p.current_batch_id).write(
            {"state": "empty"}
        )

    def _check_open(self):
        """Raise unless every batch accepts logs and harvests."""
        for batch in self:
            if batch.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "Batch %(batch)s is %(state)s: logs and harvests are "
                        "only recorded on stocked, growing or harvesting batches.",
                        batch=batch.name,
                        state=dict(
                            batch._fields["state"]._description_selection(self.env)
                        )[batch.state],
                    )
                )

    # ------------------------------------------------------------ actions
    def action_view_logs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "koperasi_aquaculture.aquaculture_log_action"
        )
        action["domain"] = [("batch_id", "=", self.id)]
        action["context"] = {"default_batch_id": self.id}
        return action

    def action_export_xlsx(self):
        ids = ",".join(str(i) for i in self.ids)
        return {
            "type": "ir.actions.act_url",
            "url": f"/koperasi_aquaculture/batches.xlsx?ids={ids}",
            "target": "download",
        }

    def _get_xlsx_columns(self):
        return [
            ("name", self.env._("Batch")),
            ("pond_id", self.env._("Pond")),
            ("owner_id", self.env._("Farmer")),
            ("farmer_group_id", self.env._("Farmer Group")),
            ("state", self.env._("Status")),
            ("stocking_date", self.env._("Stocking Date")),
            ("days_of_culture", self.env._("Days of Culture")),
            ("fry_count", self.env._("Fry Stocked")),
            ("dead_count", self.env._("Deaths")),
            ("harvested_count", self.env._("Fish Harvested")),
            ("live_count", self.env._("Live Fish")),
            ("abw_g", self.env._("ABW (g)")),
            ("biomass_kg", self.env._("Biomass (kg)")),
            ("harvested_kg", self.env._("Harvested (kg)")),
            ("feed_kg", self.env._("Feed (kg)")),
            ("fcr", self.env._("FCR")),
            ("survival_rate", self.env._("Survival Rate (%)")),
            ("adg", self.env._("ADG (g/day)")),
            ("total_cost", self.env._("Total Cost")),
            ("cost_per_kg", self.env._("Cost per kg")),
            ("revenue", self.env._("Revenue")),
            ("margin", self.env._("Margin")),
        ]

    def _export_xlsx(self):
        """The batches as an XLSX workbook (bytes), read with the user's rights."""
        import io

        self.check_access("read")
        columns = self._get_xlsx_columns()
        output = io.BytesIO()
        workbook = new_workbook(output)
        sheet = workbook.add_worksheet(self.env._("Batches"))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9EAD3"})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        money = workbook.add_format({"num_format": "#,##0"})
        for col, (_field, label) in enumerate(columns):
            sheet.write(0, col, label, bold)
            sheet.set_column(col, col, 14)
        for row, batch in enumerate(self, start=1):
            for col, (fname, _label) in enumerate(columns):
                field = batch._fields[fname]
                value = batch[fname]
                if field.type == "many2one":
                    sheet.write(row, col, value.display_name or "")
                elif field.type == "selection":
                    sheet.write(
                        row,
                        col,
                        dict(field._description_selection(self.env)).get(value, ""),
                    )
                elif field.type == "date":
                    if value:
                        sheet.write_datetime(
                            row, col, fields.Datetime.to_datetime(value), date_format
                        )
                elif field.type == "monetary":
                    sheet.write_number(row, col, value, money)
                else:
                    sheet.write(row, col, value)
        sheet.freeze_panes(1, 1)
        workbook.close()
        return output.getvalue()

    # ------------------------------------------------------------ portal
    def _portal_create_log(self, partner, log_type, data):
        """Create a log from the farmer portal after validating every field.

        `data` holds the raw strings of the form. Runs as superuser only
        once the partner is proven to own the pond.
        """
        self.ensure_one()
        if self.pond_id.owner_id != partner:
            raise UserError(self.env._("This pond is not yours."))
        self._check_open()
        vals = self.env["aquaculture.log"]._portal_parse_values(log_type, data)
        vals.update(batch_id=self.id, log_type=log_type)
        return self.env["aquaculture.log"].sudo().create(vals)

    # ------------------------------------------------------------ demo
    @api.model
    def _demo_generate_logs(self, batch_ids):
        """Stock the demo batches and write their daily logs (demo data only).

        The first two batches are 90-day cycles that are harvested and
        closed; the others are still growing, stocked 60, 45, 90 and 30 days
        ago.
        """
        today = business_today(self)
        feed = self.env.ref("koperasi_aquaculture.product_feed_organic")
        probiotic = self.env.ref("koperasi_aquaculture.product_probiotic")
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        Quant = self.env["stock.quant"].sudo()
        Quant._update_available_quantity(feed, warehouse.lot_stock_id, 8000.0)
        Quant._update_available_quantity(probiotic, warehouse.lot_stock_id, 300.0)
        plans = [(200, 90, True), (120, 90, True), (60, 60, False), (45, 45, False)]
        plans += [(90, 90, False), (30, 30, False)]
        batches = self.browse(batch_ids)
        for batch, (ago, days, close) in zip(batches, plans, strict=False):
            start = today - timedelta(days=ago)
            batch.write(
                {
                    "stocking_date": start,
                    "target_harvest_date": start + timedelta(days=90),
                }
            )
            batch.action_stock()
            batch._demo_write_logs(start, days, feed, probiotic)
            if close:
                batch._demo_harvest(start, days)
        closed = batches.filtered(lambda b: b.state == "closed")[:1]
        if closed.lot_id:
            distribution = self.env["aquaculture.distribution"].create(
                {
                    "farmer_group_id": closed.farmer_group_id.id,
                    "partner_id": closed.farmer_group_id.leader_id.id,
                    "date": closed.date_closed,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "product_id": closed.product_id.id,
                                "lot_id": closed.lot_id.id,
                                "quantity": 10.0,
                            }
                        )
                    ],
                }
            )
            distribution.action_allocate()
            distribution.action_deliver()

    def _demo_write_logs(self, start, days, feed, probiotic):
        self.ensure_one()
        adg = 1.1
        live = self.fry_count
        causes = ["disease", "water", "cannibalism", "unknown"]
        vals_list = []
        for day in range(1, days + 1):
            date = start + timedelta(days=day)
            abw = self.fry_weight_g + adg * day
            base = {"batch_id": self.id, "date": date}
            if day % 10 == 5:
                dead = max(1, int(live * 0.015))
                live -= dead
                vals_list.append(
                    dict(
                        base,
                        log_type="mortality",
                        mortality_count=dead,
                        mortality_cause=causes[(day // 10) % len(causes)],
                    )
                )
            vals_list.append(
                dict(
                    base,
                    log_type="feeding",
                    product_id=feed.id,
                    quantity=round(live * adg * 1.05 / 1000.0, 2),
                )
            )
            if day % 7 == 3:
                vals_list.append(
                    dict(
                        base,
                        log_type="treatment",
                        product_id=probiotic.id,
                        quantity=0.25,
                    )
                )
            if day % 7 == 0:
                vals_list.append(
                    dict(
                        base,
                        log_type="sampling",
                        sample_count=30,
                        sample_weight_kg=round(30 * abw / 1000.0, 3),
                    )
                )
            if day % 3 == 0:
                low_oxygen = day in (33, 61)
                vals_list.append(
                    dict(
                        base,
                        log_type="water",
                        temperature=27.0 + (day % 4) * 0.5,
                        ph=7.2,
                        dissolved_oxygen=2.5 if low_oxygen else 4.5,
                        ammonia=0.02,
                    )
                )
        self.env["aquaculture.log"].create(vals_list)

    def _demo_harvest(self, start, days):
        self.ensure_one()
        Harvest = self.env["aquaculture.harvest"]
        abw = self.abw_g or 100.0
        partial_count = int(self.live_count * 0.3)
        partial = Harvest.create(
            {
                "batch_id": self.id,
                "date": start + timedelta(days=days - 10),
                "harvest_type": "partial",
                "fish_count": partial_count,
                "weight_kg": round(partial_count * (abw - 8.0) / 1000.0, 1),
                "unit_price": 22000,
            }
        )
        partial.action_done()
        total = Harvest.create(
            {
                "batch_id": self.id,
                "date": start + timedelta(days=days),
                "harvest_type": "total",
                "fish_count": self.live_count,
                "weight_kg": round(self.live_count * abw / 1000.0, 1),
                "unit_price": 23000,
            }
        )
        total.action_done()
