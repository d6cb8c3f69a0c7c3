from werkzeug.routing import IntegerConverter

from odoo import models
from odoo.http import Response, request

from ..tools.inputs import MAX_ID, has_control_characters


class BoundedIntegerConverter(IntegerConverter):
    """``<int:...>`` URL parts that fit the database: a 40-digit id answers
    404 like any unknown record, instead of an "integer out of range" error."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=None, signed=False):
        super().__init__(
            url_map,
            fixed_digits=fixed_digits,
            min=min,
            max=MAX_ID if max is None else max,
            signed=signed,
        )


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_converters(cls):
        return {**super()._get_converters(), "int": BoundedIntegerConverter}

    @classmethod
    def _serve_fallback(cls):
        """An address with control characters (a NUL, say) is nobody's page:
        answer 400 before the website looks for a page, an attachment or a
        redirect under it (a NUL cannot even be searched for)."""
        httprequest = request.httprequest
        uri = httprequest.environ.get("REQUEST_URI") or ""
        if has_control_characters(httprequest.path) or has_control_characters(
            httprequest.query_string.decode("latin-1") + uri
        ):
            return Response(
                request.env._(
                    "Bad request: the address holds characters that cannot be typed."
                ),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return super()._serve_fallback()
