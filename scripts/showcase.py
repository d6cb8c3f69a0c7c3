# Run inside `odoo shell` on a database created without Odoo's generic demo
# data (scripts/lib.sh build_showcase): loads the suite's own showcase data
# (each addon's `demo` files, in dependency order), gives the cooperative its
# identity, makes Bahasa Indonesia the language of the website, the backend
# users and the portal, and prints the logins of the personas.
import base64
import os

from odoo.modules.module import get_manifest, get_module_path
from odoo.tools import convert_file

env = env  # noqa: F821  (given by odoo shell)
SUITE = [
    "koperasi_base",
    "koperasi_membership",
    "koperasi_savings_loan",
    "koperasi_ecommerce",
    "koperasi_aquaculture",
    "dinas_portal",
]
Module = env["ir.module.module"]
installed = set(
    Module.search([("name", "in", SUITE), ("state", "=", "installed")]).mapped("name")
)

# The cooperative's identity, before any document is printed.
company = env.ref("base.main_company")
logo = os.path.join(
    get_module_path("koperasi_membership"),
    "static",
    "src",
    "img",
    "putri_pantura_logo.png",
)
with open(logo, "rb") as image:
    company.write(
        {
            "logo": base64.b64encode(image.read()),
            "phone": "+62 335 771 234",
            "email": "info@putripantura.example.com",
            "website": "https://putripantura.example.com",
            "state_id": env.ref("base.state_id_ji").id,
        }
    )
company.partner_id.lang = "id_ID"
# Rupiah have no cents in a cooperative's books: amounts show as Rp 1.250.000.
company.currency_id.write({"rounding": 1.0})

# The suite's showcase data: what each addon ships as demo data, loaded
# without Odoo's generic demo underneath.
for module in SUITE:
    if module not in installed:
        continue
    idref = {}
    for filename in get_manifest(module).get("demo", []):
        print(f"Loading {module}/{filename}")
        convert_file(
            env, module, filename, idref, mode="init", noupdate=True, kind="demo"
        )
    env.cr.execute("UPDATE ir_module_module SET demo = TRUE WHERE name = %s", (module,))
env.flush_all()

# The scheduled jobs of the business day run once now (the demo server runs
# them from then on): the month's wajib dues, and the daily overdue run that
# ages unpaid instalments, charges denda and sets the collectibility.
for xmlid in (
    "koperasi_membership.ir_cron_create_wajib_dues",
    "koperasi_savings_loan.ir_cron_loan_daily_overdue",
):
    cron = env.ref(xmlid, raise_if_not_found=False)
    if cron:
        print(f"Running {cron.name}")
        cron.method_direct_trigger()

HOMEPAGE = """<t name="Homepage" t-name="website.homepage">
  <t t-call="website.layout">
    <t t-set="pageName" t-value="'homepage'"/>
    <div id="wrap" class="oe_structure oe_empty">
      <section class="s_cover pt96 pb96 o_cc o_cc5">
        <div class="container text-center">
          <h1 class="display-4">Koperasi Wanita Putri Pantura</h1>
          <p class="lead">Koperasi para perempuan pembudidaya dan pengolah lele di Desa
            Ambulu, Kecamatan Sumberasih, Kabupaten Probolinggo: simpan pinjam untuk
            anggota, toko hasil usaha anggota, dan pendampingan budidaya.</p>
          <p>
            <a href="/koperasi/daftar" class="btn btn-primary btn-lg me-2">Daftar jadi anggota</a>
            <a href="/shop" class="btn btn-secondary btn-lg me-2">Belanja di toko</a>
            <a href="/my/koperasi" class="btn btn-outline-light btn-lg">Portal anggota</a>
          </p>
        </div>
      </section>
      <section class="pt48 pb48">
        <div class="container">
          <div class="row">
            <div class="col-lg-4">
              <h3>Simpan pinjam</h3>
              <p>Simpanan pokok, wajib dan sukarela; pinjaman produktif dan konsumtif
                dengan angsuran yang jelas, dapat dilihat anggota kapan saja.</p>
            </div>
            <div class="col-lg-4">
              <h3>Toko koperasi</h3>
              <p>Lele segar, kerupuk, abon dan sambal lele buatan anggota; harga khusus
                anggota dan pembayaran transfer bank.</p>
            </div>
            <div class="col-lg-4">
              <h3>Budidaya lele</h3>
              <p>Kolam anggota dicatat dari tebar benih sampai panen: pakan, sampling,
                kematian dan hasil panen.</p>
            </div>
          </div>
        </div>
      </section>
    </div>
  </t>
</t>"""

# Bahasa Indonesia for everybody: backend users, portal users, visitors.
lang = env["res.lang"]._activate_lang("id_ID")
env["res.users"].with_context(active_test=False).search([]).write({"lang": lang.code})
env["res.partner"].with_context(active_test=False).search(
    [("lang", "!=", lang.code)]
).write({"lang": lang.code})
if "website" in env:
    for website in env["website"].search([]):
        # The home page the website serves (its own copy when it has one).
        homepage = env["website.page"].search(
            [("url", "=", "/"), ("website_id", "in", (website.id, False))],
            order="website_id",
            limit=1,
        )
        if homepage:
            homepage.view_id.arch = HOMEPAGE
        website.write(
            {
                "name": company.name,
                "logo": company.logo,
                "language_ids": [(4, lang.id), (4, env.ref("base.lang_en").id)],
                "default_lang_id": lang.id,
            }
        )
env.cr.commit()

PERSONAS = [
    ("admin", "Administrator (everything)"),
    ("ketua", "Board member, Ketua: verifies members, approves loans"),
    ("bendahara", "Board member, Bendahara: the second approval above the threshold"),
    ("teller", "Teller: deposits, withdrawals, disbursements, repayments"),
    ("pengawas", "Supervisor (pengawas): reads everything, changes nothing"),
    ("siti.aminah", "Member in the portal /my/koperasi: capital, savings, loans"),
    ("sumiati", "Producer in the portal: her products' sales and payouts"),
    ("pembeli", "Shopper on /shop (not a member)"),
    ("siti.lele", "Catfish farmer in the portal /my/kolam"),
    ("dinas.staf", "Dinas staff: registry, letters, consultations"),
    ("dinas.kepala", "Head of the Dinas (manager)"),
    ("koperasi.waluyo", "KPRI Waluyo Jati's account on /dinas and /my/surat"),
]
Users = env["res.users"].with_context(active_test=False)
print("\nLogins (password = login):")
for login, role in PERSONAS:
    if Users.search_count([("login", "=", login)]):
        print(f"  {login:<16} {role}")
print("Showcase ready.")
