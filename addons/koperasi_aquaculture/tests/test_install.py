from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestInstall(BaseCommon):
    def test_manager_creates_user_reads(self):
        manager = mail_new_test_user(
            self.env,
            login="m_koperasi_aquaculture",
            groups="koperasi_aquaculture.group_koperasi_aquaculture_manager",
        )
        user = mail_new_test_user(
            self.env,
            login="u_koperasi_aquaculture",
            groups="koperasi_aquaculture.group_koperasi_aquaculture_user",
        )
        record = (
            self.env["aquaculture.farmer.group"]
            .with_user(manager)
            .create({"name": "Uji"})
        )
        self.assertEqual(record.with_user(user).name, "Uji")
        with self.assertRaises(AccessError):
            record.with_user(user).write({"name": "Ubah"})
