from odoo import api, fields, models
from odoo.exceptions import UserError

DIRECTIONS = {"in": "inbound", "out": "outbound"}


class KoperasiPosting(models.AbstractModel):
    """The one way the suite books money received or paid out in cash or by bank.

    Each movement becomes an Odoo payment (``account.payment``) whose entry
    is the journal's liquidity account against the koperasi account of the
    movement (a savings product's liability, a capital account...), so a
    bank statement line is matched with it like with any customer payment.
    A batch of movements is created in one go and posted together.
    """

    _name = "koperasi.posting"
    _description = "Koperasi Cash and Bank Postings"

    @api.model
    def _post_cash_movements(self, movements):
        """Create and post one payment per movement; return them in order.

        ``movements`` is a list of dicts with the keys ``company``, ``journal``
        (a cash or bank journal), ``partner``, ``amount`` (positive),
        ``direction`` (``"in"`` received, ``"out"`` paid), ``account`` (the
        koperasi account opposite the cash or bank), ``date`` and ``memo``;
        optionally ``split``, a list of ``(account, balance, label)`` lines
        the payment's entry books besides (a repayment's interest, a
        disbursement's fee): ``account`` then takes the rest; optionally
        ``partner_type``, ``"supplier"`` for money owed to a supplier (a
        producer's payout), ``"customer"`` otherwise.

        A bank journal books on its outstanding receipts/payments accounts
        until a statement line is matched; a cash journal without its own
        outstanding account books on its cash account at once (the teller's
        drawer has no statement to wait for).
        """
        Payment = self.env["account.payment"].sudo()
        if not movements:
            return Payment
        vals_list = [self._prepare_payment_vals(movement) for movement in movements]
        payments = Payment.create(vals_list)
        payments.action_post()
        return payments

    @api.model
    def _prepare_payment_vals(self, movement):
        journal = movement["journal"].sudo()
        amount = movement["amount"]
        company = movement["company"]
        if journal.type not in ("cash", "bank"):
            raise UserError(
                self.env._(
                    "Choose a cash or bank journal for %(memo)s.", memo=movement["memo"]
                )
            )
        if company.currency_id.compare_amounts(amount, 0.0) <= 0:
            raise UserError(
                self.env._(
                    "The amount of %(memo)s must be greater than zero.",
                    memo=movement["memo"],
                )
            )
        if not movement.get("account"):
            raise UserError(
                self.env._(
                    "No account to book %(memo)s against.", memo=movement["memo"]
                )
            )
        vals = {
            "payment_type": DIRECTIONS[movement["direction"]],
            "koperasi_posting": True,
            "partner_type": movement.get("partner_type", "customer"),
            "partner_id": movement["partner"].id,
            "amount": amount,
            "currency_id": company.currency_id.id,
            "journal_id": journal.id,
            "company_id": company.id,
            "date": movement["date"],
            "memo": movement["memo"],
            "destination_account_id": movement["account"].id,
        }
        if movement.get("split"):
            vals["write_off_line_vals"] = [
                {
                    "name": label,
                    "account_id": account.id,
                    "partner_id": movement["partner"].id,
                    "currency_id": company.currency_id.id,
                    "amount_currency": balance,
                    "balance": balance,
                }
                for account, balance, label in movement["split"]
            ]
        return vals


class AccountPayment(models.Model):
    _inherit = "account.payment"

    koperasi_posting = fields.Boolean(
        readonly=True,
        copy=False,
        help="Made by the koperasi posting service.",
    )

    @api.depends("payment_method_line_id", "journal_id", "koperasi_posting")
    def _compute_outstanding_account_id(self):
        """Money received or paid at the koperasi's teller is in the cash
        drawer at once, with no statement line to wait for: a cash journal
        whose payment method has no outstanding account books the koperasi's
        payments on its cash account."""
        res = super()._compute_outstanding_account_id()
        for payment in self:
            journal = payment.journal_id
            if (
                payment.koperasi_posting
                and not payment.outstanding_account_id
                and journal.type == "cash"
                and journal.default_account_id
            ):
                payment.outstanding_account_id = journal.default_account_id
        return res
