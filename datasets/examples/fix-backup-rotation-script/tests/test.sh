#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
S=/app/rotate-backups.sh
[ -x $S ] || fail "$S missing or not executable"
T=$(mktemp -d)
D="$T/nightly backups (prod)"
mk() {  # name mtime
  mkdir -p "$D"; echo "$1" > "$D/$1"; touch -d "$2" "$D/$1"
}
setup() {
  rm -rf "$D"; mkdir -p "$D/backup-20230101-000000.tar.gz.d" "$D/backup-20200101-000000.tar.gz"
  # mtimes deliberately disagree with the name order
  mk backup-20240105-230000.tar.gz "2024-01-01 00:00"
  mk backup-20240101-010203.tar.gz "2024-03-01 00:00"
  mk backup-20231231-235959.tar.gz "2024-02-01 00:00"
  mk backup-20240103-120000.tar.gz "2023-01-01 00:00"
  mk backup-20240102-000000.tar.gz "2024-05-01 00:00"
  mk backup-20240104-000000.tar.gz "2024-04-01 00:00"
  mk backup-notes.txt "2020-01-01 00:00"
  mk backup-20240101-000000.tar.gz.part "2020-01-01 00:00"
  mk old-backup-20200101-000000.tar.gz "2020-01-01 00:00"
  mk backup-2024-01-01.tar.gz "2020-01-01 00:00"
}
others="backup-20200101-000000.tar.gz backup-20230101-000000.tar.gz.d backup-2024-01-01.tar.gz backup-20240101-000000.tar.gz.part backup-notes.txt old-backup-20200101-000000.tar.gz"
listing() { (cd "$D" && ls -1 | LC_ALL=C sort | tr '\n' ' '); }

setup
out=$(cd / && "$S" "$D" 3 2>/tmp/err); rc=$?
[ $rc = 0 ] || fail "KEEP=3: exit $rc: $(cat /tmp/err)"
exp=$'removing backup-20231231-235959.tar.gz\nremoving backup-20240101-010203.tar.gz\nremoving backup-20240102-000000.tar.gz'
[ "$out" = "$exp" ] || fail "KEEP=3 stdout: got [$out] expected [$exp]"
got=$(listing)
want=$(printf '%s\n' backup-20240103-120000.tar.gz backup-20240104-000000.tar.gz backup-20240105-230000.tar.gz $others | LC_ALL=C sort | tr '\n' ' ')
[ "$got" = "$want" ] || fail "KEEP=3 left: [$got] expected [$want]"

setup
out=$("$S" "$D" 10); rc=$?
[ $rc = 0 ] && [ -z "$out" ] || fail "KEEP=10 should delete nothing (rc=$rc, out=$out)"
[ "$(listing)" = "$(setup; listing)" ] || fail "KEEP=10 deleted files"
out=$("$S" "$D" 6); [ -z "$out" ] && [ "$(ls "$D" | wc -l)" = 12 ] || fail "KEEP=6 (exactly the count) should delete nothing"

setup
out=$("$S" "$D" 0); rc=$?
[ $rc = 0 ] || fail "KEEP=0 exit $rc"
[ "$(echo "$out" | wc -l)" = 6 ] || fail "KEEP=0 should remove all 6 backups"
got=$(listing); want=$(printf '%s\n' $others | LC_ALL=C sort | tr '\n' ' ')
[ "$got" = "$want" ] || fail "KEEP=0 left: [$got]"

setup
for bad in "-1" "abc" "" "2x"; do
  "$S" "$D" "$bad" >/dev/null 2>/tmp/err; rc=$?
  [ $rc = 2 ] || fail "KEEP='$bad' should exit 2, got $rc"
  [ -s /tmp/err ] || fail "KEEP='$bad': no error message on stderr"
done
"$S" "$T/does not exist" 1 >/dev/null 2>&1; [ $? = 2 ] || fail "missing DIR should exit 2"
[ "$(ls "$D" | wc -l)" = 12 ] || fail "invalid invocations deleted files"
rm -rf "$T"

echo PASS
echo 1 > /logs/verifier/reward.txt
