from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.mail.tests.common import mail_new_test_user

from ..tools import capital as capital_tools

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02"
    b"\x00\x00\x00\xfd\xd4\x9as\x00\x00\x00\x16IDATx\x9cc<!%\xc7\xc0\xc0\xc4\xc0"
    b"\xc0\xc0\xc0\xc0\x00\x00\r\x04\x01\x08}q\xcaf\x00\x00\x00\x00IEND\xaeB`\x82"
)


class KoperasiMembershipCommon(BaseCommon):
    """The cast of the membership tests, built once per class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.company = cls.env.company
        cls.currency = cls.company.currency_id
        cls.manager = mail_new_test_user(
            cls.env,
            login="kop_manager",
            name="Ketua Koperasi",
            groups="koperasi_membership.group_koperasi_manager",
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="kop_officer",
            name="Teller Koperasi",
            groups="koperasi_membership.group_koperasi_officer",
        )
        cls.supervisor = mail_new_test_user(
            cls.env,
            login="kop_supervisor",
            name="Pengawas Koperasi",
            groups="koperasi_membership.group_koperasi_user",
        )
        cls.group_lele = cls.env["koperasi.member.group"].create(
            {"name": "Kelompok Lele"}
        )
        cls.journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "cash")], limit=1
        ) or cls.env["account.journal"].create(
            {"name": "Kas Koperasi", "code": "KKOP", "type": "cash"}
        )
        cls.company.write(
            {
                "koperasi_pokok_amount": 100000.0,
                "koperasi_wajib_amount": 25000.0,
                "koperasi_allow_prepayment": False,
                "koperasi_journal_id": cls.journal.id,
            }
        )
        cls.today = business_today(cls.company)
        cls.this_period = capital_tools.period_start(cls.today)

    @classmethod
    def _create_member(cls, name, nik, **vals):
        partner = cls.env["res.partner"].create(
            {"name": name, "email": vals.pop("email", False)}
        )
        return cls.env["koperasi.member"].create(
            {"partner_id": partner.id, "nik": nik, **vals}
        )

    @classmethod
    def _pay(cls, member, kind, amount, date=None, user=None):
        env = cls.env(user=user) if user else cls.env
        payment = env["koperasi.capital.payment"].create(
            {
                "member_id": member.id,
                "kind": kind,
                "amount": amount,
                "journal_id": cls.journal.id,
                "date": date or cls.today,
            }
        )
        payment.action_post()
        return payment

    @classmethod
    def _create_dues(cls, months, members=None):
        """Wajib dues of the last ``months`` periods (oldest first)."""
        Due = cls.env["koperasi.capital.due"]
        for back in range(months - 1, -1, -1):
            Due._create_wajib_dues(
                cls.company, capital_tools.add_months(cls.this_period, -back)
            )
