from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize

from odoo.addons.koperasi_base.tools.inputs import check_identity
from odoo.addons.koperasi_base.tools.workflow import workflow_action

from .dinas_cooperative import COOPERATIVE_TYPES


class DinasRegistration(models.Model):
    _name = "dinas.registration"
    _description = "Account Registration"
    _inherit = ["mail.thread", "dinas.public.form.mixin", "koperasi.workflow.mixin"]
    _workflow_fields = ("state", "partner_id", "cooperative_id", "msme_id", "user_id")
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
    existing_cooperative_id = fields.Many2one(
        "dinas.cooperative",
        compute="_compute_existing_owner",
        string="Already Registered Cooperative",
    )
    existing_msme_id = fields.Many2one(
        "dinas.msme",
        compute="_compute_existing_owner",
        string="Already Registered MSME",
    )
    existing_owner_id = fields.Many2one(
        "res.partner",
        compute="_compute_existing_owner",
        string="Current Owner Account",
        help="The account that already holds the cooperative or MSME this "
        "registration names: approving would take it away from them.",
    )
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
            check_identity(
                self.env, "nik_koperasi", registration.nik_koperasi, "NIK Koperasi"
            )
            check_identity(self.env, "nib", registration.nib, "NIB")

    @api.depends("applicant_type", "nik_koperasi", "nib", "company_id", "state")
    def _compute_existing_owner(self):
        Cooperative = self.env["dinas.cooperative"].sudo()
        Msme = self.env["dinas.msme"].sudo()
        for registration in self:
            cooperative = msme = None
            if registration.state == "submitted":
                if (
                    registration.applicant_type == "cooperative"
                    and registration.nik_koperasi
                ):
                    cooperative = Cooperative.search(
                        [
                            ("nik_koperasi", "=", registration.nik_koperasi),
                            ("company_id", "=", registration.company_id.id),
                            ("partner_id", "!=", False),
                        ],
                        limit=1,
                    )
                elif registration.applicant_type == "msme" and registration.nib:
                    msme = Msme.search(
                        [
                            ("nib", "=", registration.nib),
                            ("company_id", "=", registration.company_id.id),
                            ("partner_id", "!=", False),
                        ],
                        limit=1,
                    )
            registration.existing_cooperative_id = cooperative
            registration.existing_msme_id = msme
            registration.existing_owner_id = (cooperative or msme or Msme).partner_id

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

    @workflow_action
    def action_approve(self):
        self._check_can_decide()
        for registration in self:
            registration._do_approve()
        return True

    @workflow_action
    def action_approve_handover(self):
        """Approve, and hand the registry record that already has an owner
        account over to the applicant: a Dinas manager's explicit decision,
        recorded on the record's chatter."""
        if not self.env.su and not self.env.user.has_group(
            "dinas_portal.group_dinas_portal_manager"
        ):
            raise AccessError(
                self.env._(
                    "Only a Dinas manager hands a registered cooperative or MSME "
                    "over to another account."
                )
            )
        self._check_can_decide()
        for registration in self:
            registration._do_approve(handover=True)
        return True

    def _do_approve(self, handover=False):
        """Create (or link) the registry record and invite a portal user."""
        self.ensure_one()
        if not handover and self.existing_owner_id:
            raise UserError(
                self.env._(
                    "%(record)s is already registered to the account of "
                    "%(owner)s. Approving this registration would take it away "
                    "from them: reject it, or ask a Dinas manager to hand it "
                    "over explicitly.",
                    record=(self.existing_cooperative_id or self.existing_msme_id).name,
                    owner=self.existing_owner_id.display_name,
                )
            )
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
            self._hand_over(cooperative, partner)
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
            self._hand_over(msme, partner)
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

    def _hand_over(self, record, partner):
        """Link ``record`` to the applicant's ``partner``; a change of owner
        is written in the record's chatter."""
        previous = record.partner_id
        record.partner_id = partner
        if previous and previous != partner:
            record.message_post(
                body=self.env._(
                    "Handed over from %(previous)s to %(new)s by %(user)s "
                    "(registration %(registration)s).",
                    previous=previous.display_name,
                    new=partner.display_name,
                    user=self.env.user.display_name,
                    registration=self.name,
                )
            )

    @workflow_action
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
