#!/bin/bash
set -euo pipefail
cd /app/repo
git checkout -q main
if [ "$(git rev-list --parents -n1 HEAD | wc -w)" = 3 ]; then exit 0; fi  # already merged
git merge --no-ff feature/timeouts -m "Merge branch 'feature/timeouts'" || true
python3 - <<'PY'
import re
s = open("settings.py").read()
block = "TIMEOUT = 30\nRETRIES = 5\nBACKOFF = 2.0\nCONNECT_TIMEOUT = 5\nMAX_REDIRECTS = 3\n"
s = re.sub(r"<<<<<<< [^\n]*\n.*?>>>>>>> [^\n]*\n", block, s, flags=re.S)
open("settings.py", "w").write(s)
PY
git add settings.py
GIT_EDITOR=true git -c user.name=Oracle -c user.email=oracle@example.com commit --no-edit -q
cat settings.py
