#!/bin/bash
set -euo pipefail
cd /app/repo
# idempotent: do nothing if the revert is already there
if git log -1 --format=%s | grep -q '^Revert '; then exit 0; fi
bad=$(git log --format=%H -S'a // b' -- calc.py | tail -n 1)
git -c user.name=Oracle -c user.email=oracle@example.com revert --no-edit "$bad"
python3 -m pytest -q
