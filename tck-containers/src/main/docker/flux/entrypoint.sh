#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Starts sshd and a single-node Flux instance owned by user drmaa, waits until it runs a job, and
# prints "FLUX READY". The broker's socket is named on its command line (local-uri), because by
# default it is RUNDIR/local-RANK (local:///run/flux/local-0 here): FLUX_URI, set in the image for
# docker exec and SSH logins, must name the socket the broker creates. Environment:
#   SSH_AUTHORIZED_KEYS  public key line(s) allowed to log in as user drmaa (optional)
set -euo pipefail

LOG_FILES="/var/log/flux/broker.log"
. /usr/local/lib/drmaa2j/cluster-lib.sh

[ "$(hostname)" = localhost ] || fail "the container's hostname must be 'localhost' (docker run --hostname localhost), not '$(hostname)'"

install -d -o drmaa -g drmaa -m 700 /run/flux

start_sshd

as_drmaa() { runuser -u drmaa -- env FLUX_URI="$FLUX_URI" HOME=/home/drmaa "$@"; }

# The instance lives as long as its initial program. FLUX_URI (set in the image for docker exec)
# names this instance, not a parent: the broker must not inherit it.
runuser -u drmaa -- env -u FLUX_URI HOME=/home/drmaa flux start -Srundir=/run/flux \
  -Slocal-uri="$FLUX_URI" -Slog-filename=/var/log/flux/broker.log sleep inf &
instance=$!

wait_for 120 "the Flux instance" as_drmaa flux resource list
wait_for 120 "Flux to run a job" as_drmaa flux run --env=-* /bin/true

echo "FLUX READY $(as_drmaa flux version | head -n 1)"
wait "$instance"
