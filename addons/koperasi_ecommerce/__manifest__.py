{
    "name": "Koperasi eCommerce",
    "summary": "The cooperative shop: member prices, bank transfer with proof of payment, producers' balances and payouts",
    "version": "18.0.1.0.0",
    "category": "Koperasi",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["website_sale", "koperasi_membership"],
    "data": [
        "security/koperasi_ecommerce_groups.xml",
        "security/ir.model.access.csv",
        "security/koperasi_ecommerce_security.xml",
        "views/koperasi_business_unit_views.xml",
        "views/koperasi_ecommerce_menus.xml",
    ],
    "application": True,
}
