#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
echo "79343357f34661f6f96445b69fdcf72f9656512950d37a97d2b5109a33bd07bc  /app/service/app.py" | sha256sum -c --quiet - || fail "app.py was modified"

out=$(python3 /app/service/app.py --check 2>&1); rc=$?
[ $rc = 0 ] && [ "$out" = OK ] || fail "--check failed (rc=$rc): $out"
dump=$(python3 /app/service/app.py --dump) || fail "--dump failed"
exp='{"database": {"pool_size": 20, "timeout": 30, "url": "postgresql://orders@db.internal:5432/orders"}, "logging": {"file": "/var/log/orders/api.log", "level": "INFO"}, "server": {"host": "0.0.0.0", "port": 8080, "workers": 4}}'
[ "$dump" = "$exp" ] || fail "effective config differs: $dump"

echo PASS
echo 1 > /logs/verifier/reward.txt
