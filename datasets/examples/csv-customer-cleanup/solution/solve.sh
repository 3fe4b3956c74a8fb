#!/bin/bash
set -euo pipefail
python3 - <<'PY'
import csv, io, re
from datetime import datetime
raw = open("/app/data/customers_raw.csv", encoding="utf-8-sig", newline="").read()
rows = list(csv.reader(io.StringIO(raw)))
out = {}
for r in rows[1:]:
    if len(r) < 4: continue
    rid, name, email, date = (x.strip() for x in r[:4])
    if not rid or not email: continue
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%b %d %Y"):
        try: d = datetime.strptime(date, fmt).date().isoformat(); break
        except ValueError: pass
    else: raise SystemExit(f"bad date {date!r}")
    out[int(rid)] = [str(int(rid)), re.sub(r"\s+", " ", name), email.lower(), d]
with open("/app/data/customers_clean.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "email", "signup_date"])
    for k in sorted(out): w.writerow(out[k])
PY
cat /app/data/customers_clean.csv
