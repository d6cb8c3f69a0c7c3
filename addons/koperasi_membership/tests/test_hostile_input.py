from odoo.tests import tagged

from odoo.addons.koperasi_base.tests import hostile


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestHostileInput(hostile.HostileInputCase):
    """Every membership route, as a visitor and as a member with a group."""

    addon = "koperasi_membership"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._portal_user("kop_hostile")
        group = cls.env["koperasi.member.group"].create({"name": "Kelompok Serangan"})
        cls.env["koperasi.member"].create(
            {
                "partner_id": user.partner_id.id,
                "nik": "3513104101809999",
                "state": "active",
                "member_group_id": group.id,
            }
        )

    def _personas(self):
        return [(None, None), ("kop_hostile", "kop_hostile_pw")]
