#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
cd /app/repo || fail "no repo"
git config --global --add safe.directory /app/repo
[ "$(git rev-parse --abbrev-ref HEAD)" = main ] || fail "main is not checked out"
[ -e .git/MERGE_HEAD ] && fail "merge still in progress"
[ -z "$(git status --porcelain)" ] || fail "working tree not clean"
feat=$(git log --all --format=%H --grep '^Raise timeouts for slow upstreams$' | head -n1)
oldmain=$(git log --all --format=%H --grep '^Add README$' | head -n1)
[ "$(git rev-parse feature/timeouts)" = "$feat" ] || fail "feature/timeouts was rewritten"
parents=$(git rev-list --parents -n1 HEAD | cut -d' ' -f2-)
[ "$parents" = "$oldmain $feat" ] || fail "HEAD is not a merge of old main ($oldmain) and feature ($feat): parents=$parents"
[ -f README.md ] || fail "README.md lost"
grep -nE '^(<<<<<<<|=======|>>>>>>>)' settings.py && fail "conflict markers remain"
python3 - <<'PY' || fail "settings.py values are wrong"
import ast, sys
src = open("settings.py").read()
tree = ast.parse(src)
names = [t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets]
dups = {n for n in names if names.count(n) > 1}
if dups: print("assigned more than once:", dups); sys.exit(1)
ns = {}; exec(src, ns)
want = dict(SERVICE_NAME="fetcher", TIMEOUT=30, RETRIES=5, BACKOFF=2.0, CONNECT_TIMEOUT=5,
            MAX_REDIRECTS=3, CACHE_DIR="/var/cache/fetcher")
bad = {k: ns.get(k) for k, v in want.items() if ns.get(k) != v or type(ns.get(k)) is not type(v)}
if bad: print("wrong values:", bad); sys.exit(1)
PY
# committed content must be what is checked (clean tree already ensures it)

echo PASS
echo 1 > /logs/verifier/reward.txt
