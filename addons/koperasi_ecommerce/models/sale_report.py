from odoo import fields, models


class SaleReport(models.Model):
    _inherit = "sale.report"

    koperasi_producer_id = fields.Many2one(
        "koperasi.producer", string="Producer", readonly=True
    )
    koperasi_business_unit_id = fields.Many2one(
        "koperasi.business.unit", string="Business Unit", readonly=True
    )

    def _select_additional_fields(self):
        res = super()._select_additional_fields()
        res["koperasi_producer_id"] = "t.koperasi_producer_id"
        res["koperasi_business_unit_id"] = "t.koperasi_business_unit_id"
        return res

    def _group_by_sale(self):
        res = super()._group_by_sale()
        return f"{res}, t.koperasi_producer_id, t.koperasi_business_unit_id"
