#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Makes a container engine usable for the test suite on a fresh Debian machine, without a registry:
#   1. installs docker.io and debootstrap when absent,
#   2. starts dockerd in the background when no engine answers,
#   3. makes sure the image debian:bookworm exists: pulled when a registry answers, otherwise
#      built with debootstrap from the Debian mirror this machine's apt already uses.
# Idempotent and non-interactive. Exits non-zero on any failure.
# Tests then need the variables in scripts/test-env.sh (source it).
set -euo pipefail

BASE_IMAGE=${BASE_IMAGE:-debian:bookworm}   # overridable only to test this script
SUITE=bookworm
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd-drmaa2j.log}
PULL_TIMEOUT=${PULL_TIMEOUT:-30}
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

# Prints the first Debian mirror URI that this machine's apt sources use for $SUITE.
debian_mirror() {
  local f
  # deb822 files: stanzas separated by blank lines, with URIs: and Suites: fields.
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$SUITE" '
      function flush() { if (uri != "" && has) { print uri; found = 1; exit } uri = ""; has = 0 }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      /^URIs:/   { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) has = 1 }
      END { if (!found) flush() }' "$f"
  done
  # one-line format: deb [options] URI suite components...
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v suite="$SUITE" '
      $1 == "deb" {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit }
      }' "$f"
  done
}

ensure_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "image $BASE_IMAGE present"; return 0
  fi
  log "trying docker pull $BASE_IMAGE (timeout ${PULL_TIMEOUT}s)"
  if timeout "$PULL_TIMEOUT" docker pull -q "$BASE_IMAGE" >/dev/null 2>&1; then
    log "pulled $BASE_IMAGE"; return 0
  fi
  local mirror
  mirror=$(debian_mirror | head -n 1)
  [ -n "$mirror" ] || die "no registry and no Debian mirror for '$SUITE' in the apt sources"
  command -v debootstrap >/dev/null || die "debootstrap not installed"
  local dir
  dir=$(mktemp -d /tmp/debootstrap-bookworm.XXXXXX)
  BOOTSTRAP_DIR=$dir
  trap '$SUDO rm -rf "$BOOTSTRAP_DIR"' EXIT
  log "no registry: building $BASE_IMAGE with debootstrap from $mirror"
  if ! $SUDO debootstrap --variant=minbase "$SUITE" "$dir" "$mirror" >"$dir.log" 2>&1; then
    tail -n 30 "$dir.log" >&2
    die "debootstrap failed (log: $dir.log)"
  fi
  # Keep the image small: no downloaded .debs, no package lists (Dockerfiles run apt-get update).
  $SUDO rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  $SUDO tar -C "$dir" -c . | docker import - "$BASE_IMAGE" >/dev/null \
    || die "docker import of $BASE_IMAGE failed"
  rm -f "$dir.log"
  log "built $BASE_IMAGE"
}

install_packages
start_engine
ensure_base_image
docker image inspect "$BASE_IMAGE" --format "setup-docker: $BASE_IMAGE ready ({{.Id}})" >&2
cat >&2 <<MSG
setup-docker: for Testcontainers, source scripts/test-env.sh:
  TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
MSG
