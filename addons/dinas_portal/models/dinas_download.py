from odoo import fields, models


class DinasDownloadCategory(models.Model):
    _name = "dinas.download.category"
    _description = "Download Category"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    download_ids = fields.One2many("dinas.download", "category_id")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )


class DinasDownload(models.Model):
    _name = "dinas.download"
    _description = "Downloadable File"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one(
        "dinas.download.category", required=True, check_company=True
    )
    description = fields.Text(translate=True)
    file = fields.Binary(required=True, attachment=True)
    filename = fields.Char()
    website_published = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
