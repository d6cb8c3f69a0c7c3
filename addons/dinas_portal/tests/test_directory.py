from lxml import html

from odoo.tests import HttpCase, tagged

from odoo.addons.koperasi_base.tests.common import english_interface


@tagged("post_install", "-at_install", "is_query_count")
class TestDirectory(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        Cooperative = cls.env["dinas.cooperative"]
        cls.waluyo = Cooperative.create(
            {
                "name": "KPRI Waluyo Jati Uji",
                "nik_koperasi": "3513000000000001",
                "cooperative_type": "ksp",
                "kecamatan": "Kraksaan Uji",
                "desa": "Kebonagung",
                "member_count": 412,
                "assets": 3_200_000_000,
                "legal_number": "RAHASIA-BH-001",
            }
        )
        cls.hidden = Cooperative.create(
            {
                "name": "Koperasi Tersembunyi Uji",
                "kecamatan": "Kraksaan Uji",
                "website_published": False,
            }
        )
        cls.dissolved = Cooperative.create(
            {"name": "Koperasi Bubar Uji", "status": "dissolved"}
        )
        cls.script = Cooperative.create(
            {"name": "<script>alert('x')</script> Kop Uji", "kecamatan": "Leces Uji"}
        )
        cls.msme = cls.env["dinas.msme"].create(
            {
                "name": "Keripik Uji Direktori",
                "nib": "9120000000001",
                "sector": "culinary",
                "kecamatan": "Tongas Uji",
                "products": "Keripik mangga",
            }
        )

    def _names(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        tree = html.fromstring(response.content)
        return [
            node.text_content().strip()
            for node in tree.xpath(
                "//table[contains(@class, 'o_dinas_directory_table')]//td/a"
            )
        ], response

    def test_search_and_filters(self):
        names, _response = self._names("/dinas/direktori?search=Waluyo Jati Uji")
        self.assertEqual(names, ["KPRI Waluyo Jati Uji"])
        names, _response = self._names(
            "/dinas/direktori?kecamatan=Kraksaan Uji&category=ksp"
        )
        self.assertEqual(names, ["KPRI Waluyo Jati Uji"])
        names, _response = self._names("/dinas/direktori?search=Uji&category=producer")
        self.assertNotIn("KPRI Waluyo Jati Uji", names)
        # unpublished and dissolved cooperatives are not listed
        names, _response = self._names("/dinas/direktori?search=Uji")
        self.assertNotIn("Koperasi Tersembunyi Uji", names)
        self.assertNotIn("Koperasi Bubar Uji", names)
        names, _response = self._names("/dinas/direktori?kind=umkm&search=Keripik Uji")
        self.assertEqual(names, ["Keripik Uji Direktori"])

    def test_detail_shows_public_fields_only(self):
        response = self.url_open(f"/dinas/direktori/koperasi/{self.waluyo.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("KPRI Waluyo Jati Uji", response.text)
        self.assertIn("412", response.text)
        self.assertNotIn("RAHASIA-BH-001", response.text)
        self.assertNotIn("3513000000000001", response.text)
        for record in (self.hidden, self.dissolved):
            response = self.url_open(f"/dinas/direktori/koperasi/{record.id}")
            self.assertEqual(response.status_code, 404)
        response = self.url_open(f"/dinas/direktori/umkm/{self.waluyo.id}")
        self.assertIn(response.status_code, (200, 404))
        response = self.url_open(f"/dinas/direktori/umkm/{self.msme.id}")
        self.assertIn("Keripik mangga", response.text)
        self.assertNotIn("9120000000001", response.text)

    def test_script_is_escaped(self):
        _names, response = self._names("/dinas/direktori?search=Kop Uji")
        self.assertNotIn("<script>alert('x')</script>", response.text)
        self.assertIn("&lt;script&gt;", response.text)

    def _count_queries(self, url):
        self.env.flush_all()
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before, response

    def test_query_count_does_not_grow(self):
        url = "/dinas/direktori?kecamatan=Bantaran Uji"
        Cooperative = self.env["dinas.cooperative"]
        Cooperative.create(
            [
                {"name": f"Kop Bantaran {i:03d}", "kecamatan": "Bantaran Uji"}
                for i in range(25)
            ]
        )
        self.url_open(url)  # warm the template and view caches
        # With the member API (OCA's endpoint_route_handler) installed, a
        # request reads the version of its routes once.
        budget = 12 + bool(
            self.env["ir.module.module"].search_count(
                [("name", "=", "endpoint_route_handler"), ("state", "=", "installed")]
            )
        )
        with self.assertQueryCount(budget):
            self.url_open(url)
        small, _response = self._count_queries(url)
        Cooperative.create(
            [
                {"name": f"Kop Bantaran {i:03d}", "kecamatan": "Bantaran Uji"}
                for i in range(25, 400)
            ]
        )
        self.url_open(url)
        with self.assertQueryCount(budget):
            self.url_open(url + "&page=3")
        large, response = self._count_queries(url + "&page=3")
        self.assertEqual(large, small)
        self.assertIn("Kop Bantaran 040", response.text)
        self.assertNotIn("Kop Bantaran 039", response.text)
