from collections import defaultdict

from odoo import api, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.koperasi_membership.tools import opening_xlsx
from odoo.addons.koperasi_membership.wizard.koperasi_opening_import import (
    BATCH_SIZE,
    Column,
)

_lt = LazyTranslate(__name__)

SAVINGS_LOAN_MANAGER = "koperasi_savings_loan.group_koperasi_savings_loan_manager"


class KoperasiOpeningImport(models.TransientModel):
    """Savings balances (sheet Simpanan) and outstanding loans (sheet
    Pinjaman) of the opening-balance file."""

    _inherit = "koperasi.opening.import"

    @api.model
    def _opening_sheets(self):
        sheets = super()._opening_sheets()
        example_nik = "3513010101900001"
        sheets += [
            {
                "key": "savings",
                "name": "Simpanan",
                "title": _lt("Savings balances"),
                "anchor": "nik",
                "columns": [
                    Column("nik", _lt("NIK"), "nik", True, example_nik),
                    Column("product", _lt("Savings Product"), "text", True, "Sukarela"),
                    Column("account_number", _lt("Account Number"), "text", False, ""),
                    Column("balance", _lt("Balance"), "amount", True, 1500000),
                    Column("open_date", _lt("Open Date"), "date", False, None),
                ],
            },
            {
                "key": "loans",
                "name": "Pinjaman",
                "title": _lt("Outstanding loans"),
                "anchor": "nik",
                "columns": [
                    Column("nik", _lt("NIK"), "nik", True, example_nik),
                    Column(
                        "product", _lt("Loan Product"), "text", True, "Pinjaman Umum"
                    ),
                    Column("reference", _lt("Reference"), "text", True, "PJ-2024-0001"),
                    Column("principal", _lt("Principal Left"), "amount", True, 6000000),
                    Column("rate", _lt("Annual Rate (%)"), "rate", False, 12),
                    Column("term", _lt("Remaining Term (months)"), "months", True, 6),
                    Column("next_due", _lt("Next Due Date"), "date", True, None),
                ],
            },
        ]
        return sheets

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _opening_check(self, plan):
        super()._opening_check(plan)
        self._opening_check_savings(plan)
        self._opening_check_loans(plan)

    def _summary_labels(self):
        labels = super()._summary_labels()
        labels["savings"] = self.env._("Savings accounts")
        labels["loans"] = self.env._("Loans")
        return labels

    def _opening_products(self, model, plan, with_code=False):
        """``{normalised name or code: product}`` of the company."""
        fnames = ["name", "code"] if with_code else ["name"]
        products = {}
        for product in self.env[model].search_fetch(
            [("company_id", "=", plan["company"].id)], fnames
        ):
            products[opening_xlsx.normalise(product.name)] = product
            if with_code and product.code:
                products[opening_xlsx.normalise(product.code)] = product
        return products

    def _opening_check_rights(self, plan, sheet_key, rows):
        if self.env.su or self.env.user.has_group(SAVINGS_LOAN_MANAGER):
            return True
        self._problem(
            plan,
            sheet_key,
            None,
            None,
            self.env._("Only the savings and loans board imports this sheet."),
        )
        return False

    def _opening_check_member(self, plan, sheet_key, row, nik):
        if self._opening_knows_nik(plan, nik):
            return True
        self._problem(
            plan,
            sheet_key,
            row,
            "nik",
            self.env._(
                "No member has the NIK %(nik)s: add the member to the Anggota sheet.",
                nik=nik,
            ),
        )
        return False

    def _opening_check_savings(self, plan):
        """Simpanan sheet: one account per member and product."""
        company = plan["company"]
        rows = self._rows(plan, "savings")
        plan["savings"] = []
        if not rows or not self._opening_check_rights(plan, "savings", rows):
            return
        products = self._opening_products(
            "koperasi.savings.product", plan, with_code=True
        )
        existing = {}
        numbers = set()
        for account in self.env["koperasi.savings.account"].search_fetch(
            [("company_id", "=", company.id)], ["member_id", "product_id", "name"]
        ):
            existing[(account.member_id.id, account.product_id.id)] = account.id
            numbers.add(account.name)
        seen = {}
        seen_numbers = {}
        for row, values in rows:
            bad = not self._opening_check_member(plan, "savings", row, values["nik"])
            product = products.get(opening_xlsx.normalise(values["product"]))
            if not product:
                self._problem(
                    plan,
                    "savings",
                    row,
                    "product",
                    self.env._(
                        "Unknown savings product %(product)s.",
                        product=values["product"],
                    ),
                )
                bad = True
            elif not product.account_liability_id or not product.journal_id:
                self._problem(
                    plan,
                    "savings",
                    row,
                    "product",
                    self.env._(
                        "Configure the journal and the liability account of the "
                        "savings product %(product)s first.",
                        product=product.name,
                    ),
                )
                bad = True
            if bad:
                continue
            key = (values["nik"], product.id)
            if key in seen:
                self._problem(
                    plan,
                    "savings",
                    row,
                    "product",
                    self.env._(
                        "This member's %(product)s account is already on row "
                        "%(row)s of the file.",
                        product=product.name,
                        row=seen[key],
                    ),
                )
                continue
            seen[key] = row
            member_id = plan["member_by_nik"].get(values["nik"])
            if member_id and (member_id, product.id) in existing:
                plan["skipped"]["savings"] += 1
                continue
            number = values["account_number"]
            if number and (number in numbers or number in seen_numbers):
                self._problem(
                    plan,
                    "savings",
                    row,
                    "account_number",
                    self.env._(
                        "The account number %(number)s is already used.",
                        number=number,
                    ),
                )
                continue
            if number:
                seen_numbers[number] = row
            if values["open_date"] and values["open_date"] > plan["date"]:
                self._problem(
                    plan,
                    "savings",
                    row,
                    "open_date",
                    self.env._("The open date is after the opening date."),
                )
                continue
            plan["savings"].append({**values, "row": row, "product": product})

    def _opening_check_loans(self, plan):
        """Pinjaman sheet: loans keyed by their reference."""
        company = plan["company"]
        rows = self._rows(plan, "loans")
        plan["loans"] = []
        if not rows or not self._opening_check_rights(plan, "loans", rows):
            return
        products = self._opening_products("koperasi.loan.product", plan)
        existing = set(
            self.env["koperasi.loan"]
            .search_fetch(
                [
                    ("company_id", "=", company.id),
                    ("opening_reference", "!=", False),
                ],
                ["opening_reference"],
            )
            .mapped("opening_reference")
        )
        seen = {}
        for row, values in rows:
            reference = values["reference"]
            if reference in seen:
                self._problem(
                    plan,
                    "loans",
                    row,
                    "reference",
                    self.env._(
                        "The reference %(reference)s is already on row %(row)s of "
                        "the file.",
                        reference=reference,
                        row=seen[reference],
                    ),
                )
                continue
            seen[reference] = row
            if reference in existing:
                plan["skipped"]["loans"] += 1
                continue
            bad = not self._opening_check_member(plan, "loans", row, values["nik"])
            product = products.get(opening_xlsx.normalise(values["product"]))
            if not product:
                self._problem(
                    plan,
                    "loans",
                    row,
                    "product",
                    self.env._(
                        "Unknown loan product %(product)s.", product=values["product"]
                    ),
                )
                bad = True
            elif not product.account_receivable_id or not product.journal_id:
                self._problem(
                    plan,
                    "loans",
                    row,
                    "product",
                    self.env._(
                        "Configure the journal and the receivable account of the "
                        "loan product %(product)s first.",
                        product=product.name,
                    ),
                )
                bad = True
            if not values["principal"]:
                self._problem(
                    plan,
                    "loans",
                    row,
                    "principal",
                    self.env._("The principal left must be greater than zero."),
                )
                bad = True
            if bad:
                continue
            rate = values["rate"]
            plan["loans"].append(
                {
                    **values,
                    "row": row,
                    "product": product,
                    "rate": product.interest_rate if rate is None else rate,
                }
            )

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------
    def _opening_import(self, plan):
        super()._opening_import(plan)
        self._opening_import_savings(plan)
        self._opening_import_loans(plan)

    def _opening_import_savings(self, plan):
        """Accounts with an opening-balance transaction each, all in one
        opening entry (one credit line per liability account)."""
        rows = plan["savings"]
        if not rows:
            return
        company = plan["company"]
        credits = defaultdict(float)
        for values in rows:
            credits[values["product"].account_liability_id] += values["balance"]
        move = None
        if any(credits.values()):
            move = self._opening_post_entry(
                plan,
                self.env._("Opening balance: savings"),
                {account: amount for account, amount in credits.items() if amount},
            )
        opening = plan["date"]
        # The months before the opening are the former books': no interest
        # run goes back to them.
        previous = opening.replace(day=1)
        previous = previous.replace(
            year=previous.year - (previous.month == 1),
            month=(previous.month - 2) % 12 + 1,
        )
        interest_period = f"{previous.year:04d}-{previous.month:02d}"
        Account = self._import_env("koperasi.savings.account")
        Transaction = self._import_env("koperasi.savings.transaction")
        label = self.env._("Opening balance")
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            account_vals = []
            for values in batch:
                vals = {
                    "member_id": plan["member_by_nik"][values["nik"]],
                    "product_id": values["product"].id,
                    "company_id": company.id,
                    "open_date": values["open_date"] or opening,
                    "interest_period": interest_period,
                    "last_transaction_date": opening if values["balance"] else False,
                }
                if values["account_number"]:
                    vals["name"] = values["account_number"]
                account_vals.append(vals)
            accounts = Account._workflow_create(account_vals)
            Transaction._workflow_create(
                [
                    {
                        "account_id": account.id,
                        "company_id": company.id,
                        "type": "opening",
                        "amount": values["balance"],
                        "date": opening,
                        "ref": label,
                        "state": "posted",
                        "move_id": move and move.id,
                    }
                    for account, values in zip(accounts, batch, strict=True)
                    if values["balance"]
                ]
            )
            plan["counts"]["savings"] += len(accounts)
            self.env.flush_all()
            self.env.invalidate_all()

    def _opening_import_loans(self, plan):
        """Loans in their disbursed state on the opening date, their
        remaining schedule computed by the loan's own schedule code from the
        principal left, rate, remaining term and next due date; one opening
        entry debits the products' receivable accounts."""
        rows = plan["loans"]
        if not rows:
            return
        company = plan["company"]
        debits = defaultdict(float)
        for values in rows:
            debits[values["product"].account_receivable_id] -= values["principal"]
        move = self._opening_post_entry(
            plan, self.env._("Opening balance: loans"), dict(debits)
        )
        Loan = self._import_env("koperasi.loan")
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            loans = Loan._workflow_create(
                [
                    {
                        "member_id": plan["member_by_nik"][values["nik"]],
                        "product_id": values["product"].id,
                        "company_id": company.id,
                        "amount": values["principal"],
                        "term_months": values["term"],
                        "interest_rate": values["rate"],
                        "application_date": plan["date"],
                        "disbursement_date": plan["date"],
                        "disbursement_move_id": move.id,
                        "state": "disbursed",
                        "opening_reference": values["reference"],
                        "opening_first_due_date": values["next_due"],
                    }
                    for values in batch
                ]
            )
            loans._generate_lines()
            plan["counts"]["loans"] += len(loans)
            self.env.flush_all()
            self.env.invalidate_all()
