#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
cd /app || fail "no /app"
(cd /app && sha256sum -c --quiet) <<'SUMS' || fail "files in src/ were modified"
10e5e2a223d90de21e7c06c97d4ec06f7a5535e4b2f12086387054cae71c471b  src/main.c
7c68d571ec65c62bc23ec37ab19be5a24ae1867dd9bdec0053cecf89840719d4  src/parse.c
590aeb80ecc3f2c57a36491b526607cd8358721fbe6c17c1fd7fd7ea27c986b3  src/stats.c
748382adc3fbd36f6b79f24cfac211d24daeac80f6b75366564ec5ad7e5fdbc4  src/stats.h
SUMS

make clean >/dev/null 2>&1 || fail "make clean failed"
make clean >/dev/null 2>&1 || fail "make clean failed when nothing is built"
touch clean all   # phony targets must not be confused by files with these names
make > /tmp/build.log 2>&1 || { cat /tmp/build.log; rm -f clean all; fail "make failed"; }
[ -x bin/numstats ] || { rm -f clean all; fail "bin/numstats not built"; }
make clean >/dev/null 2>&1
[ -e bin/numstats ] && { rm -f clean all; fail "make clean did not remove bin/numstats (or clean is not phony)"; }
ls build/*.o >/dev/null 2>&1 && { rm -f clean all; fail "make clean did not remove objects"; }
rm -f clean all
make > /tmp/build.log 2>&1 || fail "make failed"
grep -q -- '-O2' /tmp/build.log && grep -q -- '-Wextra' /tmp/build.log && grep -q -- '-std=c11' /tmp/build.log || fail "required CFLAGS not used"
ls build/main.o build/stats.o build/parse.o >/dev/null 2>&1 || fail "objects not under build/"
out=$(printf '1 2 3 4\n' | bin/numstats)
[ "$out" = "count=4 mean=2.500 stddev=1.118 min=1.000 max=4.000" ] || fail "wrong output: $out"
out=$(printf '10, 20\n-5\t7.5\n' | bin/numstats)
[ "$out" = "count=4 mean=8.125 stddev=8.905 min=-5.000 max=20.000" ] || fail "wrong output: $out"
# nothing changed -> nothing rebuilt
m0=$(stat -c "%n %y" bin/numstats build/*.o)
sleep 1.1
make > /tmp/build2.log 2>&1 || fail "second make failed"
m1=$(stat -c "%n %y" bin/numstats build/*.o)
[ "$m0" = "$m1" ] || { cat /tmp/build2.log; fail "make rebuilt things although nothing changed"; }
# header changed -> objects including it and binary rebuilt
cp src/stats.h /tmp/stats.h.bak
touch src/stats.h
make > /tmp/build3.log 2>&1 || fail "make after touching stats.h failed"
for f in main stats parse; do
  [ build/$f.o -nt src/stats.h ] || [ "$(stat -c %Y build/$f.o)" -ge "$(stat -c %Y src/stats.h)" ] || fail "build/$f.o not rebuilt after stats.h changed"
done
grep -q 'main.c' /tmp/build3.log && grep -q 'stats.c' /tmp/build3.log && grep -q 'parse.c' /tmp/build3.log || { cat /tmp/build3.log; fail "not all dependent objects recompiled after stats.h changed"; }
grep -q -- '-o bin/numstats' /tmp/build3.log || fail "binary not relinked after stats.h changed"

echo PASS
echo 1 > /logs/verifier/reward.txt
