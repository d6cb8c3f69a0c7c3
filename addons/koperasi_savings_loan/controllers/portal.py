from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.koperasi_base.tools.inputs import parse_id
from odoo.addons.koperasi_membership.controllers.portal import KoperasiPortal

RECENT_TRANSACTIONS = 5


class KoperasiSavingsPortal(KoperasiPortal):
    def _prepare_koperasi_portal_values(self, member):
        values = super()._prepare_koperasi_portal_values(member)
        accounts = request.env["koperasi.savings.account"].search(
            [("member_id", "=", member.id), ("state", "!=", "closed")], order="id"
        )
        values.update(
            {
                "savings_accounts": accounts,
                "savings_recent": accounts._recent_transactions(RECENT_TRANSACTIONS),
                "savings_requests": request.env[
                    "koperasi.savings.withdrawal.request"
                ].search([("member_id", "=", member.id)], limit=10),
                "savings_error": request.session.pop("koperasi_savings_error", False),
                "savings_success": request.session.pop(
                    "koperasi_savings_success", False
                ),
            }
        )
        return values

    def _get_own_savings_account(self, account_id):
        """The account through the member's record rules, or 404."""
        account = request.env["koperasi.savings.account"].browse(account_id)
        if not account.exists():
            raise request.not_found()
        try:
            account.check_access("read")
        except (AccessError, MissingError) as exc:
            raise request.not_found() from exc
        return account

    @http.route(
        "/my/koperasi/simpanan/<int:account_id>/statement.pdf",
        type="http",
        auth="user",
        website=True,
    )
    def portal_savings_statement_pdf(self, account_id, **kw):
        account = self._get_own_savings_account(account_id)
        pdf, __ = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "koperasi_savings_loan.action_report_savings_statement", account.ids
            )
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                (
                    "Content-Disposition",
                    f'attachment; filename="{account.name}.pdf"'.replace("/", "-"),
                ),
            ],
        )

    @http.route(
        [
            "/my/koperasi/simpanan/<int:account_id>/statement.xlsx",
            "/koperasi/savings/<int:account_id>/statement.xlsx",
        ],
        type="http",
        auth="user",
    )
    def portal_savings_statement_xlsx(self, account_id, **kw):
        account = self._get_own_savings_account(account_id)
        content = account._get_statement_xlsx()
        filename = f"{account.name}.xlsx".replace("/", "-")
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )

    @http.route(
        "/my/koperasi/simpanan/tarik",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_savings_withdrawal_request(
        self, account_id=None, amount=None, destination=None, **kw
    ):
        try:
            account_id = parse_id(request.env, account_id) or 0
        except ValidationError:
            raise request.not_found() from None
        account = self._get_own_savings_account(account_id)
        try:
            withdrawal = request.env[
                "koperasi.savings.withdrawal.request"
            ]._create_from_portal(account, amount, destination)
        except UserError as exc:
            request.session["koperasi_savings_error"] = exc.args[0]
        else:
            request.session["koperasi_savings_success"] = request.env._(
                "Your withdrawal request %(ref)s was sent to the board.",
                ref=withdrawal.name,
            )
        return request.redirect("/my/koperasi#koperasi_savings")


class KoperasiLoanPortal(KoperasiSavingsPortal):
    def _prepare_koperasi_portal_values(self, member):
        values = super()._prepare_koperasi_portal_values(member)
        values["loans"] = request.env["koperasi.loan"].search(
            [("member_id", "=", member.id)]
        )
        return values

    def _get_portal_member(self):
        member = request.env["koperasi.member"]._get_member_for_user()
        if not member:
            raise request.not_found()
        return member.sudo(False).with_user(request.env.user)

    def _get_own_loan(self, loan_id):
        loan = request.env["koperasi.loan"].browse(loan_id)
        if not loan.exists():
            raise request.not_found()
        try:
            loan.check_access("read")
        except AccessError as exc:
            raise request.not_found() from exc
        return loan

    def _loan_products(self, member):
        return request.env["koperasi.loan.product"].search(
            [("company_id", "=", member.company_id.id)]
        )

    @http.route("/my/koperasi/pinjaman", type="http", auth="user", website=True)
    def portal_my_loans(self, **kw):
        member = self._get_portal_member()
        values = self._prepare_home_portal_values([])
        values.update(
            {
                "member": member,
                "loans": request.env["koperasi.loan"].search(
                    [("member_id", "=", member.id)]
                ),
                "page_name": "koperasi_loans",
            }
        )
        return request.render("koperasi_savings_loan.portal_my_loans", values)

    @http.route(
        "/my/koperasi/pinjaman/<int:loan_id>", type="http", auth="user", website=True
    )
    def portal_my_loan(self, loan_id, **kw):
        loan = self._get_own_loan(loan_id)
        values = self._prepare_home_portal_values([])
        values.update({"loan": loan, "page_name": "koperasi_loan"})
        return request.render("koperasi_savings_loan.portal_my_loan", values)

    @http.route(
        "/my/koperasi/pinjaman/<int:loan_id>/statement.pdf",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_loan_statement(self, loan_id, **kw):
        loan = self._get_own_loan(loan_id)
        pdf, __ = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "koperasi_savings_loan.action_report_loan_statement", loan.ids
            )
        )
        filename = f"{loan.name}.pdf".replace("/", "-")
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )

    @http.route("/my/koperasi/pinjaman/simulasi", type="json", auth="user")
    def portal_loan_simulate(
        self, product_id=None, amount=None, term_months=None, **kw
    ):
        member = self._get_portal_member()
        product = self._loan_products(member).filtered(
            lambda p: str(p.id) == str(product_id)
        )
        if not product:
            return {"error": request.env._("Choose a loan product.")}
        try:
            lines = product.simulate_schedule(amount, term_months)
        except (UserError, ValidationError) as exc:
            return {"error": exc.args[0]}
        return {
            "lines": [
                {**line, "due_date": fields.Date.to_string(line["due_date"])}
                for line in lines
            ],
            "total_interest": sum(line["interest"] for line in lines),
        }

    @http.route(
        "/my/koperasi/pinjaman/ajukan",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_loan_apply(self, **post):
        post.pop("document", None)
        member = self._get_portal_member()
        values = self._prepare_home_portal_values([])
        values.update(
            {
                "member": member,
                "products": self._loan_products(member),
                "page_name": "koperasi_loan_apply",
                "post": post,
                "error": False,
            }
        )
        if request.httprequest.method == "POST":
            upload = request.httprequest.files.get("document")
            document = None
            if upload and upload.filename:
                document = (upload.filename, upload.read())
            try:
                loan = request.env["koperasi.loan"]._create_from_portal(
                    member,
                    post.get("product_id"),
                    post.get("amount"),
                    post.get("term_months"),
                    post.get("purpose"),
                    document=document,
                )
            except (UserError, ValidationError) as exc:
                values["error"] = exc.args[0]
            else:
                return request.redirect(f"/my/koperasi/pinjaman/{loan.id}")
        return request.render("koperasi_savings_loan.portal_loan_apply", values)

    @http.route("/koperasi/pinjaman/aging.xlsx", type="http", auth="user")
    def backend_loan_aging_xlsx(self, **kw):
        if not request.env.user.has_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_user"
        ):
            raise request.not_found()
        loans = request.env["koperasi.loan"].search([("state", "=", "disbursed")])
        return request.make_response(
            loans._get_aging_xlsx(),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", 'attachment; filename="loan-aging.xlsx"'),
            ],
        )
