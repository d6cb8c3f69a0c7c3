from odoo.tests import tagged

from odoo.addons.koperasi_base.tests.personas import PersonaCase, RpcRefused


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestMembershipPersonas(PersonaCase):
    """The cooperative's people of the showcase, with the logins the README
    prints: the member in the portal, the teller and the board verifying a
    candidate, the supervisor who reads only."""

    def test_member_sees_capital_group_and_card(self):
        user = self.log_in("siti.aminah")
        member = self.env["koperasi.member"]._get_member_for_user(user)
        self.assertTrue(member.member_group_id, "the showcase member is in a group")
        text = self.page_text(self.visit("/my/koperasi"))
        self.assertIn(member.member_number, text)
        self.assertIn(member.member_group_id.name, text)
        pokok = member.company_id.currency_id.with_context(lang=user.lang)
        self.assertIn(pokok.format(member.capital_pokok).replace("\xa0", " "), text)
        card = self.visit(f"/my/koperasi/card/{member.id}", check_words=False)
        self.assertIn(member.member_number, card.text)
        # Another member's card is not hers.
        other = self.env["koperasi.member"].search(
            [("id", "!=", member.id), ("company_id", "=", member.company_id.id)],
            limit=1,
        )
        self.assertEqual(
            self.url_open(f"/my/koperasi/card/{other.id}").status_code, 404
        )

    def test_teller_takes_pokok_and_board_verifies_the_candidate(self):
        candidate = self.env.ref("koperasi_membership.member_nur_hasanah")
        self.assertEqual(candidate.state, "candidate")
        required = candidate.company_id.koperasi_pokok_amount - candidate.capital_pokok
        self.log_in("teller")
        if required > 0:
            payment_id = self.rpc(
                "koperasi.capital.payment",
                "create",
                {"member_id": candidate.id, "kind": "pokok", "amount": required},
            )
            self.rpc("koperasi.capital.payment", "action_post", [payment_id])
            posted = self.rpc(
                "koperasi.capital.payment",
                "web_read",
                [payment_id],
                specification={
                    "state": {},
                    "journal_id": {"fields": {"display_name": {}}},
                    "move_id": {"fields": {"display_name": {}}},
                },
            )[0]
            self.assertEqual(posted["state"], "posted")
            self.assertTrue(posted["move_id"])
        # The teller cannot verify members: the board does.
        with self.assertRaises(RpcRefused):
            self.rpc("koperasi.member", "action_activate", [candidate.id])
        self.log_in("ketua")
        self.rpc("koperasi.member", "action_activate", [candidate.id])
        candidate.invalidate_recordset()
        self.assertEqual(candidate.state, "active")
        self.assertTrue(candidate.member_number)

    def test_supervisor_reads_and_changes_nothing(self):
        member = self.env.ref("koperasi_membership.member_siti_aminah")
        self.log_in("pengawas")
        read = self.rpc(
            "koperasi.member", "read", [member.id], fields=["name", "capital_total"]
        )
        self.assertEqual(read[0]["name"], member.name)
        with self.assertRaises(RpcRefused):
            self.rpc("koperasi.member", "write", [member.id], {"occupation": "Lain"})
        with self.assertRaises(RpcRefused):
            self.rpc("koperasi.member", "action_suspend", [member.id])
        self.assertEqual(member.state, "active")
