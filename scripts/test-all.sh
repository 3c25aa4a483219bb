#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every test of drmaa2j: builds and installs the whole Maven reactor with its unit tests,
# the conformance kit (TCK) and the integration tests, then the release checks (the example
# consumer, the distribution, Javadoc, a reproducibility rebuild, the API report:
# scripts/release-checks.sh), fails on any failure, and prints the totals.
# Extra arguments are passed to Maven, for example: scripts/test-all.sh -o
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# Preparation of the test environment before Maven runs: the TCK runs against real schedulers in
# containers, which need a container engine and a base image (set up once, as root or with sudo).
prepare_environment() {
    scripts/setup-docker.sh
    # shellcheck source=test-env.sh
    . scripts/test-env.sh
}

# Sums tests/failures/errors/skipped over the JUnit XML reports of one kind (surefire or failsafe),
# per module (examples/* included) and per extra report directory of a module (such as surefire-reports-tck).
print_totals() {
    local kind=$1
    local files=()
    local f
    for f in */target/"$kind"-reports*/TEST-*.xml examples/*/target/"$kind"-reports*/TEST-*.xml; do
        [[ -f $f ]] && files+=("$f")
    done
    if ((${#files[@]} == 0)); then
        printf '%-9s no reports\n' "$kind"
        return
    fi
    # the glob lists files sorted by module, so modules come out in order
    awk -v kind="$kind" '
        function attr(name) {
            return match($0, " " name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0 : 0
        }
        function line(label, t, f, e, s) {
            printf "%-9s %-26s tests %5d  failures %3d  errors %3d  skipped %3d\n", kind, label, t, f, e, s
        }
        /<testsuite[ >]/ && !seen[FILENAME]++ {
            split(FILENAME, parts, "/"); module = parts[1]; extra = parts[3]
            if (module == "examples") { module = parts[1] "/" parts[2]; extra = parts[4] }
            sub(/^[a-z]+-reports-?/, "", extra)
            if (extra != "") module = module "/" extra
            if (!(module in known)) { known[module] = 1; order[++n] = module }
            t[module] += attr("tests"); f[module] += attr("failures"); e[module] += attr("errors"); s[module] += attr("skipped")
        }
        END {
            for (i = 1; i <= n; i++) {
                m = order[i]; line(m, t[m], f[m], e[m], s[m])
                T += t[m]; F += f[m]; E += e[m]; S += s[m]
            }
            line("TOTAL", T, F, E, S)
        }' "${files[@]}"
}

prepare_environment

# the conformance report of this run only (the TCK adds to what it finds there)
rm -rf target/tck-report

# Prints the wall time of each surefire/failsafe execution, per module and report directory: from the
# start of its first test class (a report's time before it was written) to its last report.
print_times() {
    local d
    for d in */target/surefire-reports* */target/failsafe-reports*; do
        [[ -d $d ]] || continue
        ls "$d"/TEST-*.xml >/dev/null 2>&1 || continue
        python3 - "$d" <<'PY'
import glob, os, re, sys
d = sys.argv[1]
starts, ends = [], []
for f in glob.glob(os.path.join(d, "TEST-*.xml")):
    m = re.search(r'<testsuite[^>]*?\btime="([0-9.,]+)"', open(f, encoding="utf-8", errors="replace").read(4000))
    end = os.path.getmtime(f)
    ends.append(end)
    starts.append(end - (float(m.group(1).replace(",", "")) if m else 0.0))
print("%-46s %6.0f s" % (d.replace("/target/", " "), max(ends) - min(starts)))
PY
    done
}

start=$SECONDS
log=target/test-all.log
mkdir -p target
# --fail-at-end: every module whose dependencies built runs its tests, so the totals are complete
set +e
# two modules at a time (DRMAA2J_BUILD_THREADS): the drivers' suites spend most of their time waiting
# for schedulers in containers, so two of them share the machine well
mvn -B -ntp -T "${DRMAA2J_BUILD_THREADS:-2}" --fail-at-end install "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

echo
echo "== time per module (Maven's reactor summary) =="
sed -n '/Reactor Summary/,/BUILD/p' "$log" | grep -E 'SUCCESS|FAILURE|SKIPPED' || true
echo "== wall time per test execution =="
print_times
echo "== whole run: $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s (Maven), load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

# the example consumer, the distribution, Javadoc, reproducibility and the API report, on what was just
# installed (scripts/release-checks.sh); an offline build keeps them offline
if ((status == 0)); then
    offline=()
    for a in "$@"; do
        [[ $a == -o || $a == --offline ]] && offline=(-o)
    done
    scripts/release-checks.sh "${offline[@]}" || status=$?
else
    echo "release checks not run: the build failed"
fi

echo
echo "== test totals =="
print_totals surefire
print_totals failsafe
if [[ -f target/tck-report/tck-report.md ]]; then
    echo "TCK report: target/tck-report/tck-report.md (and .html)"
fi
if ((status != 0)); then
    echo "FAILED: status $status (Maven, or the release checks when Maven succeeded)" >&2
fi
exit "$status"
