from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def _get_routing_map_last_version(self):
        """The version of the routes of OCA's endpoint_route_handler (the
        member API's), read once per request.

        endpoint_route_handler keys Odoo's routing map on this version and
        reads it from the database whenever the map is asked for, and a
        website page asks for it for every link it renders: a query per link
        on every page of the portal, the shop and the Dinas site. Within one
        request the routes do not change.
        """
        if not request or request.db != self.env.cr.dbname:
            return super()._get_routing_map_last_version()
        version = getattr(request, "_koperasi_endpoint_route_version", None)
        if version is None:
            version = super()._get_routing_map_last_version()
            request._koperasi_endpoint_route_version = version
        return version
