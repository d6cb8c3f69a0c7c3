import base64
import io
import secrets

import qrcode

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.koperasi_base.tools.business_date import (
    business_date,
    business_day_bounds,
    business_today,
)
from odoo.addons.koperasi_base.tools.inputs import clean_text, parse_id
from odoo.addons.koperasi_base.tools.workflow import workflow_action

from ..tools import add_working_days, count_working_days, detect_file_type, median
from ..tools.uploads import MAX_UPLOAD_SIZE

OPEN_STATES = ("submitted", "review", "approved")

# Fields only the pipeline methods may change.
PIPELINE_FIELDS = (
    "name",
    "state",
    "number",
    "issue_date",
    "signatory_id",
    "verification_token",
    "revoked",
    "revoke_reason",
    "revoke_date",
    "approver_id",
    "approve_date",
    "reject_reason",
    "processing_days",
    "sla_breached",
    "reviewer_id",
)

# Fields a portal user may fill in when requesting a letter.
PORTAL_FIELDS = ("letter_type_id", "purpose", "details", "addressee")


class DinasLetterRequest(models.Model):
    _name = "dinas.letter.request"
    _description = "Letter Request"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "koperasi.workflow.mixin",
    ]
    _workflow_fields = PIPELINE_FIELDS
    _workflow_sequence_code = "dinas.letter.request"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    letter_type_id = fields.Many2one(
        "dinas.letter.type",
        required=True,
        check_company=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    letter_code = fields.Selection(related="letter_type_id.code")
    partner_id = fields.Many2one(
        "res.partner",
        string="Requester",
        required=True,
        index=True,
        tracking=True,
    )
    cooperative_id = fields.Many2one(
        "dinas.cooperative", check_company=True, index="btree_not_null"
    )
    msme_id = fields.Many2one(
        "dinas.msme", string="MSME", check_company=True, index="btree_not_null"
    )
    addressee = fields.Char(
        required=True, tracking=True, help="The person or body the letter is for."
    )
    purpose = fields.Char(required=True, tracking=True)
    details = fields.Text()
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    state = fields.Selection(
        [
            ("submitted", "Submitted"),
            ("review", "In Review"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("issued", "Issued"),
        ],
        required=True,
        default="submitted",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    submit_date = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True, copy=False
    )
    deadline_date = fields.Date(
        string="Due Date",
        compute="_compute_deadline_date",
        store=True,
        help="Submission date plus the service level of the letter type in "
        "working days (weekends and holidays excluded).",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    reviewer_id = fields.Many2one("res.users", string="Handled By", readonly=True)
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True)
    approve_date = fields.Datetime(readonly=True, copy=False)
    reject_reason = fields.Text(readonly=True, copy=False, tracking=True)
    number = fields.Char(
        string="Letter Number", readonly=True, copy=False, index=True, tracking=True
    )
    issue_date = fields.Date(readonly=True, copy=False, index=True)
    signatory_id = fields.Many2one("res.users", readonly=True, copy=False)
    processing_days = fields.Integer(
        readonly=True, copy=False, help="Working days from submission to issue."
    )
    sla_breached = fields.Boolean(
        string="Service Level Breached", readonly=True, copy=False
    )
    verification_token = fields.Char(
        readonly=True, copy=False, index=True, groups="base.group_user"
    )
    revoked = fields.Boolean(readonly=True, copy=False, tracking=True)
    revoke_reason = fields.Text(readonly=True, copy=False)
    revoke_date = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "number_company_uniq",
            "unique(number, company_id)",
            "This letter number is already used.",
        ),
        (
            "token_uniq",
            "unique(verification_token)",
            "The verification token must be unique.",
        ),
    ]

    @api.depends("submit_date", "letter_type_id.sla_days")
    def _compute_deadline_date(self):
        Holiday = self.env["dinas.holiday"]
        for letter in self:
            if not letter.submit_date or not letter.letter_type_id:
                letter.deadline_date = False
                continue
            holidays = Holiday._get_holiday_dates(letter.company_id)
            start = business_date(letter, letter.submit_date)
            letter.deadline_date = add_working_days(
                start, letter.letter_type_id.sla_days, holidays
            )

    @api.depends("state", "deadline_date")
    def _compute_is_overdue(self):
        for letter in self:
            today = business_today(letter)
            letter.is_overdue = bool(
                letter.state in OPEN_STATES
                and letter.deadline_date
                and letter.deadline_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue."))
        today = business_today(self)
        domain = [("state", "in", OPEN_STATES), ("deadline_date", "<", today)]
        if (operator == "=") == value:
            return domain
        return [
            "|",
            ("state", "not in", OPEN_STATES),
            "|",
            ("deadline_date", "=", False),
            ("deadline_date", ">=", today),
        ]

    def _compute_access_url(self):
        super()._compute_access_url()
        for letter in self:
            letter.access_url = f"/my/surat/{letter.id}"

    @api.model_create_multi
    def create(self, vals_list):
        letters = super().create(vals_list)
        letters._send_state_mail()
        return letters

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(letter.state == "issued" for letter in self):
            raise UserError(self.env._("An issued letter cannot be deleted."))

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.number or self.name

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _validate_upload(self, filename, data):
        """Check an uploaded file by size and content; return its mimetype."""
        if len(data) > MAX_UPLOAD_SIZE:
            raise ValidationError(
                self.env._(
                    "The file %(name)s is too large (at most %(size)s MB).",
                    name=filename,
                    size=MAX_UPLOAD_SIZE // (1024 * 1024),
                )
            )
        mimetype = detect_file_type(data)
        if not mimetype:
            raise ValidationError(
                self.env._(
                    "The file %(name)s is not a PDF, PNG or JPEG document.",
                    name=filename,
                )
            )
        return mimetype

    @api.model
    def _create_from_portal(self, partner, values, files=()):
        """Create a request for ``partner`` from validated portal input.

        ``values`` may only hold PORTAL_FIELDS; ``files`` is a list of
        ``(filename, bytes)``. Raises ValidationError on bad input, before
        anything is written.
        """
        unknown = set(values) - set(PORTAL_FIELDS)
        if unknown:
            raise ValidationError(self.env._("Unexpected fields in the request."))
        purpose = clean_text(self.env, values.get("purpose"), max_length=1000)
        addressee = clean_text(self.env, values.get("addressee"), max_length=1000)
        if not purpose or not addressee:
            raise ValidationError(
                self.env._("Please give the purpose and the addressee of the letter.")
            )
        if len(purpose) > 250 or len(addressee) > 250:
            raise ValidationError(self.env._("The purpose or addressee is too long."))
        details = clean_text(
            self.env, values.get("details"), max_length=5000, multiline=True
        )
        if len(details) > 5000:
            raise ValidationError(self.env._("The details are too long."))
        try:
            type_id = parse_id(self.env, values.get("letter_type_id")) or 0
        except ValidationError:
            type_id = 0
        letter_type = (
            self.env["dinas.letter.type"]
            .sudo()
            .search(
                [("id", "=", type_id), ("company_id", "=", self.env.company.id)],
                limit=1,
            )
        )
        if not letter_type:
            raise ValidationError(self.env._("Please choose a letter type."))
        checked = [
            (filename, data, self._validate_upload(filename, data))
            for filename, data in files
            if data
        ]
        commercial = partner.commercial_partner_id
        company = self.env.company

        def of_this_office(records):
            return records.filtered(lambda record: record.company_id == company)[:1]

        letter = self.sudo().create(
            {
                "letter_type_id": letter_type.id,
                "partner_id": partner.id,
                "purpose": purpose,
                "addressee": addressee,
                "details": details,
                # The requester's cooperative or MSME registered at this office.
                "cooperative_id": of_this_office(commercial.dinas_cooperative_ids).id,
                "msme_id": of_this_office(commercial.dinas_msme_ids).id,
                "company_id": company.id,
            }
        )
        if checked:
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": filename,
                            "raw": data,
                            "mimetype": mimetype,
                            "res_model": self._name,
                            "res_id": letter.id,
                        }
                        for filename, data, mimetype in checked
                    ]
                )
            )
            letter.attachment_ids = [fields.Command.set(attachments.ids)]
        return letter

    # ------------------------------------------------------------------
    # Pipeline
    # ------------------------------------------------------------------
    def _check_group(self, xmlid):
        if not self.env.su and not self.env.user.has_group(xmlid):
            raise AccessError(
                self.env._("You are not allowed to perform this step on letters.")
            )

    def _check_state(self, allowed, step):
        for letter in self:
            if letter.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(ref)s cannot be %(step)s in state %(state)s.",
                        ref=letter.name,
                        step=step,
                        state=dict(
                            letter._fields["state"]._description_selection(letter.env)
                        )[letter.state],
                    )
                )

    @workflow_action
    def action_review(self):
        self._check_can_review()
        self._do_review()
        return True

    def _check_can_review(self):
        self._check_group("dinas_portal.group_dinas_portal_user")
        self._check_state(("submitted",), self.env._("taken in review"))

    def _do_review(self):
        self._workflow_write({"state": "review", "reviewer_id": self.env.user.id})
        self._send_state_mail()

    @workflow_action
    def action_approve(self):
        self._check_can_approve()
        self._do_approve()
        return True

    def _check_can_approve(self):
        self._check_group("dinas_portal.group_dinas_portal_officer")
        self._check_state(("submitted", "review"), self.env._("approved"))

    def _do_approve(self):
        self._workflow_write(
            {
                "state": "approved",
                "approver_id": self.env.user.id,
                "approve_date": fields.Datetime.now(),
            }
        )
        self._send_state_mail()

    @workflow_action
    def action_reject(self):
        self._check_can_reject()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Letter Request"),
            "res_model": "dinas.letter.request.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def _check_can_reject(self):
        self._check_group("dinas_portal.group_dinas_portal_user")
        self._check_state(OPEN_STATES, self.env._("rejected"))

    def _do_reject(self, reason):
        self._check_can_reject()
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the rejection."))
        self._workflow_write({"state": "rejected", "reject_reason": reason.strip()})
        self._send_state_mail()

    @workflow_action
    def action_issue(self):
        self._check_can_issue()
        self._do_issue()
        return True

    def _check_can_issue(self):
        self._check_group("dinas_portal.group_dinas_portal_officer")
        self._check_state(("approved",), self.env._("issued"))

    def _do_issue(self):
        Holiday = self.env["dinas.holiday"]
        for letter in self:
            today = business_today(letter)
            holidays = Holiday._get_holiday_dates(letter.company_id)
            submitted = business_date(letter, letter.submit_date)
            letter._workflow_write(
                {
                    "number": letter.letter_type_id._next_letter_number(today),
                    "issue_date": today,
                    "state": "issued",
                    "signatory_id": self.env.user.id,
                    "verification_token": secrets.token_urlsafe(32),
                    "processing_days": count_working_days(submitted, today, holidays),
                    "sla_breached": bool(
                        letter.deadline_date and today > letter.deadline_date
                    ),
                }
            )
        self._send_state_mail()

    @workflow_action
    def action_revoke(self):
        self._check_can_revoke()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revoke Letter"),
            "res_model": "dinas.letter.request.revoke",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def _check_can_revoke(self):
        self._check_group("dinas_portal.group_dinas_portal_officer")
        self._check_state(("issued",), self.env._("revoked"))
        if any(letter.revoked for letter in self):
            raise UserError(self.env._("This letter is already revoked."))

    def _do_revoke(self, reason):
        self._check_can_revoke()
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the revocation."))
        self._workflow_write(
            {
                "revoked": True,
                "revoke_reason": reason.strip(),
                "revoke_date": fields.Datetime.now(),
            }
        )
        self._send_state_mail(revoked=True)

    # ------------------------------------------------------------------
    # Mail, verification and report helpers
    # ------------------------------------------------------------------
    def _send_state_mail(self, revoked=False):
        for letter in self:
            xmlid = (
                "dinas_portal.mail_template_letter_revoked"
                if revoked
                else f"dinas_portal.mail_template_letter_{letter.state}"
            )
            template = self.env.ref(xmlid, raise_if_not_found=False)
            if template:
                letter.sudo().message_post_with_source(
                    template,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=letter.partner_id.ids,
                )

    def _get_verification_url(self):
        self.ensure_one()
        token = self.sudo().verification_token
        return f"{self.get_base_url()}/dinas/verifikasi/{token}"

    def _get_qr_code_data_uri(self):
        """The QR code of the verification URL, as a PNG data URI."""
        self.ensure_one()
        image = qrcode.make(self._get_verification_url(), box_size=4, border=2)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()

    @api.model
    def _get_by_verification_token(self, token):
        """The issued letter with this token (sudo), or an empty recordset."""
        if not token or len(token) < 32 or len(token) > 128:
            return self.sudo().browse()
        return self.sudo().search(
            [("verification_token", "=", token), ("state", "=", "issued")], limit=1
        )

    # ------------------------------------------------------------------
    # Statistics
    # ------------------------------------------------------------------
    @api.model
    def _get_statistics(self, year):
        """Letter and consultation figures of ``year`` for the company."""
        company = self.env.company
        date_from = fields.Date.to_date(f"{year}-01-01")
        date_to = fields.Date.to_date(f"{year}-12-31")
        Letter = self.sudo()
        issued_domain = [
            ("company_id", "=", company.id),
            ("state", "=", "issued"),
            ("issue_date", ">=", date_from),
            ("issue_date", "<=", date_to),
        ]
        per_month_type = Letter._read_group(
            issued_domain,
            ["issue_date:month", "letter_type_id"],
            ["__count"],
        )
        issued = Letter.search_fetch(issued_domain, ["processing_days", "sla_breached"])
        Consultation = self.env["dinas.consultation"].sudo()
        consultation_domain = [
            ("company_id", "=", company.id),
            ("create_date", ">=", business_day_bounds(self, date_from, company)[0]),
            ("create_date", "<", business_day_bounds(self, date_to, company)[1]),
        ]
        return {
            "year": year,
            "per_month_type": [
                {"month": month, "letter_type": letter_type, "count": count}
                for month, letter_type, count in per_month_type
            ],
            "issued_count": len(issued),
            "median_processing_days": median(issued.mapped("processing_days")),
            "sla_breaches": len(issued.filtered("sla_breached")),
            "open_overdue": Letter.search_count(
                [("company_id", "=", company.id), ("is_overdue", "=", True)]
            ),
            "consultations": Consultation.search_count(consultation_domain),
            "consultations_answered": Consultation.search_count(
                [*consultation_domain, ("state", "=", "answered")]
            ),
        }
