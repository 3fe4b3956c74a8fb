#!/usr/bin/env bash
# benchmarks/run.sh NAME [ARGS]: runs one benchmark; its last line is one JSON object.
#   suite [ATTEMPTS] [CONCURRENCY]   the bundled example suite with the oracle agent, through Gauntlet and through a
#                                    naive docker-CLI harness doing the same steps on the same images, in the same run.
#   sandbox                          the Docker sandbox layer on debian:bookworm-slim: cold start, warm-pool acquire,
#                                    session exec round trip vs a docker-java exec, snapshot, 100 forks, 1,000 sessions.
#   report                           `gauntlet report` with 1 GiB of heap over 5 synthetic runs: 100,000 trial records and
#                                    1,000,000 step records, against reading the same records.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
name=${1:-}; shift || true
case "$name" in
  suite) exec "$here/suite.sh" "$@" ;;
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
      dev.gauntlet.benchmarks.ReportBenchmark "$here/../harness/target/gauntlet.jar" ;;
  *) echo "usage: benchmarks/run.sh suite [ATTEMPTS] [CONCURRENCY] | sandbox | report" >&2; exit 2 ;;
esac
