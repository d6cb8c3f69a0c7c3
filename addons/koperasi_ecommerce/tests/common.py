from odoo import Command

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user


class KoperasiEcommerceCommon(BaseCommon):
    """The cast of the shop tests, built once per class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.company = cls.env.company
        if not cls.company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )
        cls.currency = cls.company.currency_id
        cls.website = cls.env["website"].search(
            [("company_id", "=", cls.company.id)], limit=1
        ) or cls.env["website"].create(
            {"name": "Toko Uji", "company_id": cls.company.id}
        )
        # Odoo's demo promotions would change the amounts of the shop orders.
        cls.env["loyalty.program"].search([]).action_archive()
        cls.company.write(
            {
                "koperasi_commission_percent": 10.0,
                "koperasi_payout_minimum": 50000.0,
                "koperasi_proof_reminder_days": 1,
                "koperasi_proof_cancel_days": 3,
            }
        )
        # --- users -------------------------------------------------------
        cls.manager = mail_new_test_user(
            cls.env,
            login="kec_manager",
            name="Ketua Toko",
            groups="koperasi_ecommerce.group_koperasi_ecommerce_manager,base.group_user",
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="kec_officer",
            name="Kasir Toko",
            groups="koperasi_ecommerce.group_koperasi_ecommerce_officer,base.group_user",
        )
        cls.store_manager = mail_new_test_user(
            cls.env,
            login="kec_store",
            name="Pengelola Olahan",
            groups="koperasi_ecommerce.group_koperasi_ecommerce_store_manager,base.group_user",
        )
        cls.shopper = mail_new_test_user(
            cls.env,
            login="kec_shopper",
            name="Pembeli Umum",
            groups="base.group_portal",
        )
        cls.member_user = mail_new_test_user(
            cls.env,
            login="kec_member",
            name="Anggota Belanja",
            groups="base.group_portal",
        )
        cls.producer_user = mail_new_test_user(
            cls.env,
            login="kec_producer",
            name="Sumiati Produsen",
            groups="base.group_portal",
        )
        cls.other_producer_user = mail_new_test_user(
            cls.env,
            login="kec_producer2",
            name="Rohmah Produsen",
            groups="base.group_portal",
        )
        for user in (cls.shopper, cls.member_user, cls.producer_user):
            user.partner_id.write(
                {
                    "street": "Jl. Raya Pantura 1",
                    "city": "Probolinggo",
                    "zip": "67251",
                    "country_id": cls.env.ref("base.id").id,
                    "state_id": cls.env.ref("base.state_id_ji").id,
                    "phone": "081200000001",
                }
            )
        # --- members and producers ----------------------------------------
        Member = cls.env["koperasi.member"]
        cls.member = Member.create(
            {
                "partner_id": cls.member_user.partner_id.id,
                "nik": "3513000000000101",
                "state": "active",
            }
        )
        cls.producer_member = Member.create(
            {
                "partner_id": cls.producer_user.partner_id.id,
                "nik": "3513000000000102",
                "state": "active",
            }
        )
        cls.other_producer_member = Member.create(
            {
                "partner_id": cls.other_producer_user.partner_id.id,
                "nik": "3513000000000103",
                "state": "active",
            }
        )
        cls.unit_olahan = cls.env["koperasi.business.unit"].create(
            {
                "name": "Unit Olahan Uji",
                "manager_user_ids": [Command.link(cls.store_manager.id)],
            }
        )
        cls.unit_pakan = cls.env["koperasi.business.unit"].create(
            {"name": "Unit Pakan Uji"}
        )
        Producer = cls.env["koperasi.producer"]
        cls.producer = Producer.create(
            {
                "producer_type": "member",
                "member_id": cls.producer_member.id,
                "commission_percent": 8.0,
            }
        )
        cls.other_producer = Producer.create(
            {"producer_type": "member", "member_id": cls.other_producer_member.id}
        )
        cls.producer_pakan = Producer.create(
            {"producer_type": "business_unit", "business_unit_id": cls.unit_pakan.id}
        )
        # --- catalogue -----------------------------------------------------
        cls.categ = cls.env["product.category"].create(
            {"name": "Olahan Uji", "koperasi_commission_percent": 12.0}
        )
        Template = cls.env["product.template"]
        common = {
            "is_storable": True,
            "is_published": True,
            "sale_ok": True,
            "taxes_id": [Command.clear()],
            "company_id": cls.company.id,
            "categ_id": cls.categ.id,
            "invoice_policy": "order",
        }
        cls.abon = Template.create(
            {
                **common,
                "name": "Abon Lele Uji",
                "list_price": 100000.0,
                "koperasi_producer_id": cls.producer.id,
                "koperasi_business_unit_id": cls.unit_olahan.id,
            }
        )
        cls.kerupuk = Template.create(
            {
                **common,
                "name": "Kerupuk Lele Uji",
                "list_price": 20000.0,
                "koperasi_producer_id": cls.other_producer.id,
                "koperasi_business_unit_id": cls.unit_olahan.id,
            }
        )
        cls.pakan = Template.create(
            {
                **common,
                "name": "Pakan Organik Uji",
                "list_price": 45000.0,
                "koperasi_producer_id": cls.producer_pakan.id,
            }
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock_location = warehouse.lot_stock_id
        for template in (cls.abon, cls.kerupuk, cls.pakan):
            cls.env["stock.quant"]._update_available_quantity(
                template.product_variant_id, cls.stock_location, 50
            )
        # --- prices -------------------------------------------------------
        cls.env["product.pricelist"].search([]).write({"active": False})
        cls.public_pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Harga Toko Uji",
                "sequence": 1,
                "selectable": True,
                "currency_id": cls.currency.id,
            }
        )
        cls.member_pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Harga Anggota Uji",
                "sequence": 60,
                "selectable": False,
                "currency_id": cls.currency.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "formula",
                            "base": "pricelist",
                            "base_pricelist_id": cls.public_pricelist.id,
                            "price_discount": 10.0,
                        }
                    )
                ],
            }
        )
        cls.company.koperasi_member_pricelist_id = cls.member_pricelist
        # --- bank transfer -------------------------------------------------
        cls.provider = cls.env.ref("payment.payment_provider_transfer")
        cls.bank_journal = cls.env["account.journal"].search(
            [
                *cls.env["account.journal"]._check_company_domain(cls.company),
                ("type", "=", "bank"),
            ],
            limit=1,
        )
        cls.bank_journal.bank_account_id = cls.env["res.partner.bank"].create(
            {
                "acc_number": "0123-01-000999-30-1",
                "partner_id": cls.company.partner_id.id,
            }
        )
        cls.provider.write(
            {
                "state": "enabled",
                "is_published": True,
                "company_id": cls.company.id,
                "journal_id": cls.bank_journal.id,
            }
        )
        cls.provider.action_recompute_pending_msg()

    @classmethod
    def _create_transfer_order(cls, partner, lines, website=True):
        """A shop order paid by bank transfer, waiting for the transfer."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "website_id": cls.website.id if website else False,
                "pricelist_id": cls.public_pricelist.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": template.product_variant_id.id,
                            "product_uom_qty": qty,
                        }
                    )
                    for template, qty in lines
                ],
            }
        )
        tx = cls.env["payment.transaction"].create(
            {
                "provider_id": cls.provider.id,
                "payment_method_id": cls.provider.payment_method_ids[:1].id,
                "amount": order.amount_total,
                "currency_id": order.currency_id.id,
                "partner_id": partner.id,
                "reference": cls.env["payment.transaction"]._compute_reference(
                    cls.provider.code, prefix=order.name
                ),
                "sale_order_ids": [Command.set(order.ids)],
                "operation": "online_redirect",
            }
        )
        tx._set_pending()
        tx._post_process()
        order._portal_ensure_token()
        return order, tx

    @staticmethod
    def _balances(producer):
        """(balance, available) read afresh from the posted entries."""
        producer.invalidate_recordset(
            ["balance", "pending_payout_amount", "available_balance"]
        )
        return producer.balance, producer.available_balance

    @classmethod
    def _deliver(cls, order):
        for picking in order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        ):
            cls._deliver_picking(picking)

    @classmethod
    def _deliver_picking(cls, picking):
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking._action_done()


PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF_BYTES = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
)
