from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    koperasi_member_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Member Pricelist",
        help="Applied automatically on the website to logged-in active members.",
    )
    koperasi_commission_percent = fields.Float(
        string="Default Shop Commission (%)",
        default=10.0,
        help="The cooperative's share of a producer's sale when neither the "
        "producer nor the product category sets one.",
    )
    koperasi_payout_minimum = fields.Monetary(
        string="Minimum Payout",
        currency_field="currency_id",
        default=50000.0,
    )
    koperasi_proof_reminder_days = fields.Integer(
        string="Proof Reminder after (days)", default=1
    )
    koperasi_proof_cancel_days = fields.Integer(
        string="Cancel Unpaid Orders after (days)", default=3
    )
    koperasi_producer_journal_id = fields.Many2one(
        "account.journal",
        string="Producer Earnings Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
    )
    koperasi_producer_expense_account_id = fields.Many2one(
        "account.account",
        string="Producer Cost Account",
        check_company=True,
        help="Debited with the producers' share of their delivered and paid sales.",
    )
    koperasi_producer_payable_account_id = fields.Many2one(
        "account.account",
        string="Producer Payable Account",
        check_company=True,
        help="Credited with the producers' earnings, debited by their payouts.",
    )
    koperasi_payout_journal_id = fields.Many2one(
        "account.journal",
        string="Payout Journal",
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
    )
    koperasi_shop_whatsapp = fields.Char(string="Shop WhatsApp Number")
    koperasi_courier_api_enabled = fields.Boolean(
        string="Courier Rate Service",
        help="Ask a courier-rate web service (RajaOngkir's API) for the courier "
        "prices; the rate table is used when it does not answer.",
    )
    koperasi_courier_api_url = fields.Char(
        string="Courier Rate Service URL",
        default="https://api.rajaongkir.com/starter",
        groups="base.group_system",
    )
    koperasi_courier_api_key = fields.Char(
        string="Courier Rate Service API Key", groups="base.group_system"
    )
    koperasi_courier_origin_code = fields.Char(
        string="Origin City ID",
        help="The city id of the cooperative's shop in the courier-rate web service.",
        groups="base.group_system",
    )

    @api.constrains("koperasi_courier_api_url")
    def _check_koperasi_courier_api_url(self):
        for company in self.sudo():
            url = company.koperasi_courier_api_url
            if not url:
                continue
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValidationError(
                    self.env._(
                        "The courier rate service URL must start with https:// "
                        "(or http://) and name a server."
                    )
                )

    def _koperasi_producer_accounting(self):
        """Return ``(journal, expense account, payable account)`` of the
        producers' ledger, from the koperasi settings."""
        self.ensure_one()
        company = self.sudo()
        return (
            company._koperasi_get_setting("koperasi_producer_journal_id"),
            company._koperasi_get_setting("koperasi_producer_expense_account_id"),
            company._koperasi_get_setting("koperasi_producer_payable_account_id"),
        )

    def _koperasi_payout_journal(self):
        self.ensure_one()
        Journal = self.env["account.journal"].sudo()
        return self.sudo().koperasi_payout_journal_id or Journal.search(
            [*Journal._check_company_domain(self), ("type", "=", "bank")], limit=1
        )
