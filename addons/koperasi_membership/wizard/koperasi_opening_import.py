import base64
import datetime
import math
import re
from collections import defaultdict, namedtuple

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.translate import LazyTranslate

from odoo.addons.koperasi_base.tools import xlsx as xlsx_tools
from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import (
    MAX_AMOUNT,
    clean_text,
    is_ascii_digits,
    parse_amount,
    parse_float,
    parse_int,
)

from ..tools import capital as capital_tools
from ..tools import opening_xlsx

_lt = LazyTranslate(__name__)

MANAGER = "koperasi_membership.group_koperasi_manager"
# The problems a check keeps to show; the summary counts them all.
MAX_PROBLEMS_SHOWN = 1000
BATCH_SIZE = 2000
_DAY_FIRST = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$", re.ASCII)
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$", re.ASCII)

# A column of a sheet: its key in the code, its header (English source, the
# template shows it in the user's language; both are read back), its kind of
# value, whether a row needs it, and the value of the template's example row.
Column = namedtuple("Column", "key label kind required example")


class KoperasiOpeningImport(models.TransientModel):
    """Opening balances of a cooperative moving in from a spreadsheet.

    The board downloads the template, fills one sheet per kind of balance,
    checks the file (a dry run that lists every row's problems and writes
    nothing), then imports it: the members with their paid capital (and,
    with koperasi_savings_loan, the savings balances and outstanding
    loans), each kind posted as ONE balanced opening entry against the
    company's unaffected earnings account (where Odoo balances its own
    opening entry). Rows already imported are skipped: importing the same
    file twice creates nothing the second time.

    Extension hooks: :meth:`_opening_sheets` (the template's sheets),
    :meth:`_opening_check` (reads and checks the rows into a plan) and
    :meth:`_opening_import` (creates the records of a plan).
    """

    _name = "koperasi.opening.import"
    _description = "Opening Balances Import"
    _inherit = ["koperasi.company.guard"]
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    opening_date = fields.Date(
        required=True,
        default=business_today,
        help="Date of the opening entries: the balances of the file are the "
        "balances at the end of this day.",
    )
    file = fields.Binary(string="XLSX File", attachment=False)
    filename = fields.Char()
    template_file = fields.Binary(readonly=True, attachment=False)
    state = fields.Selection(
        [("draft", "To Check"), ("checked", "Checked"), ("done", "Imported")],
        default="draft",
        readonly=True,
    )
    problem_ids = fields.One2many(
        "koperasi.opening.import.problem", "wizard_id", readonly=True
    )
    problem_count = fields.Integer(readonly=True)
    summary = fields.Text(readonly=True)

    @api.onchange("file", "opening_date", "company_id")
    def _onchange_file(self):
        self.state = "draft"
        self.problem_ids = [fields.Command.clear()]
        self.problem_count = 0
        self.summary = False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_download_template(self):
        self.ensure_one()
        self._check_can_import()
        content = xlsx_tools.build_workbook_sheets(self._opening_template_sheets())
        filename = "koperasi_opening_balances.xlsx"
        self.write({"template_file": base64.b64encode(content)})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}"
            f"&field=template_file&filename={filename}&download=true",
            "target": "self",
        }

    def action_check(self):
        """The dry run: every row's problems, nothing written."""
        self.ensure_one()
        self._check_can_import()
        # The cooperative's records are read in its company, whichever
        # company the user is working in.
        wizard = self.with_company(self.company_id)
        plan = wizard._opening_plan()
        wizard._show_plan(plan, "checked")
        return self._reopen()

    def action_import(self):
        """Import the file; refused while it has problems."""
        self.ensure_one()
        self._check_can_import()
        wizard = self.with_company(self.company_id)
        plan = wizard._opening_plan()
        if plan["problems"]:
            raise UserError(
                self.env._(
                    "The file has %(count)s problem(s): check it, correct the rows "
                    "listed and import it again. Nothing was imported.",
                    count=len(plan["problems"]),
                )
            )
        wizard._opening_import(plan)
        wizard._show_plan(plan, "done")
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Opening Balances"),
        }

    def _check_can_import(self):
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        raise AccessError(self.env._("Only the board imports opening balances."))

    # ------------------------------------------------------------------
    # The template
    # ------------------------------------------------------------------
    @api.model
    def _opening_sheets(self):
        """The sheets of the template: ``[{"key", "name", "title", "anchor",
        "columns": [Column]}]``; ``anchor`` is the column that marks the
        header row. Sheet names are kept as the cooperatives know them."""
        example_join = datetime.date(2020, 1, 15)
        return [
            {
                "key": "members",
                "name": "Anggota",
                "title": _lt("Members and capital"),
                "anchor": "nik",
                "columns": [
                    Column("nik", _lt("NIK"), "nik", True, "3513010101900001"),
                    Column("name", _lt("Name"), "text", True, "Siti Aminah"),
                    Column("join_date", _lt("Join Date"), "date", True, example_join),
                    Column("group", _lt("Member Group"), "text", False, ""),
                    Column("phone", _lt("Phone"), "text", False, "081234567890"),
                    Column("street", _lt("Address"), "text", False, "Jl. Mawar 1"),
                    Column("city", _lt("City"), "text", False, "Probolinggo"),
                    Column("pokok", _lt("Pokok Paid"), "amount", False, 100000),
                    Column("wajib", _lt("Wajib Paid"), "amount", False, 600000),
                ],
            }
        ]

    def _opening_template_sheets(self):
        sheets = []
        for sheet in self._opening_sheets():
            sheets.append(
                (
                    sheet["name"],
                    [self.env._(column.label) for column in sheet["columns"]],
                    [
                        [
                            self.opening_date
                            if column.kind == "date" and column.example is None
                            else column.example
                            for column in sheet["columns"]
                        ]
                    ],
                    self.env._(
                        "%(title)s: one row per record, from the row under the "
                        "headers; replace the example row. Dates as YYYY-MM-DD, "
                        "the NIK as text.",
                        title=self.env._(sheet["title"]),
                    ),
                )
            )
        return sheets

    # ------------------------------------------------------------------
    # Reading and checking: the plan
    # ------------------------------------------------------------------
    def _opening_content(self):
        if not self.file:
            raise UserError(self.env._("Choose the XLSX file to import."))
        content = base64.b64decode(self.file)
        if len(content) > opening_xlsx.MAX_FILE_SIZE:
            raise UserError(self._workbook_message("too_big", {}))
        if guess_mimetype(content) != xlsx_tools.CONTENT_TYPE:
            raise UserError(self._workbook_message("not_xlsx", {}))
        return content

    def _workbook_message(self, code, params):
        if code == "too_big":
            return self.env._(
                "The file is too big: at most %(size)s MB.",
                size=opening_xlsx.MAX_FILE_SIZE // (1024 * 1024),
            )
        if code == "too_many_rows":
            return self.env._(
                "The sheet %(sheet)s has more than %(rows)s rows: split the file.",
                sheet=params.get("sheet"),
                rows=params.get("rows"),
            )
        return self.env._(
            "The file is not an Excel workbook (.xlsx): download the template, "
            "fill it in and save it as .xlsx."
        )

    def _opening_plan(self):
        """Read and check the file: the plan of what an import creates, with
        every problem found (``plan["problems"]``)."""
        self.ensure_one()
        content = self._opening_content()
        sheets = {sheet["key"]: sheet for sheet in self._opening_sheets()}
        specs = {}
        for key, sheet in sheets.items():
            specs[key] = {
                "names": {opening_xlsx.normalise(sheet["name"]), key},
                "anchor": sheet["anchor"],
                "columns": {
                    column.key: {
                        opening_xlsx.normalise(column.key),
                        opening_xlsx.normalise(column.label._source),
                        opening_xlsx.normalise(self.env._(column.label)),
                    }
                    for column in sheet["columns"]
                },
            }
        try:
            data = opening_xlsx.read_workbook(content, specs)
        except opening_xlsx.WorkbookError as error:
            raise UserError(self._workbook_message(error.code, error.params)) from None
        company = self.company_id
        plan = {
            "company": company,
            "date": self.opening_date,
            "sheets": sheets,
            "data": data,
            "problems": [],
            "skipped": defaultdict(int),
            "counts": defaultdict(int),
            "moves": self.env["account.move"].sudo(),
        }
        if not any(sheet["found"] for sheet in data.values()):
            names = ", ".join(sheet["name"] for sheet in sheets.values())
            self._problem(
                plan,
                None,
                None,
                None,
                self.env._(
                    "No sheet of the template was found (expected: %(names)s).",
                    names=names,
                ),
            )
        for key, sheet in data.items():
            for column_key in sheet["missing"]:
                column = self._column(plan, key, column_key)
                if column.required or column_key == sheets[key]["anchor"]:
                    self._problem(
                        plan,
                        key,
                        None,
                        column_key,
                        self.env._("The column is missing from the header row."),
                    )
        if not self._opening_journal(company):
            self._problem(
                plan,
                None,
                None,
                None,
                self.env._(
                    "The company has no miscellaneous journal for the opening entries."
                ),
            )
        self._opening_check(plan)
        return plan

    def _opening_check(self, plan):
        """Check the rows of the file into ``plan`` (extended by the other
        addons, which call super first: the members come first)."""
        self._opening_check_members(plan)

    def _column(self, plan, sheet_key, column_key):
        return next(
            column
            for column in plan["sheets"][sheet_key]["columns"]
            if column.key == column_key
        )

    def _problem(self, plan, sheet_key, row, column_key, message):
        plan["problems"].append(
            {
                "sheet": plan["sheets"][sheet_key]["name"] if sheet_key else "",
                "row": row or 0,
                "column": self.env._(self._column(plan, sheet_key, column_key).label)
                if sheet_key and column_key
                else "",
                "message": message,
            }
        )

    def _rows(self, plan, sheet_key):
        """The rows of a sheet whose header row is complete, values parsed:
        ``[(row_number, {column: value})]``; a row with a bad value is
        reported and left out."""
        sheet = plan["data"].get(sheet_key)
        if not sheet or not sheet["found"]:
            return []
        columns = plan["sheets"][sheet_key]["columns"]
        if any(
            self._column(plan, sheet_key, key).required
            or key == plan["sheets"][sheet_key]["anchor"]
            for key in sheet["missing"]
        ):
            return []
        rows = []
        for row_number, values in sheet["rows"]:
            clean = {}
            bad = False
            for column in columns:
                value = values.get(column.key)
                try:
                    clean[column.key] = self._parse_value(column, value)
                except ValidationError as error:
                    self._problem(
                        plan, sheet_key, row_number, column.key, error.args[0]
                    )
                    bad = True
            if not bad:
                rows.append((row_number, clean))
        return rows

    def _parse_value(self, column, value):
        """A cell as its column's kind, or a ValidationError saying why not."""
        env = self.env
        if value is None or value == "":
            if column.required:
                raise ValidationError(env._("The value is required."))
            return 0.0 if column.kind == "amount" else None
        parser = getattr(self, f"_parse_{column.kind}")
        return parser(value)

    def _parse_text(self, value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime.date):
            value = value.isoformat()
        return clean_text(self.env, str(value), max_length=200)

    def _parse_nik(self, value):
        if not isinstance(value, str):
            raise ValidationError(
                self.env._(
                    "The NIK is stored as a number, which the spreadsheet rounds "
                    "after 15 digits: format the column as text and type it again."
                )
            )
        nik = value.strip()
        if not is_ascii_digits(nik, 16):
            raise ValidationError(
                self.env._(
                    "The NIK %(nik)s is not valid: it must be exactly 16 digits.",
                    nik=nik[:40],
                )
            )
        return nik

    def _parse_date(self, value):
        if isinstance(value, datetime.date):
            day = value
        else:
            text = str(value).strip()
            iso = _ISO.match(text)
            day_first = _DAY_FIRST.match(text)
            try:
                if iso:
                    day = datetime.date(*(int(part) for part in iso.groups()))
                elif day_first:
                    dd, mm, yyyy = (int(part) for part in day_first.groups())
                    day = datetime.date(yyyy, mm, dd)
                else:
                    raise ValueError(text)
            except ValueError:
                raise ValidationError(
                    self.env._("Enter a date as YYYY-MM-DD or DD/MM/YYYY.")
                ) from None
        if not 1900 <= day.year <= 2100:
            raise ValidationError(self.env._("The date is not plausible."))
        return day

    def _parse_amount(self, value):
        env = self.env
        if isinstance(value, bool) or isinstance(value, datetime.date):
            raise ValidationError(env._("The amount is not a number."))
        if isinstance(value, int | float):
            if not math.isfinite(value) or abs(value) > MAX_AMOUNT:
                raise ValidationError(env._("The amount is not plausible."))
            amount = float(value)
        else:
            try:
                amount = parse_amount(env, str(value), minimum=-MAX_AMOUNT)
            except ValidationError:
                raise ValidationError(env._("The amount is not a number.")) from None
        if amount < 0:
            raise ValidationError(env._("The amount cannot be negative."))
        return self.company_id.currency_id.round(amount)

    def _parse_rate(self, value):
        if isinstance(value, bool) or isinstance(value, datetime.date):
            raise ValidationError(self.env._("The rate is not a number."))
        try:
            return parse_float(self.env, value, 0.0, 100.0)
        except ValidationError:
            raise ValidationError(
                self.env._("The rate is an annual percentage between 0 and 100.")
            ) from None

    def _parse_months(self, value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or isinstance(value, datetime.date):
            raise ValidationError(self.env._("The term is not a number."))
        try:
            return parse_int(self.env, value, minimum=1, maximum=600)
        except ValidationError:
            raise ValidationError(
                self.env._("The term is a whole number of months, 1 to 600.")
            ) from None

    @api.model
    def _opening_journal(self, company):
        return (
            self.env["account.journal"]
            .sudo()
            .search(
                [
                    *self.env["account.journal"]._check_company_domain(company),
                    ("type", "=", "general"),
                ],
                order="sequence, id",
                limit=1,
            )
        )

    def _opening_check_members(self, plan):
        """Members sheet: new members keyed by NIK, with their paid capital."""
        company = plan["company"]
        existing = {
            member.nik: member.id
            for member in self.env["koperasi.member"]
            .with_context(active_test=False)
            .search_fetch([("company_id", "=", company.id)], ["nik"])
        }
        plan["member_by_nik"] = dict(existing)
        groups = {
            opening_xlsx.normalise(group.name): group.id
            for group in self.env["koperasi.member.group"].search_fetch(
                [("company_id", "in", (company.id, False))], ["name"]
            )
        }
        seen = {}
        plan["members"] = []
        plan["file_niks"] = set()
        for row, values in self._rows(plan, "members"):
            nik = values["nik"]
            if nik in seen:
                self._problem(
                    plan,
                    "members",
                    row,
                    "nik",
                    self.env._(
                        "The NIK %(nik)s is already on row %(row)s of the file.",
                        nik=nik,
                        row=seen[nik],
                    ),
                )
                continue
            seen[nik] = row
            if nik in existing:
                plan["skipped"]["members"] += 1
                continue
            bad = False
            group_id = False
            if values["group"]:
                group_id = groups.get(opening_xlsx.normalise(values["group"]))
                if not group_id:
                    self._problem(
                        plan,
                        "members",
                        row,
                        "group",
                        self.env._(
                            "Unknown member group %(group)s: create it first.",
                            group=values["group"],
                        ),
                    )
                    bad = True
            if values["join_date"] > plan["date"]:
                self._problem(
                    plan,
                    "members",
                    row,
                    "join_date",
                    self.env._("The join date is after the opening date."),
                )
                bad = True
            if bad:
                continue
            plan["file_niks"].add(nik)
            plan["members"].append({**values, "row": row, "group_id": group_id})

    def _opening_member_id(self, plan, nik):
        """The member of a NIK: one already in the cooperative, or a new one
        of the file's members sheet (known after the members are created)."""
        return plan["member_by_nik"].get(nik)

    def _opening_knows_nik(self, plan, nik):
        return nik in plan["member_by_nik"] or nik in plan["file_niks"]

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------
    def _import_env(self, model):
        """``model`` for bulk creation: no tracking, no chatter per record,
        as Odoo's own imports do."""
        return self.env[model].with_context(
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_notrack=True,
        )

    def _opening_import(self, plan):
        """Create the records of a checked plan (extended by the other
        addons, which call super first)."""
        self._opening_import_members(plan)
        self._opening_import_capital(plan)

    def _opening_import_members(self, plan):
        company = plan["company"]
        Partner = self._import_env("res.partner")
        Member = self._import_env("koperasi.member")
        rows = plan["members"]
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            partners = Partner.create(
                [
                    {
                        "name": values["name"],
                        "phone": values["phone"] or False,
                        "street": values["street"] or False,
                        "city": values["city"] or False,
                        "company_id": company.id,
                    }
                    for values in batch
                ]
            )
            members = Member._workflow_create(
                [
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "nik": values["nik"],
                        "join_date": values["join_date"],
                        "member_group_id": values["group_id"],
                        "state": "active",
                    }
                    for partner, values in zip(partners, batch, strict=True)
                ]
            )
            for member, values in zip(members, batch, strict=True):
                plan["member_by_nik"][values["nik"]] = member.id
            self.env.flush_all()
            self.env.invalidate_all()
        plan["counts"]["members"] = len(rows)

    def _opening_import_capital(self, plan):
        """Paid capital as posted capital payments marked as opening
        balances (the member's capital, statements and portal read them),
        all in one opening entry. Every new member gets the pokok due, as a
        registration does, settled by what the file says was paid: what is
        missing shows as arrears."""
        company = plan["company"]
        rows = plan["members"]
        if not rows:
            return
        totals = {
            kind: sum(values[kind] for values in rows) for kind in ("pokok", "wajib")
        }
        move = None
        if any(totals.values()):
            move = self._opening_post_entry(
                plan,
                self.env._("Opening balance: members' capital"),
                {
                    company._koperasi_get_account(kind): total
                    for kind, total in totals.items()
                    if total
                },
            )
        Payment = self._import_env("koperasi.capital.payment")
        Due = self._import_env("koperasi.capital.due").sudo()
        pokok_amount = capital_tools.round_rupiah(company.koperasi_pokok_amount)
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            payment_vals = []
            due_vals = []
            for values in batch:
                member_id = plan["member_by_nik"][values["nik"]]
                for kind in ("pokok", "wajib"):
                    if values[kind]:
                        payment_vals.append(
                            {
                                "member_id": member_id,
                                "company_id": company.id,
                                "kind": kind,
                                "amount": values[kind],
                                "date": plan["date"],
                                "journal_id": move.journal_id.id,
                                "move_id": move.id,
                                "state": "posted",
                                "is_opening": True,
                            }
                        )
                if pokok_amount > 0 or values["pokok"]:
                    due_vals.append(
                        {
                            "member_id": member_id,
                            "company_id": company.id,
                            "kind": "pokok",
                            "period_date": capital_tools.period_start(
                                values["join_date"]
                            ),
                            "amount": max(pokok_amount, values["pokok"]),
                        }
                    )
            payments = Payment._workflow_create(payment_vals)
            dues = Due.create(due_vals)
            due_of = {due.member_id.id: due.id for due in dues}
            self._import_env("koperasi.capital.allocation")._workflow_create(
                [
                    {
                        "payment_id": payment.id,
                        "due_id": due_of[payment.member_id.id],
                        "amount": payment.amount,
                    }
                    for payment in payments
                    if payment.kind == "pokok"
                ]
            )
            plan["counts"]["capital_payments"] += len(payments)
            self.env.flush_all()
            self.env.invalidate_all()

    def _opening_post_entry(self, plan, label, credits):
        """Post ONE balanced opening entry: ``credits`` maps an account to
        the amount credited to it (a negative amount is a debit: loans);
        the company's unaffected earnings account takes the other side."""
        company = plan["company"]
        journal = self._opening_journal(company)
        counterpart = company.sudo().get_unaffected_earnings_account()
        lines = []
        balance = 0.0
        for account, amount in credits.items():
            balance += amount
            lines.append(
                {
                    "name": label,
                    "account_id": account.id,
                    "debit": -amount if amount < 0 else 0.0,
                    "credit": amount if amount > 0 else 0.0,
                }
            )
        lines.append(
            {
                "name": label,
                "account_id": counterpart.id,
                "debit": balance if balance > 0 else 0.0,
                "credit": -balance if balance < 0 else 0.0,
            }
        )
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": plan["date"],
                    "ref": label,
                    "company_id": company.id,
                    "line_ids": [fields.Command.create(line) for line in lines],
                }
            )
        )
        move.action_post()
        plan["moves"] |= move
        return move

    # ------------------------------------------------------------------
    # Showing the result
    # ------------------------------------------------------------------
    def _show_plan(self, plan, state):
        problems = plan["problems"]
        self.problem_ids.unlink()
        self.env["koperasi.opening.import.problem"].create(
            [
                {"wizard_id": self.id, "sequence": index, **problem}
                for index, problem in enumerate(problems[:MAX_PROBLEMS_SHOWN])
            ]
        )
        self.write(
            {
                "state": state,
                "problem_count": len(problems),
                "summary": "\n".join(self._summary_lines(plan, state)),
            }
        )

    def _summary_labels(self):
        """What the summary counts: ``{key: label}``."""
        return {
            "members": self.env._("Members"),
            "capital_payments": self.env._("Capital payments"),
        }

    def _summary_lines(self, plan, state):
        labels = self._summary_labels()
        lines = []
        if plan["problems"]:
            lines.append(
                self.env._(
                    "%(count)s problem(s): correct the rows listed below, then "
                    "check the file again.",
                    count=len(plan["problems"]),
                )
            )
            if len(plan["problems"]) > MAX_PROBLEMS_SHOWN:
                lines.append(
                    self.env._(
                        "Only the first %(count)s are listed.",
                        count=MAX_PROBLEMS_SHOWN,
                    )
                )
        elif state == "checked":
            lines.append(self.env._("No problem found: the file can be imported."))
        for key, label in labels.items():
            if state == "done" and plan["counts"].get(key):
                lines.append(
                    self.env._(
                        "%(label)s created: %(count)s",
                        label=label,
                        count=plan["counts"][key],
                    )
                )
            if plan["skipped"].get(key):
                lines.append(
                    self.env._(
                        "%(label)s already imported (skipped): %(count)s",
                        label=label,
                        count=plan["skipped"][key],
                    )
                )
        if state == "done":
            for move in plan["moves"]:
                lines.append(
                    self.env._(
                        "Opening entry %(name)s: %(ref)s, %(amount)s",
                        name=move.name,
                        ref=move.ref,
                        amount=move.currency_id.format(move.amount_total),
                    )
                )
            if not plan["moves"]:
                lines.append(self.env._("Nothing new to post."))
        return lines
