#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
cd /app/invoicing || fail "missing project"
echo "941083777431d1dfd439e57592bff487752fa25071e8c393c14ba8fbfc0f9c6d  tests/test_invoicing.py" | sha256sum -c --quiet - || fail "tests were modified"
python3 -m pytest -q -p no:cacheprovider tests || fail "project tests fail"
python3 -m pytest -q -p no:cacheprovider /tests/test_hidden.py || fail "hidden tests fail"

echo PASS
echo 1 > /logs/verifier/reward.txt
