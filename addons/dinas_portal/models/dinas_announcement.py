from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import split_every

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.workflow import workflow_action

PUBLISHER_GROUP = "dinas_portal.group_dinas_portal_officer"
TARGETS = [
    ("cooperative", "Cooperatives"),
    ("msme", "MSMEs"),
    ("both", "Cooperatives and MSMEs"),
]
COOPERATIVE_TARGETS = ("cooperative", "both")
MSME_TARGETS = ("msme", "both")
MAIL_BATCH = 100


class DinasAnnouncement(models.Model):
    """An announcement for the registered cooperatives and/or MSMEs
    ("informasi anggota"): once published it shows in the portal of the
    targeted members (``/my/pengumuman``) and is e-mailed to their contacts."""

    _name = "dinas.announcement"
    _description = "Member Announcement"
    _inherit = ["koperasi.workflow.mixin"]
    _workflow_fields = ("state", "publish_date", "publisher_id")
    # What the targeted members read and were mailed: changed only after
    # "Unpublish", then published again by the head of the Dinas.
    _workflow_frozen_fields = ("target", "name", "body", "company_id")
    _order = "publish_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True)
    body = fields.Html(required=True, sanitize_style=True)
    target = fields.Selection(
        TARGETS,
        required=True,
        default="both",
        help="Registered cooperatives and/or MSMEs (those with a portal contact) "
        "that see the announcement in their portal and receive it by e-mail.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        readonly=True,
        index=True,
    )
    publish_date = fields.Date(readonly=True, copy=False, index=True)
    publisher_id = fields.Many2one("res.users", readonly=True, copy=False)
    audience_partner_ids = fields.Many2many(
        "res.partner",
        string="Audience",
        compute="_compute_audience_partner_ids",
        search="_search_audience_partner_ids",
        help="The portal contacts of the targeted cooperatives and MSMEs.",
    )
    audience_count = fields.Integer(compute="_compute_audience_partner_ids")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------
    # Audience
    # ------------------------------------------------------------------
    @api.model
    def _registry_domain(self, companies):
        return [
            ("company_id", "in", companies.ids),
            ("partner_id", "!=", False),
            ("active", "=", True),
        ]

    def _get_targeted_entries(self):
        """The registry records (sudo) this announcement is meant for."""
        self.ensure_one()
        cooperatives = self.env["dinas.cooperative"].sudo()
        msmes = self.env["dinas.msme"].sudo()
        domain = self._registry_domain(self.company_id)
        if self.target in COOPERATIVE_TARGETS:
            cooperatives = cooperatives.search([*domain, ("status", "!=", "dissolved")])
        if self.target in MSME_TARGETS:
            msmes = msmes.search(domain)
        return cooperatives, msmes

    @api.depends("target", "company_id")
    def _compute_audience_partner_ids(self):
        for announcement in self:
            if not announcement.target or not announcement.company_id:
                announcement.audience_partner_ids = False
                announcement.audience_count = 0
                continue
            cooperatives, msmes = announcement._get_targeted_entries()
            partners = (cooperatives.partner_id | msmes.partner_id).with_env(self.env)
            announcement.audience_partner_ids = partners
            announcement.audience_count = len(partners)

    @api.model
    def _search_audience_partner_ids(self, operator, value):
        """Announcements meant for the given contacts: those targeting the
        kind of registry record (cooperative, MSME) the contacts hold, in its
        company. Read at each search, so a cooperative registered after an
        announcement was published sees it too."""
        if operator not in ("in", "="):
            raise UserError(self.env._("Unsupported search on the audience."))
        ids = value if isinstance(value, (list, tuple)) else [value]
        partners = (
            self.env["res.partner"]
            .sudo()
            .browse([pid for pid in ids if isinstance(pid, int)])
        )
        partners = partners.commercial_partner_id | partners
        domain = [
            ("partner_id", "in", partners.ids),
            ("partner_id", "!=", False),
            ("active", "=", True),
        ]
        cooperatives = (
            self.env["dinas.cooperative"]
            .sudo()
            .search([*domain, ("status", "!=", "dissolved")])
        )
        msmes = self.env["dinas.msme"].sudo().search(domain)
        parts = []
        if cooperatives:
            parts.append(
                [
                    ("target", "in", COOPERATIVE_TARGETS),
                    ("company_id", "in", cooperatives.company_id.ids),
                ]
            )
        if msmes:
            parts.append(
                [
                    ("target", "in", MSME_TARGETS),
                    ("company_id", "in", msmes.company_id.ids),
                ]
            )
        return expression.OR(parts) if parts else expression.FALSE_DOMAIN

    # ------------------------------------------------------------------
    # Publication
    # ------------------------------------------------------------------
    def _check_can_publish(self, allowed_states):
        self._workflow_check_group(
            PUBLISHER_GROUP,
            self.env._("Only the head of the Dinas publishes announcements."),
        )
        for announcement in self:
            if announcement.state not in allowed_states:
                raise UserError(
                    self.env._(
                        "The announcement %(name)s is already %(state)s.",
                        name=announcement.name,
                        state=dict(
                            announcement._fields["state"]._description_selection(
                                announcement.env
                            )
                        )[announcement.state],
                    )
                )

    @workflow_action
    def action_publish(self):
        self._check_can_publish(("draft",))
        for announcement in self:
            announcement._do_publish()
        return True

    def _do_publish(self):
        self.ensure_one()
        first_time = not self.publish_date
        self._workflow_write(
            {
                "state": "published",
                "publish_date": self.publish_date or business_today(self),
                "publisher_id": self.env.user.id,
            }
        )
        if first_time:
            self._send_announcement_mail()

    @workflow_action
    def action_unpublish(self):
        self._check_can_publish(("published",))
        self._workflow_write({"state": "draft"})
        return True

    def _send_announcement_mail(self):
        """Queue the announcement for the contacts of the targeted entries,
        in each contact's language (Odoo's mail queue sends them; each
        recipient gets a message of its own)."""
        self.ensure_one()
        template = self.env.ref(
            "dinas_portal.mail_template_dinas_announcement", raise_if_not_found=False
        )
        if not template:
            return self.env["mail.mail"]
        cooperatives, msmes = self._get_targeted_entries()
        partners = (cooperatives.partner_id | msmes.partner_id).filtered("email")
        mails = self.env["mail.mail"].sudo()
        by_lang = {}
        for partner in partners:
            by_lang.setdefault(partner.lang or False, []).append(partner.id)
        for lang, partner_ids in by_lang.items():
            lang_template = (
                template.sudo().with_context(lang=lang) if lang else template
            )
            for batch in split_every(MAIL_BATCH, partner_ids):
                mail_id = lang_template.sudo().send_mail(
                    self.id,
                    email_values={"recipient_ids": [Command.set(list(batch))]},
                )
                mails |= mails.browse(mail_id)
        return mails

    def _portal_url(self):
        self.ensure_one()
        return f"/my/pengumuman/{self.id}"
