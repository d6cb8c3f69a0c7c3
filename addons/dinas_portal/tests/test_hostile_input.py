from odoo.tests import tagged

from odoo.addons.koperasi_base.tests import hostile


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestHostileInput(hostile.HostileInputCase):
    """Every Dinas route, as a visitor and as a registered cooperative."""

    addon = "dinas_portal"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._portal_user("dns_hostile")
        cls.env["dinas.cooperative"].create(
            {
                "name": "Koperasi Uji Serangan",
                "nik_koperasi": "3513999777000000",
                "cooperative_type": "ksp",
                "partner_id": user.partner_id.id,
            }
        )
        cls.env["dinas.letter.type"].create(
            {"name": "Surat Uji Serangan", "code": "tugas", "unit_code": "HOS"}
        )

    def _personas(self):
        return [(None, None), ("dns_hostile", "dns_hostile_pw")]
