import base64

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 32


class DinasPortalCommon(BaseCommon):
    """The cast of the Dinas tests, built once per class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.staff = mail_new_test_user(
            cls.env,
            login="dns_staff",
            name="Staf Pelayanan",
            email="staf@dinas.example.com",
            groups="dinas_portal.group_dinas_portal_user",
        )
        cls.head = mail_new_test_user(
            cls.env,
            login="dns_head",
            name="Kepala Dinas Uji",
            email="kepala@dinas.example.com",
            groups="dinas_portal.group_dinas_portal_officer",
        )
        cls.admin = mail_new_test_user(
            cls.env,
            login="dns_admin",
            name="Admin Dinas",
            email="admin@dinas.example.com",
            groups="dinas_portal.group_dinas_portal_manager",
        )
        cls.member = mail_new_test_user(
            cls.env,
            login="dns_member",
            name="Pengurus Koperasi Uji",
            email="pengurus@kpri.example.com",
            groups="base.group_portal",
        )
        cls.other_member = mail_new_test_user(
            cls.env,
            login="dns_other",
            name="Pemilik UMKM Lain",
            email="umkm@lain.example.com",
            groups="base.group_portal",
        )
        cls.letter_type = cls.env["dinas.letter.type"].create(
            {
                "name": "Surat Pengantar Tur",
                "code": "pengantar",
                "classification_code": "500.3",
                "unit_code": "DKUPP",
                "sla_days": 7,
            }
        )
        cls.cooperative = cls.env["dinas.cooperative"].create(
            {
                "name": "KPRI Uji Waluyo",
                "nik_koperasi": "3513999001000000",
                "cooperative_type": "ksp",
                "kecamatan": "Kraksaan",
                "desa": "Kebonagung",
                "member_count": 300,
                "assets": 1_000_000_000,
                "last_rat_year": 2025,
                "partner_id": cls.member.partner_id.id,
            }
        )
        cls.other_msme = cls.env["dinas.msme"].create(
            {
                "name": "UMKM Uji Lain",
                "nib": "9999000000001",
                "partner_id": cls.other_member.partner_id.id,
            }
        )

    @classmethod
    def _portal_request(cls, user, **values):
        vals = {
            "letter_type_id": cls.letter_type.id,
            "purpose": "Pengajuan kredit",
            "addressee": "Bank Jatim",
            "details": "",
        }
        vals.update(values)
        letter = (
            cls.env["dinas.letter.request"]
            .with_user(user)
            ._create_from_portal(user.partner_id, vals)
        )
        return letter.with_env(cls.env)

    @staticmethod
    def _b64(data):
        return base64.b64encode(data)
