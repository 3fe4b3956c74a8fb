#!/usr/bin/env bash
# Shared preparation for bin/gauntlet and scripts/test. Sourced, not run.
# Every step says what it does and skips itself when it is already done, so a second run is quick.
# Steps: pick the newest JDK, make sure a Docker engine answers, make sure the base image exists,
# build the project when its sources are newer than the jar; for the tests, install headless Chromium.

GAUNTLET_HOME=${GAUNTLET_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BASE_IMAGE=${GAUNTLET_BASE_IMAGE:-debian:bookworm-slim}
DEBIAN_MIRROR=${GAUNTLET_DEBIAN_MIRROR:-http://deb.debian.org/debian}
GAUNTLET_JAR="$GAUNTLET_HOME/harness/target/gauntlet.jar"

step() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
fail() { printf 'gauntlet setup: %s\n' "$*" >&2; exit 1; }
as_root_on_debian() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }

apt_updated=
apt_install() {
  as_root_on_debian || fail "missing $*: install it (Debian package names: $*) and run again"
  if [ -z "$apt_updated" ]; then
    step "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/tmp/gauntlet-apt.log 2>&1 || fail "apt-get update failed"
    apt_updated=1
  fi
  step "Installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -qq "$@" >>/tmp/gauntlet-apt.log 2>&1 || fail "apt-get install $* failed"
}

# The newest JDK on the machine (21 or later), exported as JAVA_HOME.
ensure_jdk() {
  local best="" best_version=0 dir version
  for dir in /usr/lib/jvm/* ${JAVA_HOME:+"$JAVA_HOME"}; do
    [ -x "$dir/bin/javac" ] || continue
    version=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    version=${version%%.*}
    if [ -n "$version" ] && [ "$version" -gt "$best_version" ]; then best=$dir best_version=$version; fi
  done
  [ "$best_version" -ge 21 ] || fail "Gauntlet needs a JDK 21 or newer; found none under /usr/lib/jvm (install openjdk-21-jdk or Temurin)"
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

ensure_maven() {
  command -v mvn >/dev/null || apt_install maven
}

# A reachable Docker engine. On Debian as root with none, installs docker.io and starts dockerd.
ensure_docker() {
  if docker info >/dev/null 2>&1; then return; fi
  if ! command -v dockerd >/dev/null; then
    as_root_on_debian || fail "no Docker engine is reachable and this is not a Debian machine where I am root: install Docker, start it, and run again (or set DOCKER_HOST)"
    apt_install docker.io
  fi
  if ! docker info >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || fail "dockerd is installed but not running, and starting it needs root"
    step "Starting dockerd (log: /var/log/gauntlet-dockerd.log)"
    setsid nohup dockerd >/var/log/gauntlet-dockerd.log 2>&1 </dev/null &
    for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || fail "dockerd did not come up; see /var/log/gauntlet-dockerd.log"
  fi
}

# The base image every example builds FROM: pulled where a registry answers, else built with debootstrap.
ensure_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then return; fi
  step "Pulling $BASE_IMAGE"
  if timeout 60 docker pull -q "$BASE_IMAGE" >/dev/null 2>&1; then return; fi
  local suite=${BASE_IMAGE#*:}; suite=${suite%%-*}
  step "No registry reachable: building $BASE_IMAGE locally with debootstrap ($suite, minbase; about a minute)"
  command -v debootstrap >/dev/null || apt_install debootstrap
  GAUNTLET_ROOTFS=$(mktemp -d /tmp/gauntlet-rootfs.XXXXXX)
  trap 'rm -rf "$GAUNTLET_ROOTFS"' EXIT
  debootstrap --variant=minbase "$suite" "$GAUNTLET_ROOTFS" "$DEBIAN_MIRROR" >/tmp/gauntlet-debootstrap.log 2>&1 \
    || fail "debootstrap failed; see /tmp/gauntlet-debootstrap.log"
  rm -rf "$GAUNTLET_ROOTFS"/var/lib/apt/lists/* "$GAUNTLET_ROOTFS"/var/cache/apt/archives/*.deb
  tar -C "$GAUNTLET_ROOTFS" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' - "$BASE_IMAGE" >/dev/null || fail "docker import of $BASE_IMAGE failed"
  rm -rf "$GAUNTLET_ROOTFS"
  trap - EXIT
}

# Headless Chromium, for the test that opens report.html in a browser (Debian's package; no download of its own).
ensure_chromium() {
  command -v chromium >/dev/null || apt_install chromium
}

# Builds the project when any source or pom is newer than the jar.
ensure_built() {
  if [ -f "$GAUNTLET_JAR" ] && [ -z "$(find "$GAUNTLET_HOME" -path "$GAUNTLET_HOME/*/target" -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$GAUNTLET_JAR" -print -quit)" ]; then
    return
  fi
  step "Building Gauntlet (mvn package, JDK $(basename "$JAVA_HOME"))"
  (cd "$GAUNTLET_HOME" && mvn -B -q -DskipTests package) || fail "the build failed"
}

# The JVM options for a gauntlet COMMAND. `run` and `resume` compile with C1 only: the harness mostly waits on the
# engine and the models, and C2's compiler threads took about 4 of every 50 CPU-seconds from the engine on this
# 2-core machine in a 100-trial run (benchmarks/RESULTS.md, e2e).
gauntlet_jvm_options() {
  printf '%s\n' --enable-native-access=ALL-UNNAMED
  case "${1:-}" in run|resume) printf '%s\n' -XX:TieredStopAtLevel=1 ;; esac
}

prepare_machine() {
  ensure_jdk
  ensure_maven
  ensure_docker
  ensure_base_image
}
