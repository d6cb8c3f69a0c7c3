import logging

from odoo import fields, models

from ..tools import shipping

_logger = logging.getLogger(__name__)

COURIER_API_TIMEOUT_PARAM = "koperasi_ecommerce.courier_api_timeout"
COURIER_API_DEFAULT_TIMEOUT = 5.0


class DeliveryCarrier(models.Model):
    """Indonesian couriers (JNE, J&T, SiCepat, Pos Indonesia...) priced from
    the cooperative's rate table (``koperasi.shipping.rate``), or from a
    courier-rate web service in RajaOngkir's shape when the company enables
    it. Staff type the courier's receipt number (resi) on the delivery."""

    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("koperasi_rate", "Courier Rate Table")],
        ondelete={"koperasi_rate": "set default"},
    )
    koperasi_courier_code = fields.Selection(
        [
            ("jne", "JNE"),
            ("jnt", "J&T Express"),
            ("sicepat", "SiCepat"),
            ("pos", "Pos Indonesia"),
        ],
        string="Courier",
        help="The courier's code in the courier-rate web service.",
    )
    koperasi_service_code = fields.Char(
        string="Courier Service",
        help="The service as the web service names it, e.g. REG, EZ or "
        "Paket Kilat Khusus.",
    )
    koperasi_rate_ids = fields.One2many(
        "koperasi.shipping.rate", "carrier_id", string="Rate Table"
    )

    # ------------------------------------------------------------------
    # Delivery provider API (see delivery.carrier)
    # ------------------------------------------------------------------

    def koperasi_rate_rate_shipment(self, order):
        self.ensure_one()
        quote = self._koperasi_quote(
            order.partner_shipping_id,
            order.company_id,
            self.env.context.get("order_weight") or order._get_estimated_weight(),
        )
        if not quote:
            return {
                "success": False,
                "price": 0.0,
                "error_message": self._koperasi_no_rate_message(
                    order.partner_shipping_id
                ),
                "warning_message": False,
            }
        price = self._compute_currency(order, quote["price"], "company_to_pricelist")
        return {
            "success": True,
            "price": order.currency_id.round(price),
            "error_message": False,
            "warning_message": False,
            "koperasi_etd": (quote["etd_min"], quote["etd_max"]),
        }

    def koperasi_rate_send_shipping(self, pickings):
        """The exact price of each delivery; no tracking number: staff type
        the courier's receipt (resi) on the delivery."""
        res = []
        for picking in pickings:
            weight = picking.weight
            if picking.sale_id and not weight:
                weight = picking.sale_id._get_estimated_weight()
            quote = self._koperasi_quote(picking.partner_id, picking.company_id, weight)
            res.append(
                {
                    "exact_price": quote["price"] if quote else 0.0,
                    "tracking_number": False,
                }
            )
        return res

    def koperasi_rate_get_tracking_link(self, picking):
        if self.tracking_url and picking.carrier_tracking_ref:
            return self.tracking_url.replace(
                "<shipmenttrackingnumber>", picking.carrier_tracking_ref
            )
        return False

    def koperasi_rate_cancel_shipment(self, pickings):
        for picking in pickings:
            picking.message_post(
                body=self.env._(
                    "Shipment cancelled: the tracking number %(ref)s was removed.",
                    ref=picking.carrier_tracking_ref,
                )
            )
        pickings.write({"carrier_tracking_ref": False})

    # ------------------------------------------------------------------
    # Pricing
    # ------------------------------------------------------------------

    def _koperasi_weight_kg(self, weight):
        """``weight`` (in the database's weight unit) in kilograms."""
        uom = self.env["product.template"]._get_weight_uom_id_from_ir_config_parameter()
        kilogram = self.env.ref("uom.product_uom_kgm")
        if uom and uom != kilogram:
            return uom._compute_quantity(weight or 0.0, kilogram, round=False)
        return weight or 0.0

    def _koperasi_rate_row(self, partner, company):
        """The most specific rate row for ``partner``'s address (the row of
        its kabupaten/kota, else of its province), or an empty recordset.
        Shoppers read the board's table through this method only."""
        self.ensure_one()
        Rate = self.env["koperasi.shipping.rate"].sudo()
        if not partner.state_id:
            return Rate
        rows = Rate.search(
            [
                ("company_id", "=", company.id),
                ("carrier_id", "=", self.id),
                ("state_id", "=", partner.state_id.id),
            ]
        )
        best = shipping.most_specific(
            [(row.id, row.city) for row in rows], partner.city
        )
        return Rate.browse(best) if best else Rate

    def _koperasi_quote(self, partner, company, weight):
        """``{'price', 'etd_min', 'etd_max', 'source'}`` of a parcel of
        ``weight`` to ``partner``, in the company's currency; ``None`` when
        the courier has no rate for that destination."""
        self.ensure_one()
        company = company or self.env.company
        row = self._koperasi_rate_row(partner, company)
        if not row:
            return None
        kg = shipping.chargeable_kg(self._koperasi_weight_kg(weight))
        quote = self._koperasi_service_quote(company, row, kg)
        if quote:
            price, etd_min, etd_max = quote
            return {
                "price": price,
                "etd_min": etd_min or row.etd_min,
                "etd_max": etd_max or row.etd_max,
                "source": "service",
            }
        return {
            "price": row._price_for(kg),
            "etd_min": row.etd_min,
            "etd_max": row.etd_max,
            "source": "table",
        }

    def _koperasi_service_quote(self, company, row, kg):
        """``(price, etd_min, etd_max)`` from the courier-rate web service,
        or ``None`` when it is off, not configured for this row or failing
        (then the rate table is used and a warning is logged)."""
        company = company.sudo()
        if not (
            company.koperasi_courier_api_enabled
            and company.koperasi_courier_api_url
            and company.koperasi_courier_api_key
            and company.koperasi_courier_origin_code
            and row.courier_city_code
            and self.koperasi_courier_code
            and self.koperasi_service_code
        ):
            return None
        timeout = self._koperasi_courier_api_timeout()
        try:
            return shipping.fetch_cost(
                company.koperasi_courier_api_url,
                company.koperasi_courier_api_key,
                company.koperasi_courier_origin_code,
                row.courier_city_code,
                kg * 1000,
                self.koperasi_courier_code,
                self.koperasi_service_code,
                timeout,
            )
        except shipping.CourierApiError as error:
            _logger.warning(
                "Courier rate service of %s gave no rate for %s (%s): the rate "
                "table is used.",
                company.name,
                self.name,
                error,
            )
            return None

    def _koperasi_courier_api_timeout(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(COURIER_API_TIMEOUT_PARAM, COURIER_API_DEFAULT_TIMEOUT)
        )
        try:
            timeout = float(value)
        except (TypeError, ValueError):
            return COURIER_API_DEFAULT_TIMEOUT
        return min(max(timeout, 0.1), 30.0)

    def _koperasi_no_rate_message(self, partner):
        place = ", ".join(filter(None, [partner.city, partner.state_id.name]))
        return self.env._(
            "%(carrier)s does not deliver to %(place)s yet.",
            carrier=self.name,
            place=place or self.env._("this address"),
        )

    # ------------------------------------------------------------------
    # Checkout
    # ------------------------------------------------------------------

    def _koperasi_checkout_info(self, order):
        """For the checkout's delivery form: ``{carrier id: {'cheapest',
        'fastest', 'etd_min', 'etd_max'}}`` of the courier carriers of
        ``self`` that deliver to the order's address."""
        quotes = {}
        for carrier in self.filtered(lambda c: c.delivery_type == "koperasi_rate"):
            rate = carrier.rate_shipment(order)
            if rate.get("success") and rate.get("koperasi_etd"):
                quotes[carrier.id] = (rate["price"], *rate["koperasi_etd"])
        badges = shipping.checkout_badges(quotes)
        return {
            carrier_id: {
                "cheapest": "cheapest" in badges[carrier_id],
                "fastest": "fastest" in badges[carrier_id],
                "etd_min": quote[1],
                "etd_max": quote[2],
                "etd_label": self._koperasi_etd_label(quote[1], quote[2]),
            }
            for carrier_id, quote in quotes.items()
        }

    def _koperasi_etd_label(self, etd_min, etd_max):
        if not etd_max:
            return ""
        if etd_min == etd_max == 1:
            return self.env._("Delivered in 1 day")
        if etd_min == etd_max:
            return self.env._("Delivered in %(days)s days", days=etd_max)
        return self.env._("Delivered in %(min)s-%(max)s days", min=etd_min, max=etd_max)
