{
    "name": "Koperasi Suite Base",
    "summary": "Shared technical rules of the Koperasi Suite: the business date "
    "in the company's timezone",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "author": "Koperasi Suite",
    "license": "LGPL-3",
    "depends": ["base"],
}
