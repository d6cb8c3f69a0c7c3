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

    def test_existing_shop_customer_becomes_member_with_own_account(self):
        """A shopper signed up in the shop; the board registers her as a
        member from a new contact with the same e-mail. Activation links her
        existing account instead of failing on the duplicate login."""
        shopper = self.env["res.users"].create(
            {
                "name": "Bu Pelanggan Lama",
                "login": "pelanggan.lama@example.com",
                "email": "pelanggan.lama@example.com",
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        member = self._create_member(
            "Pelanggan Lama", "3513104101800202", email="Pelanggan.Lama@example.com"
        )
        duplicate = member.partner_id
        self._pay(member, "pokok", 100000, user=self.officer)
        member.with_user(self.manager).action_activate()
        self.assertEqual(member.state, "active")
        self.assertEqual(member.partner_id, shopper.partner_id)
        self.assertFalse(duplicate.exists())
        self.assertEqual(
            self.env["koperasi.member"]._get_member_for_user(shopper), member
        )
        # The capital she paid follows her into her account's ledger.
        lines = self.env["account.move.line"].search(
            [("move_id", "in", member.payment_ids.move_id.ids)]
        )
        self.assertTrue(lines)
        self.assertEqual(lines.partner_id, shopper.partner_id)
        self.assertEqual(member.with_user(shopper).capital_pokok, 100000)
        self.assertIn("Linked to the existing account", member.message_ids[0].body)

    def test_login_of_another_member_is_not_merged(self):
        self._pay(self.candidate, "pokok", 100000)
        self.candidate.with_user(self.manager).action_activate()
        login = self.candidate.partner_id.user_ids.login
        twin = self._create_member("Kembaran", "3513104101800203", email=login)
        twin_partner = twin.partner_id
        self._pay(twin, "pokok", 100000)
        twin.with_user(self.manager).action_activate()
        self.assertEqual(twin.state, "active")
        self.assertEqual(twin.partner_id, twin_partner)
        self.assertNotEqual(twin.partner_id, self.candidate.partner_id)
        self.assertIn("another member", twin.message_ids[0].body)

    def test_a_look_alike_address_links_nobody(self):
        """An address whose "_" would be a wildcard in a LIKE pattern does
        not reach another person's account."""
        other = self.env["res.users"].create(
            {
                "name": "Siti Lain",
                "login": "siti@example.com",
                "email": "siti@example.com",
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        member = self._create_member(
            "Sxti", "3513104101800204", email="s_ti@example.com"
        )
        self._pay(member, "pokok", 100000)
        member.with_user(self.manager).action_activate()
        self.assertNotEqual(member.partner_id, other.partner_id)
        self.assertEqual(member.partner_id.user_ids.login, "s_ti@example.com")
