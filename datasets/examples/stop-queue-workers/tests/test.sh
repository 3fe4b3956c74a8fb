#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
[ -x /app/stop-workers.sh ] || fail "/app/stop-workers.sh missing or not executable"
rm -f /tmp/worker-*.drained
state() { ps -o stat= -p "$1" 2>/dev/null | tr -d ' '; }
gone() { local s; s=$(state "$1"); [ -z "$s" ] || [[ $s == Z* ]]; }
start() { setsid python3 "$@" >/dev/null 2>&1 < /dev/null & echo $!; }
W1=$(start /app/worker.py --queue=legacy)
W2=$(start /app/worker.py --queue=legacy --stubborn)
W3=$(start /app/worker.py --queue=legacy)
D1=$(start /app/worker.py --queue=legacy-v2)
D2=$(start /app/worker.py --queue=billing)
D3=$(start /app/monitor.py --queue=legacy)
D4=$(start /app/worker.py --queue=billing --stubborn)
ALL="$W1 $W2 $W3 $D1 $D2 $D3 $D4"
cleanup() { kill -9 $ALL 2>/dev/null; }
trap cleanup EXIT
sleep 1
for p in $ALL; do gone $p && fail "test setup: process $p did not start"; done

# usage error
timeout 20 /app/stop-workers.sh >/dev/null 2>/tmp/usage.err; rc=$?
[ $rc = 2 ] || fail "no argument: expected exit 2, got $rc"
[ -s /tmp/usage.err ] || fail "no usage message on stderr"
# no match
out=$(timeout 20 /app/stop-workers.sh nosuchqueue); rc=$?
[ $rc = 1 ] || fail "no matching workers: expected exit 1, got $rc"
[ -z "$out" ] || fail "no matching workers: expected empty stdout, got: $out"
for p in $ALL; do gone $p && fail "process $p was killed by a non-matching call"; done

start_t=$(date +%s)
out=$(timeout 20 /app/stop-workers.sh legacy); rc=$?
dur=$(( $(date +%s) - start_t ))
[ $rc = 0 ] || fail "expected exit 0, got $rc"
[ $dur -le 10 ] || fail "took ${dur}s"
exp=$(printf '%s\n' $W1 $W2 $W3 | sort -n)
[ "$out" = "$exp" ] || fail "stdout mismatch: expected [$exp] got [$out]"
for p in $W1 $W2 $W3; do gone $p || fail "worker $p still running"; done
for p in $D1 $D2 $D3 $D4; do gone $p && fail "process $p should not have been stopped"; done
for p in $W1 $W3; do [ -f /tmp/worker-$p.drained ] || fail "worker $p was not given SIGTERM to drain (killed hard?)"; done
# the stubborn one must be dead too (needs SIGKILL)
gone $W2 || fail "stubborn worker survived"

echo PASS
echo 1 > /logs/verifier/reward.txt
