import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from lxml import html
from werkzeug.urls import url_parse

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import BaseCase, HttpCase, tagged
from odoo.tests.common import _super_send

from ..models.delivery_carrier import COURIER_API_TIMEOUT_PARAM
from ..tools import shipping
from .common import KoperasiEcommerceCommon

COURIERS = ("jne_reg", "jnt_ez", "sicepat_reg", "pos_kilat")


@tagged("post_install", "-at_install")
class TestShippingTools(BaseCase):
    def test_chargeable_weight(self):
        self.assertEqual(shipping.chargeable_kg(0), 1)
        self.assertEqual(shipping.chargeable_kg(0.3), 1)
        self.assertEqual(shipping.chargeable_kg(1.0), 1)
        self.assertEqual(shipping.chargeable_kg(0.1 * 3 + 0.7), 1)
        self.assertEqual(shipping.chargeable_kg(1.001), 2)
        self.assertEqual(shipping.chargeable_kg(2.6), 3)

    def test_price_whole_rupiah(self):
        self.assertEqual(shipping.courier_price(18000, 18000, 1), 18000.0)
        self.assertEqual(shipping.courier_price(16000, 14000, 3), 44000.0)
        self.assertEqual(shipping.courier_price(9999.5, 0, 1), 10000.0)
        with self.assertRaises(ValueError):
            shipping.courier_price(1, 1, 0)

    def test_most_specific_row(self):
        rows = [(1, False), (2, "Jakarta Selatan"), (3, "Jakarta Pusat")]
        self.assertEqual(shipping.most_specific(rows, " jakarta  SELATAN "), 2)
        self.assertEqual(shipping.most_specific(rows, "Jakarta Timur"), 1)
        self.assertEqual(shipping.most_specific(rows, False), 1)
        self.assertIsNone(shipping.most_specific(rows[1:], "Bekasi"))

    def test_badges(self):
        badges = shipping.checkout_badges(
            {"jne": (20000, 2, 3), "sicepat": (19500, 1, 2), "pos": (17000, 3, 5)}
        )
        self.assertEqual(
            badges, {"jne": set(), "sicepat": {"fastest"}, "pos": {"cheapest"}}
        )
        # A badge that does not tell couriers apart is not given.
        self.assertEqual(
            shipping.checkout_badges({"a": (1000, 1, 2), "b": (1000, 1, 2)}),
            {"a": set(), "b": set()},
        )
        self.assertEqual(shipping.checkout_badges({"a": (1000, 1, 2)}), {"a": set()})

    def test_rajaongkir_answer(self):
        payload = _rajaongkir_answer("jne", "REG", 23000, "2-3")
        self.assertEqual(shipping.parse_cost_response(payload, "reg"), (23000.0, 2, 3))
        self.assertEqual(shipping.parse_etd("1-2 HARI"), (1, 2))
        self.assertEqual(shipping.parse_etd("3"), (3, 3))
        self.assertEqual(shipping.parse_etd(""), (0, 0))
        with self.assertRaises(shipping.CourierApiError):
            shipping.parse_cost_response(payload, "YES")
        payload["rajaongkir"]["status"] = {"code": 400, "description": "Bad key"}
        with self.assertRaises(shipping.CourierApiError):
            shipping.parse_cost_response(payload, "REG")
        with self.assertRaises(shipping.CourierApiError):
            shipping.parse_cost_response({"rajaongkir": []}, "REG")


def _rajaongkir_answer(code, service, value, etd):
    return {
        "rajaongkir": {
            "status": {"code": 200, "description": "OK"},
            "results": [
                {
                    "code": code,
                    "name": code.upper(),
                    "costs": [
                        {
                            "service": "OKE",
                            "description": "Ongkos Kirim Ekonomis",
                            "cost": [{"value": 1, "etd": "9-9", "note": ""}],
                        },
                        {
                            "service": service,
                            "description": "Layanan Reguler",
                            "cost": [{"value": value, "etd": etd, "note": ""}],
                        },
                    ],
                }
            ],
        }
    }


class _RajaOngkirStub(BaseHTTPRequestHandler):
    """``POST /cost`` in RajaOngkir's shape: 1,000 rupiah per 100 g for every
    courier, after ``server.delay`` seconds."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        self.server.requests.append((self.path, self.headers.get("key"), form))
        time.sleep(self.server.delay)
        courier = form.get("courier", "")
        service = self.server.services.get(courier, "REG")
        value = int(form.get("weight", "0")) * 10
        status = 200
        if courier in self.server.refused:
            # RajaOngkir's answer to a courier the plan does not offer.
            status = 400
            body = json.dumps(
                {"rajaongkir": {"status": {"code": 400, "description": "Invalid"}}}
            ).encode()
        else:
            answer = _rajaongkir_answer(courier, service, value, "4-6")
            body = json.dumps(answer).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            self.server.abandoned += 1  # the client gave up waiting

    def log_message(self, *args):
        pass


@tagged("post_install", "-at_install")
class TestShipping(HttpCase, KoperasiEcommerceCommon):
    """Couriers at checkout through website_sale's own JSON routes, the rate
    service connector and the tracking number on the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carriers = {
            name: cls.env.ref(f"koperasi_ecommerce.delivery_carrier_{name}")
            for name in COURIERS
        }
        for carrier in cls.carriers.values():
            carrier.write({"is_published": True, "free_over": False, "margin": 0})
        cls.abon.weight = 0.4
        cls.kerupuk.weight = 0.3
        cls.jakarta = cls.env.ref("base.state_id_jk")
        # name: (first kg, next kg, etd min, etd max)
        cls.jaksel_rates = {
            "jne_reg": (19000, 19000, 2, 3),
            "jnt_ez": (17000, 17000, 2, 4),
            "sicepat_reg": (18500, 18500, 1, 2),
            "pos_kilat": (16000, 14000, 3, 5),
        }
        cls.jakarta_rates = {
            "jne_reg": (20000, 20000, 2, 3),
            "jnt_ez": (18000, 18000, 2, 4),
            "sicepat_reg": (19500, 19500, 1, 2),
            "pos_kilat": (21000, 21000, 3, 5),
        }
        cls.rows = {}
        for city, rates in (
            ("Jakarta Selatan", cls.jaksel_rates),
            (False, cls.jakarta_rates),
        ):
            for name, values in rates.items():
                cls.rows[name, city] = cls._rate_row(name, cls.jakarta, city, values)
        # The province of the shop: the checkout tour's destination.
        cls.probolinggo_rates = {
            "jne_reg": (7000, 7000, 1, 2),
            "jnt_ez": (6000, 6000, 1, 2),
            "sicepat_reg": (7000, 7000, 1, 1),
            "pos_kilat": (6500, 5000, 1, 3),
        }
        for name, values in cls.probolinggo_rates.items():
            cls._rate_row(name, cls.env.ref("base.state_id_ji"), "Probolinggo", values)

    @classmethod
    def _rate_row(cls, name, state, city, values):
        Rate = cls.env["koperasi.shipping.rate"]
        first, following, etd_min, etd_max = values
        vals = {
            "price_first_kg": first,
            "price_next_kg": following,
            "etd_min": etd_min,
            "etd_max": etd_max,
            "courier_city_code": False,
        }
        row = Rate.search(
            [
                ("company_id", "=", cls.company.id),
                ("carrier_id", "=", cls.carriers[name].id),
                ("state_id", "=", state.id),
                ("city", "=ilike", city) if city else ("city", "=", False),
            ],
            limit=1,
        )
        if row:
            row.write(vals)
            return row
        return Rate.create(
            {
                **vals,
                "company_id": cls.company.id,
                "carrier_id": cls.carriers[name].id,
                "state_id": state.id,
                "city": city,
            }
        )

    def setUp(self):
        super().setUp()
        shipping.clear_cache()
        self.addCleanup(shipping.clear_cache)

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # The stub rate service on this machine, with the connector's own
        # timeout (the test framework raises short timeouts to 10 s).
        if url_parse(r.url).host == "127.0.0.1" and url_parse(r.url).path == "/cost":
            return _super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    # --- helpers -------------------------------------------------------

    def _move_shopper(self, city, state):
        self.shopper.partner_id.write({"city": city, "state_id": state.id})

    def _fill_cart(self):
        """As the shopper: 2 abon (0.8 kg) and 3 kerupuk (0.9 kg): 2 kg."""
        self.authenticate("kec_shopper", "kec_shopper")
        for template, qty in ((self.abon, 2), (self.kerupuk, 3)):
            self.make_jsonrpc_request(
                "/shop/cart/update_json",
                {"product_id": template.product_variant_id.id, "add_qty": qty},
            )
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.shopper.partner_id.id), ("state", "=", "draft")],
            order="id desc",
            limit=1,
        )
        self.assertEqual(order.amount_untaxed, 2 * 100000 + 3 * 20000)
        return order

    def _offered(self):
        """``{carrier: rate answer}`` of the couriers /shop/delivery_methods lists."""
        page = html.fromstring(self.make_jsonrpc_request("/shop/delivery_methods"))
        offered = {}
        for name, carrier in self.carriers.items():
            items = page.xpath(
                f"//li[@name='o_delivery_method'][.//input[@data-dm-id='{carrier.id}']]"
            )
            if items:
                offered[name] = (
                    self.make_jsonrpc_request(
                        "/shop/get_delivery_rate", {"dm_id": carrier.id}
                    ),
                    {
                        badge
                        for badge in ("cheapest", "fastest")
                        if items[0].xpath(f".//*[hasclass('o_koperasi_{badge}')]")
                    },
                    " ".join(
                        items[0].xpath(".//*[hasclass('o_koperasi_etd')]//text()")
                    ).strip(),
                )
        return offered

    # --- checkout ------------------------------------------------------

    def test_checkout_jakarta_selatan_uses_the_city_rows(self):
        self._move_shopper("Jakarta Selatan", self.jakarta)
        order = self._fill_cart()
        offered = self._offered()
        self.assertEqual(set(offered), set(COURIERS))
        # 2 kg: the first kg plus one more.
        expected = {
            name: first + following
            for name, (first, following, _emin, _emax) in self.jaksel_rates.items()
        }
        self.assertEqual(
            {name: rate["price"] for name, (rate, *_rest) in offered.items()},
            expected,
        )
        self.assertEqual(expected["pos_kilat"], 30000)
        self.assertEqual(offered["pos_kilat"][1], {"cheapest"})
        self.assertEqual(offered["sicepat_reg"][1], {"fastest"})
        self.assertEqual(offered["jne_reg"][1], set())
        self.assertEqual(offered["sicepat_reg"][2], "Delivered in 1-2 days")
        self.assertEqual(offered["pos_kilat"][2], "Delivered in 3-5 days")
        # Choosing a courier puts its price on the order.
        summary = self.make_jsonrpc_request(
            "/shop/set_delivery_method", {"dm_id": self.carriers["sicepat_reg"].id}
        )
        self.assertTrue(summary["success"])
        self.assertEqual(order.carrier_id, self.carriers["sicepat_reg"])
        self.assertEqual(order.amount_delivery, 37000)
        self.assertEqual(order.amount_total, 260000 + 37000)

    def test_checkout_other_jakarta_city_uses_the_province_rows(self):
        self._move_shopper("jakarta timur", self.jakarta)
        self._fill_cart()
        offered = self._offered()
        expected = {
            name: first + following
            for name, (first, following, _emin, _emax) in self.jakarta_rates.items()
        }
        self.assertEqual(
            {name: rate["price"] for name, (rate, *_rest) in offered.items()},
            expected,
        )
        self.assertEqual(offered["jnt_ez"][1], {"cheapest"})
        self.assertEqual(offered["sicepat_reg"][1], {"fastest"})

    def test_checkout_without_rate_says_so(self):
        self.rows["jne_reg", False].active = False
        self._move_shopper("Jakarta Barat", self.jakarta)
        self._fill_cart()
        rate = self.make_jsonrpc_request(
            "/shop/get_delivery_rate", {"dm_id": self.carriers["jne_reg"].id}
        )
        self.assertFalse(rate["success"])
        self.assertEqual(
            rate["error_message"],
            "JNE REG does not deliver to Jakarta Barat, Jakarta yet.",
        )

    # --- rate service ----------------------------------------------------

    def _stub(self, delay=0.0):
        server = ThreadingHTTPServer(("127.0.0.1", 0), _RajaOngkirStub)
        server.daemon_threads = True
        server.requests = []
        server.abandoned = 0
        server.delay = delay
        server.refused = set()
        server.services = {
            "jne": "REG",
            "jnt": "EZ",
            "sicepat": "REG",
            "pos": "Paket Kilat Khusus",
        }
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        self.company.write(
            {
                "koperasi_courier_api_enabled": True,
                "koperasi_courier_api_url": f"http://127.0.0.1:{server.server_port}",
                "koperasi_courier_api_key": "kunci-uji",
                "koperasi_courier_origin_code": "369",
            }
        )
        self.rows["jne_reg", "Jakarta Selatan"].courier_city_code = "153"
        return server

    def test_rate_service_price_is_used(self):
        server = self._stub()
        self._move_shopper("Jakarta Selatan", self.jakarta)
        self._fill_cart()
        rate = self.make_jsonrpc_request(
            "/shop/get_delivery_rate", {"dm_id": self.carriers["jne_reg"].id}
        )
        # 2 kg = 2,000 g at the stub's 10 rupiah a gram.
        self.assertTrue(rate["success"])
        self.assertEqual(rate["price"], 20000)
        self.assertEqual(rate["koperasi_etd"], [4, 6])
        self.assertEqual(
            server.requests,
            [
                (
                    "/cost",
                    "kunci-uji",
                    {
                        "origin": "369",
                        "destination": "153",
                        "weight": "2000",
                        "courier": "jne",
                    },
                )
            ],
        )
        # A row without a city id keeps the table's price.
        rate = self.make_jsonrpc_request(
            "/shop/get_delivery_rate", {"dm_id": self.carriers["jnt_ez"].id}
        )
        self.assertEqual(rate["price"], 34000)

    def test_a_refused_question_leaves_the_service_on_for_the_others(self):
        server = self._stub()
        server.refused.add("jnt")
        self.rows["jnt_ez", "Jakarta Selatan"].courier_city_code = "153"
        self._move_shopper("Jakarta Selatan", self.jakarta)
        self._fill_cart()
        with self.assertLogs(
            "odoo.addons.koperasi_ecommerce.models.delivery_carrier", "WARNING"
        ):
            rate = self.make_jsonrpc_request(
                "/shop/get_delivery_rate", {"dm_id": self.carriers["jnt_ez"].id}
            )
        # J&T from the table, JNE still from the service right after.
        self.assertEqual(rate["price"], 34000)
        rate = self.make_jsonrpc_request(
            "/shop/get_delivery_rate", {"dm_id": self.carriers["jne_reg"].id}
        )
        self.assertEqual(rate["price"], 20000)
        self.assertEqual([r[2]["courier"] for r in server.requests], ["jnt", "jne"])

    def test_rate_service_timeout_falls_back_to_the_table(self):
        server = self._stub(delay=3.0)
        self.env["ir.config_parameter"].set_param(COURIER_API_TIMEOUT_PARAM, "0.3")
        self._move_shopper("Jakarta Selatan", self.jakarta)
        self._fill_cart()
        with self.assertLogs(
            "odoo.addons.koperasi_ecommerce.models.delivery_carrier", "WARNING"
        ) as logs:
            started = time.monotonic()
            rate = self.make_jsonrpc_request(
                "/shop/get_delivery_rate", {"dm_id": self.carriers["jne_reg"].id}
            )
        self.assertLess(time.monotonic() - started, 2.5)
        self.assertTrue(rate["success"])
        self.assertEqual(rate["price"], 38000)
        self.assertIn("the rate table is used", logs.output[0])
        self.assertEqual(len(server.requests), 1)

    # --- tracking --------------------------------------------------------

    def test_tracking_number_on_the_portal(self):
        carrier = self.carriers["sicepat_reg"]
        carrier.tracking_url = (
            "https://kurir.example/lacak?resi=<shipmenttrackingnumber>"
        )
        self._move_shopper("Jakarta Selatan", self.jakarta)
        order, _tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 1)]
        )
        order.set_delivery_line(carrier, 18500)
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.carrier_id, carrier)
        # 0.4 kg: 1 kg at the exact price, no tracking number: staff type the resi.
        self.assertEqual(
            carrier.send_shipping(picking),
            [{"exact_price": 18500, "tracking_number": False}],
        )
        picking.carrier_tracking_ref = "SCP0012345678"
        self._deliver(order)

        self.authenticate("kec_shopper", "kec_shopper")
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertEqual(response.status_code, 200)
        tracking = html.fromstring(response.text).xpath(
            "//*[hasclass('o_koperasi_tracking')]"
        )
        self.assertEqual(len(tracking), 1)
        self.assertIn("SiCepat REG", tracking[0].text_content())
        self.assertEqual(
            tracking[0].xpath(".//a/@href"),
            ["https://kurir.example/lacak?resi=SCP0012345678"],
        )
        self.assertIn("SCP0012345678", tracking[0].text_content())

        self.authenticate("kec_member", "kec_member")
        response = self.url_open(f"/my/orders/{order.id}", allow_redirects=False)
        self.assertIn(response.status_code, (303, 403, 404))
        self.assertNotIn("SCP0012345678", response.text)

    # --- access ----------------------------------------------------------

    def test_rate_table_access(self):
        Rate = self.env["koperasi.shipping.rate"]
        vals = {
            "carrier_id": self.carriers["jne_reg"].id,
            "state_id": self.env.ref("base.state_id_ba").id,
            "city": "Denpasar",
            "price_first_kg": 21000,
            "price_next_kg": 20000,
        }
        row = Rate.with_user(self.store_manager).create(vals)
        row.with_user(self.manager).price_first_kg = 22000
        self.assertEqual(row.with_user(self.officer).price_first_kg, 22000)
        with self.assertRaises(AccessError):
            row.with_user(self.officer).price_first_kg = 1
        with self.assertRaises(AccessError):
            row.with_user(self.shopper).read(["price_first_kg"])
        with self.assertRaises(ValidationError):
            Rate.create({**vals, "city": " denpasar "})
        with self.assertRaises(ValidationError):
            row.etd_min = row.etd_max + 1
        # Another cooperative's rows are neither seen nor used.
        other = self.env["res.company"].create({"name": "Koperasi Lain"})
        Rate.create({**vals, "company_id": other.id, "price_first_kg": 1000})
        self.assertEqual(
            Rate.with_user(self.manager).search_count([("city", "=", "Denpasar")]), 1
        )
        partner = self.env["res.partner"].create(
            {
                "name": "Pembeli Bali",
                "city": "Denpasar",
                "state_id": vals["state_id"],
                "country_id": self.env.ref("base.id").id,
            }
        )
        quote = self.carriers["jne_reg"]._koperasi_quote(partner, self.company, 1.2)
        self.assertEqual(quote["price"], 42000)

    # --- tour ------------------------------------------------------------

    def test_tour_shopper_picks_a_courier(self):
        self.start_tour(
            self.abon.website_url, "koperasi_shipping_checkout", login="kec_shopper"
        )
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.shopper.partner_id.id)], order="id desc", limit=1
        )
        # 1 abon of 0.4 kg: 1 kg to Probolinggo by SiCepat.
        self.assertEqual(order.carrier_id, self.carriers["sicepat_reg"])
        self.assertEqual(order.amount_delivery, 7000)
        self.assertEqual(order.amount_total, 107000)
