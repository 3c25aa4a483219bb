#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Starts condor_master (collector, negotiator, schedd, startd) and sshd, and prints
# "HTCONDOR READY" once the pool's slot shows in condor_status and the schedd answers.
# Environment:
#   SSH_AUTHORIZED_KEYS  public key line(s) allowed to log in as user drmaa (optional)
set -euo pipefail
LOG_FILES="/var/log/condor/MasterLog /var/log/condor/CollectorLog /var/log/condor/SchedLog /var/log/condor/StartLog"
. /usr/local/lib/drmaa2j/cluster-lib.sh

install -d -o condor -g condor /var/run/condor /var/lock/condor /var/log/condor /var/lib/condor/spool /var/lib/condor/execute
/usr/sbin/condor_master
slot_up() { [ -n "$(condor_status -af Name 2>/dev/null)" ]; }
wait_for 120 "the slot in condor_status" slot_up
wait_for 60 "the schedd" condor_q -totals

start_sshd

touch /run/htcondor-ready
echo "HTCONDOR READY $(condor_version | head -n 1)"
exec tail -n 0 -F /var/log/condor/MasterLog
