from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFormThrottle(TransactionCase):
    def test_per_client_and_overall_limits(self):
        Throttle = self.env["koperasi.form.throttle"]
        for __ in range(3):
            Throttle._hit("uji", "10.1.1.1", per_client=3)
        with self.assertRaisesRegex(ValidationError, "your address"):
            Throttle._hit("uji", "10.1.1.1", per_client=3)
        # Another visitor, or another form, is not held back by the first.
        Throttle._hit("uji", "10.1.1.2", per_client=3)
        Throttle._hit("lain", "10.1.1.1", per_client=3)
        # Everybody together: the overall limit.
        self.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_limit_total", 5
        )
        Throttle._hit("uji", "10.1.1.3", per_client=3)
        with self.assertRaisesRegex(ValidationError, "too many submissions right now"):
            Throttle._hit("uji", "10.1.1.4", per_client=3)
        self.assertEqual(Throttle.search_count([("scope", "=", "uji")]), 5)
