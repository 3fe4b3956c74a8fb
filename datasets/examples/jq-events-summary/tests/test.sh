#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
[ -f /app/out/summary.json ] || fail "/app/out/summary.json missing"
python3 - <<'PY' || fail "summary is wrong"
import json, sys
from decimal import Decimal
events = json.load(open("/app/data/events.json"))["events"]
exp = {}
for e in events:
    if e["type"] not in ("purchase", "refund"): continue
    c = (e["user"].get("country") or "UNKNOWN").upper()
    d = exp.setdefault(c, {"buyers": set(), "purchases": 0, "revenue": Decimal(0)})
    a = Decimal(str(e["amount"]))
    if e["type"] == "purchase":
        d["buyers"].add(e["user"]["id"]); d["purchases"] += 1; d["revenue"] += a
    else:
        d["revenue"] -= a
try:
    got = json.load(open("/app/out/summary.json"))
except Exception as ex:
    print("invalid JSON:", ex); sys.exit(1)
ok = isinstance(got, dict) and set(got) == set(exp)
for c, d in exp.items():
    g = got.get(c) if isinstance(got, dict) else None
    if not isinstance(g, dict) or set(g) != {"buyers", "purchases", "revenue"}:
        ok = False; print("bad entry", c, g); continue
    if g["buyers"] != len(d["buyers"]) or g["purchases"] != d["purchases"] \
       or not isinstance(g["revenue"], (int, float)) or abs(Decimal(str(g["revenue"])) - d["revenue"]) > Decimal("0.005"):
        ok = False; print("mismatch", c, g, {"buyers": len(d["buyers"]), "purchases": d["purchases"], "revenue": str(d["revenue"])})
if not ok:
    print("keys expected", sorted(exp), "got", sorted(got) if isinstance(got, dict) else got); sys.exit(1)
PY

echo PASS
echo 1 > /logs/verifier/reward.txt
