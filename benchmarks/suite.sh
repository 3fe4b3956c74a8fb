#!/usr/bin/env bash
# The bundled suite with the oracle agent, K attempts per task at concurrency N:
#  1. bin/gauntlet run (warm-up: builds the environment images, not measured)
#  2. a naive harness with the docker CLI, per trial: run -d, cp solution, exec solve.sh, exec kill, cp tests,
#     exec test.sh, read the reward, rm -f (what compose-and-exec harnesses do), N trials in parallel
#  3. bin/gauntlet run, measured
# Both wall times include everything a user waits for (Gauntlet's JVM start too).
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
attempts=${1:-3} concurrency=${2:-4}
examples="$home/datasets/examples"
work=$(mktemp -d /tmp/gauntlet-bench.XXXXXX)
trap 'docker rm -f $(docker ps -aq --filter label=gauntlet.bench=naive) >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "warm-up: building the suite's images through Gauntlet" >&2
"$home/bin/gauntlet" run "$examples" --agent oracle --concurrency "$concurrency" --out "$work/warmup" >/dev/null
# the measured run uses the jar the warm-up built, so no rebuild can land inside the measurement
source "$home/scripts/prepare.sh"
ensure_jdk

naive_trial() {
  local task=$1 image=$2 c reward
  c=$(docker run -d --network none --label gauntlet.bench=naive --entrypoint sleep "$image" 600)
  docker cp -q "$task/solution/." "$c:/solution"
  docker exec -w /app "$c" bash /solution/solve.sh >/dev/null 2>&1 || true
  docker exec "$c" sh -c 'kill -9 -1 2>/dev/null; true'
  docker cp -q "$task/tests/." "$c:/tests"
  docker exec "$c" mkdir -p /logs/verifier
  docker exec -w /app "$c" bash /tests/test.sh >/dev/null 2>&1 || true
  reward=$(docker exec "$c" cat /logs/verifier/reward.txt 2>/dev/null || echo missing)
  docker rm -f "$c" >/dev/null
  echo "$reward"
}
export -f naive_trial

: > "$work/naive.jobs"
for task in "$examples"/*/; do
  image=$(docker build -q "$task/environment" 2>/dev/null)
  for _ in $(seq "$attempts"); do echo "${task%/} $image" >> "$work/naive.jobs"; done
done
trials=$(wc -l < "$work/naive.jobs")

echo "naive: $trials trials, $concurrency in parallel" >&2
start=$(date +%s%N)
xargs -P "$concurrency" -L 1 bash -c 'naive_trial "$0" "$1"' < "$work/naive.jobs" > "$work/naive.out"
naive_ms=$(( ($(date +%s%N) - start) / 1000000 ))
naive_passed=$(grep -cx 1 "$work/naive.out" || true)

echo "gauntlet: $trials trials, concurrency $concurrency" >&2
start=$(date +%s%N)
mapfile -t jvm < <(gauntlet_jvm_options run)
"$JAVA_HOME/bin/java" "${jvm[@]}" -jar "$GAUNTLET_JAR" run "$examples" --agent oracle \
  --attempts "$attempts" --concurrency "$concurrency" --out "$work/run" >/dev/null
gauntlet_ms=$(( ($(date +%s%N) - start) / 1000000 ))
gauntlet_passed=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['by_status']['passed'])" "$work/run/run.json")

python3 - "$trials" "$concurrency" "$naive_ms" "$naive_passed" "$gauntlet_ms" "$gauntlet_passed" <<'PY'
import json, sys
trials, conc, naive_s, naive_passed, g_s, g_passed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) / 1000, int(sys.argv[4]), int(sys.argv[5]) / 1000, int(sys.argv[6])
print(json.dumps({"benchmark": "suite", "trials": trials, "concurrency": conc,
                  "naive_s": round(naive_s, 2), "naive_passed": naive_passed, "naive_trials_per_s": round(trials / naive_s, 3),
                  "gauntlet_s": round(g_s, 2), "gauntlet_passed": g_passed, "gauntlet_trials_per_s": round(trials / g_s, 3),
                  "speedup": round(naive_s / g_s, 3)}))
PY
