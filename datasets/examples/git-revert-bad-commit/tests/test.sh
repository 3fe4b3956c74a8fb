#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
cd /app/repo || fail "no repo"
git config --global --add safe.directory /app/repo
[ "$(git rev-parse --abbrev-ref HEAD)" = main ] || fail "main is not checked out"
[ -z "$(git status --porcelain)" ] || fail "working tree not clean"
[ "$(git rev-list --count HEAD)" = 6 ] || fail "expected exactly one new commit (6 total), got $(git rev-list --count HEAD)"
tip=$(git log --all --format=%H --grep '^Add power function$' | head -n1)
bad=$(git log --all --format=%H --grep '^Speed up divide for batch jobs$' | head -n1)
[ -n "$tip" ] && [ -n "$bad" ] || fail "original commits are missing"
git merge-base --is-ancestor "$tip" HEAD || fail "history was rewritten: old main tip is not an ancestor of HEAD"
[ "$(git rev-parse HEAD~1)" = "$tip" ] || fail "new commit is not directly on top of the old main"
# the new commit must be the exact inverse of the bad commit
[ "$(git diff HEAD~1 HEAD | git patch-id --stable | cut -d' ' -f1)" = "$(git diff "$bad" "$bad~1" | git patch-id --stable | cut -d' ' -f1)" ] \
  || fail "HEAD is not a clean revert of the offending commit"
[ "$(git show HEAD:test_calc.py | sha256sum)" = "$(git show "$tip":test_calc.py | sha256sum)" ] || fail "tests were modified"
grep -q 'def power' calc.py && grep -q 'def multiply' calc.py && grep -q '## Usage' README.md || fail "other changes were lost"
python3 -m pytest -q -p no:cacheprovider test_calc.py || fail "tests fail"

echo PASS
echo 1 > /logs/verifier/reward.txt
