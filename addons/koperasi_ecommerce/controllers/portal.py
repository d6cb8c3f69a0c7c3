from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.koperasi_base.tools.inputs import clean_token, parse_amount
from odoo.addons.koperasi_membership.controllers.portal import KoperasiPortal
from odoo.addons.sale.controllers.portal import CustomerPortal as SaleCustomerPortal

from ..tools.payment_proof import MAX_PROOF_SIZE


class KoperasiShopPortal(SaleCustomerPortal):
    @http.route(
        "/my/orders/<int:order_id>/payment_proof",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def koperasi_payment_proof(self, order_id, access_token=None, proof=None, **kw):
        """Upload the proof of payment of a bank transfer order."""
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=clean_token(access_token)
            )
        except MissingError as error:
            raise NotFound() from error
        except AccessError as error:
            raise Forbidden() from error
        data = (
            proof.read(MAX_PROOF_SIZE + 1) if proof and hasattr(proof, "read") else b""
        )
        filename = getattr(proof, "filename", None)
        try:
            order_sudo._koperasi_submit_proof(filename, data)
        except UserError as error:
            request.session["koperasi_proof_error"] = error.args[0]
            return request.redirect(order_sudo.get_portal_url())
        request.session["koperasi_proof_sent"] = True
        return request.redirect(order_sudo.get_portal_url())

    def _get_page_view_values(
        self, document, access_token, values, session_history, no_breadcrumbs, **kwargs
    ):
        values = super()._get_page_view_values(
            document, access_token, values, session_history, no_breadcrumbs, **kwargs
        )
        if document._name == "sale.order":
            values["koperasi_proof_error"] = request.session.pop(
                "koperasi_proof_error", None
            )
            values["koperasi_proof_sent"] = request.session.pop(
                "koperasi_proof_sent", None
            )
        return values


class KoperasiProducerPortal(KoperasiPortal):
    def _prepare_koperasi_portal_values(self, member):
        values = super()._prepare_koperasi_portal_values(member)
        producer = request.env["koperasi.producer"]._get_producer_for_user()
        if producer:
            producer = producer.sudo(False).with_user(request.env.user)
            values.update(
                {
                    "koperasi_producer": producer,
                    "koperasi_producer_ledger": producer.ledger_ids[:20],
                    "koperasi_producer_payouts": producer.payout_ids[:10],
                    "koperasi_payout_error": request.session.pop(
                        "koperasi_payout_error", None
                    ),
                    "koperasi_payout_sent": request.session.pop(
                        "koperasi_payout_sent", None
                    ),
                }
            )
        return values

    @http.route(
        "/my/koperasi/payout", type="http", auth="user", methods=["POST"], website=True
    )
    def koperasi_request_payout(self, amount=None, **kw):
        producer = request.env["koperasi.producer"]._get_producer_for_user()
        if not producer:
            raise NotFound()
        try:
            value = parse_amount(request.env, amount, default=0.0)
            producer._request_payout(value)
        except (UserError, ValidationError) as error:
            request.session["koperasi_payout_error"] = error.args[0]
            return request.redirect("/my/koperasi#koperasi_producer")
        request.session["koperasi_payout_sent"] = True
        return request.redirect("/my/koperasi#koperasi_producer")
