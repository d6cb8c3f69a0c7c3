class StatementMatchMixin:
    """Match a koperasi payment with a bank statement line in tests."""

    def _statement_line(self, payment, amount):
        return self.env["account.bank.statement.line"].create(
            {
                "journal_id": payment.journal_id.id,
                "partner_id": payment.partner_id.id,
                "amount": amount,
                "date": payment.date,
                "payment_ref": payment.memo,
            }
        )

    def _match(self, statement_line, payment):
        """Reconcile as Odoo's own statement line tests do in Community (the
        matching widget is not part of it): the statement line's suspense
        line takes the payment's outstanding account and both reconcile."""
        liquidity, __, __ = payment._seek_for_lines()
        candidates = self.env["account.move.line"].search(
            statement_line._get_default_amls_matching_domain()
        )
        self.assertIn(liquidity, candidates)
        __, suspense, __ = statement_line.with_context(
            skip_account_move_synchronization=True
        )._seek_for_lines()
        suspense.account_id = liquidity.account_id
        (suspense + liquidity).reconcile()
        self.assertTrue(payment.is_matched)
        self.assertTrue(statement_line.is_reconciled)
