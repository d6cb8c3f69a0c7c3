from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import (
    check_bounds,
    clean_text,
    parse_float,
    parse_id,
    parse_int,
)

from ..tools import kpi

STOCK_TYPES = ("feeding", "treatment")
# What a pond log can plausibly say (the backend, the portal and RPC alike).
LOG_BOUNDS = {
    "quantity": (0, 5000),  # kg or litres for one feeding or treatment
    "sample_count": (0, 100000),
    "sample_weight_kg": (0, 5000),
    "mortality_count": (0, 10000000),
    "temperature": (0, 50),  # degrees Celsius
    "ph": (0, 14),
    "dissolved_oxygen": (0, 30),  # mg/L
    "ammonia": (0, 100),  # mg/L
}
PROTECTED_FIELDS = {
    "batch_id",
    "log_type",
    "product_id",
    "quantity",
    "mortality_count",
    "sample_count",
    "sample_weight_kg",
}


class AquacultureLog(models.Model):
    _name = "aquaculture.log"
    _description = "Cultivation Log"
    _order = "date desc, id desc"
    _check_company_auto = True

    batch_id = fields.Many2one(
        "aquaculture.batch",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    pond_id = fields.Many2one(
        related="batch_id.pond_id", store=True, index=True, string="Pond"
    )
    company_id = fields.Many2one(
        related="batch_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=business_today, index=True)
    log_type = fields.Selection(
        [
            ("feeding", "Feeding"),
            ("treatment", "Probiotic / Treatment"),
            ("sampling", "Sampling"),
            ("mortality", "Mortality"),
            ("water", "Water Quality"),
        ],
        string="Type",
        required=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Logged by", default=lambda self: self.env.user
    )
    # feeding / treatment
    product_id = fields.Many2one(
        "product.product",
        domain=[("aquaculture_use", "in", ("feed", "treatment"))],
        check_company=True,
    )
    quantity = fields.Float(digits="Product Unit of Measure")
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    unit_cost = fields.Float(readonly=True, digits="Product Price")
    cost = fields.Monetary(readonly=True)
    move_id = fields.Many2one("stock.move", string="Stock Move", readonly=True)
    # sampling
    sample_count = fields.Integer("Fish Sampled")
    sample_weight_kg = fields.Float("Sample Weight (kg)", digits=(16, 3))
    abw_g = fields.Float(
        "ABW (g)", compute="_compute_abw_g", store=True, digits=(16, 2)
    )
    # mortality
    mortality_count = fields.Integer("Dead Fish")
    mortality_cause = fields.Selection(
        [
            ("disease", "Disease"),
            ("water", "Water quality"),
            ("predator", "Predator"),
            ("cannibalism", "Cannibalism"),
            ("handling", "Handling / transport"),
            ("unknown", "Unknown"),
        ],
        string="Cause",
    )
    # water quality
    temperature = fields.Float("Temperature (C)", digits=(16, 1))
    ph = fields.Float("pH", digits=(16, 2))
    dissolved_oxygen = fields.Float("Dissolved Oxygen (mg/L)", digits=(16, 2))
    ammonia = fields.Float("Ammonia (mg/L)", digits=(16, 3))
    water_alert = fields.Boolean(readonly=True)
    note = fields.Text()

    @api.depends("sample_count", "sample_weight_kg")
    def _compute_abw_g(self):
        for log in self:
            log.abw_g = kpi.average_body_weight(log.sample_count, log.sample_weight_kg)

    @api.depends("batch_id", "log_type", "date")
    def _compute_display_name(self):
        types = dict(self._fields["log_type"]._description_selection(self.env))
        for log in self:
            log.display_name = f"{log.batch_id.name or ''} {types.get(log.log_type, '')} {log.date or ''}"

    # ------------------------------------------------------------ checks
    @api.constrains(*LOG_BOUNDS)
    def _check_values(self):
        check_bounds(self, LOG_BOUNDS)
        for log in self:
            log._check_type_values()

    def _check_type_values(self):
        self.ensure_one()
        if self.log_type in STOCK_TYPES:
            if not self.product_id or self.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "%(log)s: choose a product and a quantity above zero.",
                        log=self.display_name,
                    )
                )
            use = "feed" if self.log_type == "feeding" else "treatment"
            if self.product_id.aquaculture_use != use:
                raise ValidationError(
                    self.env._(
                        "%(product)s is not a %(use)s product.",
                        product=self.product_id.display_name,
                        use=dict(
                            self.product_id._fields[
                                "aquaculture_use"
                            ]._description_selection(self.env)
                        )[use],
                    )
                )
        elif self.log_type == "sampling":
            if self.sample_count <= 0 or self.sample_weight_kg <= 0:
                raise ValidationError(
                    self.env._(
                        "%(log)s: a sample needs a number of fish and a weight "
                        "above zero.",
                        log=self.display_name,
                    )
                )
        elif self.log_type == "mortality":
            if self.mortality_count <= 0:
                raise ValidationError(
                    self.env._(
                        "%(log)s: the number of dead fish must be above zero.",
                        log=self.display_name,
                    )
                )
        elif self.log_type == "water":
            if self.temperature <= 0 or self.ph <= 0 or self.dissolved_oxygen < 0:
                raise ValidationError(
                    self.env._(
                        "%(log)s: record at least the temperature and the pH.",
                        log=self.display_name,
                    )
                )
            if self.ph > 14:
                raise ValidationError(
                    self.env._("The pH is between 0 and 14, not %(ph)s.", ph=self.ph)
                )

    @api.constrains("batch_id", "mortality_count")
    def _check_batch(self):
        self.batch_id._check_losses()

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        batches = self.env["aquaculture.batch"].browse(
            {vals["batch_id"] for vals in vals_list if vals.get("batch_id")}
        )
        batches._check_open()
        logs = super().create(vals_list)
        logs._post_create()
        return logs

    def write(self, vals):
        if PROTECTED_FIELDS & set(vals):
            for log in self:
                if log.move_id or log.batch_id.state == "closed":
                    raise UserError(
                        self.env._(
                            "%(log)s is final: record a new log to correct it.",
                            log=log.display_name,
                        )
                    )
        if "batch_id" in vals:
            self.env["aquaculture.batch"].browse(vals["batch_id"])._check_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_final(self):
        for log in self:
            if log.move_id or log.batch_id.state == "closed":
                raise UserError(
                    self.env._(
                        "%(log)s is final: it moved stock or its batch is closed.",
                        log=log.display_name,
                    )
                )

    # ------------------------------------------------------------ business
    def _post_create(self):
        self.filtered(lambda log: log.log_type in STOCK_TYPES)._create_stock_moves()
        self.filtered(lambda log: log.log_type == "water")._check_water_quality()
        # The first log after stocking starts the growing phase.
        self.batch_id.sudo().filtered(lambda b: b.state == "stocked").write(
            {"state": "growing"}
        )

    def _get_consumption_location(self):
        return self.env.ref("koperasi_aquaculture.stock_location_pond_consumption")

    def _get_source_location(self):
        self.ensure_one()
        warehouse = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)], limit=1)
        )
        if not warehouse:
            raise UserError(
                self.env._(
                    "Company %(company)s has no warehouse to take feed from.",
                    company=self.company_id.name,
                )
            )
        return warehouse.lot_stock_id

    def _prepare_move_values(self):
        self.ensure_one()
        source = self._get_source_location()
        destination = self._get_consumption_location()
        return {
            "name": self.display_name,
            "origin": self.batch_id.name,
            "company_id": self.company_id.id,
            "product_id": self.product_id.id,
            "product_uom": self.product_id.uom_id.id,
            "product_uom_qty": self.quantity,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "price_unit": self.product_id.standard_price,
            "date": fields.Datetime.to_datetime(self.date),
            "picked": True,
            "move_line_ids": [
                (
                    0,
                    0,
                    {
                        "product_id": self.product_id.id,
                        "product_uom_id": self.product_id.uom_id.id,
                        "quantity": self.quantity,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                    },
                )
            ],
        }

    def _create_stock_moves(self):
        """Feed and treatments leave the warehouse for the pond, at cost."""
        Move = self.env["stock.move"].sudo()
        for log in self:
            product = log.product_id.with_company(log.company_id)
            move = Move.create(log._prepare_move_values())
            move._action_done()
            unit_cost = product.standard_price
            log.sudo().write(
                {
                    "move_id": move.id,
                    "unit_cost": unit_cost,
                    "cost": log.company_id.currency_id.round(log.quantity * unit_cost),
                }
            )

    def _check_water_quality(self):
        """Out-of-range water raises an activity for the person in charge."""
        labels = {
            "temperature": self.env._("temperature"),
            "ph": self.env._("pH"),
            "dissolved_oxygen": self.env._("dissolved oxygen"),
            "ammonia": self.env._("ammonia"),
        }
        for log in self:
            issues = kpi.water_quality_issues(
                {
                    "temperature": log.temperature,
                    "ph": log.ph,
                    "dissolved_oxygen": log.dissolved_oxygen,
                    "ammonia": log.ammonia,
                }
            )
            if not issues:
                continue
            log.sudo().water_alert = True
            batch = log.batch_id.sudo()
            responsible = batch.user_id or batch.pond_id.user_id
            batch.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=log.date,
                summary=self.env._(
                    "Water quality out of range: %(params)s",
                    params=", ".join(labels[i] for i in issues),
                ),
                note=self.env._(
                    "Pond %(pond)s on %(date)s: temperature %(temperature)s C, "
                    "pH %(ph)s, dissolved oxygen %(do)s mg/L, ammonia "
                    "%(ammonia)s mg/L.",
                    pond=batch.pond_id.display_name,
                    date=log.date,
                    temperature=log.temperature,
                    ph=log.ph,
                    do=log.dissolved_oxygen,
                    ammonia=log.ammonia,
                ),
                user_id=responsible.id or self.env.ref("base.user_root").id,
            )

    @api.model
    def _portal_parse_values(self, log_type, data):
        """Typed values of a portal form; UserError on anything invalid."""

        def number(key, kind=float, required=True):
            minimum, maximum = LOG_BOUNDS[key]
            parse = parse_int if kind is int else parse_float
            try:
                value = parse(
                    self.env,
                    data.get(key),
                    minimum=minimum,
                    maximum=maximum,
                    label=labels[key],
                )
            except ValidationError as exc:
                raise UserError(exc.args[0]) from None
            if value is None:
                if required:
                    raise UserError(
                        self.env._("Please fill in %(field)s.", field=labels[key])
                    )
                return kind(0)
            return value

        labels = {
            "quantity": self.env._("the quantity"),
            "sample_count": self.env._("the number of fish sampled"),
            "sample_weight_kg": self.env._("the sample weight"),
            "mortality_count": self.env._("the number of dead fish"),
            "temperature": self.env._("the temperature"),
            "ph": self.env._("the pH"),
            "dissolved_oxygen": self.env._("the dissolved oxygen"),
            "ammonia": self.env._("the ammonia"),
        }
        vals = {}
        if log_type in STOCK_TYPES:
            use = "feed" if log_type == "feeding" else "treatment"
            try:
                product_id = parse_id(self.env, data.get("product_id")) or 0
            except ValidationError:
                product_id = 0
            product = self.env["product.product"].sudo().browse(product_id).exists()
            if not product or product.aquaculture_use != use:
                raise UserError(self.env._("Please choose a product from the list."))
            vals.update(product_id=product.id, quantity=number("quantity"))
        elif log_type == "sampling":
            vals.update(
                sample_count=number("sample_count", int),
                sample_weight_kg=number("sample_weight_kg"),
            )
        elif log_type == "mortality":
            cause = data.get("mortality_cause") or "unknown"
            causes = dict(self._fields["mortality_cause"].selection)
            vals.update(
                mortality_count=number("mortality_count", int),
                mortality_cause=cause if cause in causes else "unknown",
            )
        elif log_type == "water":
            vals.update(
                temperature=number("temperature"),
                ph=number("ph"),
                dissolved_oxygen=number("dissolved_oxygen"),
                ammonia=number("ammonia", required=False),
            )
        else:
            raise UserError(self.env._("Unknown kind of log."))
        try:
            note = clean_text(
                self.env, data.get("note"), max_length=500, multiline=True
            )
        except ValidationError as exc:
            raise UserError(exc.args[0]) from None
        if note:
            vals["note"] = note
        return vals
