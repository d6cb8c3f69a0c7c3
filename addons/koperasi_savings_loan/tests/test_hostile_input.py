from datetime import date

from odoo.tests import tagged

from odoo.addons.koperasi_base.tests import hostile

from .common import KoperasiSavingsCommon


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestHostileInput(hostile.HostileInputCase):
    """Every savings and loan route, as a member with savings and a loan
    product to apply for."""

    addon = "koperasi_savings_loan"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._portal_user("ksl_hostile")
        member = cls.env["koperasi.member"].create(
            {
                "partner_id": user.partner_id.id,
                "nik": "3513010101909998",
                "state": "active",
            }
        )
        accounts = KoperasiSavingsCommon._create_accounting(cls.env, "KSLH")
        product = KoperasiSavingsCommon._create_product(
            cls.env, accounts, name="Sukarela Serangan", kind="sukarela"
        )
        account = cls.env["koperasi.savings.account"].create(
            {
                "member_id": member.id,
                "product_id": product.id,
                "open_date": date(2026, 1, 1),
            }
        )
        account.deposit(500000, payment_journal=accounts["cash_journal"])
        cls.env["koperasi.loan.product"].create(
            {
                "name": "Pinjaman Serangan",
                "journal_id": accounts["journal"].id,
                "interest_rate": 12.0,
                "term_min": 1,
                "term_max": 24,
                "max_amount": 10000000,
            }
        )

    def _personas(self):
        return [(None, None), ("ksl_hostile", "ksl_hostile_pw")]
