from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import is_web_url


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
    dinas_blog_id = fields.Many2one(
        "blog.blog",
        string="News Blog",
        help="The blog of the Dinas news: the website's News link opens it, and "
        "visitors may comment on its posts (moderated). When empty, every blog "
        "accepts comments and News opens the list of blogs.",
    )
    dinas_contact_id = fields.Many2one(
        "res.partner",
        string="Office Contact",
        help="Address, phone and e-mail of the office on the contact page "
        "(the company's own when empty).",
    )
    dinas_office_hours = fields.Text(
        string="Office Hours", translate=True, help="Shown on the contact page."
    )
    dinas_map_url = fields.Char(
        string="Map Link",
        help="A link to the office on a map (http or https); when empty, a map "
        "search of the address.",
    )

    @api.constrains("dinas_map_url")
    def _check_dinas_map_url(self):
        for company in self:
            if company.dinas_map_url and not is_web_url(company.dinas_map_url):
                raise ValidationError(
                    self.env._("The map link must start with http:// or https://.")
                )

    def _dinas_contact(self):
        """The contact whose address the contact page shows."""
        self.ensure_one()
        return self.dinas_contact_id or self.partner_id

    def _dinas_map_link(self):
        self.ensure_one()
        return self.dinas_map_url or self._dinas_contact().google_map_link()
