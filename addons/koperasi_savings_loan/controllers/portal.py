from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.koperasi_membership.controllers.portal import KoperasiPortal

RECENT_TRANSACTIONS = 5


class KoperasiSavingsPortal(KoperasiPortal):
    def _prepare_koperasi_portal_values(self, member):
        values = super()._prepare_koperasi_portal_values(member)
        accounts = request.env["koperasi.savings.account"].search(
            [("member_id", "=", member.id), ("state", "!=", "closed")], order="id"
        )
        Transaction = request.env["koperasi.savings.transaction"]
        values.update(
            {
                "savings_accounts": accounts,
                "savings_recent": {
                    account.id: Transaction.search(
                        [("account_id", "=", account.id), ("state", "=", "posted")],
                        limit=RECENT_TRANSACTIONS,
                    )
                    for account in accounts
                },
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
            account_id = int(account_id or 0)
        except ValueError as exc:
            raise request.not_found() from exc
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
