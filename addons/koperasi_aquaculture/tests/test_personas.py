from odoo.tests import tagged

from odoo.addons.koperasi_base.tests.personas import PersonaCase


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestAquaculturePersonas(PersonaCase):
    """The catfish farmer of the showcase logs a feeding from her phone."""

    def test_farmer_logs_a_feeding(self):
        user = self.log_in("siti.lele")
        ponds = self.env["aquaculture.pond"].search(
            [("owner_id", "=", user.partner_id.id)]
        )
        pond = ponds.filtered("current_batch_id")[:1]
        self.assertTrue(pond, "the showcase farmer has a pond with a batch in culture")
        self.assertIn(pond.name, self.page_text(self.visit("/my/kolam")))
        page = self.visit(f"/my/kolam/{pond.id}")
        action, values = self.form_values(
            page, "//form[contains(@class, 'o_aquaculture_form_feeding')]"
        )
        values["quantity"] = "2,5"
        batch = pond.current_batch_id
        before = len(batch.log_ids)
        page = self.visit(action, data=values)
        self.assertIn(f"/my/kolam/{pond.id}", page.url)
        feeding = batch.log_ids.sorted("id")[-1:]
        self.assertEqual(len(batch.log_ids), before + 1)
        self.assertEqual(feeding.log_type, "feeding")
        self.assertEqual(feeding.quantity, 2.5)
        self.assertEqual(feeding.user_id, user)
