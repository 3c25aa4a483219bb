#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Healthy when the entrypoint finished, the node is schedulable and accounting answers.
set -e
test -f /run/slurm/ready
sinfo -h -n localhost -o %T | grep -qE '^(idle|mixed|allocated|completing)'
sacct -n -a -X -S now >/dev/null
