#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Healthy when the instance answers and its resources are up.
set -e
runuser -u drmaa -- env FLUX_URI="$FLUX_URI" flux resource list >/dev/null
