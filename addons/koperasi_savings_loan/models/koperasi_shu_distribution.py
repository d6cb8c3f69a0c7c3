from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools.business_date import business_today


class KoperasiShuDistribution(models.Model):
    _inherit = "koperasi.shu.distribution"

    payment_method = fields.Selection(
        [("cash", "Cash"), ("savings", "Credit to Sukarela Savings")],
        string="SHU Payment Method",
        default="cash",
        required=True,
        tracking=True,
        help="Cash: one cash entry pays the members. Credit to Sukarela "
        "Savings: each member's SHU is deposited on their open voluntary "
        "savings account.",
    )

    def _get_shu_savings_accounts(self, lines):
        """``{member_id: account}``: each member's open sukarela account."""
        self.ensure_one()
        accounts = (
            self.env["koperasi.savings.account"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("member_id", "in", lines.member_id.ids),
                    ("kind", "=", "sukarela"),
                    ("state", "=", "open"),
                ],
                order="id",
            )
        )
        result = {}
        for account in accounts:
            result.setdefault(account.member_id.id, account)
        return result

    def _pay_member_shu(self, lines):
        """Credit the members' SHU to their sukarela savings when chosen.

        One posted deposit per member, whose counterpart is the members' SHU
        payable of the allocation entry; lines already paid (or already
        credited) are skipped, so paying twice posts nothing more. A member
        without an open sukarela account stops the payment before anything
        is posted.
        """
        self.ensure_one()
        if self.payment_method != "savings":
            return super()._pay_member_shu(lines)
        Transaction = self.env["koperasi.savings.transaction"].sudo()
        lines = lines.filtered(lambda line: not line.paid)
        credited = Transaction.search([("shu_member_line_id", "in", lines.ids)])
        lines -= credited.shu_member_line_id
        if not lines:
            return self.env["account.move"]
        accounts = self._get_shu_savings_accounts(lines)
        missing = lines.filtered(lambda line: line.member_id.id not in accounts)
        if missing:
            raise UserError(
                self.env._(
                    "These members have no open sukarela savings account to "
                    "receive their SHU: %(members)s. Open one or pay in cash.",
                    members=", ".join(missing.member_id.mapped("display_name")),
                )
            )
        savings = self.env["koperasi.savings.account"].sudo()
        for account in accounts.values():
            savings |= account
        savings._lock_for_update()
        savings._check_can_transact()
        label = self.env._("%(name)s credited to savings", name=self.display_name)
        today = business_today(self)
        transactions = Transaction.create(
            [
                {
                    "account_id": accounts[line.member_id.id].id,
                    "company_id": self.company_id.id,
                    "type": "deposit",
                    "amount": line.amount,
                    "date": today,
                    "ref": label,
                    "shu_member_line_id": line.id,
                }
                for line in lines
            ]
        )
        moves = transactions._action_post(group=True)
        for transaction in transactions:
            transaction.shu_member_line_id.sudo().write(
                {"paid": True, "payment_move_id": transaction.move_id.id}
            )
        return moves


class KoperasiSavingsTransaction(models.Model):
    _inherit = "koperasi.savings.transaction"

    shu_member_line_id = fields.Many2one(
        "koperasi.shu.member.line",
        string="SHU Line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The member's SHU credited by this deposit.",
    )

    def _is_cash_movement(self):
        # The member's SHU credited to savings is no cash: it leaves the
        # members' payable, journal entry as before.
        return not self.shu_member_line_id and super()._is_cash_movement()

    def _get_counterpart_account(self):
        if self.shu_member_line_id:
            return (
                self.shu_member_line_id.distribution_id._get_members_payable_account()
            )
        return super()._get_counterpart_account()
