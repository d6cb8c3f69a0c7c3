{
    "name": "Dinas Koperasi Portal",
    "summary": "The Cooperative Office website and portal: registry, letters with QR verification, consultations",
    "version": "18.0.1.0.0",
    "category": "Koperasi",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["website", "portal"],
    "data": [
        "security/dinas_portal_groups.xml",
        "security/ir.model.access.csv",
        "security/dinas_portal_security.xml",
        "views/dinas_cooperative_views.xml",
        "views/dinas_portal_menus.xml",
    ],
    "application": True,
}
