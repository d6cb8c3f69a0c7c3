#!/usr/bin/env bash
# Native demo for a machine that has Odoo 18.0: creates (or updates) database
# `koperasi` with the five addons, l10n_id and Indonesian demo data, then
# serves it on http://localhost:8069 (login admin / admin).
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
ensure_postgres "$ROOT/var/postgres" 5439
trap stop_postgres EXIT
mkdir -p "$ROOT/var"
CONF="$ROOT/var/odoo.conf"
write_config "$CONF" "$ROOT/var/data"
MODULES=$(echo l10n_id $ADDONS | tr ' ' ',')

exists=$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -Atc \
    "select 1 from pg_database where datname = '$DB'")
if [ "$exists" = 1 ]; then
    say "Updating database $DB"
    odoo_cmd -c "$CONF" -d "$DB" -u "$(echo $ADDONS | tr ' ' ',')" --stop-after-init --log-level=warn
else
    say "Creating database $DB with $MODULES and demo data"
    new_database "$DB" "$CONF"
    odoo_cmd -c "$CONF" -d "$DB" -i "$MODULES" --stop-after-init --log-level=warn
fi
if [ "$SERVE" = 1 ]; then
    say "Serving $DB on http://localhost:$PORT (login admin / admin; Ctrl-C stops)"
    odoo_cmd -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --http-interface=127.0.0.1
fi
