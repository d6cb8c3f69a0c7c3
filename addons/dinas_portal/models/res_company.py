from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dinas_office_name = fields.Char(
        string="Office Name",
        default="Dinas Koperasi dan UKM Kabupaten Probolinggo",
        help="Printed on the letterhead and shown on the website.",
    )
    dinas_government_name = fields.Char(
        string="Government",
        default="Pemerintah Kabupaten Probolinggo",
        help="First line of the letterhead.",
    )
    dinas_city = fields.Char(
        string="Place of Signature",
        default="Probolinggo",
    )
