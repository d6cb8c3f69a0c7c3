from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import (
    MAX_AMOUNT,
    check_bounds,
    check_identity,
    clean_text,
    parse_int,
)

COOPERATIVE_TYPES = [
    ("ksp", "Savings and Loan (KSP)"),
    ("ksu", "Multipurpose (KSU)"),
    ("consumer", "Consumer"),
    ("producer", "Producer"),
    ("marketing", "Marketing"),
    ("services", "Services"),
]

# Fields shown on the public directory; everything else stays internal.
PUBLIC_FIELDS = ["name", "cooperative_type", "kecamatan", "desa", "member_count"]

# What a cooperative's registry figures can plausibly be.
COOPERATIVE_BOUNDS = {
    "member_count": (0, 10000000),
    "capital": (0, MAX_AMOUNT),
    "assets": (0, MAX_AMOUNT),
    "turnover": (0, MAX_AMOUNT),
}


class DinasCooperative(models.Model):
    _name = "dinas.cooperative"
    _description = "Registered Cooperative"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    legal_number = fields.Char(
        string="Legal Entity Number",
        tracking=True,
        help="Nomor badan hukum.",
    )
    nik_koperasi = fields.Char(string="NIK Koperasi", tracking=True, index=True)
    cooperative_type = fields.Selection(
        COOPERATIVE_TYPES, string="Type", required=True, default="ksu", tracking=True
    )
    kecamatan = fields.Char(string="District (Kecamatan)", index=True, tracking=True)
    desa = fields.Char(string="Village (Desa)", tracking=True)
    address = fields.Char(tracking=True)
    member_count = fields.Integer(string="Members", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    capital = fields.Monetary(tracking=True)
    assets = fields.Monetary(tracking=True)
    turnover = fields.Monetary(tracking=True)
    last_rat_year = fields.Integer(
        string="Last RAT Year",
        tracking=True,
        help="Year of the last annual members' meeting (RAT) reported.",
    )
    status = fields.Selection(
        [("active", "Active"), ("inactive", "Inactive"), ("dissolved", "Dissolved")],
        required=True,
        default="active",
        tracking=True,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Portal Contact",
        tracking=True,
        check_company=True,
        index="btree_not_null",
        help="The contact whose portal users manage this cooperative.",
    )
    website_published = fields.Boolean(
        string="In Public Directory", default=True, tracking=True
    )
    rat_report_ids = fields.One2many("dinas.rat.report", "cooperative_id")
    warning_sent_date = fields.Date(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "nik_company_uniq",
            "unique(nik_koperasi, company_id)",
            "This NIK Koperasi is already registered.",
        )
    ]

    @api.constrains("nik_koperasi", *COOPERATIVE_BOUNDS)
    def _check_registry_values(self):
        check_bounds(self, COOPERATIVE_BOUNDS)
        for cooperative in self:
            check_identity(
                self.env, "nik_koperasi", cooperative.nik_koperasi, "NIK Koperasi"
            )

    @api.model
    def _cron_flag_without_rat(self):
        """Flag active cooperatives without a RAT report for 2 years as inactive."""
        cooperatives = self.search([("status", "=", "active")]).filtered(
            lambda cooperative: (
                not cooperative.last_rat_year
                or cooperative.last_rat_year < business_today(cooperative).year - 2
            )
        )
        for cooperative in cooperatives:
            cooperative.status = "inactive"
            cooperative.message_post(
                body=self.env._(
                    "Flagged inactive: no RAT report since %(year)s.",
                    year=cooperative.last_rat_year or "-",
                )
            )
        return cooperatives

    def action_send_warning_letter(self):
        template = self.env.ref("dinas_portal.mail_template_rat_warning")
        for cooperative in self:
            cooperative.message_post_with_source(
                template, subtype_xmlid="mail.mt_comment"
            )
            cooperative.warning_sent_date = business_today(cooperative)
        return True

    def _write_from_portal(self, values):
        """Update the profile fields a member may edit, after validation."""
        self.ensure_one()
        member_count = parse_int(
            self.env,
            values.get("member_count"),
            *COOPERATIVE_BOUNDS["member_count"],
            label=self.env._("Number of members"),
            default=0,
        )
        address = clean_text(self.env, values.get("address"), max_length=500)
        desa = clean_text(self.env, values.get("desa"), max_length=120)
        if len(address) > 250 or len(desa) > 120:
            raise ValidationError(self.env._("The text is too long."))
        self.sudo().write(
            {"address": address, "desa": desa, "member_count": member_count}
        )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Cooperatives"),
                "template": "/dinas_portal/static/src/csv/dinas_cooperative_import_template.csv",
            }
        ]
