{
    "name": "Koperasi Savings and Loans",
    "summary": "Savings kinds and loans with instalment schedules, posted to Odoo accounting",
    "version": "18.0.1.0.0",
    "category": "Koperasi",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["koperasi_membership"],
    "data": [
        "security/koperasi_savings_loan_groups.xml",
        "security/ir.model.access.csv",
        "security/koperasi_savings_loan_security.xml",
        "views/koperasi_savings_product_views.xml",
        "views/koperasi_savings_loan_menus.xml",
    ],
    "application": True,
}
