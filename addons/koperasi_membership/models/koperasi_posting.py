from odoo import api, models
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
        disbursement's fee): ``account`` then takes the rest.

        A bank journal books on its outstanding receipts/payments accounts
        until a statement line is matched; a cash journal without its own
        outstanding account books on its cash account at once (the teller's
        drawer has no statement to wait for).
        """
        Payment = self.env["account.payment"].sudo()
        if not movements:
            return Payment
        vals_list = [self._prepare_payment_vals(movement) for movement in movements]
        splits = [vals.pop("write_off_line_vals", None) for vals in vals_list]
        drawers = [vals.pop("outstanding_account_id", None) for vals in vals_list]
        payments = Payment.create(vals_list)
        for payment, split, drawer in zip(payments, splits, drawers, strict=True):
            # The outstanding account is computed from the payment method:
            # it is set once the payment exists, before its entry is made.
            if drawer:
                payment.outstanding_account_id = drawer
            if split:
                payment._generate_journal_entry(write_off_line_vals=split)
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
        payment_type = DIRECTIONS[movement["direction"]]
        method_line = journal._get_available_payment_method_lines(payment_type)[:1]
        vals = {
            "payment_type": payment_type,
            "payment_method_line_id": method_line.id,
            "partner_type": "customer",
            "partner_id": movement["partner"].id,
            "amount": amount,
            "currency_id": company.currency_id.id,
            "journal_id": journal.id,
            "company_id": company.id,
            "date": movement["date"],
            "memo": movement["memo"],
            "destination_account_id": movement["account"].id,
        }
        if (
            journal.type == "cash"
            and journal.default_account_id
            and not method_line.payment_account_id
        ):
            # Money at the teller is in the drawer at once: no statement
            # line to wait for.
            vals["outstanding_account_id"] = journal.default_account_id.id
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
