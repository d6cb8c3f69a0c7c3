import hashlib
import hmac
import math
import time
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# Defaults; System Parameters koperasi_base.form_limit_per_client and
# koperasi_base.form_limit_total change them.
LIMIT_PER_CLIENT = 10
LIMIT_TOTAL = 300
WINDOW = timedelta(hours=1)
# The challenge: a form posted sooner than this after its page was served,
# or from a page older than a day, is refused (System Parameter
# koperasi_base.form_min_seconds changes the first).
MIN_SECONDS = 3
MAX_SECONDS = 24 * 3600


class KoperasiFormThrottle(models.Model):
    """Submissions of the suite's public forms, counted per client address
    and overall: one mechanism for the membership form, the Dinas
    registration, guestbook and consultation.

    The client address is the request's ``remote_addr``: with
    ``proxy_mode`` on (the shipped deployment runs behind a proxy), Odoo
    takes it from the proxy's ``X-Forwarded-For``, so one visitor behind the
    proxy never locks the others out. A form checks it before it reads any
    upload.
    """

    _name = "koperasi.form.throttle"
    _description = "Public Form Submission"
    _log_access = False

    scope = fields.Char(required=True, index=True)
    client = fields.Char(required=True, index=True)
    create_date = fields.Datetime(default=fields.Datetime.now, index=True)

    @api.model
    def _limits(self, per_client):
        params = self.env["ir.config_parameter"].sudo()
        return (
            int(params.get_param("koperasi_base.form_limit_per_client", per_client)),
            int(params.get_param("koperasi_base.form_limit_total", LIMIT_TOTAL)),
        )

    @api.model
    def _hit(self, scope, client, per_client=LIMIT_PER_CLIENT):
        """Count one submission of ``scope`` from ``client``; refuse it with a
        clear message when the client (``per_client`` an hour), or everybody
        together, sent too many within the hour."""
        per_client, total = self._limits(per_client)
        Throttle = self.sudo()
        since = fields.Datetime.now() - WINDOW
        domain = [("scope", "=", scope), ("create_date", ">=", since)]
        if Throttle.search_count(domain, limit=total) >= total:
            raise ValidationError(
                self.env._(
                    "This form receives too many submissions right now. Please try "
                    "again in an hour."
                )
            )
        client = (client or "unknown")[:64]
        if (
            Throttle.search_count([*domain, ("client", "=", client)], limit=per_client)
            >= per_client
        ):
            raise ValidationError(
                self.env._(
                    "Too many submissions from your address. Please try again later."
                )
            )
        Throttle.create({"scope": scope, "client": client})

    @api.model
    def _hit_rate(self, scope, client, limit, window_seconds=60):
        """Count one request of ``client`` (an API token, a client address)
        to ``scope`` within a sliding window, in the submissions' table that
        every worker shares; returns the seconds to wait, 0 when the request
        may go on.

        One statement in its own short transaction: a request that then
        fails (a wrong password, an unknown id) still counts. Refused
        requests are not stored, so a client that insists keeps the table
        small.
        """
        now = fields.Datetime.now()
        since = now - timedelta(seconds=window_seconds)
        client = (client or "unknown")[:64]
        query = SQL(
            """
            WITH recent AS (
                SELECT count(*) AS hits, min(create_date) AS oldest
                  FROM koperasi_form_throttle
                 WHERE scope = %(scope)s
                   AND client = %(client)s
                   AND create_date >= %(since)s
            ), hit AS (
                INSERT INTO koperasi_form_throttle (scope, client, create_date)
                SELECT %(scope)s, %(client)s, %(now)s
                  FROM recent
                 WHERE hits < %(limit)s
            )
            SELECT hits, oldest FROM recent
            """,
            scope=scope,
            client=client,
            since=since,
            now=now,
            limit=limit,
        )
        if self.env.registry.in_test_mode():
            # Tests run all requests in one transaction, held by the request's
            # thread: a second cursor would wait for it forever.
            self.env.cr.execute(query)
            hits, oldest = self.env.cr.fetchone()
        else:
            with self.env.registry.cursor() as cr:
                cr.execute(query)
                hits, oldest = cr.fetchone()
        if hits < limit:
            return 0
        wait = (oldest - since).total_seconds() if oldest else window_seconds
        return max(1, math.ceil(wait))

    # ------------------------------------------------------------------
    # Captcha-free challenge
    # ------------------------------------------------------------------
    @api.model
    def _challenge_signature(self, stamp):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(
            (secret or "").encode(), f"koperasi-form:{stamp}".encode(), hashlib.sha256
        ).hexdigest()[:32]

    @api.model
    def form_challenge(self):
        """The value of a form's hidden ``kop_form_ts`` field: the moment the
        page was served, signed by the database. A browser sends it back; a
        script that posts the fields without loading the page has none, and
        one that posts at once is too fast for a person."""
        stamp = str(int(time.time()))
        return f"{stamp}.{self._challenge_signature(stamp)}"

    @api.model
    def _check_challenge(self, value):
        """Refuse a submission whose challenge is missing, forged, too fast
        or too old, with a message a person understands."""
        stamp, __, signature = str(value or "").partition(".")
        valid = stamp.isascii() and stamp.isdigit() and len(stamp) <= 12
        if valid:
            valid = hmac.compare_digest(
                signature.encode(), self._challenge_signature(stamp).encode()
            )
        minimum = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("koperasi_base.form_min_seconds", MIN_SECONDS)
        )
        age = time.time() - int(stamp) if valid else -1
        if not valid or age < minimum or age > MAX_SECONDS:
            raise ValidationError(
                self.env._(
                    "Please fill in the form on the page and send it again: it was "
                    "sent too quickly, or from a page that is too old."
                )
            )

    @api.autovacuum
    def _gc_old_submissions(self):
        self.sudo().search(
            [("create_date", "<", fields.Datetime.now() - 2 * WINDOW)]
        ).unlink()
