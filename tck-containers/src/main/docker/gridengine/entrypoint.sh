#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Starts sge_qmaster for this container's hostname, registers the host as admin, submit and
# execution host, starts sge_execd, adds the queue all.q (8 slots), and prints
# "GRIDENGINE READY" once the queue instance takes jobs. Environment:
#   SSH_AUTHORIZED_KEYS  public key line(s) allowed to log in as user drmaa (optional)
set -euo pipefail
export SGE_ROOT=${SGE_ROOT:-/var/lib/gridengine} SGE_CELL=${SGE_CELL:-default}
CONF=/etc/gridengine/drmaa2j
HOST=$(hostname)

LOG_FILES="/var/spool/gridengine/qmaster/messages /var/spool/gridengine/execd/*/messages"
. /usr/local/lib/drmaa2j/cluster-lib.sh

echo "$HOST" > "$SGE_ROOT/$SGE_CELL/common/act_qmaster"
/usr/lib/gridengine/sge_qmaster
wait_for 60 sge_qmaster qconf -sh

# The package configured the cluster for the build's hostname: register this one.
qconf -ah "$HOST" >/dev/null 2>&1 || true
qconf -as "$HOST" >/dev/null 2>&1 || true
if ! qconf -se "$HOST" >/dev/null 2>&1; then
  sed "s/HOSTNAME/$HOST/" "$CONF/exechost.conf" > /tmp/exechost.conf
  qconf -Ae /tmp/exechost.conf >/dev/null
fi
# Schedule at once instead of every 15 s.
qconf -ssconf | sed -e 's/^schedule_interval .*/schedule_interval 0:0:1/' \
  -e 's/^flush_submit_sec .*/flush_submit_sec 1/' -e 's/^flush_finish_sec .*/flush_finish_sec 1/' > /tmp/sconf
qconf -Msconf /tmp/sconf >/dev/null
# Accounting (qacct) written within a second of a job's end instead of 15 s. Jobs started by the
# shepherd program itself, not Debian's wrapper of it (which runs the C preprocessor to learn the
# architecture: seconds per job on a busy machine).
mkdir -p /tmp/sgeconf   # qconf -Mconf takes the configuration name from the file name
qconf -sconf global | sed -e 's/flush_time=[0-9:]*/flush_time=00:00:01/' \
  -e 's|^shepherd_cmd .*|shepherd_cmd                 /usr/lib/gridengine/sge_shepherd|' > /tmp/sgeconf/global
qconf -Mconf /tmp/sgeconf/global >/dev/null

/usr/lib/gridengine/sge_execd
if ! qconf -sq all.q >/dev/null 2>&1; then
  sed "s/HOSTNAME/$HOST/" "$CONF/queue.conf" > /tmp/queue.conf
  qconf -Aq /tmp/queue.conf >/dev/null
fi
queue_up() { qstat -f -q all.q | awk -v q="all.q@$HOST" '$1 == q && NF == 5 { ok = 1 } END { exit !ok }'; }
wait_for 90 "queue all.q@$HOST to take jobs" queue_up

start_sshd

touch /run/gridengine-ready
echo "GRIDENGINE READY $(qstat -help | head -n 1)"
exec tail -n 0 -F /var/spool/gridengine/qmaster/messages
