#!/bin/bash
set -euo pipefail
LOG=/app/logs/access.log
awk 'NF >= 10 && $9 ~ /^[0-9][0-9][0-9]$/ {
        total++; ip[$1]++
        if ($9 >= 500 && $9 <= 599) err++
        if ($10 != "-") bytes += $10
     }
     END {
        n = 0; for (i in ip) n++
        printf "total_requests=%d\nunique_ips=%d\nserver_errors=%d\nbytes_sent=%d\ntop_ips:\n", total, n, err, bytes
     }' "$LOG" > /app/report.txt
awk 'NF >= 10 && $9 ~ /^[0-9][0-9][0-9]$/ { c[$1]++ } END { for (i in c) print c[i], i }' "$LOG" \
  | LC_ALL=C sort -k1,1nr -k2,2 | head -n 5 | awk '{ print $2, $1 }' >> /app/report.txt
