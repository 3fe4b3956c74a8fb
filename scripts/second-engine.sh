#!/usr/bin/env bash
# scripts/second-engine.sh start|stop|kill|host [NAME]
# A second Docker engine on this machine, for trying and testing runs across several engines: its own socket,
# data root, exec root, pid file and bridge (172.31.250.0/24, NATed out by rules this script adds), with the base image
# copied in from the first engine. `start` prints its address (unix:///run/NAME/docker.sock) and is a no-op when it already answers;
# `stop` ends it and removes its state; `kill` kills it with SIGKILL (an engine dying mid-run) and keeps its state,
# so a later `start` brings the same engine back. NAME defaults to gauntlet-engine2.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
source "$here/prepare.sh"
action=${1:-}; name=${2:-gauntlet-engine2}
run=/run/$name data=/var/lib/$name bridge=${name:0:12}br subnet=172.31.250.0/24
sock="$run/docker.sock" host="unix:///run/$name/docker.sock"
answers() { docker -H "$host" info >/dev/null 2>&1; }

start() {
  if answers; then echo "$host"; return; fi
  [ "$(id -u)" = 0 ] || fail "starting a second dockerd needs root"
  ensure_docker
  ensure_base_image
  mkdir -p "$run" "$data"
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add "${subnet%.0/24}.1/24" dev "$bridge"
  fi
  ip link set "$bridge" up
  # Outbound traffic of its containers (image builds install packages), set up here as it runs without iptables rules
  # of its own, so the two engines never edit the same chains.
  for rule in "-t nat -A POSTROUTING -s $subnet ! -o $bridge -j MASQUERADE" "-I FORWARD -i $bridge -j ACCEPT" \
      "-I FORWARD -o $bridge -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"; do
    iptables ${rule/-[AI] /-C } 2>/dev/null || iptables $rule
  done
  step "Starting a second dockerd at $host (log: $run/dockerd.log)"
  setsid nohup dockerd --host "$host" --data-root "$data" --exec-root "$run/exec" --pidfile "$run/docker.pid" \
    --bridge "$bridge" --iptables=false --ip-masq=false >"$run/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 120); do answers && break; sleep 0.5; done
  answers || fail "the second dockerd did not come up; see $run/dockerd.log"
  if ! docker -H "$host" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    step "Copying $BASE_IMAGE into the second engine"
    docker save "$BASE_IMAGE" | docker -H "$host" load >/dev/null
  fi
  echo "$host"
}

pids() {
  pgrep -f "dockerd --host $host " || true
  pgrep -f "containerd --config $run/exec/" || true
}

case "$action" in
  start) start ;;
  host) echo "$host" ;;
  kill) for pid in $(pids); do kill -9 "$pid" 2>/dev/null || true; done; rm -f "$sock" ;;
  stop)
    if answers; then
      ids=$(docker -H "$host" ps -aq)
      [ -z "$ids" ] || docker -H "$host" rm -f $ids >/dev/null
    fi
    for pid in $(pids); do kill "$pid" 2>/dev/null || true; done
    for _ in $(seq 60); do alive=; for pid in $(pids); do kill -0 "$pid" 2>/dev/null && alive=1; done; [ -z "$alive" ] && break; sleep 0.25; done
    for pid in $(pids); do kill -9 "$pid" 2>/dev/null || true; done
    pkill -9 -f "containerd-shim.*$run/exec" 2>/dev/null || true
    awk -v run="$run" -v data="$data" 'index($2, run) == 1 || index($2, data) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf "$run" "$data"
    iptables -t nat -D POSTROUTING -s "$subnet" ! -o "$bridge" -j MASQUERADE 2>/dev/null || true
    iptables -D FORWARD -i "$bridge" -j ACCEPT 2>/dev/null || true
    iptables -D FORWARD -o "$bridge" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT 2>/dev/null || true
    ip link del "$bridge" 2>/dev/null || true ;;
  *) echo "usage: scripts/second-engine.sh start|stop|kill|host [NAME]" >&2; exit 2 ;;
esac
