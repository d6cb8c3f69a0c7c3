{
    "name": "Koperasi eCommerce",
    "summary": "The cooperative shop: member prices, bank transfer with proof of payment, "
    "producers' balances and payouts",
    "version": "18.0.1.0.0",
    "category": "Koperasi",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": [
        "website_sale",
        "website_sale_loyalty",
        "sale_stock",
        "payment_custom",
        "account_payment",
        "koperasi_membership",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/koperasi_ecommerce_groups.xml",
        "security/ir.model.access.csv",
        "security/koperasi_ecommerce_security.xml",
        "data/koperasi_ecommerce_data.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "wizard/sale_order_proof_reject_views.xml",
        "views/koperasi_business_unit_views.xml",
        "views/koperasi_producer_views.xml",
        "views/product_template_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/koperasi_shop_templates.xml",
        "views/koperasi_ecommerce_menus.xml",
    ],
    "demo": [
        "demo/koperasi_ecommerce_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "koperasi_ecommerce/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
