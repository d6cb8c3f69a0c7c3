from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    koperasi_member_pricelist_id = fields.Many2one(
        related="company_id.koperasi_member_pricelist_id", readonly=False
    )
    koperasi_commission_percent = fields.Float(
        related="company_id.koperasi_commission_percent", readonly=False
    )
    koperasi_payout_minimum = fields.Monetary(
        related="company_id.koperasi_payout_minimum", readonly=False
    )
    koperasi_proof_reminder_days = fields.Integer(
        related="company_id.koperasi_proof_reminder_days", readonly=False
    )
    koperasi_proof_cancel_days = fields.Integer(
        related="company_id.koperasi_proof_cancel_days", readonly=False
    )
    koperasi_producer_journal_id = fields.Many2one(
        related="company_id.koperasi_producer_journal_id", readonly=False
    )
    koperasi_producer_expense_account_id = fields.Many2one(
        related="company_id.koperasi_producer_expense_account_id", readonly=False
    )
    koperasi_producer_payable_account_id = fields.Many2one(
        related="company_id.koperasi_producer_payable_account_id", readonly=False
    )
    koperasi_payout_journal_id = fields.Many2one(
        related="company_id.koperasi_payout_journal_id", readonly=False
    )
    koperasi_shop_whatsapp = fields.Char(
        related="company_id.koperasi_shop_whatsapp", readonly=False
    )
    koperasi_courier_api_enabled = fields.Boolean(
        related="company_id.koperasi_courier_api_enabled", readonly=False
    )
    koperasi_courier_api_url = fields.Char(
        related="company_id.koperasi_courier_api_url",
        readonly=False,
        groups="base.group_system",
    )
    koperasi_courier_api_key = fields.Char(
        related="company_id.koperasi_courier_api_key",
        readonly=False,
        groups="base.group_system",
    )
    koperasi_courier_origin_code = fields.Char(
        related="company_id.koperasi_courier_origin_code",
        readonly=False,
        groups="base.group_system",
    )
