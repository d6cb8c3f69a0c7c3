import base64
import io
import re
import secrets

import qrcode

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import (
    clean_text,
    is_ascii_digits,
    parse_date,
    parse_id,
)
from odoo.addons.koperasi_base.tools.locking import lock_rows
from odoo.addons.koperasi_base.tools.workflow import workflow_action

from ..tools import capital as capital_tools

NIK_PATTERN = re.compile(r"^[0-9]{16}$", re.ASCII)
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class KoperasiMember(models.Model):
    _name = "koperasi.member"
    _description = "Cooperative Member"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "image.mixin",
        "koperasi.workflow.mixin",
    ]
    _workflow_fields = (
        "state",
        "member_number",
        "card_token",
        "exit_date",
        "settlement_move_id",
        "settled_pokok",
        "settled_wajib",
    )
    _workflow_sequence_code = "koperasi.member"
    _workflow_sequence_field = "member_number"
    _order = "member_number desc, id desc"
    _rec_name = "name"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
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
    # Identity and contact
    street = fields.Char(related="partner_id.street", readonly=False, string="Address")
    city = fields.Char(related="partner_id.city", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    gender = fields.Selection([("female", "Female"), ("male", "Male")], tracking=True)
    birth_date = fields.Date()
    occupation = fields.Char()
    heir_name = fields.Char(string="Heir")
    heir_relation = fields.Char()
    id_card_image = fields.Binary(
        string="ID Card (KTP) Photo", attachment=True, copy=False
    )
    id_card_filename = fields.Char(copy=False)
    card_token = fields.Char(
        copy=False,
        readonly=True,
        default=lambda self: secrets.token_urlsafe(32),
        index=True,
        groups="koperasi_membership.group_koperasi_user",
        help="Random token of the member card's QR code.",
    )
    # Share capital
    due_ids = fields.One2many("koperasi.capital.due", "member_id", string="Dues")
    payment_ids = fields.One2many(
        "koperasi.capital.payment", "member_id", string="Capital Payments"
    )
    capital_pokok = fields.Monetary(
        string="Simpanan Pokok Paid",
        compute="_compute_capital",
        store=True,
        help="Posted simpanan pokok, less what was refunded on exit.",
    )
    capital_wajib = fields.Monetary(
        string="Simpanan Wajib Paid",
        compute="_compute_capital",
        store=True,
    )
    capital_total = fields.Monetary(
        string="Capital", compute="_compute_capital", store=True
    )
    arrears_amount = fields.Monetary(
        string="Arrears",
        compute="_compute_arrears",
        store=True,
        help="Unpaid dues of simpanan pokok and wajib.",
    )
    has_arrears = fields.Boolean(compute="_compute_arrears", store=True)
    settlement_move_id = fields.Many2one(
        "account.move",
        string="Settlement Entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    settled_pokok = fields.Monetary(readonly=True, copy=False)
    settled_wajib = fields.Monetary(readonly=True, copy=False)

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
        (
            "card_token_uniq",
            "unique(card_token)",
            "The card token must be unique.",
        ),
    ]

    @api.depends("partner_id.user_ids")
    def _compute_user_id(self):
        for member in self:
            member.user_id = member.partner_id.user_ids[:1]

    @api.depends(
        "payment_ids.state",
        "payment_ids.amount",
        "payment_ids.kind",
        "settled_pokok",
        "settled_wajib",
    )
    def _compute_capital(self):
        totals = {}
        if self.ids:
            groups = self.env["koperasi.capital.payment"]._read_group(
                [("member_id", "in", self.ids), ("state", "=", "posted")],
                ["member_id", "kind"],
                ["amount:sum"],
            )
            for member, kind, amount in groups:
                totals[(member.id, kind)] = amount
        for member in self:
            pokok = totals.get((member.id, "pokok"), 0.0) - member.settled_pokok
            wajib = totals.get((member.id, "wajib"), 0.0) - member.settled_wajib
            member.capital_pokok = pokok
            member.capital_wajib = wajib
            member.capital_total = pokok + wajib

    @api.depends("due_ids.amount_residual", "due_ids.state")
    def _compute_arrears(self):
        totals = {}
        if self.ids:
            groups = self.env["koperasi.capital.due"]._read_group(
                [
                    ("member_id", "in", self.ids),
                    ("state", "in", ("unpaid", "partial")),
                ],
                ["member_id"],
                ["amount_residual:sum"],
            )
            totals = {member.id: amount for member, amount in groups}
        for member in self:
            member.arrears_amount = totals.get(member.id, 0.0)
            member.has_arrears = member.arrears_amount > 0

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
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("nik"):
            vals["nik"] = vals["nik"].strip()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_capital(self):
        for member in self:
            if member.payment_ids.filtered(lambda p: p.state == "posted"):
                raise UserError(
                    self.env._(
                        "The member %(name)s has posted capital payments and "
                        "cannot be deleted; settle the exit instead.",
                        name=member.display_name,
                    )
                )

    def _compute_access_url(self):
        super()._compute_access_url()
        for member in self:
            member.access_url = "/my/koperasi"

    # ------------------------------------------------------------------
    # Activation pipeline
    # ------------------------------------------------------------------
    @workflow_action
    def action_activate(self):
        """Board verification: activate candidates whose pokok is paid."""
        self._check_can_activate()
        self._do_activate()
        return True

    def _check_board(self, action):
        """Raise unless the user is a board member (koperasi manager)."""
        if self.env.su or self.env.user.has_group(
            "koperasi_membership.group_koperasi_manager"
        ):
            return
        raise AccessError(
            self.env._(
                "Only the board (koperasi managers) can %(action)s members.",
                action=action,
            )
        )

    def _check_can_activate(self):
        self._check_board(self.env._("activate"))
        for member in self:
            if member.state not in ("candidate", "suspended"):
                raise UserError(
                    self.env._(
                        "Only candidates and suspended members can be activated "
                        "(%(name)s is %(state)s).",
                        name=member.display_name,
                        state=dict(
                            member._fields["state"]._description_selection(self.env)
                        )[member.state],
                    )
                )
            required = member.company_id.koperasi_pokok_amount
            if member.currency_id.compare_amounts(member.capital_pokok, required) < 0:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be activated before the simpanan pokok "
                        "is paid (%(paid)s paid of %(required)s).",
                        name=member.display_name,
                        paid=member.capital_pokok,
                        required=required,
                    )
                )

    def _do_activate(self):
        for member in self:
            member.write(
                {
                    "state": "active",
                    "join_date": member.join_date or business_today(member),
                }
            )
            member._invite_to_portal()

    def _invite_to_portal(self):
        """Give the member's contact a portal account and send the invitation."""
        self.ensure_one()
        partner = self.partner_id
        if partner.with_context(active_test=False).user_ids:
            return
        if partner.email and self._link_existing_account():
            return
        if not partner.email:
            self.message_post(
                body=self.env._(
                    "No portal invitation sent: the member has no email address."
                )
            )
            return
        wizard = (
            self.env["portal.wizard"]
            .sudo()
            .create({"partner_ids": [(6, 0, partner.ids)]})
        )
        wizard.user_ids.action_grant_access()
        self.message_post(
            body=self.env._("Portal invitation sent to %(email)s.", email=partner.email)
        )

    def _link_existing_account(self):
        """A shop customer or portal user who becomes a member keeps their
        account: when the member's contact has the e-mail that is the login
        of an existing user, the contact is merged into that user's contact
        with Odoo's own contact merge (capital entries, dues and documents
        follow), so the member logs in with the account they already have.
        Returns whether the member now has a login."""
        self.ensure_one()
        partner = self.partner_id
        email = partner.email.strip().lower()
        # Logins compare without case; "=ilike" alone would read "_" and "%"
        # of an address as wildcards and match somebody else's login.
        user = (
            self.env["res.users"]
            .sudo()
            .search([("login", "=ilike", email)])
            .filtered(lambda user: user.login.lower() == email)[:1]
        )
        if not user:
            return False
        target = user.partner_id
        if self.sudo().search_count(
            [
                ("partner_id", "in", (target | target.commercial_partner_id).ids),
                ("company_id", "=", self.company_id.id),
            ]
        ):
            self.message_post(
                body=self.env._(
                    "No portal access given: %(login)s is the login of another "
                    "member's account.",
                    login=user.login,
                )
            )
            return True
        self.env["base.partner.merge.automatic.wizard"].sudo()._merge(
            (partner | target).ids, target, extra_checks=False
        )
        self.invalidate_recordset(["partner_id"])
        self.message_post(
            body=self.env._(
                "Linked to the existing account %(login)s: the member logs in with it.",
                login=user.login,
            )
        )
        return True

    @workflow_action
    def action_suspend(self):
        self._check_board(self.env._("suspend"))
        for member in self:
            if member.state != "active":
                raise UserError(
                    self.env._(
                        "Only active members can be suspended (%(name)s).",
                        name=member.display_name,
                    )
                )
        self.write({"state": "suspended"})
        return True

    def action_open_settle(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Exit Settlement"),
            "res_model": "koperasi.member.settle",
            "view_mode": "form",
            "target": "new",
            "context": {"default_member_id": self.id},
        }

    def action_register_payment(self):
        self.ensure_one()
        kind = (
            "pokok"
            if self.capital_pokok < self.company_id.koperasi_pokok_amount
            else "wajib"
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register Capital Payment"),
            "res_model": "koperasi.capital.payment",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_member_id": self.id,
                "default_kind": kind,
                "default_amount": self._get_amount_due(kind) or 0.0,
            },
        }

    def action_view_dues(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dues"),
            "res_model": "koperasi.capital.due",
            "view_mode": "list,form",
            "domain": [("member_id", "=", self.id)],
            "context": {"default_member_id": self.id},
        }

    def action_print_card(self):
        self._ensure_card_token()
        return self.env.ref(
            "koperasi_membership.action_report_member_card"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Share capital
    # ------------------------------------------------------------------
    def _ensure_pokok_due(self):
        """Create the simpanan pokok due of members who have none yet."""
        Due = self.env["koperasi.capital.due"].sudo()
        existing = set(
            Due.search([("member_id", "in", self.ids), ("kind", "=", "pokok")]).mapped(
                "member_id.id"
            )
        )
        vals_list = []
        for member in self:
            amount = member.company_id.koperasi_pokok_amount
            if member.id in existing or amount <= 0:
                continue
            day = member.join_date or business_today(member)
            vals_list.append(
                {
                    "member_id": member.id,
                    "company_id": member.company_id.id,
                    "kind": "pokok",
                    "period_date": capital_tools.period_start(day),
                    "amount": capital_tools.round_rupiah(amount),
                }
            )
        return Due.create(vals_list)

    def _get_amount_due(self, kind):
        """Open amount of dues of ``kind`` (pokok or wajib)."""
        self.ensure_one()
        if kind == "pokok":
            self._ensure_pokok_due()
        dues = self.due_ids.filtered(
            lambda d: d.kind == kind and d.state in ("unpaid", "partial")
        )
        return sum(dues.mapped("amount_residual"))

    def _get_card_qr_data_uri(self):
        """PNG data URI of the QR code pointing to the verification page."""
        self.ensure_one()
        self._ensure_card_token()
        url = f"{self.get_base_url()}/koperasi/verifikasi/{self.sudo().card_token}"
        image = qrcode.make(url, box_size=6, border=2)
        stream = io.BytesIO()
        image.save(stream, format="PNG")
        return "data:image/png;base64," + base64.b64encode(stream.getvalue()).decode()

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Member Card %(number)s", number=self.member_number or "")

    def _ensure_card_token(self):
        for member in self.sudo().filtered(lambda m: not m.card_token):
            member.card_token = secrets.token_urlsafe(32)

    # ------------------------------------------------------------------
    # Exit settlement
    # ------------------------------------------------------------------
    def _get_settlement_values(self, exit_date=None):
        """The amounts of the exit settlement (see tools.capital.settlement).

        Deductions marked ``up_to_refund`` (a loan, for instance) take what
        the refund leaves, no more: each line then states what the member
        ``owed`` and what ``remaining`` debt stays open after the exit.
        """
        self.ensure_one()
        deductions = self._get_settlement_deductions(exit_date)
        credits = self._get_settlement_credits(exit_date)
        available = capital_tools.settlement(
            self.capital_pokok,
            self.capital_wajib,
            self.arrears_amount,
            [d["amount"] for d in deductions if not d.get("up_to_refund")],
            [c["amount"] for c in credits],
        )["refund"]
        for deduction in deductions:
            if not deduction.get("up_to_refund"):
                continue
            owed = capital_tools.round_rupiah(deduction["amount"])
            covered = max(min(owed, available), 0)
            available -= covered
            deduction.update(owed=owed, amount=covered, remaining=owed - covered)
        values = capital_tools.settlement(
            self.capital_pokok,
            self.capital_wajib,
            self.arrears_amount,
            [d["amount"] for d in deductions],
            [c["amount"] for c in credits],
        )
        values["deduction_lines"] = deductions
        values["credit_lines"] = credits
        values["remaining_lines"] = [d for d in deductions if d.get("remaining")]
        return values

    def _check_can_settle(self):
        self._check_board(self.env._("settle the exit of"))
        for member in self:
            if member.settlement_move_id:
                raise UserError(
                    self.env._(
                        "The exit of %(name)s is already settled.",
                        name=member.display_name,
                    )
                )
            if member.state not in (
                "active",
                "suspended",
                "resigned",
                "deceased",
                "expelled",
            ):
                raise UserError(
                    self.env._(
                        "A candidate cannot be settled (%(name)s): cancel the "
                        "application instead.",
                        name=member.display_name,
                    )
                )

    def _do_settle(self, exit_state, exit_date, exit_reason, journal):
        """Close the member's whole position: refund capital and the other
        addons' credits (savings), settle their deductions (loans) as far as
        the refund goes, cancel open dues, then record the exit."""
        self.ensure_one()
        if not journal or not journal.sudo().default_account_id:
            raise UserError(
                self.env._(
                    "Choose the cash or bank journal that pays the exit refund "
                    "(one with a default account)."
                )
            )
        self._settlement_lock()
        if self.settlement_move_id:
            raise UserError(
                self.env._(
                    "The exit of %(name)s is already settled.", name=self.display_name
                )
            )
        values = self._get_settlement_values(exit_date)
        move = self._post_settlement(values, exit_date, journal)
        self._settlement_close_positions(values, move, exit_date, journal)
        open_dues = self.due_ids.filtered(lambda d: d.state in ("unpaid", "partial"))
        open_dues.sudo().write({"is_cancelled": True})
        for line in values["remaining_lines"]:
            self.message_post(
                body=self.env._(
                    "%(name)s: %(remaining)s is still owed after the exit "
                    "(%(covered)s of %(owed)s settled from the refund).",
                    name=line["name"],
                    remaining=self.currency_id.format(line["remaining"]),
                    covered=self.currency_id.format(line["amount"]),
                    owed=self.currency_id.format(line["owed"]),
                )
            )
        self.write(
            {
                "state": exit_state,
                "exit_date": exit_date,
                "exit_reason": exit_reason,
                "settlement_move_id": move.id,
                "settled_pokok": values["pokok"],
                "settled_wajib": values["wajib"],
            }
        )
        return move

    def _post_settlement(self, values, exit_date, journal):
        """Post the settlement entry and return it.

        When money changes hands (a refund paid to the member, or a balance
        the member pays), the entry is the move of a payment of the posting
        service: the cash or bank leg against the accounts the settlement
        closes, booked as the payment's split lines. With nothing to pay,
        the accounts are closed against each other in a plain entry.
        """
        self.ensure_one()
        journal = journal.sudo()
        lines = self._get_settlement_lines(values)
        refund = values["refund"]
        currency = self.company_id.currency_id
        if currency.is_zero(refund):
            move = (
                self.env["account.move"]
                .sudo()
                .create(self._prepare_settlement_move_vals(values, exit_date, journal))
            )
            move.action_post()
            return move
        # The account the most money is closed on takes the rest of the
        # payment; every other account is one of its split lines.
        totals = {}
        for __, account, balance in lines:
            totals[account] = totals.get(account, 0.0) + balance
        account = max(totals, key=lambda acc: abs(totals[acc]))
        payment = self.env["koperasi.posting"]._post_cash_movements(
            [
                {
                    "company": self.company_id,
                    "journal": journal,
                    "partner": self.partner_id,
                    "amount": abs(refund),
                    "direction": "out" if refund > 0 else "in",
                    "account": account,
                    "date": exit_date,
                    "memo": self._get_settlement_ref(),
                    "split": [
                        (line_account, balance, name)
                        for name, line_account, balance in lines
                        if line_account != account
                    ],
                }
            ]
        )
        return payment.move_id

    def _get_settlement_ref(self):
        self.ensure_one()
        return self.env._(
            "Exit settlement %(number)s %(name)s",
            number=self.member_number or "",
            name=self.name,
        )

    def _get_settlement_lines(self, values):
        """Return the settlement's lines besides cash: ``(label, account,
        balance)``, a positive balance debited (capital and savings paid
        out), a negative one credited (dues withheld, loans deducted)."""
        self.ensure_one()
        company = self.company_id
        settlement_account = company._koperasi_get_account("settlement")
        Account = self.env["account.account"]
        lines = [
            (
                self.env._("Refund of simpanan pokok"),
                company._koperasi_get_account("pokok"),
                values["pokok"],
            ),
            (
                self.env._("Refund of simpanan wajib"),
                company._koperasi_get_account("wajib"),
                values["wajib"],
            ),
            (
                self.env._("Unpaid dues withheld"),
                settlement_account,
                -values["unpaid_dues"],
            ),
        ]
        for deduction in values["deduction_lines"]:
            account = Account.browse(deduction.get("account_id")) or settlement_account
            lines.append((deduction["name"], account, -deduction["amount"]))
        for credit in values["credit_lines"]:
            account = Account.browse(credit.get("account_id")) or settlement_account
            lines.append((credit["name"], account, credit["amount"]))
        currency = company.currency_id
        return [line for line in lines if not currency.is_zero(line[2])]

    def _prepare_settlement_move_vals(self, values, exit_date, journal):
        """The settlement entry when no money changes hands: the accounts
        closed against each other (capital and savings against the loans
        they pay off), on the settlement's journal."""
        self.ensure_one()
        partner = self.partner_id
        lines = self._get_settlement_lines(values)
        return {
            "move_type": "entry",
            "journal_id": journal.sudo().id,
            "date": exit_date,
            "company_id": self.company_id.id,
            "partner_id": partner.id,
            "ref": self._get_settlement_ref(),
            "line_ids": [
                fields.Command.create(
                    {
                        "name": label,
                        "account_id": account.id,
                        "partner_id": partner.id,
                        "debit": balance if balance > 0 else 0.0,
                        "credit": -balance if balance < 0 else 0.0,
                    }
                )
                for label, account, balance in lines
            ],
        }

    # ------------------------------------------------------------------
    # Website registration
    # ------------------------------------------------------------------
    @api.model
    def _website_registration_values(self, values, photo, company):
        """Parse and validate the public registration form.

        :return: ``(clean_values, errors)``; ``errors`` maps a field to its
            message. Whether the NIK is already a member is not one of them:
            the form never tells a visitor who is a member.
        """
        env = self.env
        errors = {}
        clean = {}
        limits = {
            "name": 128,
            "email": 254,
            "phone": 64,
            "street": 256,
            "city": 128,
            "occupation": 128,
            "nik": 16,
            "gender": 10,
        }
        for key, length in limits.items():
            try:
                clean[key] = clean_text(env, values.get(key), max_length=length)
            except ValidationError as exc:
                message = exc.args[0]
                errors[key] = message[:1].upper() + message[1:]
                clean[key] = ""
        if not clean["name"] and "name" not in errors:
            errors["name"] = env._("Please enter your full name.")
        if "nik" not in errors and not is_ascii_digits(clean["nik"], 16):
            errors["nik"] = env._("The NIK must be exactly 16 digits.")
        if "email" not in errors:
            if not clean["email"]:
                errors["email"] = env._("Please enter your email address.")
            elif not EMAIL_PATTERN.match(clean["email"]):
                errors["email"] = env._("The email address is not valid.")
        if clean["gender"] and clean["gender"] not in ("female", "male"):
            errors["gender"] = env._("Please choose a gender.")
        today = business_today(self, company)
        try:
            clean["birth_date"] = parse_date(
                env,
                values.get("birth_date"),
                minimum=today.replace(year=today.year - 120),
                maximum=today,
            )
        except ValidationError:
            errors["birth_date"] = env._("The birth date is not valid.")
        try:
            group_id = parse_id(env, values.get("member_group_id"))
        except ValidationError:
            group_id = -1
        if group_id and (
            group_id < 0
            or not env["koperasi.member.group"]
            .sudo()
            .search_count([("id", "=", group_id), ("company_id", "=", company.id)])
        ):
            errors["member_group_id"] = env._("Unknown member group.")
        clean["member_group_id"] = group_id if group_id and group_id > 0 else False
        if not photo:
            errors["id_photo"] = env._("Please upload a photo of your ID card.")
        elif len(photo) > capital_tools.MAX_UPLOAD_BYTES:
            errors["id_photo"] = env._("The ID card photo is too large: at most 5 MB.")
        elif not capital_tools.image_kind(photo):
            errors["id_photo"] = env._("The ID card photo must be a JPEG or PNG image.")
        return clean, errors

    @api.model
    def _website_register(self, values, photo, filename, company):
        """Create a candidate from the public form, once validated.

        :return: ``(member, errors)``; nothing is created when there are
            errors. An application with the NIK of an existing member of the
            cooperative creates nothing either, but answers like any other
            (the visitor learns nothing); the member's record notes it.
        """
        values, errors = self._website_registration_values(values, photo, company)
        if errors:
            return self.browse(), errors
        existing = self.sudo().search(
            [("nik", "=", values["nik"]), ("company_id", "=", company.id)], limit=1
        )
        if existing:
            existing.message_post(
                body=self.env._(
                    "A new application with this member's NIK was made through "
                    "the website (name given: %(name)s, e-mail: %(email)s). "
                    "Nothing was created.",
                    name=values["name"],
                    email=values["email"],
                )
            )
            return self.browse(), {}
        user = self.env.user
        if not user._is_public():
            # A logged-in shopper or portal user applies with their own
            # contact, so their account becomes the member's.
            partner = user.partner_id.commercial_partner_id.sudo()
            if self.sudo().search_count(
                [("partner_id", "=", partner.id), ("company_id", "=", company.id)]
            ):
                return self.browse(), {
                    "form": self.env._(
                        "Your account already has a membership (or an application) "
                        "at this cooperative: see My Account."
                    )
                }
            partner.write(
                {
                    key: values[key]
                    for key in ("phone", "street", "city")
                    if values[key] and not partner[key]
                }
            )
        else:
            partner = (
                self.env["res.partner"]
                .sudo()
                .create(
                    {
                        "name": values["name"],
                        "email": values["email"],
                        "phone": values["phone"] or False,
                        "street": values["street"] or False,
                        "city": values["city"] or False,
                        "company_id": company.id,
                    }
                )
            )
        member = (
            self.sudo()
            .with_company(company)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "nik": values["nik"],
                    "gender": values["gender"] or False,
                    "birth_date": values["birth_date"] or False,
                    "occupation": values["occupation"] or False,
                    "member_group_id": values["member_group_id"],
                    "id_card_image": base64.b64encode(photo),
                    "id_card_filename": clean_text(
                        self.env, filename or "ktp", max_length=1000
                    )[:128]
                    or "ktp",
                }
            )
        )
        member._ensure_pokok_due()
        member.message_post(
            body=self.env._("Application received through the website.")
        )
        return member, {}

    # ------------------------------------------------------------------
    # XLSX registers
    # ------------------------------------------------------------------
    def action_export_register_xlsx(self):
        return self._export_xlsx_action("register")

    def action_export_capital_xlsx(self):
        return self._export_xlsx_action("capital")

    def _export_xlsx_action(self, report):
        ids = ",".join(str(i) for i in self.ids)
        return {
            "type": "ir.actions.act_url",
            "url": f"/koperasi/export/{report}?ids={ids}",
            "target": "self",
        }

    def _get_register_xlsx_data(self):
        """Buku Daftar Anggota: title, headers and one row per member."""
        states = dict(self._fields["state"]._description_selection(self.env))
        genders = dict(self._fields["gender"]._description_selection(self.env))
        headers = [
            self.env._("Member Number"),
            self.env._("Name"),
            self.env._("NIK"),
            self.env._("Gender"),
            self.env._("Address"),
            self.env._("Member Group"),
            self.env._("Join Date"),
            self.env._("Status"),
            self.env._("Exit Date"),
            self.env._("Exit Reason"),
            self.env._("Heir"),
            self.env._("Signature"),
        ]
        rows = []
        for member in self.sorted(lambda m: (m.member_number or "", m.id)):
            address = ", ".join(filter(None, [member.street, member.city]))
            rows.append(
                [
                    member.member_number or "",
                    member.name or "",
                    member.nik or "",
                    genders.get(member.gender, ""),
                    address,
                    member.member_group_id.name or "",
                    member.join_date,
                    states.get(member.state, ""),
                    member.exit_date,
                    member.exit_reason or "",
                    member.heir_name or "",
                    "",
                ]
            )
        return self.env._("Member Register"), headers, rows

    def _get_capital_xlsx_data(self):
        """Capital statement: pokok, wajib, total and arrears per member."""
        headers = [
            self.env._("Member Number"),
            self.env._("Name"),
            self.env._("Status"),
            self.env._("Principal Savings (Pokok)"),
            self.env._("Mandatory Savings (Wajib)"),
            self.env._("Capital"),
            self.env._("Arrears"),
        ]
        states = dict(self._fields["state"]._description_selection(self.env))
        rows = []
        for member in self.sorted(lambda m: (m.member_number or "", m.id)):
            rows.append(
                [
                    member.member_number or "",
                    member.name or "",
                    states.get(member.state, ""),
                    member.capital_pokok,
                    member.capital_wajib,
                    member.capital_total,
                    member.arrears_amount,
                ]
            )
        total = ["", self.env._("Total"), ""] + [
            sum(row[col] for row in rows) for col in range(3, 7)
        ]
        rows.append(total)
        return self.env._("Capital Statement"), headers, rows

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _demo_load_capital(self):
        """Demo: pokok paid, a year of wajib dues, most of them paid."""
        company = self.env.company
        journal = company._koperasi_get_journal()
        if not journal.default_account_id:
            return
        today = business_today(self, company)
        members = self.search(
            [
                ("company_id", "=", company.id),
                ("join_date", "!=", False),
                ("payment_ids", "=", False),
                ("state", "in", ("active", "suspended")),
            ],
            order="join_date, id",
        )
        Payment = self.env["koperasi.capital.payment"]
        for member in members:
            Payment.create(
                {
                    "member_id": member.id,
                    "kind": "pokok",
                    "amount": company.koperasi_pokok_amount,
                    "date": member.join_date,
                    "journal_id": journal.id,
                }
            ).action_post()
        first = capital_tools.period_start(min(members.mapped("join_date") or [today]))
        period = first
        Due = self.env["koperasi.capital.due"]
        while period <= today:
            Due._create_wajib_dues(company, period)
            period = capital_tools.add_months(period, 1)
        for index, member in enumerate(members.filtered(lambda m: m.state == "active")):
            member.invalidate_recordset()
            due = member._get_amount_due("wajib")
            # Every fourth member is two months behind.
            if index % 4 == 3:
                due -= 2 * company.koperasi_wajib_amount
            if due > 0:
                Payment.create(
                    {
                        "member_id": member.id,
                        "kind": "wajib",
                        "amount": due,
                        "date": today,
                        "journal_id": journal.id,
                    }
                ).action_post()
        leaving = self.env.ref(
            "koperasi_membership.member_kartini", raise_if_not_found=False
        )
        if leaving and leaving.state == "active":
            leaving._do_settle(
                "resigned", today, self.env._("Moved to Surabaya."), journal
            )

    # ------------------------------------------------------------------
    # Hooks for the other koperasi addons
    # ------------------------------------------------------------------
    def _get_settlement_deductions(self, exit_date=None):
        """Return what must be deducted from the member's exit refund on
        ``exit_date`` (the business date today when not given).

        A list of dicts ``{"name": str, "amount": float}``; amounts are
        positive and in the company currency. An optional ``account_id``
        names the account credited by the deduction (the company's
        settlement account otherwise). Other addons extend it with
        ``super()`` (outstanding loans, for instance).
        """
        self.ensure_one()
        return []

    def _get_settlement_credits(self, exit_date=None):
        """Return what is paid out to the member on exit besides capital.

        Same shape as :meth:`_get_settlement_deductions` (savings balances,
        for instance); an optional ``account_id`` is debited.
        """
        self.ensure_one()
        return []

    def _settlement_lock(self):
        """Lock (and touch) the rows the exit reads before it moves money:
        the member here; the other addons add theirs (savings accounts,
        loans) with ``super()``."""
        lock_rows(
            self,
            self.env._(
                "The exit of %(name)s is being settled by another request.",
                name=self.display_name,
            ),
        )

    def _settlement_close_positions(self, values, move, exit_date, journal):
        """After the settlement entry ``move`` is posted: close what the
        other addons hold for the member (savings accounts paid out, loans
        repaid from the refund). Extended with ``super()``."""
        self.ensure_one()

    @api.model
    def _get_shu_base(self, members, date_from, date_to):
        """Return the SHU base of each member over a period.

        ``{member_id: {"capital": float, "volume": float}}``: ``capital`` is
        the member's capital (S_a): posted simpanan pokok and wajib at
        ``date_to``, less exit refunds by then; ``volume`` the member's
        transactions with the cooperative (V_a). Other addons add their
        figures with ``super()``.
        """
        result = {member.id: {"capital": 0.0, "volume": 0.0} for member in members}
        if not members:
            return result
        groups = (
            self.env["koperasi.capital.payment"]
            .sudo()
            ._read_group(
                [
                    ("member_id", "in", members.ids),
                    ("state", "=", "posted"),
                    ("date", "<=", date_to),
                ],
                ["member_id"],
                ["amount:sum"],
            )
        )
        for member, amount in groups:
            result[member.id]["capital"] += amount
        for member in members.sudo():
            move = member.settlement_move_id
            if (
                move
                and move.state == "posted"
                and move.date <= fields.Date.to_date(date_to)
            ):
                result[member.id]["capital"] -= (
                    member.settled_pokok + member.settled_wajib
                )
        return result

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
