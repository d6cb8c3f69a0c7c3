import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.koperasi_base.tests.hostile import HOSTILE_VALUES
from odoo.addons.mail.tests.common import mail_new_test_user

API = "/api/v1"


class MemberApiCase(HttpCase):
    """Helpers of the member app's API tests: tokens and JSON requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        # Many requests from one test: the limits are tested on their own.
        params.set_param("koperasi_membership.api_rate_limit", 10**6)
        params.set_param("koperasi_membership.api_login_rate_limit", 10**6)
        # Odoo's login cooldown per address (its own tests cover it) would
        # answer the logins after the tests' wrong passwords.
        params.set_param("base.login_cooldown_after", 0)

    def _api(
        self, method, path, token=None, body=None, headers=None, raw=None, params=None
    ):
        headers = dict(headers or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = raw
        if body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        elif raw is not None:
            headers.setdefault("Content-Type", "application/json")
        return self.opener.request(
            method,
            f"{self.base_url()}{API}{path}",
            data=data,
            params=params,
            headers=headers,
            timeout=60,
        )

    def _token(self, login, password=None):
        response = self._api(
            "POST",
            "/auth/token",
            body={"login": login, "password": password or login},
        )
        self.assertEqual(response.status_code, 200, response.text)
        return response.json()["access_token"]

    def _assert_error(self, response, status):
        self.assertEqual(response.status_code, status, response.text)
        detail = response.json()["detail"]
        self.assertIsInstance(detail, str)
        self.assertTrue(detail)
        return detail

    def _assert_no_server_error(self, response, what):
        self.assertLess(response.status_code, 500, f"{what}: {response.text[:300]}")

    def _app_routes(self):
        """``(path, method)`` of the routes of every router of the app."""
        endpoint = self.env.ref("koperasi_membership.fastapi_endpoint_member")
        return {
            (route.path, method)
            for router in endpoint._get_fastapi_routers()
            for route in router.routes
            if route.include_in_schema
            for method in route.methods
        }


@tagged("post_install", "-at_install")
class TestMemberApi(MemberApiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = mail_new_test_user(
            cls.env,
            login="kop_api_rina",
            name="Rina Anggota",
            email="rina.api@example.com",
            groups="base.group_portal",
        )
        cls.member = cls.env["koperasi.member"].create(
            {
                "partner_id": cls.user.partner_id.id,
                "nik": "3513010101907701",
                "state": "active",
            }
        )
        cls.stranger = mail_new_test_user(
            cls.env,
            login="kop_api_tamu",
            name="Tamu Bukan Anggota",
            email="tamu.api@example.com",
            groups="base.group_portal",
        )

    def test_token_profile_card_and_sign_out(self):
        response = self._api(
            "POST",
            "/auth/token",
            body={"login": self.user.login, "password": "wrong password"},
        )
        self._assert_error(response, 401)
        token = self._token(self.user.login)
        key = (
            self.env["res.users.apikeys"]
            .sudo()
            .search([("user_id", "=", self.user.id)])
        )
        self.assertEqual(key.scope, "koperasi.member.api")
        self.assertGreater(
            key.expiration_date, fields.Datetime.now() + timedelta(days=29)
        )

        profile = self._api("GET", "/me", token).json()
        self.assertEqual(profile["id"], self.member.id)
        self.assertEqual(profile["name"], "Rina Anggota")
        self.assertEqual(profile["state"], "active")
        card = self._api("GET", "/me/card", token).json()
        self.assertIn(
            f"/koperasi/verifikasi/{self.member.sudo().card_token}",
            card["verification_url"],
        )
        self.assertEqual(card["member_number"], self.member.member_number or None)
        capital = self._api("GET", "/capital", token).json()
        self.assertEqual(capital["total"], int(self.member.capital_total))
        self.assertIsInstance(capital["dues"], list)
        self.assertIsInstance(self._api("GET", "/shu", token).json(), list)
        self.assertIsInstance(self._api("GET", "/news", token).json(), list)

        response = self._api("DELETE", "/auth/token", token)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertFalse(key.exists())
        self._assert_error(self._api("GET", "/me", token), 401)

    def test_missing_bad_and_expired_tokens(self):
        self._assert_error(self._api("GET", "/me"), 401)
        self._assert_error(self._api("GET", "/me", "0" * 40), 401)
        self._assert_error(self._api("GET", "/me", "not a token"), 401)
        response = self._api("GET", "/me", headers={"Authorization": "Basic abc"})
        self._assert_error(response, 401)
        expired = (
            self.env["res.users.apikeys"]
            .with_user(self.user)
            .sudo()
            ._generate(
                "koperasi.member.api",
                "expired",
                fields.Datetime.now() - timedelta(days=1),
            )
        )
        self._assert_error(self._api("GET", "/me", expired), 401)
        # A key of another scope does not open the API.
        other = (
            self.env["res.users.apikeys"]
            .with_user(self.user)
            .sudo()
            ._generate("other.scope", "other", fields.Datetime.now() + timedelta(1))
        )
        self._assert_error(self._api("GET", "/me", other), 401)

    def test_non_member_gets_no_token(self):
        response = self._api(
            "POST",
            "/auth/token",
            body={"login": self.stranger.login, "password": self.stranger.login},
        )
        self._assert_error(response, 403)

    def test_rate_limit_per_token(self):
        token = self._token(self.user.login)
        self.env["ir.config_parameter"].sudo().set_param(
            "koperasi_membership.api_rate_limit", 3
        )
        for __ in range(3):
            self.assertEqual(self._api("GET", "/me", token).status_code, 200)
        response = self._api("GET", "/me", token)
        self._assert_error(response, 429)
        self.assertGreaterEqual(int(response.headers["Retry-After"]), 1)
        # Another token of the same member has its own count.
        self.assertEqual(
            self._api("GET", "/me", self._token(self.user.login)).status_code, 200
        )

    def test_login_rate_limit_counts_failures(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "koperasi_membership.api_login_rate_limit", 2
        )
        body = {"login": self.user.login, "password": "wrong"}
        for __ in range(2):
            self._assert_error(self._api("POST", "/auth/token", body=body), 401)
        self._assert_error(self._api("POST", "/auth/token", body=body), 429)

    def test_openapi_describes_every_route(self):
        response = self._api("GET", "/openapi.json")
        self.assertEqual(response.status_code, 200)
        spec = response.json()
        described = {
            (path, method.upper())
            for path, operations in spec["paths"].items()
            for method in operations
        }
        routes = self._app_routes()
        self.assertEqual(described, routes)
        for path in ("/auth/token", "/me", "/me/card", "/capital", "/shu", "/news"):
            self.assertIn(path, spec["paths"])
        for path, operations in spec["paths"].items():
            for method, operation in operations.items():
                what = f"{method.upper()} {path}"
                self.assertTrue(operation.get("summary"), what)
                success = [code for code in operation["responses"] if code < "300"]
                self.assertTrue(success, what)
                content = operation["responses"][success[0]].get("content", {})
                self.assertIn("schema", content.get("application/json", {}), what)
        self.assertIn("HTTPBearer", spec["components"]["securitySchemes"])
        self.assertIn({"HTTPBearer": []}, spec["paths"]["/me"]["get"]["security"])
        self.assertEqual(self._api("GET", "/docs").status_code, 200)

    def test_hostile_values_never_break_the_api(self):
        token = self._token(self.user.login)
        # Refused values are answers, not server errors with a traceback.
        with self.assertNoLogs("odoo.http", "ERROR"):
            for value in HOSTILE_VALUES:
                for body in (
                    {"login": value, "password": value},
                    {"login": self.user.login, "password": value, "device": value},
                    {"login": self.user.login, "password": value},
                ):
                    response = self._api("POST", "/auth/token", body=body)
                    self._assert_no_server_error(response, f"token {value!r}")
                for path in ("/capital", "/news"):
                    response = self._api(
                        "GET", path, token, params={"limit": value, "offset": value}
                    )
                    self._assert_no_server_error(response, f"{path} {value!r}")
                if value.isascii() and "\x00" not in value:
                    response = self._api(
                        "GET", "/me", headers={"Authorization": f"Bearer {value[:200]}"}
                    )
                    self._assert_no_server_error(response, f"header {value!r}")
            for raw in ("{", "NaN", '{"login": NaN, "password": 1e999}', "[]", "\x00"):
                response = self._api("POST", "/auth/token", raw=raw)
                self._assert_no_server_error(response, f"raw {raw!r}")
                self.assertEqual(response.status_code, 422, response.text)
                self.assertIsInstance(response.json()["detail"], str)
