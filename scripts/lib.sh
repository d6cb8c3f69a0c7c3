# Shared helpers of the Koperasi Suite scripts (sourced, not run).
#
# Finds an installed Odoo 18 (an importable `odoo`, or a source tree at
# ODOO_PATH), makes a PostgreSQL server reachable and writes an Odoo
# configuration for this checkout. Nothing here downloads or builds Odoo.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
ADDONS="koperasi_base koperasi_membership koperasi_savings_loan koperasi_ecommerce koperasi_aquaculture dinas_portal"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# find_odoo: sets ODOO_DIR (the `odoo` package) and ODOO_ADDONS_PATH.
find_odoo() {
    if [ -n "${ODOO_PATH:-}" ]; then
        [ -d "$ODOO_PATH/odoo" ] || die "ODOO_PATH=$ODOO_PATH has no 'odoo' package.
Odoo 18.0 is needed: set ODOO_PATH to an Odoo 18.0 source tree (the folder that holds odoo-bin)."
        export PYTHONPATH="$ODOO_PATH${PYTHONPATH:+:$PYTHONPATH}"
    fi
    local where
    where=$(timeout 50 "$PYTHON" -c 'import importlib.util as u; s = u.find_spec("odoo"); print(s.submodule_search_locations[0] if s and s.submodule_search_locations else "")' 2>/dev/null) || where=""
    if [ -z "$where" ]; then
        die "Odoo 18.0 is needed and none was found.
  '$PYTHON' cannot import 'odoo' and ODOO_PATH is not set.
  Install Odoo 18.0 (its own requirements.txt) and either make it importable
  or point the project at its source tree:  ODOO_PATH=/path/to/odoo-18.0 bash scripts/test.sh
  (in Docker: docker compose --profile test run --rm tests)"
    fi
    local version
    version=$(cd /tmp && timeout 50 "$PYTHON" -c 'import odoo.release as r; print(r.major_version)' 2>&1) \
        || die "Odoo was found at $where but does not import:
$version
Install its dependencies: pip install -r <odoo source>/requirements.txt"
    [ "$version" = "18.0" ] || die "Odoo 18.0 is needed; the Odoo found at $where is $version."
    ODOO_DIR=$where
    local paths="" p
    for p in "$ODOO_DIR/../addons" "$ODOO_DIR/addons"; do
        { [ -d "$p/web" ] || [ -d "$p/base" ]; } && paths="$paths,$(cd "$p" && pwd)"
    done
    # Addons installed from the package index (odoo-addon-*) live beside us.
    p=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/odoo/addons
    if [ -d "$p" ] && [ "$(cd "$p" && pwd)" != "$(cd "$ODOO_DIR/addons" && pwd)" ]; then
        paths="$paths,$p"
    fi
    ODOO_ADDONS_PATH="${paths#,},$ROOT/addons"
}

# apt_install PACKAGE...: installs the missing Debian packages when we are
# root on Debian; says what to install otherwise.
apt_install() {
    [ $# -gt 0 ] || return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing $* (Debian packages)"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
            || echo "Could not install $* with apt-get."
    else
        echo "Please install the Debian packages: $* (as root: apt-get install $*)"
    fi
}

# ensure_wkhtmltopdf: Odoo prints its PDFs (member card, loan agreement, RAT
# pack, letters) with wkhtmltopdf; without it they fall back to HTML.
ensure_wkhtmltopdf() {
    command -v wkhtmltopdf >/dev/null || apt_install wkhtmltopdf
    command -v wkhtmltopdf >/dev/null \
        || echo "WARNING: wkhtmltopdf is missing: PDFs will be shown as HTML."
}

# ensure_python_deps: the addons' Python dependencies (requirements.txt) and
# the OCA addons they build on (requirements-oca.txt, with --no-deps: they
# require the `odoo` distribution, which the package index does not have).
ensure_python_deps() {
    if ! "$PYTHON" -c 'import qrcode, xlsxwriter, fastapi, a2wsgi, multipart, ujson, accept_language, fastapi_openapi_overrides, httpx2, openupgradelib, odoo_test_helper, openpyxl' 2>/dev/null; then
        echo "Installing the Python dependencies of requirements.txt"
        "$PYTHON" -m pip install -q -r "$ROOT/requirements.txt"
    fi
    local missing="" line name
    while read -r line; do
        line=${line%%#*}
        [ -n "${line// /}" ] || continue
        name=${line%%==*}
        name=${name#odoo-addon-}
        "$PYTHON" -c "import importlib.util as u, sys; sys.exit(0 if u.find_spec('odoo.addons.$name') else 1)" \
            2>/dev/null || missing="$missing $line"
    done <"$ROOT/requirements-oca.txt"
    if [ -n "$missing" ]; then
        echo "Installing the OCA addons of requirements-oca.txt:$missing"
        # shellcheck disable=SC2086
        "$PYTHON" -m pip install -q --no-deps $missing
    fi
}

odoo_cmd() {
    (cd /tmp && "$PYTHON" -m odoo "$@")
}

# ensure_postgres: uses a reachable server (PGHOST/PGPORT/PGUSER/PGPASSWORD)
# or starts a throwaway cluster that stop_postgres removes.
OWN_PG_DIR=""
OWN_PG_KEEP=0
# ensure_postgres [DIR PORT]: with DIR, the cluster lives there and is kept.
ensure_postgres() {
    DB_HOST=${PGHOST:-127.0.0.1}
    DB_PORT=${PGPORT:-5432}
    DB_USER=${PGUSER:-odoo}
    DB_PASSWORD=${PGPASSWORD:-odoo}
    if [ -n "${PGHOST:-}" ] && PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" \
        -U "$DB_USER" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
        echo "Using the PostgreSQL server at $DB_HOST:$DB_PORT as $DB_USER."
        return
    fi
    PG_BINDIR=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PG_BINDIR/initdb" ] || die "No PostgreSQL server is reachable (set PGHOST, PGPORT, PGUSER, PGPASSWORD) and none is installed to start one (Debian package postgresql)."
    DB_HOST=127.0.0.1
    DB_USER=odoo
    DB_PASSWORD=odoo
    if [ -n "${1:-}" ]; then
        OWN_PG_DIR=$1
        OWN_PG_KEEP=1
        DB_PORT=$2
        mkdir -p "$OWN_PG_DIR"
    else
        OWN_PG_DIR=$(mktemp -d /tmp/koperasi-pg.XXXXXX)
        DB_PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    fi
    local run=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$OWN_PG_DIR"
        run=(runuser -u postgres --)
    fi
    local fresh=0
    if [ ! -f "$OWN_PG_DIR/data/PG_VERSION" ]; then
        fresh=1
        "${run[@]}" "$PG_BINDIR/initdb" -D "$OWN_PG_DIR/data" -A trust -U postgres >"$OWN_PG_DIR/initdb.log" 2>&1 \
            || die "initdb failed: $(cat "$OWN_PG_DIR/initdb.log")"
    fi
    local tuning=""
    [ "$OWN_PG_KEEP" = 0 ] && tuning="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    "${run[@]}" "$PG_BINDIR/pg_ctl" -D "$OWN_PG_DIR/data" -l "$OWN_PG_DIR/server.log" -w \
        -o "-p $DB_PORT -k $OWN_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 $tuning" \
        start >/dev/null || die "PostgreSQL did not start: $(tail -n 20 "$OWN_PG_DIR/server.log")"
    if [ "$fresh" = 1 ]; then
        psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -qc \
            "CREATE ROLE odoo SUPERUSER LOGIN PASSWORD 'odoo'" >/dev/null
    fi
    echo "Started PostgreSQL on 127.0.0.1:$DB_PORT ($([ "$OWN_PG_KEEP" = 1 ] && echo "kept in $OWN_PG_DIR" || echo throwaway))."
}

stop_postgres() {
    if [ -n "$OWN_PG_DIR" ] && [ -d "$OWN_PG_DIR/data" ]; then
        local run=()
        [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
        if [ "$OWN_PG_KEEP" = 1 ]; then
            "${run[@]}" "$PG_BINDIR/pg_ctl" -D "$OWN_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
        else
            "${run[@]}" "$PG_BINDIR/pg_ctl" -D "$OWN_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
            rm -rf "$OWN_PG_DIR"
        fi
    fi
}

# write_config FILE DATA_DIR: an Odoo configuration for this checkout.
write_config() {
    cat >"$1" <<EOF
[options]
addons_path = $ODOO_ADDONS_PATH
data_dir = $2
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = $DB_PASSWORD
http_interface = 127.0.0.1
list_db = False
max_cron_threads = ${KOPERASI_CRON_THREADS:-0}
EOF
}

# new_database DB CONF: a fresh database whose main company is an Indonesian
# cooperative (so `account` brings in the Indonesian chart of accounts).
new_database() {
    local db=$1 conf=$2
    odoo_cmd -c "$conf" -d "$db" -i base --stop-after-init --log-level=warn \
        || die "Could not create database $db"
    odoo_cmd shell -c "$conf" -d "$db" --log-level=warn --no-http \
        <"$ROOT/scripts/indonesian_company.py" >/dev/null \
        || die "Could not set up the company of database $db"
}

# build_showcase DB CONF: the showcase database of `scripts/demo.sh` and of
# the test command's "all together" stage. Created without Odoo's generic
# demo data (no San Francisco company, furniture or travel blog); the company
# becomes the Indonesian cooperative before `account` is installed, so the
# Indonesian chart is there before any money moves; Bahasa Indonesia is
# loaded; then the suite's own showcase data (scripts/showcase.py).
build_showcase() {
    local db=$1 conf=$2 log=${3:-/dev/stdout}
    odoo_cmd -c "$conf" -d "$db" -i base --without-demo=all --stop-after-init \
        --log-level=warn >>"$log" 2>&1 || die "Could not create database $db"
    odoo_cmd shell -c "$conf" -d "$db" --log-level=warn --no-http \
        <"$ROOT/scripts/indonesian_company.py" >>"$log" 2>&1 \
        || die "Could not set up the company of database $db"
    odoo_cmd -c "$conf" -d "$db" -i "$(echo l10n_id $ADDONS | tr ' ' ',')" \
        --without-demo=all --load-language=id_ID --stop-after-init \
        --log-level=warn >>"$log" 2>&1 || die "Installing the suite into $db failed"
    local out
    out=$(odoo_cmd shell -c "$conf" -d "$db" --log-level=warn --no-http \
        <"$ROOT/scripts/showcase.py" 2>&1) || true
    printf '%s\n' "$out" >>"$log"
    # `odoo shell` exits 0 even when the script raised: the script's last
    # line says it finished.
    grep -q '^Showcase ready\.$' <<<"$out" \
        || die "Loading the showcase data into $db failed:
$(tail -n 40 <<<"$out")"
}

drop_database() {
    PGPASSWORD=$DB_PASSWORD dropdb -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" --if-exists "$1" 2>/dev/null || true
}

# size_odoo NODES [WORKERS]: the settings of each Odoo node of a prefork
# deployment (scripts/serve.sh, scripts/docker-odoo.sh), from the machine's
# cores and memory and PostgreSQL's max_connections (PG_MAX_CONNECTIONS, or
# asked from the server at DB_HOST:DB_PORT). Sets SIZE_WORKERS, SIZE_CRON,
# SIZE_MAXCONN, SIZE_MEM_SOFT and SIZE_MEM_HARD (bytes).
size_odoo() {
    local nodes=$1 cores mem_mb pg_max procs budget
    cores=$(nproc)
    # Odoo's rule of thumb, 2 workers a core and one more, shared by the
    # nodes of this machine.
    SIZE_WORKERS=${2:-$(((2 * cores + 1 + nodes - 1) / nodes))}
    # Odoo prints PDFs by having wkhtmltopdf ask the server for the page's
    # styles while a worker waits for it: one worker alone cannot.
    [ "$SIZE_WORKERS" -ge 2 ] || die "A node needs at least 2 workers (Odoo prints PDFs with a second one)."
    # Every node runs the scheduled jobs: Odoo claims each job with a row
    # lock (SKIP LOCKED), so a job never runs on two nodes at once.
    SIZE_CRON=1
    pg_max=${PG_MAX_CONNECTIONS:-$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" \
        -U "$DB_USER" -d postgres -Atqc 'show max_connections' 2>/dev/null || echo 100)}
    # Each worker, cron worker and gevent process keeps a pool of its own.
    # A prefork worker serves one request at a time and needs a few
    # connections; 10 are kept for PostgreSQL's superusers, backups and psql.
    procs=$((nodes * (SIZE_WORKERS + SIZE_CRON + 1)))
    budget=$((pg_max - 10))
    SIZE_MAXCONN=$((budget / procs))
    [ "$SIZE_MAXCONN" -gt 16 ] && SIZE_MAXCONN=16
    [ "$SIZE_MAXCONN" -ge 2 ] || die "PostgreSQL accepts $pg_max connections: too few for $nodes node(s) of $SIZE_WORKERS worker(s) ($procs processes need 2 each, and 10 are kept aside). Raise max_connections or give fewer workers."
    # Memory: the soft limit recycles a worker after its request, the hard
    # one stops a runaway request. Odoo's defaults (2 GiB / 2.5 GiB) unless
    # the machine cannot give every process that much.
    mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo 2>/dev/null || echo 4096)
    local per=$((mem_mb * 8 / 10 / procs))
    [ "$per" -gt 2560 ] && per=2560
    SIZE_MEM_HARD=$((per * 1024 * 1024))
    SIZE_MEM_SOFT=$((per * 4 / 5 * 1024 * 1024))
}

# node_options: the [options] lines of a prefork node sized by size_odoo
# (max_cron_threads = SIZE_CRON is given beside them).
node_options() {
    cat <<EOF
workers = $SIZE_WORKERS
db_maxconn = $SIZE_MAXCONN
db_maxconn_gevent = $SIZE_MAXCONN
proxy_mode = True
x_sendfile = True
limit_memory_soft = $SIZE_MEM_SOFT
limit_memory_hard = $SIZE_MEM_HARD
limit_time_cpu = 60
limit_time_real = 120
limit_time_real_cron = 900
limit_request = 8192
EOF
}

# render_nginx TEMPLATE OUT KEY=VALUE...: the proxy configuration.
render_nginx() {
    local template=$1 out=$2 pair key value text
    shift 2
    text=$(cat "$template")
    for pair in "$@"; do
        key=${pair%%=*}
        value=${pair#*=}
        text=${text//@$key@/$value}
    done
    if grep -q '@[A-Z_]*@' <<<"$text"; then
        die "render_nginx: $(grep -o '@[A-Z_]*@' <<<"$text" | head -n 1) of $template was not replaced"
    fi
    printf '%s\n' "$text" >"$out"
}
