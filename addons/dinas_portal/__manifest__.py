{
    "name": "Dinas Koperasi Portal",
    "summary": "The Cooperative Office website and portal: registry, letters with QR "
    "verification, consultations",
    "version": "18.0.1.0.0",
    "category": "Koperasi",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["website", "portal", "website_blog"],
    "external_dependencies": {"python": ["qrcode"]},
    "data": [
        "security/dinas_portal_groups.xml",
        "security/ir.model.access.csv",
        "security/dinas_portal_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "data/website_menu_data.xml",
        "report/dinas_letter_reports.xml",
        "report/dinas_letter_templates.xml",
        "wizard/dinas_letter_request_reject_views.xml",
        "views/dinas_letter_request_views.xml",
        "views/dinas_cooperative_views.xml",
        "views/dinas_registration_views.xml",
        "views/dinas_portal_menus.xml",
        "views/dinas_portal_templates.xml",
        "views/dinas_website_templates.xml",
    ],
    "demo": [
        "demo/dinas_portal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "dinas_portal/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
