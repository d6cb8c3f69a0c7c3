from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools.inputs import (
    check_bounds,
    has_control_characters,
)

from ..tools import shipping

MAX_PRICE = 10_000_000
MAX_DAYS = 60


class KoperasiShippingRate(models.Model):
    """A courier's price from the cooperative to a province, or to one
    kabupaten/kota of it, kept by the board."""

    _name = "koperasi.shipping.rate"
    _description = "Courier Shipping Rate"
    _order = "carrier_id, state_id, city, id"
    _check_company_auto = True

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    carrier_id = fields.Many2one(
        "delivery.carrier",
        string="Courier",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('delivery_type', '=', 'koperasi_rate')]",
    )
    country_id = fields.Many2one(
        "res.country",
        default=lambda self: self.env.ref("base.id", raise_if_not_found=False),
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        required=True,
        domain="[('country_id', '=?', country_id)]",
    )
    city = fields.Char(
        string="Kabupaten/Kota",
        help="Leave empty for the whole province. A row of the customer's city "
        "(compared without case) wins over the province row.",
    )
    courier_city_code = fields.Char(
        string="Destination City ID (rate service)",
        help="The destination's city id in the courier-rate web service, when "
        "it is enabled in the settings.",
    )
    price_first_kg = fields.Monetary(string="First kg", required=True)
    price_next_kg = fields.Monetary(string="Each next kg", required=True)
    etd_min = fields.Integer(string="Delivery from (days)", default=1)
    etd_max = fields.Integer(string="Delivery up to (days)", default=3)

    @api.depends("carrier_id", "state_id", "city")
    def _compute_display_name(self):
        for rate in self:
            place = ", ".join(filter(None, [rate.city, rate.state_id.name]))
            rate.display_name = f"{rate.carrier_id.name or ''} → {place}"

    @api.constrains("price_first_kg", "price_next_kg", "etd_min", "etd_max")
    def _check_numbers(self):
        check_bounds(
            self,
            {
                "price_first_kg": (0, MAX_PRICE),
                "price_next_kg": (0, MAX_PRICE),
                "etd_min": (0, MAX_DAYS),
                "etd_max": (0, MAX_DAYS),
            },
        )
        for rate in self:
            if rate.etd_min > rate.etd_max:
                raise ValidationError(
                    self.env._(
                        "The delivery time of %(rate)s starts after it ends.",
                        rate=rate.display_name,
                    )
                )

    @api.constrains("city", "courier_city_code")
    def _check_text(self):
        for rate in self:
            if has_control_characters(rate.city) or has_control_characters(
                rate.courier_city_code
            ):
                raise ValidationError(
                    self.env._("The city holds characters that cannot be typed.")
                )

    @api.constrains("company_id", "carrier_id", "state_id", "city", "active")
    def _check_one_row_per_destination(self):
        for rate in self.filtered("active"):
            twins = self.search(
                [
                    ("id", "!=", rate.id),
                    ("company_id", "=", rate.company_id.id),
                    ("carrier_id", "=", rate.carrier_id.id),
                    ("state_id", "=", rate.state_id.id),
                ]
            ).filtered(
                lambda other, rate=rate: (
                    shipping.normalize_city(other.city)
                    == shipping.normalize_city(rate.city)
                )
            )
            if twins:
                raise ValidationError(
                    self.env._(
                        "%(rate)s already has a rate row.", rate=rate.display_name
                    )
                )

    @api.onchange("state_id")
    def _onchange_state_id(self):
        if self.state_id:
            self.country_id = self.state_id.country_id

    def _price_for(self, kg):
        """The price of ``kg`` whole kilograms, in whole rupiah."""
        self.ensure_one()
        return shipping.courier_price(self.price_first_kg, self.price_next_kg, kg)
