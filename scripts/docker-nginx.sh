#!/usr/bin/env bash
# Run by the `proxy` service of docker-compose.yml inside the official nginx
# image: the proxy of scripts/nginx/koperasi.conf.in (the same file as the
# native scripts/serve.sh) in front of every `odoo` container. Docker's DNS
# names each of them `odoo`; nginx follows the name (`resolve`), so nodes
# added with `docker compose up --scale odoo=N` or restarted join by
# themselves.
set -Eeuo pipefail
source /mnt/koperasi/scripts/lib.sh
mkdir -p /var/cache/koperasi /var/log/koperasi
render_nginx /mnt/koperasi/scripts/nginx/koperasi.conf.in /etc/nginx/koperasi.conf \
    "RUN_DIR=/var/cache/koperasi" "LOG_DIR=/var/log/koperasi" "USER_LINE=user nginx;" \
    "MIME_TYPES=/etc/nginx/mime.types" "RESOLVER_LINE=resolver 127.0.0.11 valid=5s ipv6=off;" \
    "UPSTREAM_ZONE=zone odoo_http 64k;" "UPSTREAM_ZONE_WS=zone odoo_websocket 64k;" \
    "HTTP_SERVERS=server odoo:8069 resolve max_fails=0;" \
    "WEBSOCKET_SERVERS=server odoo:8072 resolve max_fails=0;" \
    "LISTEN=8069" "FILESTORE=/var/lib/odoo/filestore/"
exec nginx -c /etc/nginx/koperasi.conf -g 'daemon off;'
