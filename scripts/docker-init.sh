#!/usr/bin/env bash
# Run by the `odoo-init` service of docker-compose.yml inside the official
# odoo:18.0 image: creates database `koperasi`, the showcase of the suite
# (the same steps as build_showcase in scripts/lib.sh: no Odoo generic demo
# data, the Indonesian company and chart, Bahasa Indonesia, then the suite's
# showcase data from scripts/showcase.py), once. The database settings come from the image's
# environment (HOST, PORT, USER, PASSWORD).
set -Eeuo pipefail
DB=${KOPERASI_DB:-koperasi}
ARGS=(-c /etc/odoo/odoo.conf --db_host "${HOST:-db}" --db_port "${PORT:-5432}"
    --db_user "${USER:-odoo}" --db_password "${PASSWORD:-odoo}")
MODULES=l10n_id,koperasi_base,koperasi_membership,koperasi_savings_loan,koperasi_ecommerce,koperasi_aquaculture,dinas_portal

for _ in $(seq 1 30); do
    PGPASSWORD=${PASSWORD:-odoo} psql -h "${HOST:-db}" -p "${PORT:-5432}" -U "${USER:-odoo}" \
        -d postgres -Atqc 'select 1' >/dev/null 2>&1 && break
    sleep 2
done
installed=$(PGPASSWORD=${PASSWORD:-odoo} psql -h "${HOST:-db}" -p "${PORT:-5432}" -U "${USER:-odoo}" \
    -d "$DB" -Atc "select count(*) from ir_module_module where name = 'koperasi_membership' and state = 'installed'" 2>/dev/null || true)
if [ "$installed" = 1 ]; then
    echo "Database $DB is ready."
    exit 0
fi
echo "Creating database $DB (a few minutes)"
odoo "${ARGS[@]}" -d "$DB" -i base --without-demo=all --stop-after-init --log-level=warn
odoo shell "${ARGS[@]}" -d "$DB" --no-http --log-level=warn </mnt/koperasi/scripts/indonesian_company.py
odoo "${ARGS[@]}" -d "$DB" -i "$MODULES" --without-demo=all --load-language=id_ID \
    --stop-after-init --log-level=warn
out=$(odoo shell "${ARGS[@]}" -d "$DB" --no-http --log-level=warn </mnt/koperasi/scripts/showcase.py 2>&1)
printf '%s\n' "$out"
grep -q '^Showcase ready\.$' <<<"$out" || { echo "Loading the showcase data failed." >&2; exit 1; }
echo "Database $DB is ready."
