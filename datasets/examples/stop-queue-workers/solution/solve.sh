#!/bin/bash
set -euo pipefail
cat > /app/stop-workers.sh <<'SH'
#!/bin/bash
# Gracefully stop all /app/worker.py processes of one queue.
if [ $# -lt 1 ] || [ -z "$1" ]; then
  echo "usage: $0 QUEUE" >&2; exit 2
fi
q=$1
alive() {  # running and not a zombie; read from /proc, as a ps per check is slow on a loaded machine
  local _pid _comm s
  read -r _pid _comm s _ < "/proc/$1/stat" 2>/dev/null || return 1
  [ "$s" != Z ]
}
pids=()
for d in /proc/[0-9]*; do
  pid=${d#/proc/}
  [ "$pid" = "$$" ] && continue
  mapfile -d '' argv < "$d/cmdline" 2>/dev/null || continue
  [ "${#argv[@]}" -ge 3 ] || continue
  [ "$(basename -- "${argv[0]}")" = python3 ] && [ "${argv[1]}" = /app/worker.py ] || continue
  for a in "${argv[@]:2}"; do
    if [ "$a" = "--queue=$q" ]; then pids+=("$pid"); break; fi
  done
done
[ ${#pids[@]} -gt 0 ] || exit 1
kill -TERM "${pids[@]}" 2>/dev/null || true
for _ in $(seq 50); do
  left=0; for p in "${pids[@]}"; do alive "$p" && left=1; done
  [ $left = 0 ] && break
  sleep 0.1
done
for p in "${pids[@]}"; do alive "$p" && kill -KILL "$p" 2>/dev/null; done
printf '%s\n' "${pids[@]}" | sort -n
exit 0
SH
chmod +x /app/stop-workers.sh
