#!/bin/bash
set -euo pipefail
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
tar -C "$W" -xJf /app/incoming/support-bundle.tar.xz
for t in "$W"/*-logs.tar.gz; do
  h=$(basename "$t" -logs.tar.gz); mkdir -p "$W/x/$h"; tar -C "$W/x/$h" -xzf "$t"
done
find "$W/x" -type f \( -name '*.log' -o -name '*.log.gz' \) -print0 |
  while IFS= read -r -d '' f; do
    case $f in *.gz) gzip -dc -- "$f" ;; *) cat -- "$f" ;; esac
  done |
  awk '$2 == "ERROR"' | LC_ALL=C sort -k1,1 -k3,3 > /app/errors.log
wc -l /app/errors.log
