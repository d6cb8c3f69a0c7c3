#!/usr/bin/env bash
# The Koperasi Suite test command (README "Tests"; .ci/run calls it as is).
#
#   bash scripts/test.sh                 lint, each addon alone, then all together
#   bash scripts/test.sh --only ADDON    only that addon, alone then with pytest (repeatable)
#   bash scripts/test.sh --skip-lint --skip-alone --skip-all
#
# Needs an installed Odoo 18.0 (importable `odoo`, or ODOO_PATH). Uses the
# PostgreSQL server named by PGHOST/PGPORT/PGUSER/PGPASSWORD when reachable,
# otherwise starts a throwaway cluster. Databases get unique names and are
# dropped at the end.
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"

ONLY=""
DO_LINT=1
DO_ALONE=1
DO_ALL=1
PYTEST_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --only) ONLY="$ONLY $2"; shift ;;
        --skip-lint) DO_LINT=0 ;;
        --skip-alone) DO_ALONE=0 ;;
        --skip-all) DO_ALL=0 ;;
        --) shift; PYTEST_ARGS=("$@"); break ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) die "Unknown option $1 (see --help)" ;;
    esac
    shift
done
[ -n "$ONLY" ] && ADDONS=$ONLY

START=$(date +%s)
stage_start=$START
stage() {
    local now
    now=$(date +%s)
    [ -n "${STAGE_NAME:-}" ] && printf -- '--- %s took %ss\n' "$STAGE_NAME" "$((now - stage_start))"
    stage_start=$now
    STAGE_NAME=$1
    say "$1"
}

WORK=$(mktemp -d /tmp/koperasi-test.XXXXXX)
DATABASES=()
cleanup() {
    set +e
    for db in "${DATABASES[@]}"; do drop_database "$db"; done
    stop_postgres
    rm -rf "$WORK"
}
trap cleanup EXIT
# An interrupted run still drops its databases and stops its cluster.
trap 'exit 130' INT
trap 'exit 143' TERM

stage "Finding Odoo 18"
find_odoo
echo "Odoo 18.0 at $ODOO_DIR"
echo "Addons path: $ODOO_ADDONS_PATH"

stage "Test dependencies"
if ! "$PYTHON" -c 'import pytest_odoo, xdist, websocket, xlsxwriter, qrcode, pylint_odoo' 2>/dev/null \
    || ! command -v ruff >/dev/null || ! command -v oca-checks-odoo-module >/dev/null; then
    echo "Installing the Python dependencies of requirements.txt"
    "$PYTHON" -m pip install -q -r "$ROOT/requirements.txt"
fi
ensure_python_deps
apt_needed=()
command -v chromium >/dev/null || command -v google-chrome >/dev/null \
    || command -v chromium-browser >/dev/null || apt_needed+=(chromium)
command -v docker-compose >/dev/null || apt_needed+=(docker-compose)
command -v wkhtmltopdf >/dev/null || apt_needed+=(wkhtmltopdf)
# The deployment test serves the showcase with scripts/serve.sh behind nginx.
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_needed+=(nginx-light)
apt_install "${apt_needed[@]}"
command -v chromium >/dev/null || command -v google-chrome >/dev/null \
    || command -v chromium-browser >/dev/null \
    || die "Chromium is needed for the browser tours: install the Debian package 'chromium' (as root)."
ensure_wkhtmltopdf
echo "Python: $("$PYTHON" --version); browser: $( (chromium --version || google-chrome --version) 2>/dev/null | head -n 1)"

if [ "$DO_LINT" = 1 ]; then
    stage "Linters: ruff, pylint-odoo, oca-checks-odoo-module"
    cd "$ROOT"
    ruff check addons tests scripts
    ruff format --check addons tests scripts
    pylint --rcfile=.pylintrc addons/*
    oca-checks-odoo-module addons/*
    oca-checks-po addons/*/i18n/*.po addons/*/i18n/*.pot
    bash scripts/check_clock.sh addons
    echo "Linters: no findings."
fi

stage "PostgreSQL"
ensure_postgres
SUFFIX="$(date +%H%M%S)_$$"
CONF="$WORK/odoo.conf"
write_config "$CONF" "$WORK/data"

check_log() {
    # Fails on any failed test and on any ERROR/CRITICAL line, as Odoo's own
    # CI does.
    local log=$1
    grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" && return 1
    grep -E 'odoo.tests.result: [1-9][0-9]* failed|odoo.tests.result: [0-9]+ failed, [1-9]' "$log" && return 1
    return 0
}

# alone_run ADDON: installs ADDON alone (with its dependencies) in a fresh
# database with demo data and runs its tests there with Odoo's runner. The
# persona and hostile-input walks (tag koperasi_showcase) run once, on the
# showcase database of the last stage.
alone_run() {
    local addon=$1
    local db="kst_${addon}_$SUFFIX" log="$WORK/$addon.log" rc=0
    local started
    started=$(date +%s)
    new_database "$db" "$CONF"
    odoo_cmd -c "$CONF" -d "$db" -i "$addon" --test-enable \
        --test-tags "/$addon,-koperasi_showcase" \
        --stop-after-init --log-level=test --http-port=0 >"$log" 2>&1 || rc=$?
    grep -E 'odoo.tests.(stats|result)|Starting .*\.test_' "$log" | sed 's/^[0-9-]* [0-9:,]* [0-9]* //' || true
    if [ "$rc" != 0 ] || ! check_log "$log"; then
        grep -E -A40 ' (ERROR|CRITICAL) |^(FAIL|ERROR):' "$log" | head -n 400 || true
        tail -n 40 "$log"
        echo "$addon failed when installed alone (exit $rc)"
        return 1
    fi
    local installed
    installed=$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$db" -Atc \
        "select count(*) from ir_module_module where name like 'koperasi%' and state = 'installed' or name = 'dinas_portal' and state = 'installed'")
    echo "$addon installed alone in $db (koperasi/dinas addons installed: $installed) in $(($(date +%s) - started))s"
    drop_database "$db"
}

# showcase_run DB: builds the showcase database of scripts/demo.sh, the
# database of the pytest stage.
showcase_run() {
    local db=$1 log="$WORK/all.log" started
    started=$(date +%s)
    ( build_showcase "$db" "$CONF" "$log" ) || {
        tail -n 80 "$log"
        echo "Building the showcase failed"
        return 1
    }
    check_log "$log" || { tail -n 80 "$log"; echo "Building the showcase logged errors"; return 1; }
    sed -n '/^Logins (password = login):$/,$p' "$log"
    echo "showcase built in $db in $(($(date +%s) - started))s"
}

SHOWCASE_DB="kst_all_$SUFFIX"
SHOWCASE_BUILT=0
if [ "$DO_ALONE" = 1 ]; then
    # Two jobs at a time (KOPERASI_ALONE_JOBS): the addons alone and the
    # showcase database of the next stage, longest first, so that both stay
    # busy to the end (measured: ecommerce 350 s, savings_loan 300,
    # membership 250, the showcase 240, dinas_portal 210, aquaculture 150,
    # base 40); each prints its report when it ends.
    JOBS=${KOPERASI_ALONE_JOBS:-2}
    stage "Each addon alone with demo data, $JOBS at a time (and the showcase database)"
    order=""
    for addon in koperasi_ecommerce koperasi_savings_loan koperasi_membership \
        showcase dinas_portal koperasi_aquaculture koperasi_base; do
        [ "$addon" = showcase ] && { [ "$DO_ALL" = 1 ] && order="$order showcase"; continue; }
        case " $ADDONS " in *" $addon "*) order="$order $addon" ;; esac
    done
    for addon in $ADDONS; do
        case " $order " in *" $addon "*) ;; *) order="$order $addon" ;; esac
    done
    declare -A RUNNING=()
    failed=""
    finish_one() {
        local pid
        wait -n -p pid "${!RUNNING[@]}" && status=0 || status=$?
        local job=${RUNNING[$pid]}
        unset "RUNNING[$pid]"
        if [ "$job" = showcase ]; then
            say "The showcase database (all five addons together)"
            [ "$status" = 0 ] && SHOWCASE_BUILT=1
        else
            say "$job alone"
        fi
        cat "$WORK/$job.out"
        [ "$status" = 0 ] || failed="$failed $job"
    }
    for job in $order; do
        while [ "${#RUNNING[@]}" -ge "$JOBS" ]; do finish_one; done
        if [ "$job" = showcase ]; then
            DATABASES+=("$SHOWCASE_DB")
            showcase_run "$SHOWCASE_DB" >"$WORK/$job.out" 2>&1 &
        else
            DATABASES+=("kst_${job}_$SUFFIX")
            alone_run "$job" >"$WORK/$job.out" 2>&1 &
        fi
        RUNNING[$!]=$job
    done
    while [ "${#RUNNING[@]}" -gt 0 ]; do finish_one; done
    [ -z "$failed" ] || die "Failed:$failed"
fi

if [ "$DO_ALL" = 1 ]; then
    db=$SHOWCASE_DB
    if [ "$SHOWCASE_BUILT" = 0 ]; then
        stage "All five addons together: the showcase database of scripts/demo.sh"
        DATABASES+=("$db")
        showcase_run "$db" || die "Building the showcase failed"
    fi

    stage "Every test with pytest-odoo (browser tours included)"
    cd "$ROOT"
    test_dirs=()
    for addon in $ADDONS; do test_dirs+=("addons/$addon/tests"); done
    [ -z "$ONLY" ] && test_dirs+=("tests")
    echo "Started $(($(date +%s) - START))s into the run; pytest's own timing follows."
    # KOPERASI_PYTEST_JOBS processes (pytest-xdist, a test file at a time):
    # pytest-odoo gives each its own copy of the showcase database (createdb
    # -T, with PostgreSQL's variables below) and its own HTTP port.
    export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
    parallel=()
    PYTEST_JOBS=${KOPERASI_PYTEST_JOBS:-2}
    if [ "$PYTEST_JOBS" -gt 1 ]; then
        parallel=(-n "$PYTEST_JOBS" --dist loadfile)
        for ((i = 0; i < PYTEST_JOBS; i++)); do DATABASES+=("$db-gw$i"); done
    fi
    rc=0
    "$PYTHON" -m pytest -p no:cacheprovider -p no:benchmark -o addopts="" ${parallel[@]+"${parallel[@]}"} \
        --odoo-config="$CONF" --odoo-database="$db" --odoo-http --durations=12 \
        --odoo-log-level=warn "${test_dirs[@]}" ${PYTEST_ARGS[@]+"${PYTEST_ARGS[@]}"} || rc=$?
    exit $rc
fi
printf -- '--- %s took %ss; whole run %ss\n' "${STAGE_NAME:-}" "$(($(date +%s) - stage_start))" "$(($(date +%s) - START))"
