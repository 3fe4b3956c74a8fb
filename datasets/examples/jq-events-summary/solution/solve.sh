#!/bin/bash
set -euo pipefail
mkdir -p /app/out
jq '
  [ .events[]
    | select(.type == "purchase" or .type == "refund")
    | { c: ((.user.country // "unknown") | ascii_upcase),
        u: .user.id, t: .type, a: (.amount | tonumber) } ]
  | group_by(.c)
  | map({ key: .[0].c,
          value: { buyers: (map(select(.t == "purchase") | .u) | unique | length),
                   purchases: (map(select(.t == "purchase")) | length),
                   revenue: ((map(if .t == "purchase" then .a else -.a end) | add) * 100 | round / 100) } })
  | from_entries
' /app/data/events.json > /app/out/summary.json
cat /app/out/summary.json
