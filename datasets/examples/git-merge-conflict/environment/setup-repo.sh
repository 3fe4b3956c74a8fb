#!/bin/bash
# Builds a repo where main and feature/timeouts both edited settings.py in overlapping lines.
set -euo pipefail
git config --global user.name "Sam Ops"; git config --global user.email "sam@example.com"
git config --global init.defaultBranch main
mkdir -p /app/repo && cd /app/repo && git init -q
d=1700000000
commit() { GIT_AUTHOR_DATE="@$d +0000" GIT_COMMITTER_DATE="@$d +0000" git commit -qm "$1"; d=$((d+3600)); }
cat > settings.py <<'PY'
"""Runtime settings for the fetcher service."""

SERVICE_NAME = "fetcher"

# HTTP client
TIMEOUT = 10
RETRIES = 3
BACKOFF = 0.5

# Storage
CACHE_DIR = "/var/cache/fetcher"
PY
printf '__pycache__/\n' > .gitignore
git add -A; commit "Initial settings"
git checkout -qb feature/timeouts
python3 - <<'PY'
s = open("settings.py").read()
s = s.replace("TIMEOUT = 10\nRETRIES = 3\nBACKOFF = 0.5\n",
              "TIMEOUT = 30\nRETRIES = 3\nBACKOFF = 2.0\nCONNECT_TIMEOUT = 5\n")
open("settings.py", "w").write(s)
PY
git add -A; commit "Raise timeouts for slow upstreams"
git checkout -q main
python3 - <<'PY'
s = open("settings.py").read()
s = s.replace("TIMEOUT = 10\nRETRIES = 3\nBACKOFF = 0.5\n",
              "TIMEOUT = 10\nRETRIES = 5\nBACKOFF = 0.5\nMAX_REDIRECTS = 3\n")
open("settings.py", "w").write(s)
PY
git add -A; commit "More retries, cap redirects"
printf '# fetcher\n' > README.md; git add -A; commit "Add README"
git log --oneline --all --graph
