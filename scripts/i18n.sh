#!/usr/bin/env bash
# Refreshes addons/ADDON/i18n/ADDON.pot from the installed addon and merges it
# into addons/ADDON/i18n/id.po (translations kept; new terms left empty).
#   bash scripts/i18n.sh ADDON [ADDON ...]
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: bash scripts/i18n.sh ADDON [ADDON ...]"
find_odoo
ensure_postgres
WORK=$(mktemp -d /tmp/koperasi-i18n.XXXXXX)
DB="kst_i18n_$$"
trap 'drop_database "$DB"; stop_postgres; rm -rf "$WORK"' EXIT
write_config "$WORK/odoo.conf" "$WORK/data"
modules=$(echo "$@" | tr ' ' ',')
odoo_cmd -c "$WORK/odoo.conf" -d "$DB" -i "$modules" --without-demo=all \
    --stop-after-init --log-level=warn
for addon in "$@"; do
    dir="$ROOT/addons/$addon/i18n"
    mkdir -p "$dir"
    odoo_cmd -c "$WORK/odoo.conf" -d "$DB" --modules="$addon" \
        --i18n-export="$dir/$addon.pot" --stop-after-init --log-level=warn
    if [ -f "$dir/id.po" ]; then
        msgmerge --quiet --no-fuzzy-matching --no-wrap -U --backup=none "$dir/id.po" "$dir/$addon.pot"
    else
        sed -e 's/^"Language: \\n"/"Language: id\\n"/' \
            -e 's/^"Plural-Forms: \\n"/"Plural-Forms: nplurals=1; plural=0;\\n"/' \
            "$dir/$addon.pot" >"$dir/id.po"
    fi
    oca-checks-po --fix "$dir/id.po" "$dir/$addon.pot" >/dev/null || true
    left=$(msgattrib --untranslated --no-obsolete "$dir/id.po" | grep -c '^msgid ' || true)
    echo "$addon: $(grep -c '^msgid ' "$dir/$addon.pot") terms, $(( left > 0 ? left - 1 : 0 )) untranslated in id.po"
done
