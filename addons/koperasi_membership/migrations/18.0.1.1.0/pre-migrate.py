"""The accounts earlier versions made on first use (simpanan pokok 310100,
wajib 310200, settlement 310900, SHU reserve 320100, SHU payables and funds
2105x0) become the company's koperasi accounts: setting the koperasi accounts
up with the chart then keeps using them instead of making new ones."""

from odoo import SUPERUSER_ID, api

LEGACY_CODES = {
    "310100": "koperasi_simpanan_pokok",
    "310200": "koperasi_simpanan_wajib",
    "310900": "koperasi_settlement",
    "320100": "koperasi_cadangan",
    "210510": "koperasi_utang_shu_anggota",
    "210520": "koperasi_utang_shu_pengurus",
    "210530": "koperasi_utang_shu_karyawan",
    "210540": "koperasi_dana_pendidikan",
    "210550": "koperasi_dana_sosial",
    "210590": "koperasi_dana_shu_lainnya",
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    xmlids = []
    for company in env["res.company"].search([]):
        Account = env["account.account"].with_company(company)
        for code, name in LEGACY_CODES.items():
            xml_id = f"account.{company.id}_{name}"
            if env.ref(xml_id, raise_if_not_found=False):
                continue
            account = Account.search(
                [("code", "=", code), ("company_ids", "in", company.ids)], limit=1
            )
            if account:
                xmlids.append({"xml_id": xml_id, "record": account, "noupdate": True})
    env["ir.model.data"]._update_xmlids(xmlids)
