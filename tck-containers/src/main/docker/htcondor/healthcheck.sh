#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Healthy when the entrypoint finished and the schedd answers.
set -e
test -f /run/htcondor-ready
condor_q -totals >/dev/null
