#!/bin/bash
set -euo pipefail
expected=$(wc -w < /app/notes.txt)
test -f /app/count.txt || { echo "FAILED: /app/count.txt does not exist"; exit 1; }
actual=$(tr -d '[:space:]' < /app/count.txt)
if [ "$actual" != "$expected" ]; then
  echo "FAILED: /app/count.txt holds '$actual', expected $expected"
  exit 1
fi
echo "PASSED: $expected words"
