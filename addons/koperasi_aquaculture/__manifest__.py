{
    "name": "Koperasi Aquaculture",
    "summary": "Catfish (lele) ponds and cultivation batches feeding Odoo inventory",
    "version": "18.0.1.0.0",
    "category": "Koperasi",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["stock", "mrp"],
    "data": [
        "security/koperasi_aquaculture_groups.xml",
        "security/ir.model.access.csv",
        "security/koperasi_aquaculture_security.xml",
        "views/aquaculture_farmer_group_views.xml",
        "views/koperasi_aquaculture_menus.xml",
    ],
    "application": True,
}
