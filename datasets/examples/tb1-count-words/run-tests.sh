#!/bin/bash
# Terminal-Bench 1 runs this with TEST_DIR=/tests; the task passes when it exits 0.
# (Terminal-Bench's own tasks install pytest here; this one needs nothing from the network.)
set -euo pipefail
bash "$TEST_DIR/test_outputs.sh"
