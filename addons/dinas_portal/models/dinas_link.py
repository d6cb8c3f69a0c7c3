from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import is_web_url


class DinasLink(models.Model):
    """A related link of the Dinas website (ministry, OSS, the regency)."""

    _name = "dinas.link"
    _description = "Related Link"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    url = fields.Char(string="URL", required=True)
    sequence = fields.Integer(default=10)
    website_published = fields.Boolean(string="Published", default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("url")
    def _check_url(self):
        for link in self:
            if not is_web_url(link.url):
                raise ValidationError(
                    self.env._(
                        "The address of the link %(name)s must start with http:// "
                        "or https:// and name a website.",
                        name=link.name,
                    )
                )

    @api.model
    def _website_links(self):
        """The published links of the current company, for the website
        (sudo: visitors have no access to the model; public fields only)."""
        return self.sudo().search_fetch(
            [
                ("company_id", "=", self.env.company.id),
                ("website_published", "=", True),
            ],
            ["name", "url"],
            limit=50,
        )
