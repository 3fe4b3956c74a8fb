#!/usr/bin/env bash
# benchmarks/run.sh e2e [--trials N] [--steps K] [--parallel P]
# N trials of K agent steps each with a zero-latency scripted model on debian:bookworm-slim, through Gauntlet
# (bin/gauntlet run --agent bash --model scripted:FILE, P in flight) and through ../shared/bench/naive-baseline.sh
# (docker run -d, one docker exec per step and one for the test, docker rm -f; P in parallel) with the same image,
# N, K and P, in the same run. Each step runs the naive baseline's command. Both wall times include everything a
# user waits for (Gauntlet's JVM start too); Gauntlet's task snapshot is made by a warm-up run first. Like the naive
# harness's, the task's sandboxes have no network, the verifier's included.
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
trials=200 steps=5 parallel=8
while [ $# -gt 0 ]; do
  case "$1" in
    --trials) trials=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    *) echo "usage: benchmarks/run.sh e2e [--trials N] [--steps K] [--parallel P]" >&2; exit 2 ;;
  esac
done
source "$home/scripts/prepare.sh"
prepare_machine
ensure_built
image=debian:bookworm-slim
naive="$home/../shared/bench/naive-baseline.sh"
[ -x "$naive" ] || naive=$(readlink -f "$home/../shared/bench/naive-baseline.sh")
work=$(mktemp -d /tmp/gauntlet-e2e.XXXXXX)
trap 'docker rm -f $(docker ps -aq --filter label=bench.naive=1) >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

task="$work/set/steps"
mkdir -p "$task/tests" "$task/solution"
cat > "$task/task.toml" <<TOML
[task]
name = "steps"
[environment]
docker_image = "$image"
[verifier]
network_mode = "no-network"
TOML
echo "Run the steps." > "$task/instruction.md"
echo "true" > "$task/solution/solve.sh"
echo 'test -f /w/out.1 && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt' > "$task/tests/test.sh"
for s in $(seq "$steps"); do
  printf '{"tool_calls": [{"name": "bash", "arguments": {"command": "mkdir -p /w; echo step %s > /w/out.%s; ls /w >/dev/null"}}]}\n' "$s" "$s"
done > "$work/script.jsonl"

mapfile -t jvm < <(gauntlet_jvm_options run)
gauntlet() {
  "$JAVA_HOME/bin/java" "${jvm[@]}" -jar "$GAUNTLET_JAR" run "$work/set" --agent bash \
    --model "scripted:$work/script.jsonl" --max-steps $((steps + 1)) --concurrency "$parallel" "$@"
}
echo "warm-up: the task's snapshot" >&2
gauntlet --attempts 2 --out "$work/warmup" >/dev/null

echo "gauntlet: $trials trials of $steps steps, $parallel in flight" >&2
start=$(date +%s%N)
gauntlet --attempts "$trials" --out "$work/run" > "$work/gauntlet.out"
gauntlet_ms=$(( ($(date +%s%N) - start) / 1000000 ))
gauntlet_passed=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['by_status'].get('passed', 0))" "$work/run/run.json")

echo "naive: $trials trials of $steps steps, $parallel in parallel" >&2
naive_line=$(bash "$naive" "$image" "$trials" "$steps" "$parallel" | tail -1)
echo "$naive_line" >&2
naive_per_s=$(echo "$naive_line" | sed -E 's/.* = ([0-9.]+) trials\/s/\1/')
naive_passed=$(echo "$naive_line" | sed -E 's/.*\(([0-9]+) passed\).*/\1/')

python3 - "$trials" "$steps" "$parallel" "$gauntlet_ms" "$gauntlet_passed" "$naive_per_s" "$naive_passed" <<'PY'
import json, sys
n, k, p, g_ms, g_passed, naive, naive_passed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
g = n / (g_ms / 1000)
print(json.dumps({"benchmark": "e2e", "trials": n, "steps": k, "parallel": p,
                  "gauntlet_s": round(g_ms / 1000, 2), "gauntlet_passed": g_passed, "gauntlet_trials_per_s": round(g, 3),
                  "naive_passed": naive_passed, "naive_trials_per_s": naive, "ratio": round(g / naive, 3)}))
PY
