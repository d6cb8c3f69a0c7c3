from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize

from odoo.addons.koperasi_base.tools.inputs import clean_text


class DinasConsultation(models.Model):
    _name = "dinas.consultation"
    _description = "Business Consultation"
    _inherit = ["portal.mixin", "mail.thread", "dinas.public.form.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    question = fields.Text(required=True)
    answer = fields.Text(tracking=True)
    asker_name = fields.Char(required=True)
    email = fields.Char()
    partner_id = fields.Many2one("res.partner", index="btree_not_null")
    is_private = fields.Boolean(
        string="Private",
        help="Private consultations of portal members are never published.",
    )
    allow_publish = fields.Boolean(
        string="Asker Allows Publication",
        help="The asker agreed that the question and its answer are published.",
    )
    state = fields.Selection(
        [("new", "New"), ("answered", "Answered")],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    answer_user_id = fields.Many2one("res.users", string="Answered By", readonly=True)
    answer_date = fields.Datetime(readonly=True)
    website_published = fields.Boolean(
        compute="_compute_website_published", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("state", "allow_publish", "is_private")
    def _compute_website_published(self):
        for consultation in self:
            consultation.website_published = (
                consultation.state == "answered"
                and consultation.allow_publish
                and not consultation.is_private
            )

    def _compute_access_url(self):
        super()._compute_access_url()
        for consultation in self:
            consultation.access_url = f"/my/konsultasi/{consultation.id}"

    @api.constrains("email")
    def _check_email(self):
        for consultation in self:
            if consultation.email and not email_normalize(consultation.email):
                raise ValidationError(self.env._("The e-mail address is not valid."))

    @api.model
    def _create_from_website(self, values, partner=None, ip_address=None):
        """Create a consultation from validated website or portal input."""
        subject = clean_text(self.env, values.get("name"), max_length=200)
        question = clean_text(
            self.env, values.get("question"), max_length=5000, multiline=True
        )
        asker = clean_text(self.env, values.get("asker_name"), max_length=200)
        email = clean_text(self.env, values.get("email"), max_length=254)
        if partner:
            asker = asker or partner.name
            email = email or partner.email or ""
        if not subject or not question or not asker:
            raise ValidationError(
                self.env._("Please fill in your name, the subject and the question.")
            )
        if len(subject) > 200 or len(question) > 5000 or len(asker) > 200:
            raise ValidationError(self.env._("The text is too long."))
        if email and not email_normalize(email):
            raise ValidationError(self.env._("The e-mail address is not valid."))
        self._check_rate_limit(ip_address)
        return self.sudo().create(
            {
                "name": subject,
                "question": question,
                "asker_name": asker,
                "email": email,
                "partner_id": partner.id if partner else False,
                "is_private": bool(values.get("is_private")) and bool(partner),
                "allow_publish": bool(values.get("allow_publish")),
                "ip_address": ip_address,
                "company_id": self.env.company.id,
            }
        )

    def action_answer(self):
        if not self.env.su and not self.env.user.has_group(
            "dinas_portal.group_dinas_portal_user"
        ):
            raise AccessError(
                self.env._("You are not allowed to answer consultations.")
            )
        for consultation in self:
            if not (consultation.answer or "").strip():
                raise UserError(self.env._("Please write the answer first."))
            if consultation.state == "answered":
                raise UserError(self.env._("This consultation is already answered."))
        self.write(
            {
                "state": "answered",
                "answer_user_id": self.env.user.id,
                "answer_date": fields.Datetime.now(),
            }
        )
        template = self.env.ref("dinas_portal.mail_template_consultation_answered")
        for consultation in self.filtered("email"):
            template.sudo().send_mail(consultation.id)
        return True
