import base64
import datetime

from odoo import fields

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import KoperasiMembershipCommon

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
YEAR = 2020


class KoperasiShuCommon(KoperasiMembershipCommon):
    """A cooperative with a closed year 2020: SHU 10,000,000 and three
    members with capital (one joined in July)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.koperasi_allow_prepayment = True
        cls.income_account = cls._shu_account("KSHU.410", "Pendapatan Jasa", "income")
        cls.expense_account = cls._shu_account("KSHU.510", "Beban Usaha", "expense")
        cls.misc_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "general")], limit=1
        ) or cls.env["account.journal"].create(
            {"name": "Jurnal Umum SHU", "code": "KSHUM", "type": "general"}
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="kop_shu_portal",
            name="Anggota SHU Portal",
            groups="base.group_portal",
        )
        cls.member_a = cls.env["koperasi.member"].create(
            {
                "partner_id": cls.portal_user.partner_id.id,
                "nik": "3513100101700001",
                "state": "active",
                "join_date": datetime.date(YEAR - 1, 12, 15),
            }
        )
        cls.member_b = cls._create_member(
            "Budi Santoso",
            "3513100101700002",
            state="active",
            join_date=datetime.date(YEAR - 1, 12, 10),
        )
        cls.member_c = cls._create_member(
            "Citra Lestari",
            "3513100101700003",
            state="active",
            join_date=datetime.date(YEAR, 7, 1),
        )
        cls.member_d = cls._create_member("Dewi Tanpa Modal", "3513100101700004")
        # A: 300,000 all year
        cls._pay_on(cls.member_a, "pokok", 100000, datetime.date(YEAR - 1, 12, 15))
        cls._pay_on(cls.member_a, "wajib", 200000, datetime.date(YEAR - 1, 12, 20))
        # B: 100,000, then 200,000 from the end of June
        cls._pay_on(cls.member_b, "pokok", 100000, datetime.date(YEAR - 1, 12, 10))
        cls._pay_on(cls.member_b, "wajib", 100000, datetime.date(YEAR, 6, 30))
        # C: joined in July
        cls._pay_on(cls.member_c, "pokok", 100000, datetime.date(YEAR, 7, 1))
        # The year's result: 12,500,000 income, 2,500,000 expenses
        cls._post_result(12500000, 2500000, datetime.date(YEAR, 12, 31))

    @classmethod
    def _shu_account(cls, code, name, account_type):
        Account = cls.env["account.account"]
        return Account.search(
            [("code", "=", code), ("company_ids", "in", cls.company.ids)], limit=1
        ) or Account.create({"code": code, "name": name, "account_type": account_type})

    @classmethod
    def _pay_on(cls, member, kind, amount, date):
        payment = cls.env["koperasi.capital.payment"].create(
            {
                "member_id": member.id,
                "kind": kind,
                "amount": amount,
                "journal_id": cls.journal.id,
                "date": date,
            }
        )
        payment.action_post()
        return payment

    @classmethod
    def _post_result(cls, income, expense, date):
        cash = cls.journal.default_account_id
        lines = [
            {
                "account_id": cash.id,
                "debit": max(income - expense, 0),
                "credit": max(expense - income, 0),
            },
            {"account_id": cls.expense_account.id, "debit": expense},
        ]
        if income:
            lines.append({"account_id": cls.income_account.id, "credit": income})
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.misc_journal.id,
                "date": date,
                "line_ids": [fields.Command.create(vals) for vals in lines],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _distribution(cls, year=YEAR, **vals):
        return cls.env["koperasi.shu.distribution"].create(
            {"year": year, "journal_id": cls.misc_journal.id, **vals}
        )

    @classmethod
    def _approved(cls, year=YEAR):
        dist = cls._distribution(year)
        dist.action_compute()
        dist.write(
            {
                "rat_date": datetime.date(year + 1, 3, 20),
                "minutes_file": base64.b64encode(PDF_BYTES),
                "minutes_filename": "notulen_rat.pdf",
            }
        )
        dist.action_approve()
        return dist
