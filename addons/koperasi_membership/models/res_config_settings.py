from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    koperasi_pokok_amount = fields.Monetary(
        related="company_id.koperasi_pokok_amount",
        readonly=False,
        currency_field="currency_id",
    )
    koperasi_wajib_amount = fields.Monetary(
        related="company_id.koperasi_wajib_amount",
        readonly=False,
        currency_field="currency_id",
    )
    koperasi_wajib_period = fields.Selection(
        related="company_id.koperasi_wajib_period", readonly=False
    )
    koperasi_allow_prepayment = fields.Boolean(
        related="company_id.koperasi_allow_prepayment", readonly=False
    )
    koperasi_pokok_account_id = fields.Many2one(
        related="company_id.koperasi_pokok_account_id", readonly=False
    )
    koperasi_wajib_account_id = fields.Many2one(
        related="company_id.koperasi_wajib_account_id", readonly=False
    )
    koperasi_settlement_account_id = fields.Many2one(
        related="company_id.koperasi_settlement_account_id", readonly=False
    )
    koperasi_journal_id = fields.Many2one(
        related="company_id.koperasi_journal_id", readonly=False
    )
    koperasi_shu_members_only = fields.Boolean(
        related="company_id.koperasi_shu_members_only", readonly=False
    )
    koperasi_shu_reserve_account_id = fields.Many2one(
        related="company_id.koperasi_shu_reserve_account_id", readonly=False
    )
    koperasi_shu_members_account_id = fields.Many2one(
        related="company_id.koperasi_shu_members_account_id", readonly=False
    )
    koperasi_shu_board_account_id = fields.Many2one(
        related="company_id.koperasi_shu_board_account_id", readonly=False
    )
    koperasi_shu_staff_account_id = fields.Many2one(
        related="company_id.koperasi_shu_staff_account_id", readonly=False
    )
    koperasi_shu_education_account_id = fields.Many2one(
        related="company_id.koperasi_shu_education_account_id", readonly=False
    )
    koperasi_shu_social_account_id = fields.Many2one(
        related="company_id.koperasi_shu_social_account_id", readonly=False
    )
    koperasi_shu_other_account_id = fields.Many2one(
        related="company_id.koperasi_shu_other_account_id", readonly=False
    )
