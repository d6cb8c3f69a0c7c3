"""Scheduled jobs with several Odoo nodes.

Every node of a deployment (scripts/serve.sh --nodes N, docker compose
--scale odoo=N) runs the scheduled jobs. Odoo hands each job to one cron
worker at a time (a row lock, SKIP LOCKED); what is left to the suite is
that a job run again (by another node after a crash or a restart, or by the
board's "Run Manually") finds its work done and does nothing twice: no
second due, interest, denda, reminder or entry.
"""

from odoo import sql_db
from odoo.modules.module import get_modules
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

SUITE = ("koperasi_", "dinas_")


class SuiteJobsCase(TransactionCase):
    def _suite_jobs(self):
        names = [m for m in get_modules() if m.startswith(SUITE)]
        data = self.env["ir.model.data"].search(
            [("module", "in", names), ("model", "=", "ir.cron")]
        )
        jobs = (
            self.env["ir.cron"]
            .with_context(active_test=False)
            .browse(data.mapped("res_id"))
        )
        return jobs.exists()

    def _counts(self):
        models = [
            model
            for model in self.env.values()
            if model._name.startswith(("koperasi.", "dinas."))
            and not model._abstract
            and not model._transient
            and model._auto
        ]
        models += [
            self.env[name]
            for name in (
                "account.move",
                "account.move.line",
                "mail.mail",
                "mail.message",
            )
        ]
        self.env.flush_all()
        counts = {}
        for model in models:
            self.env.cr.execute(
                SQL("SELECT count(*) FROM %s", SQL.identifier(model._table))
            )
            counts[model._name] = self.env.cr.fetchone()[0]
        return counts


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestCronRunTwice(SuiteJobsCase):
    def test_every_job_run_twice_does_its_work_once(self):
        jobs = self._suite_jobs()
        self.assertGreaterEqual(len(jobs), 5, "the suite's scheduled jobs are found")
        for job in jobs:
            job.method_direct_trigger()
        first = self._counts()
        for job in jobs:
            job.method_direct_trigger()
        second = self._counts()
        grown = {
            name: (first[name], second[name])
            for name in first
            if second[name] != first[name]
        }
        self.assertFalse(
            grown, "a job run a second time made records again: %s" % grown
        )


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestCronOneNodeAtATime(SuiteJobsCase):
    """Node A and node B are two connections of their own, committing, as
    two Odoo nodes are (the job's next call is put back afterwards). A class
    of its own: its commits would stand in the way of another test's
    transaction that started before them."""

    def test_a_job_is_taken_by_one_node_at_a_time(self):
        job = self._suite_jobs()[:1]
        self.assertTrue(job)
        IrCron = type(self.env["ir.cron"])
        database = sql_db.db_connect(self.env.cr.dbname)
        with database.cursor() as setup:
            setup.execute("SELECT nextcall FROM ir_cron WHERE id = %s", [job.id])
            original = setup.fetchone()[0]
            setup.execute(
                "UPDATE ir_cron SET nextcall = (now() at time zone 'UTC') - interval '1 minute' WHERE id = %s",
                [job.id],
            )
        try:
            with database.cursor() as node_a, database.cursor() as node_b:
                # The job is due. Node A takes it; node B, asking while A
                # runs it, is told it is taken and does not run it.
                self.assertTrue(IrCron._acquire_one_job(node_a, job.id))
                self.assertIsNone(IrCron._acquire_one_job(node_b, job.id))
                # Once A lets it go without finishing, B takes it.
                node_a.rollback()
                node_b.rollback()
                self.assertTrue(IrCron._acquire_one_job(node_b, job.id))
                node_b.rollback()
        finally:
            with database.cursor() as setup:
                setup.execute(
                    "UPDATE ir_cron SET nextcall = %s WHERE id = %s", [original, job.id]
                )
