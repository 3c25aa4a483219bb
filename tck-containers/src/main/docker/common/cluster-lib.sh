# SPDX-License-Identifier: Apache-2.0
# Shared by the cluster images' entrypoints (bash, set -euo pipefail). Before sourcing, set
# LOG_FILES to the daemon logs whose tails explain a failed start.

log() { echo "entrypoint: $*"; }

fail() {
  echo "entrypoint: ERROR: $*" >&2
  # shellcheck disable=SC2086
  tail -n 20 ${LOG_FILES:-} >&2 2>/dev/null || true
  exit 1
}
set -o errtrace
trap 'fail "line $LINENO: $BASH_COMMAND exited $?"' ERR

# wait_for SECONDS DESCRIPTION COMMAND...: retries COMMAND every half second.
wait_for() {
  local n=$1 what=$2; shift 2
  for _ in $(seq 1 "$((n * 2))"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  fail "timed out after ${n}s waiting for $what"
}

# Installs $SSH_AUTHORIZED_KEYS (key lines, optional) for user drmaa and starts sshd (key-only).
start_sshd() {
  if [ -n "${SSH_AUTHORIZED_KEYS:-}" ]; then
    printf '%s\n' "$SSH_AUTHORIZED_KEYS" > /home/drmaa/.ssh/authorized_keys
    chown drmaa:drmaa /home/drmaa/.ssh/authorized_keys
    chmod 600 /home/drmaa/.ssh/authorized_keys
  fi
  /usr/sbin/sshd
}
