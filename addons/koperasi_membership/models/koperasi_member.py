import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

NIK_PATTERN = re.compile(r"^\d{16}$")


class KoperasiMember(models.Model):
    _name = "koperasi.member"
    _description = "Cooperative Member"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "member_number desc, id desc"
    _rec_name = "name"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    name = fields.Char(related="partner_id.name", store=True, readonly=False)
    member_number = fields.Char(readonly=True, copy=False, index=True)
    nik = fields.Char(
        string="NIK",
        required=True,
        copy=False,
        tracking=True,
        help="16-digit national identity number (Nomor Induk Kependudukan).",
    )
    state = fields.Selection(
        [
            ("candidate", "Candidate"),
            ("active", "Active"),
            ("suspended", "Suspended"),
            ("resigned", "Resigned"),
            ("deceased", "Deceased"),
            ("expelled", "Expelled"),
        ],
        default="candidate",
        required=True,
        tracking=True,
        index=True,
    )
    member_group_id = fields.Many2one(
        "koperasi.member.group",
        check_company=True,
        tracking=True,
    )
    join_date = fields.Date(tracking=True)
    exit_date = fields.Date(tracking=True, copy=False)
    exit_reason = fields.Text(copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Portal User",
        compute="_compute_user_id",
        help="The user account linked to the member's contact.",
    )

    _sql_constraints = [
        (
            "nik_company_uniq",
            "unique(nik, company_id)",
            "A member with this NIK already exists in this cooperative.",
        ),
        (
            "member_number_company_uniq",
            "unique(member_number, company_id)",
            "The member number must be unique per cooperative.",
        ),
    ]

    @api.depends("partner_id.user_ids")
    def _compute_user_id(self):
        for member in self:
            member.user_id = member.partner_id.user_ids[:1]

    @api.constrains("nik")
    def _check_nik(self):
        for member in self:
            if not NIK_PATTERN.match(member.nik or ""):
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s is not valid: it must be exactly 16 digits.",
                        nik=member.nik,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("nik"):
                vals["nik"] = vals["nik"].strip()
        members = super().create(vals_list)
        for member in members.filtered(lambda m: not m.member_number):
            member.member_number = (
                self.env["ir.sequence"]
                .with_company(member.company_id)
                .next_by_code("koperasi.member")
            )
        return members

    def _compute_access_url(self):
        super()._compute_access_url()
        for member in self:
            member.access_url = "/my/koperasi"

    # ------------------------------------------------------------------
    # Hooks for the other koperasi addons
    # ------------------------------------------------------------------
    def _get_settlement_deductions(self):
        """Return what must be deducted from the member's exit refund.

        A list of dicts ``{"name": str, "amount": float}``; amounts are
        positive and in the company currency. Other addons extend it with
        ``super()`` (outstanding loans, for instance).
        """
        self.ensure_one()
        return []

    def _get_settlement_credits(self):
        """Return what is paid out to the member on exit besides capital.

        Same shape as :meth:`_get_settlement_deductions` (savings balances,
        for instance).
        """
        self.ensure_one()
        return []

    @api.model
    def _get_shu_base(self, members, date_from, date_to):
        """Return the SHU base of each member over a period.

        ``{member_id: {"capital": float, "volume": float}}``: ``capital`` is
        the member's capital (S_a), ``volume`` the member's transactions with
        the cooperative (V_a). Other addons add their figures with ``super()``.
        """
        return {member.id: {"capital": 0.0, "volume": 0.0} for member in members}

    @api.model
    def _get_member_for_user(self, user=None):
        """Return the member record of a (portal) user in the current company."""
        user = user or self.env.user
        return self.sudo().search(
            [
                ("partner_id", "=", user.partner_id.commercial_partner_id.id),
                ("company_id", "in", self.env.companies.ids),
            ],
            limit=1,
        )
