from odoo import http
from odoo.http import content_disposition, request


class AquacultureExport(http.Controller):
    @http.route("/koperasi_aquaculture/batches.xlsx", type="http", auth="user")
    def batches_xlsx(self, ids="", **kw):
        try:
            batch_ids = [int(i) for i in ids.split(",") if i.strip()]
        except ValueError:
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
