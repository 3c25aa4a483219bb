#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Makes a container engine usable for the test suite on a fresh Debian machine, without a registry:
#   1. installs docker.io and debootstrap when absent,
#   2. starts dockerd in the background when no engine answers,
#   3. makes sure a base image debian:SUITE exists for every Debian suite the cluster images use
#      (bullseye, bookworm, trixie; or only the suites given as arguments): pulled when a registry
#      answers, otherwise built with debootstrap from the Debian mirror this machine's apt already
#      uses and loaded with docker import.
# Idempotent and non-interactive; several runs at once build each image only once. Exits non-zero
# on any failure. Tests then need the variables in scripts/test-env.sh (source it).
#   scripts/setup-docker.sh               # all suites
#   scripts/setup-docker.sh trixie        # only debian:trixie
set -euo pipefail

SUITES=(bullseye bookworm trixie)
if [ $# -gt 0 ]; then SUITES=("$@"); fi
IMAGE_REPO=${IMAGE_REPO:-debian}   # overridable only to test this script
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd-drmaa2j.log}
PULL_TIMEOUT=${PULL_TIMEOUT:-30}
LOCK_DIR=${LOCK_DIR:-/tmp}
export DEBIAN_FRONTEND=noninteractive

log() { echo "setup-docker: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "must run as root (or with sudo available)"
  SUDO="sudo -n"
fi

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  $SUDO apt-get update -q || die "apt-get update failed"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" ca-certificates iptables || die "apt-get install ${missing[*]} failed"
}

engine_answers() { docker info >/dev/null 2>&1; }

start_engine() {
  if engine_answers; then log "engine already answers"; return 0; fi
  command -v dockerd >/dev/null || die "dockerd not installed"
  log "starting dockerd (log: $DOCKERD_LOG)"
  # containerd is started by dockerd itself when no system containerd runs.
  $SUDO sh -c "nohup dockerd >>'$DOCKERD_LOG' 2>&1 </dev/null &"
  local i
  for i in $(seq 1 60); do
    if engine_answers; then log "engine answers after ${i}s"; return 0; fi
    sleep 1
  done
  log "dockerd did not answer within 60s; last lines of $DOCKERD_LOG:"
  tail -n 40 "$DOCKERD_LOG" >&2 || true
  exit 1
}

# Prints the Debian mirror URIs this machine's apt sources use, one a line: first those that list
# the suite $1 itself, then those of any other release suite (a name without "-", so not
# -security or -updates), which hold every current release as well.
debian_mirrors() {
  local suite=$1 f
  {
    # deb822 files: stanzas separated by blank lines, with URIs: and Suites: fields.
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] || continue
      awk -v suite="$suite" '
        function flush() {
          if (uri != "" && exact) print 0, uri; else if (uri != "" && release) print 1, uri
          uri = ""; exact = 0; release = 0
        }
        /^[[:space:]]*$/ { flush(); next }
        /^[[:space:]]*#/ { next }
        /^URIs:/   { uri = $2 }
        /^Suites:/ { for (i = 2; i <= NF; i++) { if ($i == suite) exact = 1; else if ($i !~ /-/) release = 1 } }
        END { flush() }' "$f"
    done
    # one-line format: deb [options] URI suite components...
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -f "$f" ] || continue
      awk -v suite="$suite" '
        $1 == "deb" {
          i = 2
          if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
          if ($(i + 1) == suite) print 0, $i; else if ($(i + 1) !~ /-/) print 1, $i
        }' "$f"
    done
  } | sort -s -k1,1n | awk '!seen[$2]++ { print $2 }'
}

# Makes debian:$1 exist. Holds a lock per image so that concurrent runs build it once.
ensure_base_image() {
  local suite=$1 image="$IMAGE_REPO:$1"
  exec 9>"$LOCK_DIR/drmaa2j-setup-docker-$suite.lock"
  flock 9
  if docker image inspect "$image" >/dev/null 2>&1; then
    log "image $image present"; exec 9>&-; return 0
  fi
  log "trying docker pull $image (timeout ${PULL_TIMEOUT}s)"
  if timeout "$PULL_TIMEOUT" docker pull -q "$image" >/dev/null 2>&1; then
    log "pulled $image"; exec 9>&-; return 0
  fi
  command -v debootstrap >/dev/null || die "debootstrap not installed"
  local mirrors mirror dir built=""
  mirrors=$(debian_mirrors "$suite")
  [ -n "$mirrors" ] || die "no registry and no Debian mirror in the apt sources for $image"
  dir=$(mktemp -d "/tmp/debootstrap-$suite.XXXXXX")
  BOOTSTRAP_DIR=$dir
  trap '$SUDO rm -rf "$BOOTSTRAP_DIR" "$BOOTSTRAP_DIR.log"' EXIT
  for mirror in $mirrors; do
    log "no registry: building $image with debootstrap from $mirror"
    if $SUDO debootstrap --variant=minbase "$suite" "$dir" "$mirror" >"$dir.log" 2>&1; then
      built=yes; break
    fi
    tail -n 30 "$dir.log" >&2
    log "debootstrap of $suite from $mirror failed"
    $SUDO rm -rf "$dir"; mkdir -p "$dir"
  done
  [ -n "$built" ] || die "debootstrap of $suite failed from every mirror in the apt sources"
  # Keep the image small: no downloaded .debs, no package lists (Dockerfiles run apt-get update).
  $SUDO rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  $SUDO tar -C "$dir" -c . | docker import - "$image" >/dev/null \
    || die "docker import of $image failed"
  $SUDO rm -rf "$dir" "$dir.log"
  trap - EXIT
  exec 9>&-
  log "built $image"
}

install_packages
start_engine
for suite in "${SUITES[@]}"; do
  case $suite in
    *[!a-z]* | "") die "not a Debian suite name: '$suite'" ;;
  esac
  ensure_base_image "$suite"
  docker image inspect "$IMAGE_REPO:$suite" --format "setup-docker: $IMAGE_REPO:$suite ready ({{.Id}})" >&2
done
cat >&2 <<MSG
setup-docker: for Testcontainers, source scripts/test-env.sh:
  TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
MSG
