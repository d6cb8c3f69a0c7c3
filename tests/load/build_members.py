# Run by tests/bench_load.py inside `odoo shell` on a throwaway copy of the
# showcase: N members of the cooperative, each with a portal login
# (password = login), paid capital, wajib dues and a savings account with a
# few months of deposits and interest, as the teller and the month-end job
# make them. The logins are anggota.bench.0001 ... (KOPERASI_BENCH_MEMBERS).
# ruff: noqa: F821  (`env` is given by odoo shell)
import os

from dateutil.relativedelta import relativedelta

from odoo import Command, fields

count = int(os.environ.get("KOPERASI_BENCH_MEMBERS", "60"))
months = int(os.environ.get("KOPERASI_BENCH_MONTHS", "3"))
env = env(context=dict(env.context, tracking_disable=True, no_reset_password=True))
company = env.company
join = (fields.Date.context_today(env.user) - relativedelta(months=months)).replace(
    day=1
)
group = env.ref("koperasi_membership.member_group_olahan", raise_if_not_found=False)
portal = env.ref("base.group_portal")
logins = [f"anggota.bench.{i:04d}" for i in range(1, count + 1)]
known = set(
    env["res.users"]
    .with_context(active_test=False)
    .search([("login", "in", logins)])
    .mapped("login")
)
todo = [login for login in logins if login not in known]
partners = env["res.partner"].create(
    [
        {
            "name": f"Anggota Uji Beban {login[-4:]}",
            "email": f"{login}@example.com",
            "city": "Kec. Sumberasih, Kab. Probolinggo",
            "country_id": env.ref("base.id").id,
            "lang": "id_ID",
        }
        for login in todo
    ]
)
members = env["koperasi.member"].create(
    [
        {
            "partner_id": partner.id,
            "nik": f"3513104101{int(login[-4:]):06d}",
            "member_group_id": group.id if group else False,
            "gender": "female",
            "birth_date": "1985-05-05",
            "state": "active",
            "join_date": join,
        }
        for login, partner in zip(todo, partners, strict=True)
    ]
)
env["res.users"].create(
    [
        {
            "login": login,
            "password": login,
            "partner_id": partner.id,
            "tz": "Asia/Jakarta",
            "lang": "id_ID",
            "groups_id": [Command.set([portal.id])],
        }
        for login, partner in zip(todo, partners, strict=True)
    ]
)
env["koperasi.member"]._demo_load_capital()
product = env.ref(
    "koperasi_savings_loan.savings_product_sukarela", raise_if_not_found=False
)
if product and members:
    Account = env["koperasi.savings.account"]
    accounts = Account.create(
        [
            {"member_id": member.id, "product_id": product.id, "open_date": join}
            for member in members
        ]
    )
    Account._demo_history(
        accounts.ids, [500000] * len(accounts), [50000] * len(accounts)
    )
env.cr.commit()
print(f"Bench members ready: {count} ({len(todo)} new).")
