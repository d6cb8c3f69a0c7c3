from odoo import api, models
from odoo.exceptions import AccessDenied


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _koperasi_member_api_login(self, login, password):
        """The user whose ``login`` and ``password`` these are, else
        ``AccessDenied``: Odoo's own check as for RPC (``_login``: the login
        cooldown, the password hash; a user with two-factor authentication
        signs in with an API key only), in the request's transaction."""
        users = self.sudo()
        with users._assert_can_auth(user=login):
            user = users.search(
                users._get_login_domain(login),
                order=users._get_login_order(),
                limit=1,
            )
            if not user:
                raise AccessDenied()
            try:
                user.with_user(user)._check_credentials(
                    {"type": "password", "login": login, "password": password},
                    {"interactive": False},
                )
            except ValueError as error:
                # A value PostgreSQL refuses (a NUL) is no one's password.
                raise AccessDenied() from error
        return user.sudo(False)
