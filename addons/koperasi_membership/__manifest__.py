{
    "name": "Koperasi Membership",
    "summary": "Members, share capital (simpanan pokok and wajib), member card "
    "and the members' portal of an Indonesian cooperative",
    "version": "18.0.1.0.0",
    "category": "Koperasi",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["account", "portal", "website"],
    "external_dependencies": {"python": ["qrcode", "xlsxwriter"]},
    "data": [
        "security/koperasi_membership_groups.xml",
        "security/ir.model.access.csv",
        "security/koperasi_membership_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "report/koperasi_member_reports.xml",
        "report/koperasi_member_templates.xml",
        "views/koperasi_member_group_views.xml",
        "views/koperasi_member_views.xml",
        "views/koperasi_capital_due_views.xml",
        "views/koperasi_capital_payment_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/koperasi_member_settle_views.xml",
        "views/koperasi_membership_menus.xml",
        "views/koperasi_portal_templates.xml",
        "views/koperasi_website_templates.xml",
    ],
    "demo": [
        "demo/koperasi_member_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "koperasi_membership/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
