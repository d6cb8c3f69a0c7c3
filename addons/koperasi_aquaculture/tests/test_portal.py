from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import AquacultureCommon


@tagged("post_install", "-at_install")
class TestFarmerPortal(AquacultureCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls._create_batch()
        cls.other_batch = cls._create_batch(pond=cls.other_pond)

    def _post_log(self, pond, **data):
        self.authenticate("kaq_farmer", "kaq_farmer")
        return self.url_open(
            f"/my/kolam/{pond.id}/log",
            data={"csrf_token": http.Request.csrf_token(self), **data},
            allow_redirects=False,
        )

    def test_pages(self):
        self.authenticate("kaq_farmer", "kaq_farmer")
        response = self.url_open("/my/kolam")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Kolam Terpal Bu Ani", response.text)
        self.assertNotIn("Kolam Bu Tini", response.text)
        response = self.url_open(f"/my/kolam/{self.pond.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.batch.name, response.text)
        self.assertIn("Pakan Uji", response.text)
        self.assertEqual(
            self.url_open(f"/my/kolam/{self.other_pond.id}").status_code, 404
        )
        self.assertEqual(self.url_open("/my/kolam/999999").status_code, 404)

    def test_logging_on_other_pond_is_refused(self):
        response = self._post_log(
            self.other_pond, log_type="mortality", mortality_count="5"
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.other_batch.log_ids)

    def test_bad_input_is_shown_and_not_recorded(self):
        cases = [
            {"log_type": "mortality", "mortality_count": "-3"},
            {"log_type": "mortality", "mortality_count": "5000"},
            {"log_type": "sampling", "sample_count": "30", "sample_weight_kg": "0"},
            {
                "log_type": "feeding",
                "product_id": str(self.probiotic.id),
                "quantity": "1",
            },
            {"log_type": "feeding", "product_id": str(self.feed.id), "quantity": "abc"},
            {
                "log_type": "water",
                "temperature": "28",
                "ph": "",
                "dissolved_oxygen": "4",
            },
            {"log_type": "hack"},
        ]
        for data in cases:
            with self.subTest(data=data):
                response = self._post_log(self.pond, **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn("alert-danger", response.text)
        self.assertFalse(self.batch.log_ids)
        self.assertEqual(self.batch.live_count, 1000)

    def test_farmer_logs_sampling(self):
        response = self._post_log(
            self.pond, log_type="sampling", sample_count="30", sample_weight_kg="1,5"
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.batch.log_ids.abw_g, 50.0)
        self.assertEqual(self.batch.log_ids.user_id, self.farmer_user)
        self.assertEqual(self.batch.abw_g, 50.0)
        page = self.url_open(f"/my/kolam/{self.pond.id}?logged=sampling").text
        self.assertIn("your log is recorded", page)
        self.assertIn("ABW <span>50.00</span> g", page)

    def test_portal_tour(self):
        self.start_tour("/my/kolam", "koperasi_aquaculture_portal", login="kaq_farmer")
        feeding = self.batch.log_ids.filtered(lambda log: log.log_type == "feeding")
        self.assertEqual(feeding.quantity, 2.5)
        self.assertEqual(feeding.move_id.state, "done")
        mortality = self.batch.log_ids.filtered(lambda log: log.log_type == "mortality")
        self.assertEqual(mortality.mortality_count, 5)
        self.assertEqual(self.batch.live_count, 995)

    def test_xlsx_export_route(self):
        self.authenticate("kaq_manager", "kaq_manager")
        response = self.url_open(
            f"/koperasi_aquaculture/batches.xlsx?ids={self.batch.id},{self.other_batch.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        self.authenticate("kaq_farmer", "kaq_farmer")
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/koperasi_aquaculture/batches.xlsx?ids={self.other_batch.id}"
            )
        self.assertEqual(response.status_code, 403)
