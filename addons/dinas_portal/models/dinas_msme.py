from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools.inputs import check_identity, clean_text


class DinasMsme(models.Model):
    _name = "dinas.msme"
    _description = "Registered MSME"
    _inherit = ["mail.thread"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(string="Business Name", required=True, tracking=True)
    active = fields.Boolean(default=True)
    nib = fields.Char(
        string="NIB", index=True, tracking=True, help="Nomor Induk Berusaha."
    )
    owner_name = fields.Char(string="Owner", tracking=True)
    sector = fields.Selection(
        [
            ("culinary", "Food and Beverage"),
            ("fashion", "Fashion"),
            ("craft", "Craft"),
            ("agriculture", "Agriculture"),
            ("fishery", "Fishery"),
            ("trade", "Trade"),
            ("services", "Services"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    scale = fields.Selection(
        [("micro", "Micro"), ("small", "Small"), ("medium", "Medium")],
        required=True,
        default="micro",
        tracking=True,
    )
    products = fields.Text(tracking=True)
    kecamatan = fields.Char(string="District (Kecamatan)", index=True, tracking=True)
    desa = fields.Char(string="Village (Desa)", tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Portal Contact",
        check_company=True,
        tracking=True,
        index="btree_not_null",
    )
    website_published = fields.Boolean(
        string="In Public Directory", default=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "nib_company_uniq",
            "unique(nib, company_id)",
            "This NIB is already registered.",
        )
    ]

    @api.constrains("nib")
    def _check_nib(self):
        for msme in self:
            check_identity(self.env, "nib", msme.nib, "NIB")

    def _write_from_portal(self, values):
        """Update the profile fields a member may edit, after validation."""
        self.ensure_one()
        owner = clean_text(self.env, values.get("owner_name"), max_length=200)
        products = clean_text(
            self.env, values.get("products"), max_length=2000, multiline=True
        )
        desa = clean_text(self.env, values.get("desa"), max_length=120)
        if len(owner) > 120 or len(products) > 2000 or len(desa) > 120:
            raise ValidationError(self.env._("The text is too long."))
        self.sudo().write({"owner_name": owner, "products": products, "desa": desa})

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for MSMEs"),
                "template": "/dinas_portal/static/src/csv/dinas_msme_import_template.csv",
            }
        ]
