from odoo.tests import tagged

from odoo.addons.koperasi_base.tests import hostile
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestHostileInput(hostile.HostileInputCase):
    """Every shop route of the suite, as a visitor, a shopper and a member
    producer."""

    addon = "koperasi_ecommerce"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mail_new_test_user(
            cls.env,
            login="kec_hostile_shopper",
            password="kec_hostile_shopper_pw",
            groups="base.group_portal",
        )
        producer_user = mail_new_test_user(
            cls.env,
            login="kec_hostile_producer",
            password="kec_hostile_producer_pw",
            groups="base.group_portal",
        )
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
