"""Hostile input on every route of an addon, as the internet sends it.

Each addon's ``test_hostile_input`` subclasses :class:`HostileInputCase`: the
routes come from Odoo's routing map (a route added later is covered without
editing any test); every query parameter of a route, every field of the forms
its pages show and every ``<int:...>``/``<string:...>`` part of its URL gets
each value of :data:`HOSTILE_VALUES` in turn, as each persona of the addon
(an anonymous visitor and the portal roles). A request fails the test when it
answers a server error (500, or a JSON-RPC error that is not a message for
the user), when the server logs an error, and, at the end, when a control
character was stored in any text field of the addon's models.
"""

import inspect
import json
import logging
import re
import threading
from urllib.parse import quote, urlsplit

from lxml import html

from odoo.tests import HttpCase

HOSTILE_VALUES = (
    "\x00",
    "nama\x00lengkap",
    "\x1b[31m\x07\x08",
    "A" * 10000,
    "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10\uff11\uff12\uff13\uff14\uff15\uff16",
    "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665\u0666",
    "\U0001f41f\u202eKOPERASI\u200f",
    "nan",
    "inf",
    "-1",
    "0",
    "1e30",
    str(10**20),
    "9" * 40,
    "0000-00-00",
    "9999-12-31",
    "<script>alert(1)</script>",
    "'; DROP TABLE res_users; --",
)
# What an int part of a URL may carry (the converter takes digits only).
HOSTILE_IDS = ("0", str(10**20), "9" * 40)
# The challenge every public form carries (koperasi_base's template
# form_challenge, read by koperasi.form.throttle): one piece of code whatever
# the form, so its field is walked on the first form of each persona only.
SHARED_FORM_FIELDS = frozenset({"kop_form_ts"})
# Exceptions that reach the user as a message, not as a server error.
USER_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.AccessDenied",
    "werkzeug.exceptions.NotFound",
    "werkzeug.exceptions.BadRequest",
    "werkzeug.exceptions.Forbidden",
    "odoo.http.SessionExpiredException",
}
_logger = logging.getLogger(__name__)
_ARG = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
_CONTROL_SQL = "[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"


class _ErrorCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class HostileInputCase(HttpCase):
    """Walks the routes of ``addon`` with hostile values. Subclasses set
    ``addon`` and return their personas from :meth:`_personas` as
    ``(login or None, password)`` pairs."""

    addon = None
    # Routes (URL patterns) a subclass leaves out, with the reason in a comment.
    skip_routes = ()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Thousands of submissions from one address: the throttle (tested on
        # its own) would answer them all with its message instead of letting
        # each value reach the form's validation.
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("koperasi_base.form_limit_per_client", 10**6)
        params.set_param("koperasi_base.form_limit_total", 10**6)
        params.set_param("koperasi_base.form_min_seconds", 0)

    def _personas(self):
        return [(None, None)]

    @classmethod
    def _portal_user(cls, login):
        """A portal user whose password is ``login`` + ``_pw``."""
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": login.replace("_", " ").title(),
                    "login": login,
                    "email": f"{login}@example.com",
                    "password": f"{login}_pw",
                    "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
                }
            )
        )

    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------
    def _rules(self):
        prefix = f"odoo.addons.{self.addon}."
        seen = set()
        # The routing map is built for the current thread's database.
        threading.current_thread().dbname = self.env.cr.dbname
        for rule in self.env["ir.http"].routing_map().iter_rules():
            original = getattr(rule.endpoint, "original_endpoint", None)
            if not original or not original.__module__.startswith(prefix):
                continue
            if rule.rule in self.skip_routes or rule.rule in seen:
                continue
            seen.add(rule.rule)
            yield rule, original

    @staticmethod
    def _url(rule, replace=None):
        """The rule's URL with its parts filled: ids 1, strings "x", except the
        part named in ``replace`` = ``(name, value)``."""

        def fill(match):
            converter, name = match.group(1), match.group(2)
            if replace and replace[0] == name:
                return quote(replace[1], safe="")
            if converter == "string":
                return "x"
            return "1"

        return _ARG.sub(fill, rule.rule)

    @staticmethod
    def _query_params(rule, original):
        """The named parameters the endpoint takes besides its URL parts."""
        names = []
        for name, param in inspect.signature(original).parameters.items():
            if name == "self" or name in rule.arguments:
                continue
            if param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
                continue
            names.append(name)
        return names

    def _lang_url_codes(self):
        return set(
            self.env["res.lang"]
            .with_context(active_test=False)
            .search([])
            .mapped("url_code")
        )

    def _route_path(self, path):
        """The route of a link: without its query, nor the language's URL
        code a website in several languages puts in front (/en/dinas/...)."""
        path = path.split("?")[0].split("#")[0]
        first, __, rest = path[1:].partition("/")
        if first in self._lang_url_codes():
            path = f"/{rest}"
        return path

    def _site_prefix(self):
        """The language code the website puts in front of the current
        persona's pages (``/en`` for a persona reading English on an
        Indonesian website): the walk asks for the page itself, not for the
        redirect to it."""
        response = self.url_open("/", timeout=60)
        first = urlsplit(response.url).path[1:].partition("/")[0]
        return f"/{first}" if first and first in self._lang_url_codes() else ""

    def _is_own(self, path):
        """Whether a form's action is a route of the addon (the login form or
        the newsletter of a page are Odoo's own)."""
        adapter = self.env["ir.http"].routing_map().bind("localhost")
        try:
            endpoint, __ = adapter.match(self._route_path(path), method="POST")
        except Exception:
            return False
        original = getattr(endpoint, "original_endpoint", None)
        return bool(original) and original.__module__.startswith(
            f"odoo.addons.{self.addon}."
        )

    # ------------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------------
    def _check_response(self, response, what):
        self.assertLess(
            response.status_code, 500, f"{what}: HTTP {response.status_code}"
        )

    def _json(self, url, params, what):
        response = self.url_open(
            url,
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            ),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        self._check_response(response, what)
        try:
            error = response.json().get("error")
        except ValueError:
            return
        if error:
            name = (error.get("data") or {}).get("name")
            self.assertIn(name, USER_ERRORS, f"{what}: JSON-RPC {name}")

    def _csrf_token(self):
        """A CSRF token of the current session, from a page that has a form."""
        for page in (
            "/my/account",
            "/web/login",
            "/dinas/bukutamu",
            "/koperasi/daftar",
        ):
            response = self.url_open(page, timeout=60)
            match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
            if match:
                return match.group(1)
        return ""

    def _forms(self, url):
        """``[(action, {field: default})]`` of the POST forms of a page."""
        response = self.url_open(url, timeout=60)
        self._check_response(response, f"GET {url}")
        if response.status_code != 200 or "html" not in response.headers.get(
            "Content-Type", ""
        ):
            return []
        try:
            tree = html.fromstring(response.content)
        except (ValueError, html.etree.ParserError):
            return []
        forms = []
        for form in tree.xpath("//form[translate(@method, 'POST', 'post')='post']"):
            action = form.get("action") or url
            if not action.startswith("/") or action.startswith("//"):
                continue
            if not self._is_own(action):
                continue
            fields = {}
            for element in form.xpath(
                ".//input[@name]|.//select[@name]|.//textarea[@name]"
            ):
                name = element.get("name")
                kind = (element.get("type") or "").lower()
                if kind in ("file", "submit", "button", "image"):
                    continue
                if element.tag == "select":
                    options = element.xpath(".//option[@value!='']/@value")
                    fields[name] = options[0] if options else ""
                elif element.tag == "textarea":
                    fields[name] = element.text or "Teks uji"
                elif kind in ("checkbox", "radio"):
                    fields.setdefault(name, element.get("value") or "on")
                else:
                    fields[name] = element.get("value") or _sample(name, kind)
            forms.append((action.split("#")[0], fields))
        return forms

    def _walk(self):
        collector = _ErrorCollector()
        logging.getLogger("odoo").addHandler(collector)
        requests = 0
        try:
            for login, password in self._personas():
                if login:
                    self.authenticate(login, password)
                else:
                    self.authenticate(None, None)
                # A form shown on several pages (the guestbook on the
                # contact page too) is walked once per persona.
                walked_forms = set()
                walked_shared = set()
                prefix = self._site_prefix()
                for rule, original in self._rules():
                    routing = rule.endpoint.routing
                    methods = set(routing.get("methods") or ("GET", "POST"))
                    kind = routing.get("type", "http")
                    site = prefix if routing.get("website") else ""
                    url = self._url(rule)
                    # The URL's own parts.
                    for name in rule.arguments:
                        converter = type(rule._converters[name]).__name__
                        values = (
                            HOSTILE_IDS
                            if "Integer" in converter
                            else HOSTILE_VALUES
                            if "Unicode" in converter or "String" in converter
                            else ()
                        )
                        for value in values:
                            hostile_url = self._url(rule, (name, value))
                            if kind == "json":
                                self._json(hostile_url, {}, f"{login} {hostile_url}")
                            elif "GET" in methods:
                                hostile_url = site + hostile_url
                                response = self.url_open(hostile_url, timeout=60)
                                self._check_response(
                                    response, f"{login} GET {hostile_url}"
                                )
                            requests += 1
                    params = self._query_params(rule, original)
                    if kind == "json":
                        for name in params:
                            for value in HOSTILE_VALUES:
                                self._json(
                                    url,
                                    {name: value},
                                    f"{login} {url} {name}={value[:20]!r}",
                                )
                                requests += 1
                        continue
                    if "GET" not in methods:
                        # A POST-only route (its form lives on another
                        # addon's page): its parameters, posted as a form.
                        token = self._csrf_token()
                        for name in params:
                            for value in HOSTILE_VALUES:
                                response = self.url_open(
                                    url,
                                    data={name: value, "csrf_token": token},
                                    timeout=60,
                                )
                                self._check_response(
                                    response,
                                    f"{login} POST {url} {name}={value[:20]!r}",
                                )
                                requests += 1
                    if "GET" in methods:
                        for name in params:
                            for value in HOSTILE_VALUES:
                                target = f"{site}{url}?{name}={quote(value, safe='')}"
                                response = self.url_open(target, timeout=60)
                                self._check_response(
                                    response, f"{login} GET {target[:120]}"
                                )
                                requests += 1
                        forms = self._forms(site + url)
                    else:
                        forms = []
                    for action, fields in forms:
                        form_key = (self._route_path(action), tuple(sorted(fields)))
                        if form_key in walked_forms:
                            continue
                        walked_forms.add(form_key)
                        _logger.info(
                            "%s: %s form %s fields %s",
                            self.addon,
                            login,
                            action,
                            sorted(fields),
                        )
                        for name in list(fields):
                            if name == "csrf_token" or name in walked_shared:
                                continue
                            if name in SHARED_FORM_FIELDS:
                                walked_shared.add(name)
                            for value in HOSTILE_VALUES:
                                data = dict(fields, **{name: value})
                                response = self.url_open(action, data=data, timeout=60)
                                self._check_response(
                                    response,
                                    f"{login} POST {action} {name}={value[:20]!r}",
                                )
                                requests += 1
        finally:
            logging.getLogger("odoo").removeHandler(collector)
        errors = [
            f"{record.name}: {record.getMessage()[:300]}"
            for record in collector.records
            if not record.name.startswith("odoo.tests")
        ]
        _logger.info("%s: %s hostile requests", self.addon, requests)
        self.assertFalse(errors, "errors logged:\n" + "\n".join(errors[:20]))
        self._check_no_control_characters()
        return requests

    def _check_no_control_characters(self):
        modules = self.env["ir.model.data"].search(
            [("module", "=", self.addon), ("model", "=", "ir.model")]
        )
        models = self.env["ir.model"].browse(modules.mapped("res_id"))
        found = []
        for model in models:
            Model = self.env.get(model.model)
            if Model is None or Model._abstract or not Model._auto:
                continue
            for name, field in Model._fields.items():
                if field.type not in ("char", "text", "html") or not field.store:
                    continue
                column = f'"{name}"::text'
                self.env.cr.execute(
                    f'SELECT count(*) FROM "{Model._table}" WHERE {column} ~ %s',
                    [_CONTROL_SQL],
                )
                if self.env.cr.fetchone()[0]:
                    found.append(f"{model.model}.{name}")
        self.assertFalse(found, f"control characters stored in {found}")

    def test_hostile_input_on_every_route(self):
        self.assertTrue(list(self._rules()), f"{self.addon} has no route")
        requests = self._walk()
        self.assertGreater(requests, 0)


def _sample(name, kind):
    """A plausible value for a form field nobody filled in."""
    if kind == "email" or "email" in name:
        return "uji@example.com"
    if kind == "date" or "date" in name:
        return "2026-01-15"
    if kind == "number" or any(
        part in name for part in ("amount", "count", "year", "_id", "qty", "quantity")
    ):
        return "1"
    if name == "nik":
        return "3513104101800999"
    return "Uji"
