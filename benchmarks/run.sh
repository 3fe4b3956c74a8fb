#!/usr/bin/env bash
# benchmarks/run.sh NAME [ARGS]: runs one benchmark; its last line is one JSON object.
#   suite [ATTEMPTS] [CONCURRENCY]   the bundled example suite with the oracle agent, through Gauntlet and through a
#                                    naive docker-CLI harness doing the same steps on the same images, in the same run.
#   scheduler                        JMH: the scheduler's cost per trial with in-memory sandboxes and model, against
#                                    the same trial work in a plain loop.
#   e2e [--trials N] [--steps K] [--parallel P]
#                                    N trials of K scripted agent steps through Gauntlet and through the naive baseline
#                                    (../shared/bench/naive-baseline.sh) on the same image, in the same run.
#   concurrency [--trials N] [--steps S] [--model-latency-ms L]
#                                    N trials of S steps (default 1000 x 100) with L ms (default 2000) of model latency
#                                    per step on the Docker backend: agents running at once, heap, platform threads.
#   sandbox                          the Docker sandbox layer on debian:bookworm-slim: cold start, warm-pool acquire,
#                                    session exec round trip vs a docker-java exec, snapshot, 100 forks, 1,000 sessions.
#   report [KEEP_DIR]                `gauntlet report` with 1 GiB of heap over 5 synthetic runs: 100,000 trial records and
#                                    1,000,000 step records, against reading the same records; KEEP_DIR keeps the report.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
name=${1:-}; shift || true
case "$name" in
  suite) exec "$here/suite.sh" "$@" ;;
  e2e) exec "$here/e2e.sh" "$@" ;;
  scheduler)
    source "$here/../scripts/prepare.sh"
    ensure_jdk
    ensure_maven
    GAUNTLET_JAR="$here/target/gauntlet-benchmarks.jar" ensure_built
    exec "$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$here/target/gauntlet-benchmarks.jar" dev.gauntlet.benchmarks.scheduler.SchedulerBenchmarkMain "$@" ;;
  concurrency)
    source "$here/../scripts/prepare.sh"
    prepare_machine
    GAUNTLET_JAR="$here/target/gauntlet-benchmarks.jar" ensure_built
    exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$here/target/gauntlet-benchmarks.jar" dev.gauntlet.benchmarks.scheduler.ConcurrencyBenchmark "$@" ;;
  sandbox)
    source "$here/../scripts/prepare.sh"
    prepare_machine
    GAUNTLET_JAR="$here/target/gauntlet-benchmarks.jar" ensure_built
    exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$here/target/gauntlet-benchmarks.jar" dev.gauntlet.benchmarks.SandboxBenchmark "$@" ;;
  report)
    source "$here/../scripts/prepare.sh"
    ensure_jdk
    ensure_maven
    GAUNTLET_JAR="$here/target/gauntlet-benchmarks.jar" ensure_built
    exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$here/target/gauntlet-benchmarks.jar" \
      dev.gauntlet.benchmarks.ReportBenchmark "$here/../harness/target/gauntlet.jar" "$@" ;;
  *) echo "usage: benchmarks/run.sh suite [ATTEMPTS] [CONCURRENCY] | scheduler | e2e [--trials N] [--steps K] [--parallel P] | concurrency [--trials N] [--steps S] [--model-latency-ms L] | sandbox | report [KEEP_DIR]" >&2; exit 2 ;;
esac
