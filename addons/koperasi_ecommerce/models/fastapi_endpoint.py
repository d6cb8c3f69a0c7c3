from fastapi import APIRouter

from odoo import models

from odoo.addons.koperasi_membership.models.fastapi_endpoint import MEMBER_APP

from ..routers import shop_router


class FastapiEndpoint(models.Model):
    _inherit = "fastapi.endpoint"

    def _get_fastapi_routers(self) -> list[APIRouter]:
        routers = super()._get_fastapi_routers()
        if self.app == MEMBER_APP:
            routers = [*routers, shop_router]
        return routers
