from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools.business_date import business_today


class KoperasiProducerLedger(models.Model):
    _name = "koperasi.producer.ledger"
    _description = "Producer Ledger Entry"
    _inherit = ["koperasi.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # Every entry is made by the shop's own flows (order paid, refund).
    _workflow_fields = (
        "producer_id",
        "sale_line_id",
        "quantity",
        "gross_amount",
        "commission_percent",
        "commission_amount",
        "net_amount",
        "move_id",
    )

    producer_id = fields.Many2one(
        "koperasi.producer",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=business_today)
    sale_line_id = fields.Many2one(
        "sale.order.line", required=True, index=True, ondelete="restrict", readonly=True
    )
    order_id = fields.Many2one(
        related="sale_line_id.order_id", store=True, string="Order"
    )
    product_id = fields.Many2one(related="sale_line_id.product_id", store=True)
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    gross_amount = fields.Monetary(string="Sale Amount", readonly=True)
    commission_percent = fields.Float(string="Commission (%)", readonly=True)
    commission_amount = fields.Monetary(string="Commission", readonly=True)
    net_amount = fields.Monetary(string="Producer Share", readonly=True)
    move_id = fields.Many2one(
        "account.move", string="Journal Entry", readonly=True, check_company=True
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(entry.move_id.state == "posted" for entry in self):
            raise UserError(
                self.env._(
                    "A posted ledger entry cannot be deleted: reverse its journal entry instead."
                )
            )

    def _prepare_move_vals(self, journal, expense, payable):
        self.ensure_one()
        label = self.env._(
            "%(producer)s: %(order)s, %(product)s",
            producer=self.producer_id.name,
            order=self.order_id.name,
            product=self.product_id.display_name,
        )
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": self.date,
            "ref": label,
            "company_id": self.company_id.id,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "name": label,
                        "account_id": expense.id,
                        "debit": max(self.net_amount, 0.0),
                        "credit": max(-self.net_amount, 0.0),
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": label,
                        "account_id": payable.id,
                        "partner_id": self.producer_id.partner_id.id,
                        "debit": max(-self.net_amount, 0.0),
                        "credit": max(self.net_amount, 0.0),
                    },
                ),
            ],
        }

    def _post_moves(self):
        """Post the journal entry of member producers' entries (idempotent)."""
        for entry in self.filtered(
            lambda e: not e.move_id and e.producer_id.producer_type == "member"
        ):
            if entry.currency_id.is_zero(entry.net_amount):
                continue
            journal, expense, payable = entry.company_id._koperasi_producer_accounting()
            move = (
                self.env["account.move"]
                .sudo()
                .create(entry._prepare_move_vals(journal, expense, payable))
            )
            move.action_post()
            entry.move_id = move
