from odoo.tests import tagged

from odoo.addons.koperasi_base.tests.hostile import HOSTILE_VALUES
from odoo.addons.koperasi_membership.tests.test_api import MemberApiCase

from .common import KoperasiLoanCommon


@tagged("post_install", "-at_install")
class TestSavingsLoanApi(KoperasiLoanCommon, MemberApiCase):
    """The savings and loan routes of the member app's API."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_loan = cls.env["koperasi.loan"].create(
            {
                "member_id": cls.member.id,
                "product_id": cls.product.id,
                "amount": 12000000,
                "term_months": 12,
            }
        )
        cls.own_loan.action_submit()
        cls.own_loan.with_user(cls.manager).action_approve()
        cls.own_loan.with_user(cls.officer).action_disburse(payment_journal=cls.cash)
        cls.other_loan = cls.env["koperasi.loan"].create(
            {
                "member_id": cls.other_member.id,
                "product_id": cls.product.id,
                "amount": 1000000,
                "term_months": 6,
            }
        )

    def setUp(self):
        super().setUp()
        self._deposit(self.account, 500000)
        self.token = self._token(self.portal_user.login)

    def test_own_savings_and_loans_only(self):
        accounts = self._api("GET", "/savings", self.token).json()
        self.assertEqual([a["id"] for a in accounts], [self.account.id])
        self.assertEqual(accounts[0]["balance"], 500000)
        # The minimum balance of the product stays in the account.
        self.assertEqual(accounts[0]["available"], 450000)
        account = self._api("GET", f"/savings/{self.account.id}", self.token).json()
        self.assertEqual(account["name"], self.account.name)
        moves = self._api(
            "GET", f"/savings/{self.account.id}/transactions", self.token
        ).json()
        self.assertEqual([m["signed_amount"] for m in moves], [500000])

        loans = self._api("GET", "/loans", self.token).json()
        self.assertEqual([loan["id"] for loan in loans], [self.own_loan.id])
        self.assertEqual(loans[0]["state"], "disbursed")
        self.assertEqual(loans[0]["outstanding_principal"], 12000000)
        schedule = self._api(
            "GET", f"/loans/{self.own_loan.id}/schedule", self.token
        ).json()
        self.assertEqual(len(schedule), 12)
        self.assertEqual(schedule[0]["interest"], 120000)
        self.assertEqual(sum(line["principal"] for line in schedule), 12000000)

        for path in (
            f"/savings/{self.other_account.id}",
            f"/savings/{self.other_account.id}/transactions",
            f"/loans/{self.other_loan.id}",
            f"/loans/{self.other_loan.id}/schedule",
            "/loans/2147483647",
        ):
            self._assert_error(self._api("GET", path, self.token), 404)
        response = self._api(
            "POST",
            f"/savings/{self.other_account.id}/withdrawals",
            self.token,
            body={"amount": 10000, "destination": "BRI 123"},
        )
        self._assert_error(response, 404)

    def test_simulation_matches_the_portal(self):
        body = {"product_id": self.product.id, "amount": 12000000, "term_months": 12}
        api = self._api("POST", "/loans/simulate", self.token, body=body).json()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        portal = self.make_jsonrpc_request(
            "/my/koperasi/pinjaman/simulasi",
            {"product_id": self.product.id, "amount": "12000000", "term_months": "12"},
        )
        self.assertEqual(api["total_interest"], portal["total_interest"])
        self.assertEqual(len(api["lines"]), len(portal["lines"]))
        for mine, theirs in zip(api["lines"], portal["lines"], strict=True):
            for key in ("sequence", "due_date", "principal", "interest", "amount"):
                self.assertEqual(mine[key], theirs[key], key)
        body["term_months"] = 99
        detail = self._assert_error(
            self._api("POST", "/loans/simulate", self.token, body=body), 400
        )
        self.assertIn("24", detail)
        products = self._api("GET", "/loans/products", self.token).json()
        self.assertIn(self.product.id, [p["id"] for p in products])

    def test_apply_and_withdraw_as_on_the_portal(self):
        Loan = self.env["koperasi.loan"]
        before = Loan.search_count([])
        body = {"product_id": self.product.id, "amount": 99000000, "term_months": 12}
        self._assert_error(
            self._api("POST", "/loans/apply", self.token, body=body), 400
        )
        self.assertEqual(Loan.search_count([]), before)
        body.update(amount=6000000, term_months=6, purpose="Modal kolam lele")
        response = self._api("POST", "/loans/apply", self.token, body=body)
        self.assertEqual(response.status_code, 201, response.text)
        loan = Loan.browse(response.json()["id"])
        self.assertEqual(loan.member_id, self.member)
        self.assertEqual(loan.state, "submitted")
        self.assertEqual(loan.amount, 6000000)

        path = f"/savings/{self.account.id}/withdrawals"
        body = {"amount": 460000, "destination": "BRI 0123"}
        self._assert_error(self._api("POST", path, self.token, body=body), 400)
        body["amount"] = 100000
        response = self._api("POST", path, self.token, body=body)
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["state"], "requested")
        self.assertEqual(response.json()["amount"], 100000)

    def test_hostile_values_never_break_the_api(self):
        Loan = self.env["koperasi.loan"]
        before = Loan.search_count([])
        hostile = (*HOSTILE_VALUES, 10**20, -1, 0, 1.5, 1e300, None, [], {})
        # Refused values are answers, not server errors with a traceback.
        with self.assertNoLogs("odoo.http", "ERROR"):
            for value in hostile:
                for path in (
                    f"/savings/{value}",
                    f"/savings/{value}/transactions",
                    f"/loans/{value}",
                ):
                    if isinstance(value, str):
                        response = self._api("GET", path, self.token)
                        self._assert_no_server_error(response, f"GET {path!r}")
                response = self._api(
                    "GET",
                    f"/savings/{self.account.id}/transactions",
                    self.token,
                    params={"limit": value, "offset": value},
                )
                self._assert_no_server_error(response, f"transactions {value!r}")
                for body in (
                    {"product_id": value, "amount": value, "term_months": value},
                    {"product_id": self.product.id, "amount": 1000000, "term_months": 6}
                    | {"purpose": value},
                ):
                    for path in ("/loans/simulate", "/loans/apply"):
                        response = self._api("POST", path, self.token, body=body)
                        self._assert_no_server_error(response, f"{path} {value!r}")
                response = self._api(
                    "POST",
                    f"/savings/{self.account.id}/withdrawals",
                    self.token,
                    body={"amount": value, "destination": value},
                )
                self._assert_no_server_error(response, f"withdrawal {value!r}")
            # Only the valid applications went through (those with a plain purpose).
            created = Loan.search([("id", ">", 0)], order="id desc", limit=50)
            self.assertTrue(
                all("\x00" not in (loan.purpose or "") for loan in created),
            )
            self.assertLessEqual(Loan.search_count([]) - before, len(hostile))
