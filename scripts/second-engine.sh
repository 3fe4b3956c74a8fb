#!/usr/bin/env bash
# scripts/second-engine.sh start|stop|kill|freeze|thaw|host|tls [NAME]
# A second Docker engine on this machine, for trying and testing runs across several engines: its own socket,
# data root, exec root, pid file and bridge (172.31.250.0/24, NATed out by rules this script adds), with the base image
# copied in from the first engine. `start` prints its address (unix:///run/NAME/docker.sock) and is a no-op when it already answers;
# `stop` ends it and removes its state; `kill` kills it with SIGKILL (an engine dying mid-run) and keeps its state,
# so a later `start` brings the same engine back; `freeze` stops its dockerd and containerd with SIGSTOP (an engine
# that hangs: connections stay open, nothing answers) and `thaw` lets them go on. NAME defaults to gauntlet-engine2.
# The engine also listens with TLS at tcp://127.0.0.1:23760 (GAUNTLET_ENGINE2_TLS_PORT), verifying clients: `start`
# makes a CA, a server certificate (for IP 127.0.0.1 and DNS localhost) and a client certificate once, under
# /run/NAME/tls (kept by `kill`, removed by `stop`). `tls` prints the TLS address and the client's certificate
# directory (ca.pem, cert.pem, key.pem: what DOCKER_CERT_PATH names), e.g.
#   read -r url certs < <(scripts/second-engine.sh tls)
#   docker --tlsverify -H "$url" --tlscacert "$certs/ca.pem" --tlscert "$certs/cert.pem" --tlskey "$certs/key.pem" info
# It listens with TLS at 127.0.0.2 on the same port too: an address its certificate does not name, to try host name checks.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
source "$here/prepare.sh"
action=${1:-}; name=${2:-gauntlet-engine2}
run=/run/$name data=/var/lib/$name bridge=${name:0:12}br subnet=172.31.250.0/24
sock="$run/docker.sock" host="unix:///run/$name/docker.sock"
tls_port=${GAUNTLET_ENGINE2_TLS_PORT:-23760}
tls="$run/tls" tls_url="tcp://127.0.0.1:$tls_port"
answers() { timeout 10 docker -H "$host" info >/dev/null 2>&1; }

# A CA, the engine's certificate and key (server/), and a client's (client/, with the CA's certificate), made once.
make_tls() {
  [ -s "$tls/client/ca.pem" ] && return
  command -v openssl >/dev/null || apt_install openssl
  step "Making TLS certificates for the second engine in $tls"
  rm -rf "$tls"; mkdir -p "$tls/server" "$tls/client"
  ssl() { openssl "$@" >>"$tls/openssl.log" 2>&1 || fail "openssl $1 failed; see $tls/openssl.log"; }
  ssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$name test CA" -keyout "$tls/ca-key.pem" -out "$tls/ca.pem"
  ssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server/key.pem" -out "$tls/server.csr"
  ssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 30 \
    -extfile <(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n') -out "$tls/server/cert.pem"
  ssl req -newkey rsa:2048 -nodes -subj "/CN=gauntlet client" -keyout "$tls/client/key.pem" -out "$tls/client.csr"
  ssl x509 -req -in "$tls/client.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 30 \
    -extfile <(printf 'extendedKeyUsage=clientAuth\n') -out "$tls/client/cert.pem"
  cp "$tls/ca.pem" "$tls/server/ca.pem"; cp "$tls/ca.pem" "$tls/client/ca.pem"
  chmod 600 "$tls/ca-key.pem" "$tls/server/key.pem" "$tls/client/key.pem"
}

print_tls() {
  [ -s "$tls/client/ca.pem" ] || fail "the second engine has no TLS certificates in $tls: start it (an engine started by an older second-engine.sh listens without TLS; stop and start it)"
  echo "$tls_url $tls/client"
}

start() {
  if answers; then echo "$host"; return; fi
  [ "$(id -u)" = 0 ] || fail "starting a second dockerd needs root"
  ensure_docker
  ensure_base_image
  mkdir -p "$run" "$data"
  make_tls
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
  step "Starting a second dockerd at $host and $tls_url (log: $run/dockerd.log)"
  setsid nohup dockerd --host "$host" --host "$tls_url" --host "tcp://127.0.0.2:$tls_port" --tlsverify --tlscacert "$tls/server/ca.pem" \
    --tlscert "$tls/server/cert.pem" --tlskey "$tls/server/key.pem" --data-root "$data" --exec-root "$run/exec" --pidfile "$run/docker.pid" \
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

await_gone() {
  for _ in $(seq 60); do alive=; for pid in $(pids); do kill -0 "$pid" 2>/dev/null && alive=1; done; [ -z "$alive" ] && break; sleep 0.25; done
}

case "$action" in
  start) start ;;
  host) echo "$host" ;;
  tls) print_tls ;;
  kill)
    for pid in $(pids); do kill -9 "$pid" 2>/dev/null || true; done
    await_gone # a `start` right after must not find the pid file's dockerd still dying
    rm -f "$sock" ;;
  freeze) for pid in $(pids); do kill -STOP "$pid"; done ;;
  thaw) for pid in $(pids); do kill -CONT "$pid" 2>/dev/null || true; done ;;
  stop)
    for pid in $(pids); do kill -CONT "$pid" 2>/dev/null || true; done
    if answers; then
      ids=$(docker -H "$host" ps -aq)
      [ -z "$ids" ] || docker -H "$host" rm -f $ids >/dev/null
    fi
    for pid in $(pids); do kill "$pid" 2>/dev/null || true; done
    await_gone
    for pid in $(pids); do kill -9 "$pid" 2>/dev/null || true; done
    pkill -9 -f "containerd-shim.*$run/exec" 2>/dev/null || true
    awk -v run="$run" -v data="$data" 'index($2, run) == 1 || index($2, data) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf "$run" "$data"
    iptables -t nat -D POSTROUTING -s "$subnet" ! -o "$bridge" -j MASQUERADE 2>/dev/null || true
    iptables -D FORWARD -i "$bridge" -j ACCEPT 2>/dev/null || true
    iptables -D FORWARD -o "$bridge" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT 2>/dev/null || true
    ip link del "$bridge" 2>/dev/null || true ;;
  *) echo "usage: scripts/second-engine.sh start|stop|kill|freeze|thaw|host|tls [NAME]" >&2; exit 2 ;;
esac
