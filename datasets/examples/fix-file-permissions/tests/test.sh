#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
S=/srv/site
python3 - <<'PY' || fail "permissions do not match the policy"
import os, stat, pwd, grp, sys, hashlib
S = "/srv/site"
expected_files = {
 "bin/start.sh","bin/stop.sh","bin/README.txt","conf/site.conf","secrets/api.key","secrets/db.env",
 "public/index.html","public/css/app.css","public/img/logo.gif","logs/site.log"}
expected_dirs = {"", "bin","conf","secrets","public","public/css","public/img","logs"}
files, dirs = set(), set()
for root, ds, fs in os.walk(S):
    rel = os.path.relpath(root, S); rel = "" if rel == "." else rel
    dirs.add(rel)
    for f in fs: files.add(os.path.join(rel, f))
errors = []
if files != expected_files: errors.append(f"file set changed: {sorted(files ^ expected_files)}")
if dirs != expected_dirs: errors.append(f"dir set changed: {sorted(dirs ^ expected_dirs)}")
def want(rel, is_dir):
    if is_dir:
        if rel == "secrets": return "svc-web", "web", 0o700
        if rel == "logs": return "svc-web", "web", 0o2770
        return "deploy", "web", 0o755
    if rel.startswith("secrets/"): return "svc-web", "web", 0o600
    if rel.startswith("logs/"): return "svc-web", "web", 0o660
    if rel.startswith("bin/") and rel.endswith(".sh"): return "deploy", "web", 0o755
    if rel == "conf/site.conf": return "deploy", "web", 0o640
    return "deploy", "web", 0o644
for rel in sorted(dirs | files):
    p = os.path.join(S, rel)
    st = os.lstat(p)
    u, g, m = want(rel, stat.S_ISDIR(st.st_mode))
    got = (pwd.getpwuid(st.st_uid).pw_name, grp.getgrgid(st.st_gid).gr_name, stat.S_IMODE(st.st_mode))
    if got != (u, g, m):
        errors.append(f"{p}: got {got[0]}:{got[1]} {got[2]:04o}, want {u}:{g} {m:04o}")
if open(f"{S}/secrets/api.key").read() != "sk_live_0123456789abcdef\n": errors.append("api.key content changed")
if open(f"{S}/bin/start.sh").read() != '#!/bin/sh\necho "starting site"\n': errors.append("start.sh content changed")
for e in errors: print(e)
sys.exit(1 if errors else 0)
PY

echo PASS
echo 1 > /logs/verifier/reward.txt
