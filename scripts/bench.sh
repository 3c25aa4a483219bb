#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every benchmark of drmaa2j and puts the results table into README.md: builds the bench
# module (and what it needs) without tests, runs `java -jar bench/target/drmaa2j-bench.jar`, which
# writes bench/target/bench-results.md, then replaces the table between the bench markers of
# README.md with it. Extra arguments are passed to Maven, for example: scripts/bench.sh -o
# BENCH_GROUPS="parse local" runs only those groups (then README.md is left alone).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/setup-docker.sh
# shellcheck source=test-env.sh
. scripts/test-env.sh

mvn -q -B "$@" -DskipTests -pl bench -am install
# shellcheck disable=SC2086
java -jar bench/target/drmaa2j-bench.jar ${BENCH_GROUPS:-}

if [[ -z ${BENCH_GROUPS:-} ]]; then
    python3 - README.md bench/target/bench-results.md <<'PY'
import sys
readme, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(readme, encoding="utf-8").read()
begin, end = "<!-- bench:begin -->\n", "<!-- bench:end -->"
a, b = text.index(begin) + len(begin), text.index(end)
open(readme, "w", encoding="utf-8").write(text[:a] + table + text[b:])
PY
    echo "README.md updated from bench/target/bench-results.md"
fi
