#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
[ -f /app/order_ids.tsv ] || fail "/app/order_ids.tsv missing"
cmp -s /app/order_ids.tsv /tests/expected.tsv || { diff <(cat -A /tests/expected.tsv) <(cat -A /app/order_ids.tsv); fail "order_ids.tsv differs from expected"; }

echo PASS
echo 1 > /logs/verifier/reward.txt
