#!/usr/bin/env bash
# Serves the Koperasi Suite the way a cooperative runs it in production:
# Odoo in prefork mode (worker processes, a gevent process for the bus),
# one or more nodes against one PostgreSQL and one data directory (so the
# filestore and the sessions are shared), behind nginx, which queues the
# visitors, serves the static files and spreads requests over the nodes.
#
#   bash scripts/serve.sh                       one node, workers from the cores
#   bash scripts/serve.sh --nodes 2             two nodes behind the proxy
#   bash scripts/serve.sh --workers 2 --listen 0.0.0.0:80
#
# Options (and their environment variables):
#   --db NAME          database to serve (KOPERASI_DB, default koperasi;
#                      create it first with: bash scripts/demo.sh --no-serve)
#   --nodes N          Odoo nodes on this machine (KOPERASI_NODES, 1)
#   --workers W        HTTP workers of each node (KOPERASI_WORKERS; default
#                      2 per core plus one, shared by the nodes)
#   --listen ADDR:PORT where nginx listens (KOPERASI_LISTEN, 127.0.0.1:8069)
#   --node-port P      first port of the nodes (KOPERASI_NODE_PORT, 8170):
#                      node i listens on P+2i (HTTP) and P+2i+1 (websocket),
#                      on 127.0.0.1 only
#   KOPERASI_DATA_DIR  Odoo's data directory (var/data, shared with demo.sh)
#   KOPERASI_RUN_DIR   configurations, logs and pid files (var/serve)
#
# PostgreSQL: the server named by PGHOST/PGPORT/PGUSER/PGPASSWORD, or the
# cluster of scripts/demo.sh in var/postgres. Ctrl-C (or SIGTERM) stops the
# nodes and the proxy. Stopping one node (kill -TERM "$(cat var/serve/node-2.pid)")
# leaves the others serving: the proxy sends its visitors there, and their
# sessions go on, since every node reads them from the shared data directory.
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"

DB=${KOPERASI_DB:-koperasi}
NODES=${KOPERASI_NODES:-1}
WORKERS=${KOPERASI_WORKERS:-}
LISTEN=${KOPERASI_LISTEN:-127.0.0.1:8069}
NODE_PORT=${KOPERASI_NODE_PORT:-8170}
while [ $# -gt 0 ]; do
    case $1 in
    --db) DB=$2; shift 2 ;;
    --nodes) NODES=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --listen) LISTEN=$2; shift 2 ;;
    --node-port) NODE_PORT=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "Unknown option $1 (see: bash scripts/serve.sh --help)" ;;
    esac
done
[[ $NODES =~ ^[1-9][0-9]*$ ]] || die "--nodes wants a whole number of at least 1."
[[ -z $WORKERS || $WORKERS =~ ^[1-9][0-9]*$ ]] || die "--workers wants a whole number of at least 1."
[[ $LISTEN =~ ^[0-9.]+:[0-9]+$ ]] || die "--listen wants ADDRESS:PORT, such as 127.0.0.1:8069."

DATA=${KOPERASI_DATA_DIR:-$ROOT/var/data}
RUN=${KOPERASI_RUN_DIR:-$ROOT/var/serve}
mkdir -p "$RUN" "$DATA"
RUN=$(cd "$RUN" && pwd)
DATA=$(cd "$DATA" && pwd)

find_odoo
ensure_postgres "$ROOT/var/postgres" 5439
trap stop_postgres EXIT
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_install nginx-light
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || die "nginx is needed (Debian package nginx-light or nginx)."
exists=$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -Atc \
    "select 1 from pg_database where datname = '$DB'")
[ "$exists" = 1 ] || die "Database $DB does not exist. Create it first: bash scripts/demo.sh --no-serve"

size_odoo "$NODES" "$WORKERS"
PIDS=()
stop_all() {
    trap - EXIT INT TERM
    [ -f "$RUN/nginx.pid" ] && kill -QUIT "$(cat "$RUN/nginx.pid")" 2>/dev/null || true
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    stop_postgres
}
trap stop_all EXIT
trap 'exit 0' INT TERM

http_servers="" ws_servers=""
for i in $(seq 1 "$NODES"); do
    http_port=$((NODE_PORT + 2 * i))
    ws_port=$((http_port + 1))
    conf="$RUN/node-$i.conf"
    KOPERASI_CRON_THREADS=$SIZE_CRON write_config "$conf" "$DATA"
    {
        node_options
        cat <<EOF
http_port = $http_port
gevent_port = $ws_port
db_name = $DB
dbfilter = ^$DB\$
pidfile = $RUN/node-$i.pid
logfile = $RUN/node-$i.log
EOF
    } >>"$conf"
    rm -f "$RUN/node-$i.pid"
    # Odoo's command with a listen queue for the rush (scripts/odoo_node.py);
    # a script, as prefork mode starts its gevent process by running it again.
    (cd /tmp && exec "$PYTHON" "$ROOT/scripts/odoo_node.py" -c "$conf") &
    PIDS+=($!)
    http_servers+="server 127.0.0.1:$http_port max_fails=0; "
    ws_servers+="server 127.0.0.1:$ws_port max_fails=0; "
done

rm -rf "$RUN/static_cache"
# nginx's workers read the filestore of the nodes and write their cache in
# the run folder: they run as the user of the nodes (nginx's own default,
# when started by root, is "nobody", who may reach neither).
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
render_nginx "$ROOT/scripts/nginx/koperasi.conf.in" "$RUN/nginx.conf" \
    "RUN_DIR=$RUN" "LOG_DIR=$RUN" "USER_LINE=$user_line" "MIME_TYPES=/etc/nginx/mime.types" \
    "RESOLVER_LINE=" "UPSTREAM_ZONE=" "UPSTREAM_ZONE_WS=" \
    "HTTP_SERVERS=$http_servers" "WEBSOCKET_SERVERS=$ws_servers" \
    "LISTEN=$LISTEN" "FILESTORE=$DATA/filestore/"
"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf" -g "error_log $RUN/nginx-error.log warn;" \
    || die "The proxy configuration $RUN/nginx.conf is refused by nginx."
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
PIDS+=("$NGINX_PID")

for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://$LISTEN/web/health" 2>/dev/null && break
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null || die "A node or the proxy did not start; see $RUN/node-*.log and $RUN/nginx-error.log"
    done
    sleep 1
done
curl -fsS -o /dev/null "http://$LISTEN/web/health" \
    || die "The nodes did not answer through the proxy; see $RUN/node-*.log and $RUN/nginx-error.log"
# The bus (gevent) process of each node starts after its workers.
for i in $(seq 1 "$NODES"); do
    ws_port=$((NODE_PORT + 2 * i + 1))
    bus_up=""
    for _ in $(seq 1 60); do
        (: </dev/tcp/127.0.0.1/$ws_port) 2>/dev/null && bus_up=1 && break
        sleep 1
    done
    # Pages are served without it, so this is said, not fatal: the bus
    # process prints why it stopped (often a Python package gevent cannot
    # resolve) above, on this terminal.
    [ -n "$bus_up" ] || echo "WARNING: the bus (gevent) process of node $i did not open port $ws_port:" \
        "chat and live notifications (/websocket) will not work. Its error is printed above." >&2
done
say "Serving $DB on http://$LISTEN: $NODES node(s) of $SIZE_WORKERS worker(s), $SIZE_MAXCONN database connections per process"
echo "Logs and pid files in $RUN. Ctrl-C stops."
# A stopped node leaves the others serving; the proxy is the one that ends
# the deployment.
wait "$NGINX_PID" || true
echo "The proxy ended; stopping the nodes." >&2
