"""Benchmark of the shop pages: the showcase against plain website_sale.

Serves two databases side by side, each with a real Odoo HTTP server on a
loopback port: the showcase (all the suite's addons and its demo catalogue)
and a plain website_sale database holding the same catalogue (same products,
public categories, prices, pricelists, pictures; l10n_id, website_sale and
the Indonesian language, none of the suite's addons). It times /shop and the
page of the showcase's first product, for an anonymous visitor and for a
logged-in member, in interleaved rounds (a request to one server, then the
same request to the other), and prints for each page the median and the 95th
percentile of the server-side time and the median query count of both
databases, and the ratio of the medians.

The figures are Odoo's own, server side: the werkzeug log line of each
request ends with its query count, query time and remaining time; the time of
a request is the sum of the last two.

    # build the plain database from the showcase's catalogue, time, drop it
    python3 tests/bench_shop.py -c odoo.conf --showcase-db show --build-plain

    # keep the plain database of a build, time it again later
    python3 tests/bench_shop.py -c odoo.conf --showcase-db show --build-plain --keep
    python3 tests/bench_shop.py -c odoo.conf --showcase-db show \\
        --plain-db perf_plain_1a2b3c4d [--requests 40] [--warmup 10]

The showcase database is only read (its pages are served as they are). The
plain database gets the member's login as a portal user (same password), so
that the logged-in pages compare alike. Not part of CI; it asserts nothing
timed. Target: ratio <= 1.05, /shop under 150 ms.

With ``--plain-modules showcase`` the plain database has every module of the
showcase but the suite's own (stock, accounting, loyalty, delivery, the OCA
addons the suite depends on...), and the showcase's stock of its goods: the
ratio is then the cost of the suite's own code on the same Odoo, apart from
what the modules it depends on add to every shop (wider rows, the free
quantity of website_sale_stock, endpoint_route_handler's route version).
"""

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import requests
from bench_support import pg_environ

# The suite's own addons: the folders of the project's addons directory.
SUITE_ADDONS = frozenset(
    entry.name
    for entry in os.scandir(os.path.join(os.path.dirname(__file__), "..", "addons"))
    if entry.is_dir()
)

LANGS = ("en_US", "id_ID")
# Website settings of the shop copied from the showcase where both have them.
WEBSITE_FIELDS = (
    "shop_ppg",
    "shop_ppr",
    "shop_default_sort",
    "shop_gap",
    "shop_extra_field_ids",
    "product_page_image_layout",
    "product_page_image_width",
    "product_page_image_spacing",
    "product_page_grid_columns",
    "add_to_cart_action",
    "ecommerce_access",
)


def _pg_env():
    from odoo.tools import config

    return pg_environ(config)


def _odoo(config_path, *arguments):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            config_path,
            *arguments,
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
            "--no-http",
        ],
        check=True,
    )


@contextlib.contextmanager
def _env(dbname):
    import odoo
    from odoo.modules.registry import Registry

    with Registry(dbname).cursor() as cr:
        yield odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "active_test": False}
        )


def _forget(dbname):
    """Let the next registry of ``dbname`` see what another process installed."""
    import odoo
    from odoo.modules.registry import Registry

    Registry.delete(dbname)
    odoo.sql_db.close_db(dbname)


# -- the plain database -------------------------------------------------------


def build_plain(args, dbname):
    """Create ``dbname``: its modules (``--plain-modules``), id_ID and the
    showcase's catalogue."""
    started = time.perf_counter()
    # The company is Indonesian before accounting is installed, so that the
    # Indonesian chart of accounts (and its taxes) is the one loaded.
    _odoo(args.config, "-d", dbname, "-i", "base", "--load-language=id_ID")
    with _env(args.showcase_db) as show:
        country = show.company.country_id.code or "ID"
        currency = show.company.currency_id.name
    with _env(dbname) as env:
        env.ref("base.%s" % currency.upper()).active = True
        env.company.write(
            {
                "country_id": env["res.country"].search([("code", "=", country)]).id,
                "currency_id": env.ref("base.%s" % currency.upper()).id,
            }
        )
    _forget(dbname)
    _odoo(args.config, "-d", dbname, "-i", ",".join(plain_modules(args)))
    with _env(args.showcase_db) as show, _env(dbname) as env:
        copy_catalogue(show, env, args)
    print(
        f"built {dbname} from {args.showcase_db} in {time.perf_counter() - started:.0f} s"
    )


def plain_modules(args):
    """Modules to install on the plain database (see ``--plain-modules``)."""
    if args.plain_modules != "showcase":
        return [name.strip() for name in args.plain_modules.split(",") if name.strip()]
    with _env(args.showcase_db) as show:
        installed = show["ir.module.module"].search([("state", "=", "installed")])
        return sorted(set(installed.mapped("name")) - SUITE_ADDONS)


def _translations(record, field):
    return {lang: record.with_context(lang=lang)[field] for lang in LANGS}


def _write_translations(record, field, values):
    record.with_context(lang="en_US")[field] = values["en_US"]
    for lang, value in values.items():
        if lang != "en_US" and value != values["en_US"]:
            record.with_context(lang=lang)[field] = value


def copy_catalogue(show, env, args):
    """Copy company, website settings, categories, pricelists and goods."""
    company = env.company
    show_company = show.company
    company.write(
        {
            name: show_company[name]
            for name in ("name", "street", "street2", "city", "zip", "phone", "email")
        }
    )
    lang_ids = [env["res.lang"]._activate_lang(code).id for code in LANGS]
    website = env["website"].search([], limit=1)
    show_website = show["website"].search([], limit=1)
    website.write(
        {
            "name": show_website.name,
            "language_ids": [(6, 0, lang_ids)],
            "default_lang_id": env["res.lang"]
            ._lang_get(show_website.default_lang_id.code)
            .id,
        }
    )
    for name in WEBSITE_FIELDS:
        if name in website._fields and name in show_website._fields:
            field = show_website._fields[name]
            if field.type not in ("many2one", "one2many", "many2many"):
                website[name] = show_website[name]
    # The same customize options (grid, filters, product page) of the shop.
    show_views = show["ir.ui.view"].search(
        [("website_id", "=", False), ("key", "=like", "website_sale.%")]
    )
    active = {view.key: view.active for view in show_views}
    for view in env["ir.ui.view"].search(
        [("website_id", "=", False), ("key", "in", list(active))]
    ):
        if view.active != active[view.key]:
            view.active = active[view.key]

    # Public categories, parents first.
    categories = {}
    for category in show["product.public.category"].search([], order="parent_path"):
        new = env["product.public.category"].create(
            {
                "name": category.name,
                "sequence": category.sequence,
                "parent_id": categories.get(category.parent_id.id, False),
                "image_1920": category.image_1920,
            }
        )
        _write_translations(new, "name", _translations(category, "name"))
        categories[category.id] = new.id

    # Taxes by amount, units of measure by external id.
    def tax_for(tax):
        return env["account.tax"].search(
            [
                ("company_id", "=", company.id),
                ("type_tax_use", "=", tax.type_tax_use),
                ("amount_type", "=", tax.amount_type),
                ("amount", "=", tax.amount),
            ],
            limit=1,
        )

    def uom_for(uom):
        xmlid = uom.get_external_id().get(uom.id)
        return env.ref(xmlid).id if xmlid else env.ref("uom.product_uom_unit").id

    # Goods only: the services of the showcase (gift cards, delivery,
    # discounts) come from modules the plain database has not.
    templates = show["product.template"].search([("type", "=", "consu")], order="id")
    attributes = {}
    values = {}
    copied = {}
    for template in templates:
        vals = {
            "name": template.name,
            "type": "consu",
            "list_price": template.list_price,
            "standard_price": template.standard_price,
            "sale_ok": template.sale_ok,
            "purchase_ok": template.purchase_ok,
            "active": template.active,
            "is_published": template.is_published,
            "website_sequence": template.website_sequence,
            "default_code": template.default_code,
            "description_sale": template.description_sale,
            "description_ecommerce": template.description_ecommerce,
            "weight": template.weight,
            "image_1920": template.image_1920,
            "uom_id": uom_for(template.uom_id),
            "uom_po_id": uom_for(template.uom_po_id),
            "public_categ_ids": [
                (6, 0, [categories[c.id] for c in template.public_categ_ids])
            ],
            "taxes_id": [(6, 0, [t.id for t in map(tax_for, template.taxes_id) if t])],
            "company_id": template.company_id and company.id,
        }
        lines = []
        for line in template.attribute_line_ids:
            attribute = line.attribute_id
            if attribute.id not in attributes:
                new_attribute = env["product.attribute"].create(
                    {
                        "name": attribute.name,
                        "display_type": attribute.display_type,
                        "create_variant": attribute.create_variant,
                        "value_ids": [
                            (0, 0, {"name": value.name, "sequence": value.sequence})
                            for value in attribute.value_ids
                        ],
                    }
                )
                attributes[attribute.id] = new_attribute
                for old, new in zip(
                    attribute.value_ids, new_attribute.value_ids, strict=True
                ):
                    values[old.id] = new.id
            lines.append(
                (
                    0,
                    0,
                    {
                        "attribute_id": attributes[attribute.id].id,
                        "value_ids": [(6, 0, [values[v.id] for v in line.value_ids])],
                    },
                )
            )
        vals["attribute_line_ids"] = lines
        for name in ("is_storable", "allow_out_of_stock_order", "show_availability"):
            if name in template._fields and name in env["product.template"]._fields:
                vals[name] = template[name]
        new = env["product.template"].create(vals)
        if vals.get("is_storable"):
            _copy_stock(show, env, template, new, values)
        _write_translations(new, "name", _translations(template, "name"))
        for old_ptav, new_ptav in zip(
            template.attribute_line_ids.product_template_value_ids,
            new.attribute_line_ids.product_template_value_ids,
            strict=True,
        ):
            new_ptav.price_extra = old_ptav.price_extra
        for image in template.product_template_image_ids:
            env["product.image"].create(
                {
                    "name": image.name,
                    "product_tmpl_id": new.id,
                    "image_1920": image.image_1920,
                }
            )
        copied[template.id] = new.id

    # Pricelists, but the member one (only the suite knows members).
    member_pricelist = (
        show_company.koperasi_member_pricelist_id
        if "koperasi_member_pricelist_id" in show_company._fields
        else show["product.pricelist"]
    )
    pricelists = show["product.pricelist"].search(
        [("id", "!=", member_pricelist.id), ("active", "=", True)], order="id"
    )
    if len(pricelists) > 1:
        env["res.config.settings"].create({"group_product_pricelist": True}).execute()
    env["product.pricelist"].search([]).active = False
    new_pricelists = {}
    for pricelist in pricelists:
        new_pricelists[pricelist.id] = env["product.pricelist"].create(
            {
                "name": pricelist.name,
                "sequence": pricelist.sequence,
                "selectable": pricelist.selectable,
                "currency_id": env.ref(
                    pricelist.currency_id.get_external_id()[pricelist.currency_id.id]
                ).id,
                "website_id": pricelist.website_id and website.id,
                "company_id": pricelist.company_id and company.id,
            }
        )
    for pricelist in pricelists:
        for item in pricelist.item_ids:
            if item.product_tmpl_id and item.product_tmpl_id.id not in copied:
                continue
            if item.base_pricelist_id and item.base_pricelist_id not in pricelists:
                continue
            env["product.pricelist.item"].create(
                {
                    "pricelist_id": new_pricelists[pricelist.id].id,
                    "applied_on": item.applied_on
                    if item.applied_on in ("3_global", "1_product")
                    else "3_global",
                    "product_tmpl_id": copied.get(item.product_tmpl_id.id, False),
                    "compute_price": item.compute_price,
                    "fixed_price": item.fixed_price,
                    "percent_price": item.percent_price,
                    "price_discount": item.price_discount,
                    "price_surcharge": item.price_surcharge,
                    "base": item.base,
                    "base_pricelist_id": item.base_pricelist_id
                    and new_pricelists[item.base_pricelist_id.id].id,
                    "min_quantity": item.min_quantity,
                    "date_start": item.date_start,
                    "date_end": item.date_end,
                }
            )

    # The member's prices the way plain Odoo gives a customer their own: a
    # pricelist of the website, not offered to others, on the customer.
    same_prices = env["product.pricelist"]
    if member_pricelist:
        same_prices = env["product.pricelist"].create(
            {
                "name": member_pricelist.name,
                "selectable": False,
                "website_id": website.id,
                "company_id": company.id,
            }
        )
        for item in member_pricelist.item_ids:
            if item.base_pricelist_id and item.base_pricelist_id not in pricelists:
                continue
            env["product.pricelist.item"].create(
                {
                    "pricelist_id": same_prices.id,
                    "applied_on": "3_global",
                    "compute_price": item.compute_price,
                    "percent_price": item.percent_price,
                    "price_discount": item.price_discount,
                    "base": item.base,
                    "base_pricelist_id": item.base_pricelist_id
                    and new_pricelists[item.base_pricelist_id.id].id,
                }
            )

    # The member's login, as a portal user of the plain shop (the website's
    # prices), and a second one with the member's prices; both live in the
    # member's country, so that the shop looks up their fiscal position alike.
    member = show["res.users"].search([("login", "=", args.member)], limit=1)
    member_country = env["res.country"].search(
        [("code", "=", member.partner_id.country_id.code or "ID")], limit=1
    )
    for login, pricelist in (
        (args.member, env["product.pricelist"]),
        (same_prices_login(args), same_prices),
    ):
        user = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": member.name or args.member,
                    "login": login,
                    "password": args.member_password or args.member,
                    "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
                }
            )
        )
        user.partner_id.country_id = member_country
        if pricelist:
            user.partner_id.property_product_pricelist = pricelist
    print(
        f"copied {len(templates)} products, {len(categories)} categories, "
        f"{len(pricelists) + bool(same_prices)} pricelists"
    )


def _copy_stock(show, env, template, new, values):
    """The free quantity of each variant of ``template`` in the showcase's
    shop warehouse, on hand in the plain database's warehouse (``values``:
    the plain database's attribute value of each of the showcase's)."""
    show_warehouse = show["website"].search([], limit=1).warehouse_id or show[
        "stock.warehouse"
    ].search([("company_id", "=", show.company.id)], limit=1)
    location = (
        env["stock.warehouse"]
        .search([("company_id", "=", env.company.id)], limit=1)
        .lot_stock_id
    )
    # Variants match by their attribute values, not by their order.
    variants = {
        frozenset(
            product.product_template_attribute_value_ids.product_attribute_value_id.ids
        ): product
        for product in new.product_variant_ids
    }
    for old in template.product_variant_ids.filtered("active"):
        attribute_values = old.product_template_attribute_value_ids
        product = variants.get(
            frozenset(
                values[value.id]
                for value in attribute_values.product_attribute_value_id
            )
        )
        quantity = old.with_context(warehouse_id=show_warehouse.id).free_qty
        if product and quantity > 0:
            env["stock.quant"].with_context(inventory_mode=True).create(
                {
                    "product_id": product.id,
                    "location_id": location.id,
                    "inventory_quantity": quantity,
                }
            ).action_apply_inventory()


def same_prices_login(args):
    """Login of the plain shop's customer who has the member's prices."""
    return f"{args.member}.harga.anggota"


# -- timing ---------------------------------------------------------------------


class Server:
    """An Odoo HTTP server of one database on a loopback port, logging requests."""

    def __init__(self, args, dbname, port):
        self.dbname = dbname
        self.base = f"http://127.0.0.1:{port}"
        self.log = tempfile.NamedTemporaryFile(
            prefix=f"bench_shop_{dbname}_", suffix=".log", delete=False
        )
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "odoo",
                "-c",
                args.config,
                "-d",
                dbname,
                f"--db-filter=^{re.escape(dbname)}$",
                "--http-interface=127.0.0.1",
                f"--http-port={port}",
                "--workers=0",
                "--max-cron-threads=0",
                "--log-level=warn",
                "--log-handler=werkzeug:INFO",
            ],
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        for _i in range(180):
            try:
                if requests.get(self.base + "/web/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        else:
            raise RuntimeError(f"the server of {dbname} did not start")

    def session(self, login=None, password=None):
        session = requests.Session()
        session.headers["Accept-Language"] = "id-ID,id;q=0.9"
        if login:
            page = session.get(self.base + "/web/login", timeout=60)
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            response = session.post(
                self.base + "/web/login",
                data={
                    "login": login,
                    "password": password or login,
                    "csrf_token": token.group(1),
                    "redirect": "/my",
                },
                timeout=60,
            )
            if "/web/login" in response.url:
                raise RuntimeError(f"{login} cannot log in to {self.dbname}")
        return session

    def time(self, session, url):
        """Server-side milliseconds and query count of one GET of ``url``."""
        with open(self.log.name, encoding="utf-8", errors="replace") as log:
            log.seek(0, os.SEEK_END)
            response = session.get(self.base + url, timeout=60, allow_redirects=False)
            response.raise_for_status()
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            pattern = re.compile(
                r'"GET %s HTTP/[\d.]+" 200 - (\d+) ([\d.]+) ([\d.]+)' % re.escape(url)
            )
            text = ""
            for _i in range(200):
                text += log.read()
                match = pattern.search(text)
                if match:
                    queries, query_time, remaining = match.groups()
                    return (float(query_time) + float(remaining)) * 1000, int(queries)
                time.sleep(0.01)
        raise RuntimeError(f"no log line of {url} on {self.dbname}")

    def stop(self):
        self.process.terminate()
        self.process.wait(30)
        self.log.close()
        os.unlink(self.log.name)


def _product_url(dbname, name):
    with _env(dbname) as env:
        product = env["product.template"].search(
            [("name", "=", name), ("is_published", "=", True)], limit=1
        )
        return product.with_context(lang="id_ID").website_url


def _first_product(dbname):
    with _env(dbname) as env:
        website = env["website"].search([], limit=1)
        product = env["product.template"].search(
            [
                ("is_published", "=", True),
                ("sale_ok", "=", True),
                ("active", "=", True),
                ("website_id", "in", (False, website.id)),
            ],
            order=website.shop_default_sort or "website_sequence asc",
            limit=1,
        )
        return product.with_context(lang="en_US").name


def _p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _modules_of(databases):
    """What the plain database has of the showcase's modules, in words."""
    installed = {}
    for name, dbname in databases.items():
        with _env(dbname) as env:
            modules = env["ir.module.module"].search([("state", "=", "installed")])
            installed[name] = set(modules.mapped("name"))
    if installed["showcase"] - SUITE_ADDONS <= installed["plain"]:
        return (
            f"{len(installed['plain'])} modules: all of the showcase's but the "
            "suite's own"
        )
    missing = installed["showcase"] - SUITE_ADDONS - installed["plain"]
    return (
        f"{len(installed['plain'])} modules, without {len(missing)} of the "
        f"showcase's other than the suite's ({', '.join(sorted(missing)[:8])}"
        f"{', ...' if len(missing) > 8 else ''})"
    )


def run(args, databases):
    product = args.product or _first_product(databases["showcase"])
    pages = {
        name: {"/shop": "/shop", "product page": _product_url(dbname, product)}
        for name, dbname in databases.items()
    }
    # (label, login on the showcase, login on the plain database)
    personas = [
        ("anonymous", None, None),
        ("member", args.member, args.member),
        ("member, same prices", args.member, same_prices_login(args)),
    ]
    servers = {}
    try:
        for index, (name, dbname) in enumerate(databases.items()):
            servers[name] = Server(args, dbname, args.port + index)
        figures = {}
        for persona, show_login, plain_login in personas:
            sessions = {
                name: server.session(
                    show_login if name == "showcase" else plain_login,
                    args.member_password or args.member,
                )
                for name, server in servers.items()
            }
            for page in ("/shop", "product page"):
                for name, server in servers.items():
                    # A fresh server compiles its views and fills its caches
                    # during its first requests: only steady serving is timed.
                    for _i in range(args.warmup):
                        server.time(sessions[name], pages[name][page])
                for _i in range(args.requests):
                    for name, server in servers.items():
                        figures.setdefault((persona, page, name), []).append(
                            server.time(sessions[name], pages[name][page])
                        )
    finally:
        for server in servers.values():
            server.stop()

    print(
        f"\nserver-side figures of {args.requests} requests each (after "
        f"{args.warmup} untimed), interleaved; product page: {product}"
    )
    print(
        f"{'page':<14}{'visitor':<24}{'database':<10}{'median':>9}{'p95':>9}"
        f"{'queries':>9}{'ratio':>8}"
    )
    for persona, _show_login, _plain_login in personas:
        for page in ("/shop", "product page"):
            medians = {
                name: statistics.median(t for t, _q in figures[(persona, page, name)])
                for name in databases
            }
            for name in databases:
                timings = figures[(persona, page, name)]
                ratio = (
                    f"{medians['showcase'] / medians['plain']:>8.2f}"
                    if name == "showcase"
                    else ""
                )
                print(
                    f"{page:<14}{persona:<24}{name:<10}{medians[name]:>7.1f}ms"
                    f"{_p95([t for t, _q in timings]):>7.1f}ms"
                    f"{statistics.median(q for _t, q in timings):>9.0f}{ratio}"
                )
    print(
        f"plain: {databases['plain']}, {_modules_of(databases)}; "
        'ratio: showcase median / plain median; "member" is the '
        "member on the showcase (the member pricelist) against a customer of "
        'the plain shop (the website\'s prices), "member, same prices" '
        "against a customer of the plain shop given the member pricelist's "
        "copy (based on the shop's, as the showcase's is)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument(
        "--showcase-db", required=True, help="the showcase database (only read)"
    )
    parser.add_argument("--plain-db", help="an existing plain database")
    parser.add_argument(
        "--build-plain",
        action="store_true",
        help="build the plain database from the showcase's catalogue "
        "(named --plain-db, or perf_plain_<random>)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the plain database it built"
    )
    parser.add_argument(
        "--plain-modules",
        default="l10n_id,website_sale",
        help="modules of the plain database it builds (comma-separated), or "
        "'showcase': the showcase's modules but the suite's own",
    )
    parser.add_argument("--member", default="siti.aminah", help="member's login")
    parser.add_argument(
        "--member-password", help="member's password (default: the login)"
    )
    parser.add_argument("--product", help="name of the product whose page is timed")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--port", type=int, default=8791, help="first of two ports")
    args = parser.parse_args()
    if not (args.plain_db or args.build_plain):
        parser.error("give --plain-db, --build-plain or both")

    import odoo

    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    plain_db = args.plain_db or f"perf_plain_{uuid.uuid4().hex[:8]}"
    built = False
    try:
        if args.build_plain:
            built = True
            build_plain(args, plain_db)
        odoo.sql_db.close_all()
        run(args, {"showcase": args.showcase_db, "plain": plain_db})
    finally:
        if plain_db in odoo.modules.registry.Registry.registries:
            _forget(plain_db)
        odoo.sql_db.close_all()
        if built and not args.keep:
            subprocess.run(
                ["dropdb", "--if-exists", plain_db], check=False, env=_pg_env()
            )
            shutil.rmtree(odoo.tools.config.filestore(plain_db), ignore_errors=True)
        elif built:
            print(f"kept database {plain_db}")


if __name__ == "__main__":
    main()
