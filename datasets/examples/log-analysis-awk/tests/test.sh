#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
[ -f /app/report.txt ] || fail "/app/report.txt missing"
sha=$(sha256sum /app/logs/access.log | cut -d' ' -f1)
[ "$sha" = "5ffcb1cef0203c5bcd71ddb971b4dd63c8dcdb159714a78c1c453ca8833baa05" ] || fail "access.log was modified"
python3 - <<'PY' || fail "report content is wrong"
import re, collections, sys
total = err = byts = 0
ips = collections.Counter()
for line in open("/app/logs/access.log"):
    f = line.split()
    if len(f) < 10 or not re.fullmatch(r"[0-9]{3}", f[8]):
        continue
    total += 1; ips[f[0]] += 1
    if 500 <= int(f[8]) <= 599: err += 1
    if f[9] != "-": byts += int(f[9])
top = sorted(ips.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
exp = [f"total_requests={total}", f"unique_ips={len(ips)}", f"server_errors={err}",
       f"bytes_sent={byts}", "top_ips:"] + [f"{ip} {c}" for ip, c in top]
got = open("/app/report.txt").read().rstrip("\n").split("\n")
if got != exp:
    print("expected:", *exp, sep="\n"); print("got:", *got, sep="\n"); sys.exit(1)
PY

echo PASS
echo 1 > /logs/verifier/reward.txt
