from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize

from .dinas_cooperative import COOPERATIVE_TYPES


class DinasRegistration(models.Model):
    _name = "dinas.registration"
    _description = "Account Registration"
    _inherit = ["mail.thread", "dinas.public.form.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Organisation", required=True, tracking=True)
    applicant_type = fields.Selection(
        [("cooperative", "Cooperative"), ("msme", "MSME")],
        required=True,
        default="cooperative",
    )
    contact_name = fields.Char(required=True)
    email = fields.Char(required=True)
    phone = fields.Char()
    legal_number = fields.Char(string="Legal Entity Number")
    nik_koperasi = fields.Char(string="NIK Koperasi")
    cooperative_type = fields.Selection(COOPERATIVE_TYPES, string="Type of Cooperative")
    nib = fields.Char(string="NIB")
    kecamatan = fields.Char(string="District (Kecamatan)")
    desa = fields.Char(string="Village (Desa)")
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")
    state = fields.Selection(
        [
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="submitted",
        required=True,
        readonly=True,
        tracking=True,
    )
    reject_reason = fields.Text(tracking=True)
    partner_id = fields.Many2one("res.partner", readonly=True, copy=False)
    cooperative_id = fields.Many2one("dinas.cooperative", readonly=True, copy=False)
    msme_id = fields.Many2one("dinas.msme", string="MSME", readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Portal User", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("email")
    def _check_email(self):
        for registration in self:
            if not email_normalize(registration.email):
                raise ValidationError(
                    self.env._(
                        "The e-mail address %(email)s is not valid.",
                        email=registration.email,
                    )
                )

    @api.constrains("applicant_type", "nik_koperasi", "nib")
    def _check_numbers(self):
        for registration in self:
            if registration.applicant_type == "cooperative" and not (
                registration.nik_koperasi or registration.legal_number
            ):
                raise ValidationError(
                    self.env._(
                        "A cooperative must give its NIK Koperasi or legal number."
                    )
                )
            if registration.applicant_type == "msme" and not registration.nib:
                raise ValidationError(self.env._("An MSME must give its NIB."))

    def _check_can_decide(self):
        if not self.env.su and not self.env.user.has_group(
            "dinas_portal.group_dinas_portal_user"
        ):
            raise AccessError(
                self.env._("You are not allowed to decide registrations.")
            )
        for registration in self:
            if registration.state != "submitted":
                raise UserError(
                    self.env._(
                        "The registration %(name)s is already decided.",
                        name=registration.name,
                    )
                )

    def action_approve(self):
        self._check_can_decide()
        for registration in self:
            registration._do_approve()
        return True

    def _do_approve(self):
        """Create (or link) the registry record and invite a portal user."""
        self.ensure_one()
        email = email_normalize(self.email)
        if (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("login", "=", email)])
        ):
            raise UserError(
                self.env._(
                    "A user with the e-mail %(email)s already exists.", email=email
                )
            )
        partner = (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": self.name,
                    "is_company": True,
                    "email": email,
                    "phone": self.phone,
                    "company_id": self.company_id.id,
                }
            )
        )
        self.env["res.partner"].sudo().create(
            {
                "name": self.contact_name,
                "parent_id": partner.id,
                "type": "contact",
                "email": email,
            }
        )
        values = {"partner_id": partner.id}
        if self.applicant_type == "cooperative":
            values["cooperative_id"] = self._link_cooperative(partner).id
        else:
            values["msme_id"] = self._link_msme(partner).id
        wizard = (
            self.env["portal.wizard"]
            .sudo()
            .create({"partner_ids": [fields.Command.set(partner.ids)]})
        )
        wizard.user_ids.action_grant_access()
        values["user_id"] = wizard.user_ids.user_id.id
        values["state"] = "approved"
        self.write(values)

    def _link_cooperative(self, partner):
        Cooperative = self.env["dinas.cooperative"].sudo()
        cooperative = Cooperative.browse()
        if self.nik_koperasi:
            cooperative = Cooperative.search(
                [
                    ("nik_koperasi", "=", self.nik_koperasi),
                    ("company_id", "=", self.company_id.id),
                ],
                limit=1,
            )
        if cooperative:
            cooperative.partner_id = partner
            return cooperative
        return Cooperative.create(
            {
                "name": self.name,
                "legal_number": self.legal_number,
                "nik_koperasi": self.nik_koperasi,
                "cooperative_type": self.cooperative_type or "ksu",
                "kecamatan": self.kecamatan,
                "desa": self.desa,
                "partner_id": partner.id,
                "company_id": self.company_id.id,
            }
        )

    def _link_msme(self, partner):
        Msme = self.env["dinas.msme"].sudo()
        msme = Msme.search(
            [("nib", "=", self.nib), ("company_id", "=", self.company_id.id)], limit=1
        )
        if msme:
            msme.partner_id = partner
            return msme
        return Msme.create(
            {
                "name": self.name,
                "nib": self.nib,
                "owner_name": self.contact_name,
                "kecamatan": self.kecamatan,
                "desa": self.desa,
                "partner_id": partner.id,
                "company_id": self.company_id.id,
            }
        )

    def action_reject(self):
        self._check_can_decide()
        for registration in self:
            if not (registration.reject_reason or "").strip():
                raise UserError(
                    self.env._("Please write the reason of the rejection first.")
                )
        self.write({"state": "rejected"})
        template = self.env.ref("dinas_portal.mail_template_registration_rejected")
        for registration in self:
            template.sudo().send_mail(registration.id)
        return True
