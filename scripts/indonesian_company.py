# Run inside `odoo shell`: makes the main company an Indonesian cooperative
# (country Indonesia, currency IDR) before the accounting apps are installed,
# so that `account` loads the Indonesian chart of accounts (l10n_id).
company = env.ref("base.main_company")  # noqa: F821
idr = env.ref("base.IDR")  # noqa: F821
idr.active = True
company.write(
    {
        "name": "Koperasi Wanita Putri Pantura",
        "street": "Desa Ambulu",
        "city": "Kec. Sumberasih, Kab. Probolinggo",
        "zip": "67251",
        "country_id": env.ref("base.id").id,  # noqa: F821
        "currency_id": idr.id,
    }
)
# The cooperative's business day is Western Indonesian Time (WIB).
company.partner_id.tz = "Asia/Jakarta"
env.cr.commit()  # noqa: F821
