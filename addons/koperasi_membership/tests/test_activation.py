from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KoperasiMembershipCommon


@tagged("post_install", "-at_install")
class TestActivation(KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.candidate = cls._create_member(
            "Calon Anggota",
            "3513104101800201",
            email="calon.anggota@example.com",
            member_group_id=cls.group_lele.id,
        )

    def test_activate_without_pokok_refused(self):
        with self.assertRaisesRegex(UserError, "simpanan pokok"):
            self.candidate.with_user(self.manager).action_activate()
        self.assertEqual(self.candidate.state, "candidate")
        self.assertFalse(self.candidate.join_date)
        self.assertFalse(self.candidate.partner_id.user_ids)
        # A partial pokok is not enough either.
        self._pay(self.candidate, "pokok", 50000, user=self.officer)
        with self.assertRaises(UserError):
            self.candidate.with_user(self.manager).action_activate()
        self.assertEqual(self.candidate.state, "candidate")

    def test_activate_invites_to_portal(self):
        self._pay(self.candidate, "pokok", 100000, user=self.officer)
        self.candidate.with_user(self.manager).action_activate()
        self.assertEqual(self.candidate.state, "active")
        self.assertEqual(self.candidate.join_date, self.today)
        user = self.candidate.partner_id.user_ids
        self.assertTrue(user)
        self.assertTrue(user._is_portal())
        self.assertEqual(self.candidate.user_id, user)
        self.assertEqual(
            self.env["koperasi.member"]._get_member_for_user(user), self.candidate
        )
        # Activating an active member is refused.
        with self.assertRaises(UserError):
            self.candidate.with_user(self.manager).action_activate()

    def test_officer_cannot_activate(self):
        self._pay(self.candidate, "pokok", 100000, user=self.officer)
        with self.assertRaises(AccessError):
            self.candidate.with_user(self.officer).action_activate()
        self.assertEqual(self.candidate.state, "candidate")

    def test_suspend_and_reactivate(self):
        self._pay(self.candidate, "pokok", 100000)
        self.candidate.with_user(self.manager).action_activate()
        self.candidate.with_user(self.manager).action_suspend()
        self.assertEqual(self.candidate.state, "suspended")
        self.candidate.with_user(self.manager).action_activate()
        self.assertEqual(self.candidate.state, "active")

    def test_direct_state_still_allowed(self):
        """Other addons and demo data create active members directly."""
        member = self._create_member(
            "Langsung Aktif", "3513104101800202", state="active"
        )
        self.assertEqual(member.state, "active")
        self.assertTrue(member.card_token)
        self.assertGreaterEqual(len(member.card_token), 43)
