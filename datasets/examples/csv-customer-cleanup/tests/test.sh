#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
F=/app/data/customers_clean.csv
[ -f $F ] || fail "$F missing"
echo "f6c09b2ed23f49fef53fc0cabc10843a2225391793758fca8022f8460b0f1633  /app/data/customers_raw.csv" | sha256sum -c --quiet - || fail "raw file was modified"
cmp -s $F /tests/expected.csv || { diff <(cat -A /tests/expected.csv) <(cat -A $F); fail "cleaned CSV differs from expected"; }

echo PASS
echo 1 > /logs/verifier/reward.txt
