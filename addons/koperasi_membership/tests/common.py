from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.mail.tests.common import mail_new_test_user


class KoperasiMembershipCommon(BaseCommon):
    """The cast of the membership tests, built once per class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.manager = mail_new_test_user(
            cls.env,
            login="kop_manager",
            name="Ketua Koperasi",
            groups="koperasi_membership.group_koperasi_manager",
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="kop_officer",
            name="Teller Koperasi",
            groups="koperasi_membership.group_koperasi_officer",
        )
        cls.supervisor = mail_new_test_user(
            cls.env,
            login="kop_supervisor",
            name="Pengawas Koperasi",
            groups="koperasi_membership.group_koperasi_user",
        )
        cls.group_lele = cls.env["koperasi.member.group"].create(
            {"name": "Kelompok Lele"}
        )

    @classmethod
    def _create_member(cls, name, nik, **vals):
        partner = cls.env["res.partner"].create({"name": name})
        return cls.env["koperasi.member"].create(
            {"partner_id": partner.id, "nik": nik, **vals}
        )
