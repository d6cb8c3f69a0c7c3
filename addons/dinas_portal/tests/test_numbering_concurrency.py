import threading
import time

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestNumberingConcurrency(BaseCase):
    """Two letters issued at the same moment, from two transactions.

    Runs on real, committed transactions (the test cleans up after itself).
    """

    def setUp(self):
        super().setUp()
        self.registry = api.Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            letter_type = env["dinas.letter.type"].create(
                {
                    "name": "Surat Uji Konkuren",
                    "classification_code": "500.9",
                    "unit_code": "UJI",
                }
            )
            partner = env["res.partner"].create({"name": "Koperasi Uji Konkuren"})
            letters = env["dinas.letter.request"].create(
                [
                    {
                        "letter_type_id": letter_type.id,
                        "partner_id": partner.id,
                        "addressee": "Bank",
                        "purpose": f"Uji {index}",
                    }
                    for index in range(2)
                ]
            )
            letters.action_approve()
            self.type_id = letter_type.id
            self.sequence_id = letter_type.sequence_id.id
            self.partner_id = partner.id
            self.letter_ids = letters.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'dinas.letter.request' "
                "AND res_id = ANY(%s)",
                [self.letter_ids],
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE res_model = 'dinas.letter.request' "
                "AND res_id = ANY(%s)",
                [self.letter_ids],
            )
            cr.execute(
                "DELETE FROM dinas_letter_request WHERE id = ANY(%s)", [self.letter_ids]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["dinas.letter.type"].browse(self.type_id).unlink()
            env["ir.sequence"].browse(self.sequence_id).unlink()
            env["res.partner"].browse(self.partner_id).unlink()

    def test_two_issues_at_once_get_consecutive_numbers(self):
        first_id, second_id = self.letter_ids
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {"tracking_disable": True})
            env2 = api.Environment(cr2, SUPERUSER_ID, {"tracking_disable": True})
            env1["dinas.letter.request"].browse(first_id).action_issue()
            # The first transaction is still open: the second issue cannot
            # take a number now (no duplicate) and is refused at once...
            with (
                self.assertRaises(errors.LockNotAvailable),
                mute_logger("odoo.sql_db"),
            ):
                env2["dinas.letter.request"].browse(second_id).action_issue()
            cr2.rollback()
            cr1.commit()
            env2.invalidate_all()
            self.assertFalse(env2["dinas.letter.request"].browse(second_id).number)
            # ... and its retry, once the first is committed, takes the next one.
            env2["dinas.letter.request"].browse(second_id).action_issue()
            cr2.commit()

        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            letters = env["dinas.letter.request"].browse(self.letter_ids)
            year = letters[0].issue_date.year
            self.assertEqual(
                letters.mapped("number"),
                [f"500.9/0001/UJI/{year}", f"500.9/0002/UJI/{year}"],
            )

    def test_concurrent_requests_are_retried(self):
        """The way Odoo serves two users at once: the loser is retried."""
        first_id, second_id = self.letter_ids
        failures = []
        attempts = []
        # The environments are built here: a worker thread must not wait for
        # the registry lock that the test runner may hold.
        cr1 = self.registry.cursor()
        cr2 = self.registry.cursor()
        # no e-mail sent at commit time (it opens a cursor on the registry)
        context = {"tracking_disable": True, "mail_notify_force_send": False}
        env1 = api.Environment(cr1, SUPERUSER_ID, context)
        env2 = api.Environment(cr2, SUPERUSER_ID, context)

        def issue_second():
            # What odoo.service.model.retrying does for an RPC or HTTP request
            # (without resetting the registry, which the test runner holds).
            try:
                for _attempt in range(20):
                    try:
                        with mute_logger("odoo.sql_db"):
                            env2["dinas.letter.request"].browse(
                                second_id
                            ).action_issue()
                            env2.flush_all()
                        cr2.commit()
                        return
                    except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                        cr2.rollback()
                        env2.invalidate_all()
                        attempts.append(1)
                        time.sleep(0.2)
                failures.append("never succeeded")
            except Exception as exc:  # pylint: disable=broad-except
                failures.append(exc)

        try:
            env1["dinas.letter.request"].browse(first_id).action_issue()
            thread = threading.Thread(target=issue_second)
            thread.start()
            time.sleep(0.5)
            cr1.commit()
            thread.join(60)
            self.assertFalse(thread.is_alive())
            self.assertFalse(failures, failures)
            self.assertTrue(attempts, "the second issue had to wait for the first")
        finally:
            cr1.close()
            cr2.close()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            letters = env["dinas.letter.request"].browse(self.letter_ids)
            year = letters[0].issue_date.year
            self.assertEqual(
                letters.mapped("number"),
                [f"500.9/0001/UJI/{year}", f"500.9/0002/UJI/{year}"],
            )
