from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestPortalCost(HttpCase):
    """At month-end every member opens /my/koperasi at once: the page costs
    about what Odoo's own /my costs, and no more for a longer history."""

    def _hot_count(self, url):
        for _i in range(3):
            self.assertEqual(self.url_open(url).status_code, 200)
        count0 = self.cr.sql_log_count
        self.url_open(url)
        return self.cr.sql_log_count - count0

    def test_member_page_costs_what_odoo_portal_costs(self):
        member = self.env.ref("koperasi_membership.member_siti_aminah")
        self.authenticate("siti.aminah", "siti.aminah")
        odoo_page = self._hot_count("/my")
        ours = self._hot_count("/my/koperasi")
        self.assertGreater(odoo_page, 5, "the queries are counted")
        self.assertLessEqual(
            ours, odoo_page * 1.2, f"/my/koperasi: {ours} queries, /my: {odoo_page}"
        )
        # A longer history is read in the same queries: one more year of
        # unpaid dues, then two more.
        Due = self.env["koperasi.capital.due"]
        first = min(member.due_ids.mapped("period_date") or [member.join_date])

        def older_dues(start, count):
            Due.create(
                [
                    {
                        "member_id": member.id,
                        "kind": "wajib",
                        "period_date": first - relativedelta(months=months),
                        "amount": 25000,
                    }
                    for months in range(start, start + count)
                ]
            )
            self.env.flush_all()

        older_dues(1, 12)
        year = self._hot_count("/my/koperasi")
        older_dues(13, 24)
        self.assertEqual(self._hot_count("/my/koperasi"), year)
