import base64
import datetime

from odoo import fields
from odoo.tests import tagged

from .common_shu import PDF_BYTES, YEAR, KoperasiShuCommon


@tagged("post_install", "-at_install")
class TestShuMembersPart(KoperasiShuCommon):
    """Year 2020 with business with members and non-members.

    Income: 12,500,000 without partner (common), 5,000,000 from A,
    1,600,000 from B, 2,900,000 from a non-member; expenses 2,500,000
    (common) and 1,500,000 to a non-member supplier. Result 18,000,000;
    income from members 6,600,000 of 22,000,000 (30%).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.member_a | cls.member_b).write(
            {"state": "active", "join_date": datetime.date(YEAR - 1, 12, 10)}
        )
        cls.member_c.write({"state": "active", "join_date": datetime.date(YEAR, 7, 1)})
        cls.outsider = cls.env["res.partner"].create({"name": "Toko Bukan Anggota"})
        for partner, income, expense in (
            (cls.member_a.partner_id, 5000000, 0),
            (cls.member_b.partner_id, 1600000, 0),
            (cls.outsider, 2900000, 1500000),
        ):
            cls._post_partner_result(partner, income, expense)

    @classmethod
    def _post_partner_result(cls, partner, income, expense):
        cash = cls.journal.default_account_id
        lines = [
            {"account_id": cash.id, "debit": income - expense},
            {"account_id": cls.income_account.id, "credit": income},
        ]
        if expense:
            lines.append({"account_id": cls.expense_account.id, "debit": expense})
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.misc_journal.id,
                "date": datetime.date(YEAR, 9, 30),
                "line_ids": [
                    fields.Command.create({**vals, "partner_id": partner.id})
                    for vals in lines
                ],
            }
        )
        move.action_post()
        return move

    def _allocation(self, dist):
        return {line.kind: line.amount for line in dist.allocation_line_ids}

    def _shares(self, dist):
        return {
            line.member_id: (line.capital_share, line.usage_share)
            for line in dist.member_line_ids
        }

    def test_setting_off_shares_the_whole_result(self):
        self.assertFalse(self.company.koperasi_shu_members_only)
        dist = self._distribution()
        dist.action_compute()
        self.assertFalse(dist.members_only)
        self.assertEqual(dist.result_amount, 18000000)
        self.assertEqual(dist.shu_amount, 18000000)
        self.assertEqual(dist.non_member_amount, 0)
        allocation = self._allocation(dist)
        # Capital pool 3,600,000 by capital-months 3.6M / 1.9M / 0.6M of 6.1M
        self.assertEqual(
            self._shares(dist),
            {
                self.member_a: (2124590, 0),
                self.member_b: (1121311, 0),
                self.member_c: (354098, 0),
            },
        )
        # 40% + the rupiah of the rounding + the usage pool nobody has a base for
        self.assertEqual(allocation["reserve"], 7200000 + 1 + 3600000)
        self.assertEqual(allocation["board"], 900000)
        self.assertEqual(sum(allocation.values()), 18000000)

    def test_members_part_only(self):
        self.company.koperasi_shu_members_only = True
        dist = self._distribution()
        dist.action_compute()
        self.assertTrue(dist.members_only)
        self.assertEqual(dist.result_amount, 18000000)
        # 18,000,000 x 6,600,000 / 22,000,000
        self.assertEqual(dist.shu_amount, 5400000)
        self.assertEqual(dist.non_member_amount, 12600000)
        allocation = self._allocation(dist)
        self.assertEqual(
            self._shares(dist),
            {
                self.member_a: (637377, 0),
                self.member_b: (336393, 0),
                self.member_c: (106229, 0),
            },
        )
        self.assertEqual(dist.members_amount, 1079999)
        self.assertEqual(allocation["capital"], 1079999)
        self.assertEqual(allocation["reserve"], 2160000 + 1 + 1080000)
        for kind in ("board", "staff", "education", "social"):
            self.assertEqual(allocation[kind], 270000)
        self.assertEqual(sum(allocation.values()), 5400000)

        # Posting: the whole result leaves the undistributed earnings, the
        # non-members' part goes to the reserve with the reserve's share.
        dist.write(
            {
                "rat_date": datetime.date(YEAR + 1, 3, 20),
                "minutes_file": base64.b64encode(PDF_BYTES),
                "minutes_filename": "notulen.pdf",
            }
        )
        dist.action_approve()
        dist.action_post()
        move = dist.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(sum(move.line_ids.mapped("debit")), 18000000)
        self.assertEqual(sum(move.line_ids.mapped("credit")), 18000000)
        source = self.company.get_unaffected_earnings_account()
        self.assertEqual(
            sum(
                move.line_ids.filtered(lambda line: line.account_id == source).mapped(
                    "debit"
                )
            ),
            18000000,
        )
        reserve_account = dist.allocation_line_ids.filtered(
            lambda a: a.kind == "reserve"
        )._get_account()
        reserve_credit = sum(
            move.line_ids.filtered(
                lambda line: line.account_id == reserve_account
            ).mapped("credit")
        )
        self.assertEqual(reserve_credit, 3240001 + 12600000)

    def test_rat_pack_shows_the_split(self):
        self.company.koperasi_shu_members_only = True
        self._distribution().action_compute()
        wizard = self.env["koperasi.rat.report"].create({"year": YEAR})
        data = wizard._get_pdf_data()
        self.assertEqual(data["income"]["result"], 18000000)
        self.assertTrue(data["members_only"])
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "koperasi_membership.action_report_rat_pack", wizard.ids
        )
        html = html.decode()
        self.assertIn("o_rat_shu_split", html)
        self.assertIn("5,400,000", html)
        self.assertIn("12,600,000", html)
        sheets = {sheet[0]: sheet[2] for sheet in wizard._get_xlsx_sheets()}
        income_rows = {row[0]: row[1] for row in sheets["Income Statement"]}
        self.assertEqual(
            income_rows["of which from business with members (shared)"], 5400000
        )
        self.assertEqual(
            income_rows["of which from business with non-members (to the reserve)"],
            12600000,
        )
