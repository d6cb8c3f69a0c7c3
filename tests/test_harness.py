"""Checks of the project harness itself: the test command, the addons' shape
and the Docker quick start. Run by the test command with the addon tests."""

import ast
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = [
    "koperasi_membership",
    "koperasi_savings_loan",
    "koperasi_ecommerce",
    "koperasi_aquaculture",
    "dinas_portal",
]
KOPERASI_ADDONS = {name for name in ADDONS if name.startswith("koperasi_")}
# The suite's shared technical rules (business date, ...): no business of its
# own, a dependency of every addon, the two independent ones included.
BASE_ADDON = "koperasi_base"
# Terms spelled the same in Bahasa Indonesia: the PO formatter keeps their
# msgstr empty (Odoo then shows the source term), so they count as translated.
IDENTICAL_TERMS = {
    "'RAT %s' % object.year",
    "'SHU %s %s' % (object.year, object.member_id.member_number or '')",
    "'Surat - %s' % (object.number or object.name)",
    '<option value="">-</option>',
    "Admin",
    "Budidaya Lele",
    "Denda",
    "Dinas",
    "Dinas Koperasi",
    "E-mail",
    "Email",
    "Flat",
    "ID",
    "J&T EZ",
    "J&T Express",
    "JNE",
    "JNE REG",
    "Kabupaten/Kota",
    "Koperasi",
    "Koperasi Simpan Pinjam",
    "Kopnews",
    "Logo",
    "NIB",
    "NIB:",
    "NIK",
    "NIK Koperasi",
    "NIK Koperasi:",
    "Nomor Induk Berusaha.",
    "Nomor badan hukum.",
    "PPAP %(product)s",
    "Pos Indonesia",
    "Pos Indonesia Kilat Khusus",
    "QR",
    "RAT",
    "Rekomendasi",
    "SHU",
    "SHU %(year)s",
    "SHU %(year)s %(member)s",
    "SHU %(year)s %(number)s",
    "SiCepat",
    "SiCepat REG",
    "Simpan Pinjam",
    "Simpanan Berjangka",
    "Simpanan Pokok",
    "Simpanan Sukarela",
    "Simpanan Wajib",
    "Status",
    "Surat Pengantar",
    "Surat Tugas",
    "Teller",
    "Teller<br/><br/><br/>(",
    "Telp.",
    "Toko Koperasi",
    "Total",
    "Total %(section)s",
    "Website",
    "Wizard",
    "{{ object.name }}",
}


def _manifest(addon):
    return ast.literal_eval((ROOT / "addons" / addon / "__manifest__.py").read_text())


@pytest.fixture(scope="module")
def python_without_odoo(tmp_path_factory):
    """A Python interpreter that cannot import odoo."""
    venv = tmp_path_factory.mktemp("no-odoo") / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True
    )
    python = venv / "bin" / "python"
    probe = subprocess.run([str(python), "-c", "import odoo"], capture_output=True)
    assert probe.returncode != 0, "the bare venv unexpectedly imports odoo"
    return python


def _run_test_command(env_changes, timeout=60):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("ODOO_PATH", "PYTHONPATH")
    }
    env.update(env_changes)
    started = time.monotonic()
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "test.sh"), "--skip-lint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result, time.monotonic() - started


def test_test_command_fails_fast_without_odoo(python_without_odoo):
    result, elapsed = _run_test_command({"PYTHON": str(python_without_odoo)})
    assert result.returncode != 0
    assert elapsed < 60
    assert "Odoo 18.0 is needed" in result.stderr
    assert "ODOO_PATH" in result.stderr


def test_test_command_rejects_a_wrong_odoo_path(python_without_odoo, tmp_path):
    result, _elapsed = _run_test_command(
        {"PYTHON": str(python_without_odoo), "ODOO_PATH": str(tmp_path)}
    )
    assert result.returncode != 0
    assert "has no 'odoo' package" in result.stderr


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "bash scripts/test.sh" in readme
    assert ci.strip().splitlines()[-1] == "bash scripts/test.sh"


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_shape(addon):
    path = ROOT / "addons" / addon
    manifest = _manifest(addon)
    # Odoo 18.0 series; a version raised with a migration script of its own.
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"])
    if manifest["version"] != "18.0.1.0.0":
        assert (path / "migrations" / manifest["version"]).is_dir()
    assert manifest["license"] == "LGPL-3"
    assert manifest["data"][0].startswith("security/")
    assert (path / "readme" / "DESCRIPTION.md").is_file()
    assert list((path / "tests").glob("test_*.py"))
    assert (path / "static" / "description" / "icon.png").is_file()
    menus = (path / "views" / f"{addon}_menus.xml").read_text()
    assert "web_icon" in menus


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_translation_is_complete(addon):
    po = polib.pofile(str(ROOT / "addons" / addon / "i18n" / "id.po"))
    pot = polib.pofile(str(ROOT / "addons" / addon / "i18n" / f"{addon}.pot"))
    untranslated = [
        entry.msgid
        for entry in po.untranslated_entries()
        if entry.msgid not in IDENTICAL_TERMS
    ]
    assert not untranslated, f"{addon}: untranslated terms {untranslated[:10]}"
    missing = {entry.msgid for entry in pot} - {entry.msgid for entry in po}
    assert not missing, f"{addon}: id.po lacks terms of the .pot {sorted(missing)[:10]}"


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_groups_chain_user_officer_manager(addon):
    tree = etree.parse(
        str(ROOT / "addons" / addon / "security" / f"{addon}_groups.xml")
    )
    groups = {
        record.get("id"): record
        for record in tree.iterfind("//record[@model='res.groups']")
    }
    prefix = "group_koperasi" if addon == "koperasi_membership" else f"group_{addon}"
    user, officer, manager = (
        f"{prefix}_{level}" for level in ("user", "officer", "manager")
    )
    assert {user, officer, manager} <= set(groups)
    for group in (user, officer, manager):
        category = groups[group].find("field[@name='category_id']")
        assert category is not None and category.get("ref"), f"{group} has no category"
    implied = {
        group: groups[group].find("field[@name='implied_ids']").get("eval")
        for group in (officer, manager)
    }
    assert user in implied[officer]
    assert officer in implied[manager]


def test_addon_dependencies_follow_the_design():
    depends = {addon: set(_manifest(addon)["depends"]) for addon in ADDONS}
    for addon in ADDONS:
        assert BASE_ADDON in depends[addon], f"{addon} must use {BASE_ADDON}"
    assert set(_manifest(BASE_ADDON)["depends"]) == {"base"}
    assert {"account", "portal", "website"} <= depends["koperasi_membership"]
    assert "koperasi_membership" in depends["koperasi_savings_loan"]
    assert {"website_sale", "koperasi_membership"} <= depends["koperasi_ecommerce"]
    assert {"stock", "mrp"} <= depends["koperasi_aquaculture"]
    assert not depends["koperasi_aquaculture"] & KOPERASI_ADDONS
    assert {"website", "portal"} <= depends["dinas_portal"]
    assert not depends["dinas_portal"] & KOPERASI_ADDONS


@pytest.mark.skipif(
    not shutil.which("docker-compose"), reason="Debian package docker-compose"
)
def test_docker_compose_file_is_valid():
    result = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    config = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config", "--services"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert {"db", "odoo-init", "odoo", "proxy"} <= set(config)


def test_lint_refuses_server_and_user_clocks(tmp_path):
    """The clock check of the linters passes on the suite and fails on each
    way of reading a date that is not the cooperative's."""
    check = ROOT / "scripts" / "check_clock.sh"
    clean = subprocess.run(
        ["bash", str(check), str(ROOT / "addons")], capture_output=True, text=True
    )
    assert clean.returncode == 0, clean.stdout
    for line in (
        "day = date.today()",
        "now = datetime.now()",
        "day = fields.Date.today()",
        "date = fields.Date(default=fields.Date.context_today)",
        "day = fields.Date.context_today(self)",
        "local = fields.Datetime.context_timestamp(self, stamp)",
    ):
        addon = tmp_path / "bad" / "models"
        addon.mkdir(parents=True, exist_ok=True)
        (addon / "model.py").write_text(line + "\n")
        result = subprocess.run(
            ["bash", str(check), str(tmp_path / "bad")], capture_output=True, text=True
        )
        assert result.returncode == 1, line
        assert "business_today()" in result.stdout


def test_base_addon_has_translation_and_tests():
    path = ROOT / "addons" / BASE_ADDON
    assert (path / "i18n" / "id.po").is_file()
    assert (path / "i18n" / f"{BASE_ADDON}.pot").is_file()
    assert list((path / "tests").glob("test_*.py"))
    assert _manifest(BASE_ADDON)["license"] == "LGPL-3"


@pytest.mark.skipif(
    not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"), reason="nginx"
)
@pytest.mark.parametrize("mode", ["native", "docker"])
def test_the_proxy_template_makes_a_valid_nginx_configuration(mode, tmp_path):
    """The one proxy template, rendered as scripts/serve.sh and
    scripts/docker-nginx.sh render it, is accepted by nginx."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    servers = {
        "native": (
            "server 127.0.0.1:8170 max_fails=0;",
            "server 127.0.0.1:8171;",
            "",
            "",
        ),
        # Docker's `resolve` needs nginx 1.27.3 (the image's); Debian's is older.
        "docker": (
            "server localhost:8069;",
            "server localhost:8072;",
            "zone odoo_http 64k;",
            "resolver 127.0.0.1;",
        ),
    }[mode]
    script = 'source scripts/lib.sh; render_nginx scripts/nginx/koperasi.conf.in "$@"'
    subprocess.run(
        [
            "bash",
            "-c",
            script,
            "render",
            str(tmp_path / "nginx.conf"),
            f"RUN_DIR={tmp_path}",
            f"LOG_DIR={tmp_path}",
            "USER_LINE=",
            "MIME_TYPES=/etc/nginx/mime.types",
            f"RESOLVER_LINE={servers[3]}",
            f"UPSTREAM_ZONE={servers[2]}",
            "UPSTREAM_ZONE_WS=",
            f"HTTP_SERVERS={servers[0]}",
            f"WEBSOCKET_SERVERS={servers[1]}",
            "LISTEN=127.0.0.1:8069",
            f"FILESTORE={tmp_path}/filestore/",
        ],
        cwd=ROOT,
        check=True,
    )
    result = subprocess.run(
        [
            nginx,
            "-t",
            "-p",
            str(tmp_path),
            "-c",
            str(tmp_path / "nginx.conf"),
            "-g",
            f"error_log {tmp_path}/e.log;",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    docker = (ROOT / "scripts/docker-nginx.sh").read_text()
    assert "resolve max_fails" in docker and "zone odoo_http" in docker


def test_render_nginx_refuses_a_word_left_out(tmp_path):
    result = subprocess.run(
        [
            "bash",
            "-c",
            'source scripts/lib.sh; render_nginx scripts/nginx/koperasi.conf.in "$1" LISTEN=80',
            "r",
            str(tmp_path / "x.conf"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "was not replaced" in result.stderr
