import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPayoutConcurrency(BaseCase):
    """Two payout requests at the same moment, on two real cursors.

    The data is committed (other cursors cannot see the test's transaction)
    and removed at the end.
    """

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.company
            journal, expense, payable = company._koperasi_producer_accounting()
            partner = env["res.partner"].create({"name": "Produsen Serentak"})
            member = env["koperasi.member"].create(
                {"partner_id": partner.id, "nik": "3513000000000999", "state": "active"}
            )
            producer = env["koperasi.producer"].create(
                {"producer_type": "member", "member_id": member.id}
            )
            move = env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Uji",
                                "account_id": expense.id,
                                "debit": 100000.0,
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "name": "Uji",
                                "account_id": payable.id,
                                "partner_id": partner.id,
                                "credit": 100000.0,
                            },
                        ),
                    ],
                }
            )
            move.action_post()
            company_minimum = company.koperasi_payout_minimum
            company.koperasi_payout_minimum = 50000.0
            self.ids = {
                "partner": partner.id,
                "member": member.id,
                "producer": producer.id,
                "move": move.id,
                "company": company.id,
                "minimum": company_minimum,
            }
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            producer = env["koperasi.producer"].browse(self.ids["producer"])
            producer.payout_ids.unlink()
            move = env["account.move"].browse(self.ids["move"])
            move.button_draft()
            move.with_context(force_delete=True).unlink()
            producer.unlink()
            env["koperasi.member"].browse(self.ids["member"]).unlink()
            env["res.partner"].browse(self.ids["partner"]).unlink()
            env["res.company"].browse(
                self.ids["company"]
            ).koperasi_payout_minimum = self.ids["minimum"]

    def test_two_requests_at_the_same_moment(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            producer1 = api.Environment(cr1, SUPERUSER_ID, {})[
                "koperasi.producer"
            ].browse(self.ids["producer"])
            producer2 = api.Environment(cr2, SUPERUSER_ID, {})[
                "koperasi.producer"
            ].browse(self.ids["producer"])
            # Both see 100,000 available.
            self.assertEqual(producer1.available_balance, 100000.0)
            self.assertEqual(producer2.available_balance, 100000.0)
            producer1._request_payout(80000)
            # The second request waits for nothing: clear error while the first is open.
            with self.assertRaisesRegex(UserError, "being processed"):
                producer2._request_payout(80000)
            cr1.commit()
            # Its snapshot predates the first request: the database refuses it
            # (the server would retry the request with fresh data).
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.SerializationFailure),
            ):
                producer2._request_payout(80000)
            cr2.rollback()
            producer2.invalidate_recordset()
            self.assertEqual(producer2.available_balance, 20000.0)
            with self.assertRaisesRegex(UserError, "only"):
                producer2._request_payout(80000)
            cr2.rollback()
        with self.registry.cursor() as cr:
            producer = api.Environment(cr, SUPERUSER_ID, {})[
                "koperasi.producer"
            ].browse(self.ids["producer"])
            self.assertEqual(producer.payout_ids.mapped("amount"), [80000.0])
            self.assertEqual(producer.available_balance, 20000.0)
