#!/bin/bash
set -euo pipefail
cd /app/tickets
for f in T-*.txt; do
  grep -oP '(?<![A-Za-z0-9_-])ORD-[0-9]{4}-[0-9]{6}(?![A-Za-z0-9_-])' -- "$f" | sort -u
done | LC_ALL=C sort | uniq -c | awk '{ printf "%s\t%s\n", $2, $1 }' > /app/order_ids.tsv
cat /app/order_ids.tsv
