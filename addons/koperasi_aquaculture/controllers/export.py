from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import content_disposition, request

from odoo.addons.koperasi_base.tools.inputs import parse_ids


class AquacultureExport(http.Controller):
    @http.route("/koperasi_aquaculture/batches.xlsx", type="http", auth="user")
    def batches_xlsx(self, ids="", **kw):
        try:
            batch_ids = parse_ids(request.env, ids)
        except ValidationError:
            return request.not_found()
        batches = request.env["aquaculture.batch"].browse(batch_ids).exists()
        if not batches:
            return request.not_found()
        content = batches._export_xlsx()
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition("batches.xlsx")),
            ],
        )
