import base64
import calendar
import datetime
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.workflow import workflow_action

from ..tools import capital as capital_tools
from ..tools import shu as shu_tools

INCOME_TYPES = ("income", "income_other")
EXPENSE_TYPES = ("expense", "expense_depreciation", "expense_direct_cost")
MINUTES_MAGIC = (b"%PDF-", capital_tools.PNG_MAGIC, capital_tools.JPEG_MAGIC)


class KoperasiShuDistribution(models.Model):
    _name = "koperasi.shu.distribution"
    _description = "SHU Distribution"
    _inherit = ["mail.thread", "koperasi.workflow.mixin"]
    _workflow_fields = (
        "state",
        "result_amount",
        "members_only",
        "non_member_amount",
        "shu_amount",
        "residue_amount",
        "move_id",
        "member_line_ids",
    )
    _workflow_frozen_fields = ("year", "company_id")
    _order = "year desc, id desc"
    _check_company_auto = True

    def _default_allocation_line_ids(self):
        # The allocations are named in the cooperative's language (its
        # contact's), as they are printed in the RAT pack.
        lang = self.env.company.partner_id.lang or self.env.lang
        labels = dict(
            self.env["koperasi.shu.allocation"]
            ._fields["kind"]
            ._description_selection(self.with_context(lang=lang).env)
        )
        return [
            fields.Command.create(
                {
                    "sequence": index,
                    "kind": kind,
                    "name": labels[kind],
                    "percentage": float(percentage),
                }
            )
            for index, (kind, percentage) in enumerate(shu_tools.DEFAULT_ALLOCATION)
        ]

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True,
        default=lambda self: business_today(self).year - 1,
        tracking=True,
    )
    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(compute="_compute_dates")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("computed", "Computed"),
            ("approved", "Approved by the RAT"),
            ("posted", "Posted"),
            ("paid", "Paid"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    result_amount = fields.Monetary(
        string="Result of the Year",
        readonly=True,
        copy=False,
        help="Income minus expenses of the year's posted journal entries.",
    )
    members_only = fields.Boolean(
        string="Members' Business Only",
        readonly=True,
        copy=False,
        help="Computed with the company setting 'SHU from members' business "
        "only': only the members' part of the result is shared, the "
        "non-members' part goes to the reserve.",
    )
    non_member_amount = fields.Monetary(
        string="Non-Members' Part",
        readonly=True,
        copy=False,
        help="The part of the result earned from business with non-members "
        "(in the proportion of the income from non-members); it goes entirely "
        "to the reserve.",
    )
    shu_amount = fields.Monetary(
        string="SHU to Distribute",
        readonly=True,
        copy=False,
        help="The SHU the allocation percentages apply to: the year's result, "
        "or its members' part (SHU bagian anggota) when the company shares "
        "only the SHU from members' business.",
    )
    residue_amount = fields.Monetary(
        string="Rounding to Reserve",
        readonly=True,
        copy=False,
        help="What the whole-rupiah rounding of the members' shares, and the "
        "pools nobody qualifies for, add to the reserve.",
    )
    members_amount = fields.Monetary(
        string="Members' SHU", compute="_compute_members_amount"
    )
    rat_date = fields.Date(string="RAT Date", tracking=True, copy=False)
    minutes_file = fields.Binary(string="RAT Minutes", attachment=True, copy=False)
    minutes_filename = fields.Char(copy=False)
    allocation_line_ids = fields.One2many(
        "koperasi.shu.allocation",
        "distribution_id",
        string="Allocation",
        default=lambda self: self._default_allocation_line_ids(),
        copy=True,
    )
    member_line_ids = fields.One2many(
        "koperasi.shu.member.line",
        "distribution_id",
        string="Members",
        readonly=True,
    )
    member_count = fields.Integer(compute="_compute_members_amount")
    move_id = fields.Many2one(
        "account.move",
        string="Allocation Entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Allocation Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Miscellaneous journal of the allocation entry.",
    )
    payment_journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        help="Cash or bank journal paying the members' SHU; the capital "
        "journal when empty.",
    )

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(year, company_id)",
            "There is already an SHU distribution for this year.",
        ),
    ]

    @api.depends("year")
    def _compute_name(self):
        for dist in self:
            dist.name = self.env._("SHU %(year)s", year=dist.year)

    @api.depends("year")
    def _compute_dates(self):
        for dist in self:
            year = dist.year or business_today(dist).year
            dist.date_from = datetime.date(year, 1, 1)
            dist.date_to = datetime.date(year, 12, 31)

    @api.depends("member_line_ids.amount")
    def _compute_members_amount(self):
        groups = {}
        if self.ids:
            for dist, count, total in self.env["koperasi.shu.member.line"]._read_group(
                [("distribution_id", "in", self.ids)],
                ["distribution_id"],
                ["__count", "amount:sum"],
            ):
                groups[dist.id] = (count, total)
        for dist in self:
            dist.member_count, dist.members_amount = groups.get(dist.id, (0, 0.0))

    @api.constrains("year")
    def _check_year(self):
        for dist in self:
            if not 1900 < dist.year < 3000:
                raise ValidationError(
                    self.env._("The year %(year)s is not valid.", year=dist.year)
                )

    @api.constrains("minutes_file")
    def _check_minutes_file(self):
        for dist in self.filtered("minutes_file"):
            content = base64.b64decode(dist.with_context(bin_size=False).minutes_file)
            if len(content) > capital_tools.MAX_UPLOAD_BYTES:
                raise ValidationError(
                    self.env._("The RAT minutes must be at most 5 MB.")
                )
            if not content.startswith(MINUTES_MAGIC):
                raise ValidationError(
                    self.env._("The RAT minutes must be a PDF, PNG or JPEG file.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if self.filtered(lambda d: d.state not in ("draft", "computed")):
            raise UserError(
                self.env._("An SHU distribution approved by the RAT cannot be deleted.")
            )

    # ------------------------------------------------------------------
    # Errors of the pure engine, translated
    # ------------------------------------------------------------------
    def _shu_error(self, error):
        params = error.params
        if error.code == "total":
            return UserError(
                self.env._(
                    "The allocation percentages total %(total)s%%; they must "
                    "total exactly 100%%.",
                    total=params["total"],
                )
            )
        if error.code == "negative":
            return UserError(
                self.env._(
                    "The allocation percentage %(percentage)s%% is negative.",
                    percentage=params["percentage"],
                )
            )
        if error.code == "no_surplus":
            return UserError(
                self.env._(
                    "The year %(year)s has no surplus to distribute (result: %(shu)s).",
                    year=self.year,
                    shu=params["shu"],
                )
            )
        return UserError(self.env._("The allocation needs a reserve (cadangan) line."))

    def _allocation_pairs(self):
        self.ensure_one()
        return [
            (line.kind, Decimal(str(line.percentage)))
            for line in self.allocation_line_ids
        ]

    def _check_percentages(self):
        for dist in self:
            try:
                shu_tools.check_percentages(dist._allocation_pairs())
            except shu_tools.ShuError as error:
                raise dist._shu_error(error) from None

    def _check_manager(self):
        if self.env.su or self.env.user.has_group(
            "koperasi_membership.group_koperasi_manager"
        ):
            return
        raise AccessError(
            self.env._("Only the board (koperasi managers) can approve the SHU.")
        )

    # ------------------------------------------------------------------
    # Compute pipeline
    # ------------------------------------------------------------------
    @workflow_action
    def action_compute(self):
        self._check_can_compute()
        for dist in self:
            dist._do_compute()
        return True

    def _check_can_compute(self):
        self._workflow_check_group(
            "koperasi_membership.group_koperasi_officer",
            self.env._("Only the cooperative's staff compute the SHU."),
        )
        for dist in self:
            if dist.state not in ("draft", "computed"):
                raise UserError(
                    self.env._(
                        "%(name)s was approved by the RAT: it cannot be recomputed.",
                        name=dist.display_name,
                    )
                )
        self._check_percentages()

    def _get_year_shu(self):
        """Income minus expenses of the year's posted entries."""
        self.ensure_one()
        Line = self.env["account.move.line"].sudo()
        base_domain = [
            ("company_id", "=", self.company_id.id),
            ("parent_state", "=", "posted"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        if not Line.search_count(base_domain, limit=1):
            raise UserError(
                self.env._(
                    "The year %(year)s has no posted journal entries: post the "
                    "year's accounts before computing the SHU.",
                    year=self.year,
                )
            )
        [(balance,)] = Line._read_group(
            [
                *base_domain,
                ("account_id.account_type", "in", INCOME_TYPES + EXPENSE_TYPES),
            ],
            [],
            ["balance:sum"],
        )
        return -(balance or 0.0)

    def _get_member_partners(self):
        """Contacts of the company's members during the year."""
        self.ensure_one()
        members = (
            self.env["koperasi.member"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "!=", "candidate"),
                    "|",
                    ("join_date", "=", False),
                    ("join_date", "<=", self.date_to),
                    "|",
                    ("exit_date", "=", False),
                    ("exit_date", ">=", self.date_from),
                ]
            )
        )
        return members.partner_id | members.partner_id.commercial_partner_id

    def _get_year_income(self):
        """``(total income, income from members)`` of the year's posted lines.

        The income from members is that of the income lines whose partner is
        a member of the cooperative (sales, interest, fees...).
        """
        self.ensure_one()
        Line = self.env["account.move.line"].sudo()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("parent_state", "=", "posted"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("account_id.account_type", "in", INCOME_TYPES),
        ]
        [(total,)] = Line._read_group(domain, [], ["balance:sum"])
        partners = self._get_member_partners()
        member_income = 0.0
        if partners:
            [(member_income,)] = Line._read_group(
                [*domain, ("partner_id", "in", partners.ids)], [], ["balance:sum"]
            )
        return -(total or 0.0), -(member_income or 0.0)

    def _split_year_result(self, result):
        """``(members' part, non-members' part)`` of the year's result."""
        self.ensure_one()
        if not self.company_id.koperasi_shu_members_only:
            return shu_tools.rupiah(result), 0
        total_income, member_income = self._get_year_income()
        return shu_tools.members_part(result, member_income, total_income)

    def _month_ends(self):
        self.ensure_one()
        return [
            datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])
            for month in range(1, 13)
        ]

    def _get_member_bases(self, members):
        """``{member_id: (capital-months, average capital, volume)}``.

        The capital is read at each month-end of the year through the
        membership hook (posted pokok and wajib, plus what the other addons
        add), so a member who joined or left during the year counts only the
        months held; the volume is the year's, from the same hook.
        """
        self.ensure_one()
        Member = self.env["koperasi.member"].sudo()
        monthly = {member_id: [] for member_id in members.ids}
        base = {}
        for month_end in self._month_ends():
            base = Member._get_shu_base(members, self.date_from, month_end)
            for member_id, values in base.items():
                monthly.setdefault(member_id, []).append(values.get("capital", 0.0))
        result = {}
        for member_id, capitals in monthly.items():
            volume = base.get(member_id, {}).get("volume", 0.0)
            result[member_id] = (
                shu_tools.capital_base(capitals),
                shu_tools.average_capital(capitals + [0] * (12 - len(capitals))),
                shu_tools.rupiah(volume),
            )
        return result

    def _do_compute(self):
        self.ensure_one()
        result = self._get_year_shu()
        if shu_tools.rupiah(result) <= 0:
            raise self._shu_error(shu_tools.ShuError("no_surplus", shu=result))
        shu, non_member = self._split_year_result(result)
        try:
            amounts = shu_tools.allocate(shu, self._allocation_pairs())
        except shu_tools.ShuError as error:
            raise self._shu_error(error) from None
        # A member whose exit was settled within the year has been paid out:
        # no SHU for them.
        members = (
            self.env["koperasi.member"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    "|",
                    ("settlement_move_id", "=", False),
                    ("exit_date", ">", self.date_to),
                ],
                order="id",
            )
        )
        bases = self._get_member_bases(members)
        bases = {
            member_id: values
            for member_id, values in bases.items()
            if values[0] > 0 or values[2] > 0
        }
        shares, cap_residue, use_residue = shu_tools.split_members(
            {member_id: (values[0], values[2]) for member_id, values in bases.items()},
            amounts.get(shu_tools.CAPITAL, 0),
            amounts.get(shu_tools.USAGE, 0),
        )
        self.member_line_ids.sudo().unlink()
        self.env["koperasi.shu.member.line"].sudo().create(
            [
                {
                    "distribution_id": self.id,
                    "member_id": member_id,
                    "capital_average": float(bases[member_id][1]),
                    "volume": float(bases[member_id][2]),
                    "capital_share": float(cap),
                    "usage_share": float(use),
                    "amount": float(cap + use),
                }
                for member_id, (cap, use) in shares.items()
                if cap or use
            ]
        )
        residue = cap_residue + use_residue
        finals = dict(amounts)
        finals[shu_tools.RESERVE] += residue
        finals[shu_tools.CAPITAL] = finals.get(shu_tools.CAPITAL, 0) - cap_residue
        finals[shu_tools.USAGE] = finals.get(shu_tools.USAGE, 0) - use_residue
        for line in self.allocation_line_ids:
            line.amount = float(finals.pop(line.kind, 0))
        self.write(
            {
                "result_amount": float(shu_tools.rupiah(result)),
                "members_only": self.company_id.koperasi_shu_members_only,
                "non_member_amount": float(non_member),
                "shu_amount": float(shu_tools.rupiah(shu)),
                "residue_amount": float(residue),
                "state": "computed",
            }
        )

    # ------------------------------------------------------------------
    # Approval at the RAT
    # ------------------------------------------------------------------
    @workflow_action
    def action_approve(self):
        self._check_can_approve()
        self.write({"state": "approved"})
        return True

    def _check_can_approve(self):
        self._check_manager()
        for dist in self:
            if dist.state != "computed":
                raise UserError(
                    self.env._(
                        "Only a computed SHU can be approved (%(name)s).",
                        name=dist.display_name,
                    )
                )
            if not dist.rat_date or not dist.minutes_file:
                raise UserError(
                    self.env._(
                        "Enter the RAT date and attach the minutes of the RAT "
                        "before approving %(name)s.",
                        name=dist.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Posting pipeline
    # ------------------------------------------------------------------
    @workflow_action
    def action_post(self):
        self._check_can_post()
        self._do_post()
        return True

    def _check_can_post(self):
        self._check_manager()
        for dist in self:
            if dist.move_id or dist.state in ("posted", "paid"):
                raise UserError(
                    self.env._("%(name)s is already posted.", name=dist.display_name)
                )
            if dist.state != "approved":
                raise UserError(
                    self.env._(
                        "%(name)s must be approved by the RAT before posting.",
                        name=dist.display_name,
                    )
                )

    def _get_allocation_journal(self):
        self.ensure_one()
        journal = self.journal_id or self.env["account.journal"].sudo().search(
            [("company_id", "=", self.company_id.id), ("type", "=", "general")],
            limit=1,
        )
        if not journal:
            raise UserError(
                self.env._("Configure a miscellaneous journal for the SHU entry.")
            )
        return journal

    def _prepare_move_vals(self):
        self.ensure_one()
        company = self.company_id
        source = company.sudo().get_unaffected_earnings_account()
        label = self.display_name
        credits = {}
        for line in self.allocation_line_ids.filtered("amount"):
            account = line._get_account()
            credits[account] = credits.get(account, 0.0) + line.amount
        if self.non_member_amount:
            # The non-members' part is not shared: all of it to the reserve.
            reserve = self.allocation_line_ids.filtered(
                lambda a: a.kind == shu_tools.RESERVE
            )[:1]._get_account()
            credits[reserve] = credits.get(reserve, 0.0) + self.non_member_amount
        line_vals = [
            fields.Command.create(
                {
                    "name": label,
                    "account_id": source.id,
                    "debit": self.shu_amount + self.non_member_amount,
                }
            )
        ]
        line_vals += [
            fields.Command.create(
                {"name": label, "account_id": account.id, "credit": amount}
            )
            for account, amount in credits.items()
        ]
        return {
            "move_type": "entry",
            "journal_id": self._get_allocation_journal().id,
            "company_id": company.id,
            "date": self.rat_date,
            "ref": label,
            "line_ids": line_vals,
        }

    def _do_post(self):
        for dist in self:
            move = self.env["account.move"].sudo().create(dist._prepare_move_vals())
            move.action_post()
            dist.write({"move_id": move.id, "state": "posted"})

    # ------------------------------------------------------------------
    # Payment pipeline
    # ------------------------------------------------------------------
    @workflow_action
    def action_pay(self):
        self._check_can_pay()
        for dist in self:
            lines = dist.member_line_ids.filtered(lambda line: not line.paid)
            if lines:
                dist._pay_member_shu(lines)
            dist.state = "paid"
        return True

    def _check_can_pay(self):
        self._check_manager()
        for dist in self:
            if dist.state != "posted":
                raise UserError(
                    self.env._(
                        "Only a posted SHU can be paid (%(name)s).",
                        name=dist.display_name,
                    )
                )

    def _get_members_payable_account(self):
        self.ensure_one()
        line = (
            self.allocation_line_ids.filtered(lambda a: a.kind == "capital")[:1]
            or self.allocation_line_ids.filtered(lambda a: a.kind == "usage")[:1]
        )
        return line._get_account()

    def _pay_member_shu(self, lines):
        """Pay the members' SHU of ``lines`` in cash or by bank.

        One payment of the posting service per member line, all created
        together: the members' SHU payable against the payment journal.
        Other addons override this to credit the members' savings instead,
        and mark what they paid; lines left unpaid are paid here.
        """
        self.ensure_one()
        lines = lines.filtered(lambda line: not line.paid)
        if not lines:
            return self.env["account.move"]
        journal = self.payment_journal_id or self.company_id._koperasi_get_journal()
        if not journal or not journal.sudo().default_account_id:
            raise UserError(
                self.env._("Configure a cash journal with a default account.")
            )
        payable = self._get_members_payable_account()
        label = self.env._("%(name)s paid in cash", name=self.display_name)
        today = business_today(self)
        currency = self.company_id.currency_id
        # A member whose SHU rounds to nothing has nothing to be paid.
        nothing = lines.filtered(lambda line: currency.is_zero(line.amount))
        nothing.sudo().write({"paid": True})
        lines -= nothing
        payments = self.env["koperasi.posting"]._post_cash_movements(
            [
                {
                    "company": self.company_id,
                    "journal": journal,
                    "partner": line.member_id.partner_id,
                    "amount": line.amount,
                    "direction": "out",
                    "account": payable,
                    "date": today,
                    "memo": label,
                }
                for line in lines
            ]
        )
        for line, payment in zip(lines, payments, strict=True):
            line.sudo().write({"paid": True, "payment_move_id": payment.move_id.id})
        return payments.move_id

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _demo_load_shu(self):
        """Demo: last year closed, its SHU computed and approved at the RAT."""
        company = self.env.company
        cash_journal = company._koperasi_get_journal()
        if not cash_journal.default_account_id:
            return
        today = business_today(self, company)
        year = today.year - 1
        if self.search_count([("company_id", "=", company.id), ("year", "=", year)]):
            return
        # The chart's sales and purchases accounts (the default accounts of
        # its sales and purchase journals).
        Journal = self.env["account.journal"]
        accounts = {
            account_type: Journal.search(
                [("company_id", "=", company.id), ("type", "=", journal_type)],
                limit=1,
            ).default_account_id
            for account_type, journal_type in (
                ("income", "sale"),
                ("expense", "purchase"),
            )
        }
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        if not all(accounts.values()) or not journal:
            return
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": datetime.date(year, 12, 31),
                "ref": "Rekap pendapatan dan beban usaha",
                "line_ids": [
                    fields.Command.create(
                        {
                            "name": "Kas",
                            "account_id": cash_journal.default_account_id.id,
                            "debit": 12250000.0,
                        }
                    ),
                    fields.Command.create(
                        {
                            "name": "Beban operasional",
                            "account_id": accounts["expense"].id,
                            "debit": 36250000.0,
                        }
                    ),
                    fields.Command.create(
                        {
                            "name": "Pendapatan jasa",
                            "account_id": accounts["income"].id,
                            "credit": 48500000.0,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        dist = self.create(
            {"year": year, "company_id": company.id, "journal_id": journal.id}
        )
        dist.action_compute()
        dist.write(
            {
                "rat_date": min(datetime.date(today.year, 3, 15), today),
                "minutes_file": base64.b64encode(
                    b"%PDF-1.4\n% Notulen RAT Koperasi (demo)\n%%EOF\n"
                ),
                "minutes_filename": f"notulen_rat_{year}.pdf",
            }
        )
        dist.action_approve()
