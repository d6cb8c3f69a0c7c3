from odoo.tests import tagged

from odoo.addons.koperasi_base.tests.personas import PersonaCase


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestShopPersonas(PersonaCase):
    """The shop of the showcase: Bu Yuyun buys catfish and uploads her
    proof of transfer; Sumiati sees what her products earned and asks for a
    payout."""

    def test_shopper_buys_catfish_and_uploads_a_proof(self):
        shopper = self.persona("pembeli")
        catfish = self.env.ref("koperasi_ecommerce.product_lele_segar")
        self.log_in("pembeli")
        self.visit(catfish.website_url)
        Order = self.env["sale.order"]
        domain = [
            ("partner_id", "=", shopper.partner_id.id),
            ("koperasi_proof_state", "=", "to_verify"),
        ]
        before = Order.search(domain)
        self.start_tour(
            catfish.website_url, "koperasi_shopper_buys_catfish", login="pembeli"
        )
        order = Order.search(domain) - before
        self.assertEqual(len(order), 1)
        self.assertIn(catfish.product_variant_id, order.order_line.product_id)
        self.assertEqual(order.koperasi_proof_state, "to_verify")
        self.assertEqual(order.transaction_ids.state, "pending")

    def test_producer_sees_her_earnings_and_asks_a_payout(self):
        user = self.log_in("sumiati")
        producer = (
            self.env["koperasi.producer"].with_user(user)._get_producer_for_user()
        )
        self.assertTrue(producer)
        producer = producer.sudo()
        text = self.page_text(self.visit("/my/koperasi"))
        balance = producer.currency_id.with_context(lang=user.lang)
        self.assertIn(
            balance.format(producer.available_balance).replace("\xa0", " "), text
        )
        available = producer.available_balance
        amount = max(producer.company_id.koperasi_payout_minimum, 1)
        self.assertGreaterEqual(available, amount, "the showcase producer has sales")
        self.visit("/my/koperasi/payout", data={"amount": str(int(amount))})
        payout = producer.payout_ids.sorted("id")[-1:]
        self.assertEqual(payout.state, "requested")
        self.assertEqual(payout.amount, amount)
        producer.invalidate_recordset(["available_balance", "pending_payout_amount"])
        self.assertEqual(producer.available_balance, available - amount)
