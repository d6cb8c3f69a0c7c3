{
    "name": "Koperasi Suite Base",
    "summary": "Shared technical rules of the Koperasi Suite: business date, "
    "workflow fields, row locks, numbering, input parsing, XLSX writer",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["base"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "views/koperasi_base_templates.xml",
    ],
}
