from odoo.tests import tagged

from odoo.addons.koperasi_base.tests import hostile


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestHostileInput(hostile.HostileInputCase):
    """Every shop route of the suite, as a visitor, a shopper and a member
    producer."""

    addon = "koperasi_ecommerce"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._portal_user("kec_hostile_shopper")
        producer_user = cls._portal_user("kec_hostile_producer")
        member = cls.env["koperasi.member"].create(
            {
                "partner_id": producer_user.partner_id.id,
                "nik": "3513010101909997",
                "state": "active",
            }
        )
        cls.env["koperasi.producer"].create(
            {"producer_type": "member", "member_id": member.id}
        )

    def _personas(self):
        return [
            (None, None),
            ("kec_hostile_shopper", "kec_hostile_shopper_pw"),
            ("kec_hostile_producer", "kec_hostile_producer_pw"),
        ]
