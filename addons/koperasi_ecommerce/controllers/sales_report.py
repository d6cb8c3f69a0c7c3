from werkzeug.exceptions import BadRequest, Forbidden

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.koperasi_base.tools.inputs import parse_date

from ..tools.sales_xlsx import build_sales_workbook


class KoperasiSalesReport(http.Controller):
    @http.route("/koperasi_ecommerce/sales.xlsx", type="http", auth="user")
    def koperasi_sales_xlsx(self, date_from=None, date_to=None, **kw):
        """Monthly shop turnover by business unit, category and producer."""
        if not request.env.user.has_group(
            "koperasi_ecommerce.group_koperasi_ecommerce_officer"
        ):
            raise Forbidden()
        domain = [("website_id", "!=", False), ("state", "=", "sale")]
        try:
            date_from = parse_date(request.env, date_from)
            date_to = parse_date(request.env, date_to)
        except ValidationError as error:
            raise BadRequest(error.args[0]) from None
        if date_from:
            domain.append(("date", ">=", date_from))
        if date_to:
            domain.append(("date", "<", fields.Date.add(date_to, days=1)))
        report = request.env["sale.report"]
        _ = request.env._
        groups = report._read_group(
            domain,
            [
                "date:month",
                "koperasi_business_unit_id",
                "categ_id",
                "koperasi_producer_id",
            ],
            ["product_uom_qty:sum", "price_subtotal:sum", "price_total:sum"],
            order="date:month",
        )
        rows = [
            [
                month.strftime("%Y-%m") if month else "",
                unit.display_name or "",
                category.display_name or "",
                producer.display_name or "",
                qty,
                subtotal,
                total,
            ]
            for month, unit, category, producer, qty, subtotal, total in groups
        ]
        headers = [
            _("Month"),
            _("Business Unit"),
            _("Category"),
            _("Producer"),
            _("Quantity"),
            _("Untaxed Amount"),
            _("Total"),
        ]
        content = build_sales_workbook(
            _("Shop Sales"), headers, rows, money_columns=(5, 6)
        )
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", 'attachment; filename="shop-sales.xlsx"'),
            ],
        )
