import datetime

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.base.models.res_users import (
    API_KEY_SIZE,
    INDEX_SIZE,
    KEY_CRYPT_CONTEXT,
)

# The scope of the member app's tokens: they open /api/v1 and nothing else
# (RPC takes global keys only).
MEMBER_API_SCOPE = "koperasi.member.api"
# Days a token lasts; System Parameter koperasi_membership.api_token_days.
TOKEN_DAYS = 30
_HEX = frozenset("0123456789abcdef")


class ResUsersApikeys(models.Model):
    _inherit = "res.users.apikeys"

    @api.model
    def _koperasi_member_api_issue(self, user, device=""):
        """A new member-app token of ``user`` and its expiry.

        The key is Odoo's own API key, held by the member's user (a portal
        user may hold keys; only the wizard is kept to internal users): it is
        generated as that user, in sudo only to allow the app's duration
        beyond the portal group's default of one day.
        """
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("koperasi_membership.api_token_days", TOKEN_DAYS)
        )
        expiry = fields.Datetime.now() + datetime.timedelta(days=max(days, 1))
        name = self.env._("MyKoperasi app")
        if device:
            name = f"{name} ({device})"
        key = (
            self.with_user(user).sudo()._generate(MEMBER_API_SCOPE, name[:100], expiry)
        )
        return key, expiry

    @api.model
    def _koperasi_member_api_check(self, key):
        """``(key id, user id)`` of a valid, unexpired member-app token of an
        active user, else ``None``.

        The same check as ``_check_credentials`` (index, then the hash), but
        the scope must be the app's (not a global key) and the key's id is
        returned: requests are counted per token and a token is revoked alone.
        """
        if (
            not isinstance(key, str)
            or len(key) != 2 * API_KEY_SIZE
            or not set(key) <= _HEX
        ):
            return None
        self.env.cr.execute(
            SQL(
                """
                SELECT k.id, k.user_id, k.key
                  FROM %s k
                  JOIN res_users u ON u.id = k.user_id
                 WHERE u.active
                   AND k.index = %s
                   AND k.scope = %s
                   AND k.expiration_date >= now() at time zone 'utc'
                """,
                SQL.identifier(self._table),
                key[:INDEX_SIZE],
                MEMBER_API_SCOPE,
            )
        )
        for key_id, user_id, hashed in self.env.cr.fetchall():
            if KEY_CRYPT_CONTEXT.verify(key, hashed):
                return key_id, user_id
        return None

    @api.model
    def _koperasi_member_api_revoke(self, key_id, user):
        """Revoke the token ``key_id`` of ``user`` (the member signs out)."""
        keys = (
            self.with_user(user)
            .sudo()
            .search([("id", "=", key_id), ("user_id", "=", user.id)])
        )
        keys._remove()
