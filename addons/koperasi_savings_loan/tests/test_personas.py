from odoo.tests import tagged

from odoo.addons.koperasi_base.tests.personas import PersonaCase, RpcRefused


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestSavingsLoanPersonas(PersonaCase):
    """Savings and loans of the showcase as its people work them, with the
    logins the README prints."""

    def test_four_eyes_loan_then_teller_disburses_and_takes_a_repayment(self):
        member = self.env.ref("koperasi_membership.member_siti_aminah")
        product = self.env.ref("koperasi_savings_loan.loan_product_produktif")
        amount = product.second_approval_amount + 5000000
        self.log_in("teller")
        loan_id = self.rpc(
            "koperasi.loan",
            "create",
            {
                "member_id": member.id,
                "product_id": product.id,
                "amount": amount,
                "term_months": 12,
            },
        )
        self.rpc("koperasi.loan", "action_submit", [loan_id])
        loan = self.env["koperasi.loan"].browse(loan_id)
        with self.assertRaises(RpcRefused):
            self.rpc("koperasi.loan", "action_approve", [loan_id])
        # Above the threshold: the Ketua's approval is one of two.
        self.log_in("ketua")
        self.rpc("koperasi.loan", "action_approve", [loan_id])
        loan.invalidate_recordset()
        self.assertEqual(loan.state, "submitted")
        with self.assertRaises(RpcRefused):
            self.rpc("koperasi.loan", "action_approve", [loan_id])
        with self.assertRaises(RpcRefused):
            self.rpc("koperasi.loan", "action_disburse", [loan_id])
        self.log_in("bendahara")
        self.rpc("koperasi.loan", "action_approve", [loan_id])
        loan.invalidate_recordset()
        self.assertEqual(loan.state, "approved")
        # The teller disburses, then opens the repayment dialog.
        self.log_in("teller")
        self.rpc("koperasi.loan", "action_disburse", [loan_id])
        loan.invalidate_recordset()
        self.assertEqual(loan.state, "disbursed")
        self.assertEqual(loan.disbursement_move_id.state, "posted")
        action = self.rpc("koperasi.loan", "action_register_payment", [loan_id])
        self.assertIn(loan.name, action["name"])
        defaults = self.rpc(
            action["res_model"],
            "default_get",
            ["loan_id", "amount", "payment_journal_id"],
            context=action["context"],
        )
        first = loan.line_ids.sorted("sequence")[:1]
        self.assertEqual(defaults["amount"], first.principal + first.interest)
        self.assertTrue(defaults["payment_journal_id"])
        wizard_id = self.rpc(action["res_model"], "create", defaults)
        self.rpc(action["res_model"], "action_register", [wizard_id])
        self.env.invalidate_all()
        # Paid before its due date: instalment 1 is the one shown as paid.
        self.assertTrue(first.paid)
        self.assertFalse(loan.line_ids.sorted("sequence")[-1].paid)

    def test_member_sees_savings_and_loans_and_asks_a_withdrawal(self):
        user = self.log_in("siti.aminah")
        member = self.env["koperasi.member"]._get_member_for_user(user)
        loans = self.env["koperasi.loan"].search([("member_id", "=", member.id)])
        self.assertTrue(loans)
        text = self.page_text(self.visit("/my/koperasi/pinjaman"))
        for loan in loans:
            self.assertIn(loan.name, text)
        running = loans.filtered(lambda loan: loan.state == "disbursed")[:1]
        if running:
            self.visit(f"/my/koperasi/pinjaman/{running.id}")
        account = self.env["koperasi.savings.account"].search(
            [
                ("member_id", "=", member.id),
                ("kind", "=", "sukarela"),
                ("state", "=", "open"),
            ],
            limit=1,
        )
        self.assertGreater(account.balance, 50000)
        page = self.visit(
            "/my/koperasi/simpanan/tarik",
            data={
                "account_id": account.id,
                "amount": "50000",
                "destination": "BRI 1234567890 a.n. Siti Aminah",
            },
        )
        request = self.env["koperasi.savings.withdrawal.request"].search(
            [("account_id", "=", account.id)], order="id desc", limit=1
        )
        self.assertEqual(request.amount, 50000)
        self.assertIn(request.name, self.page_text(page))
        # The account is untouched until the board approves.
        self.assertGreater(account.balance, 50000)
