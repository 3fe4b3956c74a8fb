#!/usr/bin/env bash
# benchmarks/run.sh NAME [ARGS]: runs one benchmark; its last line is one JSON object.
#   suite [ATTEMPTS] [CONCURRENCY]   the bundled example suite with the oracle agent, through Gauntlet and through a
#                                    naive docker-CLI harness doing the same steps on the same images, in the same run.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
name=${1:-}; shift || true
case "$name" in
  suite) exec "$here/suite.sh" "$@" ;;
  *) echo "usage: benchmarks/run.sh suite [ATTEMPTS] [CONCURRENCY]" >&2; exit 2 ;;
esac
