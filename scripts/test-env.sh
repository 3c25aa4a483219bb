# SPDX-License-Identifier: Apache-2.0
# Environment for tests that start containers through Testcontainers against the engine that
# scripts/setup-docker.sh starts. Source it: `. scripts/test-env.sh`.
# - No reaper container: it would need an image from a registry.
# - Containers are reached through ports mapped on localhost; without the override
#   Testcontainers probes the engine's gateway with an extra (pulled) container.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
