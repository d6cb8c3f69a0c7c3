"""A second cooperative's shop: its orders credit its own producers in its
own books, never the first cooperative's."""

from odoo import Command
from odoo.tests import tagged

from .common import KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestSecondCooperativeShop(KoperasiEcommerceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create(
            {"name": "Koperasi Toko Uji B", "currency_id": cls.currency.id}
        )
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company_b, install_demo=False
        )
        cls.company_b.koperasi_commission_percent = 20.0
        env_b = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company_b.id])
        )
        cls.env_b = env_b
        cls.website_b = env_b["website"].create(
            {"name": "Toko Uji B", "company_id": cls.company_b.id}
        )
        member_b = env_b["koperasi.member"].create(
            {
                "partner_id": env_b["res.partner"].create({"name": "Produsen B"}).id,
                "nik": "3513010101909996",
                "state": "active",
                "company_id": cls.company_b.id,
            }
        )
        cls.producer_b = env_b["koperasi.producer"].create(
            {
                "producer_type": "member",
                "member_id": member_b.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.sambal_b = env_b["product.template"].create(
            {
                "name": "Sambal Lele B",
                "is_storable": True,
                "list_price": 50000.0,
                "invoice_policy": "order",
                "company_id": cls.company_b.id,
                "koperasi_producer_id": cls.producer_b.id,
                "taxes_id": [Command.clear()],
            }
        )
        warehouse_b = env_b["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        env_b["stock.quant"]._update_available_quantity(
            cls.sambal_b.product_variant_id, warehouse_b.lot_stock_id, 10
        )

    def test_paid_and_delivered_order_credits_its_own_producer(self):
        before_a = self._balances(self.producer)
        customer = self.env_b["res.partner"].create({"name": "Pembeli B"})
        order = self.env_b["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": self.company_b.id,
                "website_id": self.website_b.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.sambal_b.product_variant_id.id,
                            "product_uom_qty": 2,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        self._deliver(order)
        invoice = order._create_invoices()
        invoice.action_post()
        self.env_b["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        entry = order.order_line.koperasi_ledger_ids
        self.assertEqual(entry.company_id, self.company_b)
        # 100,000 sold, the cooperative's own 20% commission: 80,000.
        self.assertEqual(entry.net_amount, 80000.0)
        self.assertEqual(entry.move_id.company_id, self.company_b)
        self.assertEqual(entry.move_id.journal_id.company_id, self.company_b)
        self.assertEqual(self._balances(self.producer_b)[0], 80000.0)
        self.assertEqual(self._balances(self.producer), before_a)

    def test_producer_accounting_comes_with_the_chart(self):
        """Loading the chart gave the second cooperative its producers'
        journal and accounts: the chart's own where it has them, the payable
        created once with a code of the chart."""
        company = self.company_b
        journal, expense, payable = company._koperasi_producer_accounting()
        prefix = f"account.{company.id}_"
        self.assertEqual(journal.get_external_id()[journal.id], f"{prefix}general")
        self.assertEqual(
            expense.get_external_id()[expense.id], f"{prefix}cost_of_goods_sold"
        )
        self.assertEqual(
            payable.get_external_id()[payable.id], f"{prefix}koperasi_utang_produsen"
        )
        self.assertEqual(payable.account_type, "liability_payable")
        self.assertEqual(payable.with_company(company).code, "211101")
        self.assertEqual(
            company.koperasi_payout_journal_id.get_external_id()[
                company.koperasi_payout_journal_id.id
            ],
            f"{prefix}bank",
        )
