from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_shu import YEAR, KoperasiShuCommon


@tagged("post_install", "-at_install")
class TestShuAccessRights(KoperasiShuCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.distribution = cls._distribution()
        cls.distribution.action_compute()

    def test_supervisor_reads_only(self):
        dist = self.distribution.with_user(self.supervisor)
        self.assertEqual(dist.shu_amount, 10000000)
        with self.assertRaises(AccessError):
            self.env["koperasi.shu.distribution"].with_user(self.supervisor).create(
                {"year": YEAR + 1}
            )
        with self.assertRaises(AccessError):
            dist.write({"year": YEAR + 2})

    def test_officer_computes_manager_approves(self):
        dist = self.distribution.with_user(self.officer)
        dist.action_compute()
        self.assertEqual(dist.state, "computed")
        with self.assertRaises(AccessError):
            dist.unlink()
        with self.assertRaises(AccessError):
            dist.action_post()
        with self.assertRaises(AccessError):
            dist.action_pay()

    def test_portal_cannot_read_distribution(self):
        with self.assertRaises(AccessError):
            self.distribution.with_user(self.portal_user).read(["shu_amount"])
        # A computed (not yet approved) SHU is hidden from the member.
        lines = self.env["koperasi.shu.member.line"].with_user(self.portal_user)
        self.assertFalse(lines.search([]))
