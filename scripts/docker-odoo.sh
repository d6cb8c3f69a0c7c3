#!/usr/bin/env bash
# Run by the `odoo` service of docker-compose.yml inside the official
# odoo:18.0 image: one Odoo node in prefork mode behind the `proxy` service,
# sized like scripts/serve.sh sizes a native node (size_odoo in lib.sh).
# `docker compose up --scale odoo=2` starts two such nodes; they share the
# database, the filestore and the sessions (the odoo-data volume), and the
# proxy spreads the visitors over them. KOPERASI_NODES tells how many nodes
# share this machine's cores; KOPERASI_WORKERS sets the workers of a node.
set -Eeuo pipefail
source /mnt/koperasi/scripts/lib.sh
DB=${KOPERASI_DB:-koperasi}
DB_HOST=${HOST:-db}
DB_PORT=${PORT:-5432}
DB_USER=${USER:-odoo}
DB_PASSWORD=${PASSWORD:-odoo}
size_odoo "${KOPERASI_NODES:-1}" "${KOPERASI_WORKERS:-}"
conf=$(mktemp /tmp/odoo-node.XXXXXX.conf)
{
    cat /etc/odoo/odoo.conf
    echo
    node_options
    echo "max_cron_threads = $SIZE_CRON"
} >"$conf"
echo "Odoo node: $SIZE_WORKERS workers, $SIZE_MAXCONN database connections per process"
# Odoo's command with a listen queue for the rush (scripts/odoo_node.py).
exec python3 /mnt/koperasi/scripts/odoo_node.py -c "$conf" --db_host "$DB_HOST" --db_port "$DB_PORT" --db_user "$DB_USER" \
    --db_password "$DB_PASSWORD" -d "$DB"
