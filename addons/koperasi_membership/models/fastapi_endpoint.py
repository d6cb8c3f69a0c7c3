from typing import Any

from fastapi import APIRouter
from starlette.middleware import Middleware

from odoo import fields, models

from odoo.addons.fastapi.dependencies import authenticated_partner_impl

from ..routers import auth_router, member_router
from ..routers.dependencies import (
    RequestErrorMiddleware,
    authenticated_member_partner,
)

MEMBER_APP = "koperasi_member"


class FastapiEndpoint(models.Model):
    """The member app's API (MyKoperasi): ``/api/v1``.

    Other addons add their routers to the app by extending
    ``_get_fastapi_routers`` (savings and loans, the shop).
    """

    _inherit = "fastapi.endpoint"

    app = fields.Selection(
        selection_add=[(MEMBER_APP, "Koperasi Member App")],
        ondelete={MEMBER_APP: "cascade"},
    )

    def _get_fastapi_routers(self) -> list[APIRouter]:
        if self.app == MEMBER_APP:
            return [auth_router, member_router]
        return super()._get_fastapi_routers()

    def _get_app(self):
        app = super()._get_app()
        if self.app == MEMBER_APP:
            # Routes depending on OCA's authenticated_partner(_env) get the
            # member's contact in an environment of the member's user.
            app.dependency_overrides[authenticated_partner_impl] = (
                authenticated_member_partner
            )
        return app

    def _get_fastapi_app_middlewares(self) -> list[Middleware]:
        middlewares = super()._get_fastapi_app_middlewares()
        if self.app == MEMBER_APP:
            middlewares = [*middlewares, Middleware(RequestErrorMiddleware)]
        return middlewares

    def _prepare_fastapi_app_params(self) -> dict[str, Any]:
        params = super()._prepare_fastapi_app_params()
        if self.app == MEMBER_APP:
            params["version"] = "1"
        return params
