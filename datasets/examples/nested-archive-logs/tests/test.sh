#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
[ -f /app/errors.log ] || fail "/app/errors.log missing"
[ "$(ls -A /app/incoming)" = "support-bundle.tar.xz" ] || fail "/app/incoming contains extra files: $(ls -A /app/incoming | tr '\n' ' ')"
echo "454b1e6d505735f7dd4c4100055ba6090c4d9bc7a91460b7af92d7f77da7c1d8  /app/incoming/support-bundle.tar.xz" | sha256sum -c --quiet - || fail "bundle modified"
extra=$(cd /app && find . -mindepth 1 ! -path ./incoming ! -path ./incoming/support-bundle.tar.xz ! -path ./errors.log | head)
[ -z "$extra" ] || fail "leftover files under /app: $extra"
cmp -s /app/errors.log /tests/expected_errors.log || { diff /tests/expected_errors.log /app/errors.log | head -20; fail "errors.log differs from expected"; }

echo PASS
echo 1 > /logs/verifier/reward.txt
