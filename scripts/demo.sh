#!/usr/bin/env bash
# Native demo for a machine that has Odoo 18.0: creates (or updates) database
# `koperasi`, the showcase of the suite: the cooperative Koperasi Wanita Putri
# Pantura and the Dinas Koperasi dan UKM Kabupaten Probolinggo, with the five
# addons, the Indonesian chart of accounts, Bahasa Indonesia and a year of
# history, built without Odoo's generic demo data. Serves it on
# http://localhost:8069 with scheduled jobs running; the personas' logins are
# printed at the end (password = login).
#
#   bash scripts/demo.sh            create or update, then serve
#   bash scripts/demo.sh --no-serve create or update only
#
# PostgreSQL: the server named by PGHOST/PGPORT/PGUSER/PGPASSWORD, or a local
# cluster kept in var/postgres (port 5439).
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
SERVE=1
[ "${1:-}" = "--no-serve" ] && SERVE=0
DB=${KOPERASI_DB:-koperasi}
PORT=${KOPERASI_HTTP_PORT:-8069}

find_odoo
ensure_python_deps
ensure_postgres "$ROOT/var/postgres" 5439
trap stop_postgres EXIT
mkdir -p "$ROOT/var"
CONF="$ROOT/var/odoo.conf"
# Dues, interest, denda and dormancy come from scheduled jobs: they run here.
KOPERASI_CRON_THREADS=1 write_config "$CONF" "$ROOT/var/data"
ensure_wkhtmltopdf

exists=$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -Atc \
    "select 1 from pg_database where datname = '$DB'")
if [ "$exists" = 1 ]; then
    say "Updating database $DB"
    odoo_cmd -c "$CONF" -d "$DB" -u "$(echo $ADDONS | tr ' ' ',')" --stop-after-init --log-level=warn
else
    say "Creating the showcase database $DB (a few minutes)"
    build_showcase "$DB" "$CONF" "$ROOT/var/showcase.log"
fi
say "Logins on http://localhost:$PORT (password = login)"
sed -n '/^Logins (password = login):$/,$p' "$ROOT/var/showcase.log" | tail -n +2 | grep -v '^Showcase ready' \
    || echo "  admin            Administrator"
if [ "$SERVE" = 1 ]; then
    say "Serving $DB on http://localhost:$PORT (Ctrl-C stops)"
    odoo_cmd -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --http-interface=127.0.0.1
fi
