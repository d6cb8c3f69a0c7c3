"""The showcase personas, as people use the suite.

Each addon's ``test_personas`` logs in with the credentials the README and
``scripts/demo.sh`` print (the password is the login), through Odoo's login
form, and does the persona's main job the way the browser does it: pages
and forms for the portal, the web client's JSON-RPC calls for the backend.
Every page must answer 200 (no 403, 404 or 500), and on a database whose
persona reads Bahasa Indonesia (the showcase) no English word of the
suite's interface may be left on the pages they visit.

The personas come from the addons' showcase (demo) data. The persona tests
carry the tag ``koperasi_showcase``: the test command runs them on the
showcase database it builds like ``scripts/demo.sh``.
"""

import json
import re

from lxml import html

from odoo.tests import HttpCase

# Words of the suite's interface that must not stay English on a page shown
# in Bahasa Indonesia (whole words, in the page's main content).
ENGLISH_WORDS = (
    "Amount",
    "Apply",
    "Balance",
    "Capital",
    "Date",
    "Download",
    "Instalment",
    "Interest",
    "Loan",
    "Loans",
    "Member",
    "My",
    "Outstanding",
    "Request",
    "Savings",
    "Send",
    "Submit",
    "Withdraw",
    "Withdrawal",
    "Year",
)


class PersonaCase(HttpCase):
    def setUp(self):
        super().setUp()
        # The personas' browsers ask for Bahasa Indonesia, as their phones do.
        self.opener.headers["Accept-Language"] = "id-ID,id;q=0.9"
        self.user = None
        self.lang = None
        # People take seconds to fill a form; the tests post at once.
        self.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_min_seconds", 0
        )

    # ------------------------------------------------------------------
    # Logging in and out
    # ------------------------------------------------------------------
    def persona(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, f"the showcase has no login {login}")
        return user

    def log_in(self, login):
        """Log in through /web/login with the documented password."""
        self.log_out()
        user = self.persona(login)
        page = self.url_open("/web/login")
        self.assertEqual(page.status_code, 200)
        token = html.fromstring(page.content).xpath(
            "//form[contains(@class, 'oe_login_form')]//input[@name='csrf_token']/@value"
        )[0]
        response = self.url_open(
            "/web/login",
            data={
                "login": login,
                "password": login,
                "csrf_token": token,
                "redirect": "/my" if user._is_portal() else "/odoo",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(
            "oe_login_form", response.text, f"{login} could not log in with {login}"
        )
        self.user = user
        self.lang = user.lang
        return user

    def log_out(self):
        self.opener.cookies.clear()
        self.user = None
        self.lang = None

    # ------------------------------------------------------------------
    # Pages and calls
    # ------------------------------------------------------------------
    def visit(self, url, data=None, files=None, check_words=True):
        """Open ``url`` (or post ``data`` to it) as the logged-in persona;
        fail on any answer but 200 and on English words left on a page in
        Bahasa Indonesia."""
        if data is not None:
            data = {"csrf_token": self._csrf(), **data}
        response = self.url_open(url, data=data, files=files)
        self.assertEqual(
            response.status_code,
            200,
            f"{url} answered {response.status_code} to "
            f"{self.user.login if self.user else 'a visitor'}",
        )
        if (
            check_words
            and "html" in response.headers.get("Content-Type", "")
            and self._page_lang(response) == "id"
        ):
            self.assertNoEnglish(response, url)
        return response

    @staticmethod
    def form_values(response, xpath):
        """The values a browser would send from the form at ``xpath`` as
        the page filled it (inputs, selected options, text areas)."""
        form = html.fromstring(response.content).xpath(xpath)[0]
        values = {}
        for field in form.xpath(".//input[@name]|.//textarea[@name]"):
            if (
                field.get("type") in ("checkbox", "radio")
                and field.get("checked") is None
            ):
                continue
            values[field.get("name")] = field.get("value") or field.text or ""
        for select in form.xpath(".//select[@name]"):
            options = select.xpath(".//option[@selected]") or select.xpath(".//option")
            values[select.get("name")] = options[0].get("value") if options else ""
        return form.get("action"), values

    def _csrf(self):
        page = self.url_open("/my" if self.user else "/")
        tokens = re.findall(r"csrf_token[^a-z0-9]+([0-9a-f]{40}o[0-9]+)", page.text)
        self.assertTrue(tokens, "no CSRF token on the page")
        return tokens[0]

    @staticmethod
    def _page_lang(response):
        match = re.search(r'<html[^>]* lang="([a-z]{2})', response.text)
        return match.group(1) if match else None

    @staticmethod
    def page_text(response):
        """The text a person reads in the page's main content, spaces
        collapsed (no-break spaces included)."""
        tree = html.fromstring(response.content)
        for bad in tree.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        main = tree.xpath("//main") or tree.xpath("//*[@id='wrap']") or [tree]
        return " ".join(main[0].text_content().replace("\xa0", " ").split())

    def assertNoEnglish(self, response, url):
        title = html.fromstring(response.content).xpath("string(//head/title)")
        text = f"{title} {self.page_text(response)}"
        left = sorted(
            {word for word in ENGLISH_WORDS if re.search(rf"\b{word}\b", text)}
        )
        self.assertFalse(left, f"English words left on {url}: {left}")

    def rpc(self, model, method, *args, **kwargs):
        """Call a model method as the web client does (JSON-RPC), as the
        logged-in persona. Returns the result, or raises AssertionError with
        the server's message when the call is refused."""
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": {
                            **kwargs,
                            "context": {"lang": self.lang, **kwargs.get("context", {})},
                        },
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        if "error" in body:
            raise RpcRefused(body["error"]["data"]["message"])
        return body["result"]


class RpcRefused(Exception):
    """The server refused a JSON-RPC call with a message for the user."""
