from odoo import fields, models


class DinasProgramme(models.Model):
    _name = "dinas.programme"
    _description = "Programme"
    _order = "year desc, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    year = fields.Integer(required=True)
    description = fields.Text(translate=True)
    image = fields.Image(max_width=1024, max_height=1024)
    show_in_gallery = fields.Boolean(
        string="In Gallery", help="Show the picture in the public gallery."
    )
    website_published = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
