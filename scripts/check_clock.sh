#!/usr/bin/env bash
# Fails when the suite's Python code reads the server's or the user's clock
# for a business date: "today" and "now" are the cooperative's, in its
# company's timezone, through koperasi_base's business_date helpers.
#   bash scripts/check_clock.sh [ADDONS_DIR]
set -uo pipefail
dir=${1:-"$(cd "$(dirname "$0")/.." && pwd)/addons"}
pattern='\bdate\.today\(|datetime\.(now|today|utcnow)\(|fields\.Date\.today\b|Date\.context_today\b|context_today\(|context_timestamp\('
found=$(grep -rnE "$pattern" "$dir" --include='*.py' \
    | grep -v '/koperasi_base/tools/business_date.py:' || true)
if [ -n "$found" ]; then
    echo "$found"
    echo "Business dates come from the company's timezone: use business_today(),"
    echo "business_now() or business_date() of koperasi_base.tools.business_date."
    exit 1
fi
echo "Business dates: no server or user clock in the suite's code."
