#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Healthy when the entrypoint finished and the qmaster answers.
set -e
export SGE_ROOT=/var/lib/gridengine SGE_CELL=default
test -f /run/gridengine-ready
qstat -f >/dev/null
