#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The checks that keep drmaa2j releasable, run after `mvn install` of the whole project
# (scripts/test-all.sh runs them; they use the installed artifacts and the built jars):
#   example       examples/hello-drmaa2j, a separate Maven project that imports drmaa2j-bom, is built
#                 and run against the installed artifacts: a job and two ClusterExecutor tasks on the
#                 local driver (a broken pom or a driver that ServiceLoader cannot find fails it)
#   distribution  the drmaa2 tar.gz is unpacked and its bin/drmaa2 runs a job with nothing but a Java
#                 runtime on the PATH
#   javadoc       the Javadoc of the API modules builds with every doclint group and no warning
#   reproducible  a second build gives byte-identical jars (scripts/check-reproducible.sh)
#   api           the API compatibility report against the previous release (scripts/api-check.sh)
# Prints each check's wall and CPU time and exits 1 if one failed. The API report runs beside the others.
# Arguments: -o (or --offline) to keep Maven offline; names of checks to run only those.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

mvn_args=(-B -ntp)
only=()
for a in "$@"; do
    case $a in
        -o | --offline) mvn_args+=(-o) ;;
        *) only+=("$a") ;;
    esac
done

version=$(sed -n '/<artifactId>drmaa2j-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)

# the modules whose Javadoc must be free of warnings (their poms set drmaa2j.javadoc.failOnWarnings)
api_modules=$(for m in api executor spi; do [[ -f $m/pom.xml ]] && printf '%s,' "$m"; done)
api_modules=${api_modules%,}

check_example() {
    mvn "${mvn_args[@]}" -q -f examples/hello-drmaa2j/pom.xml -Ddrmaa2j.version="$version" clean verify
}

check_distribution() {
    local tgz dir home java_dir out rc=0
    tgz=cli/target/drmaa2-$version-dist.tar.gz
    [[ -f $tgz ]] || { echo "no $tgz: build the cli module first" >&2; return 1; }
    dir=$root/target/dist-check
    rm -rf "$dir"
    mkdir -p "$dir/home"
    tar -xzf "$tgz" -C "$dir"
    home=$dir/drmaa2-$version
    java_dir=$(dirname "$(command -v java)")
    # only a Java runtime: no Maven, no repository clone, an empty home directory (the locale is kept:
    # in the POSIX locale Java passes non-ASCII arguments as '?')
    out=$(env -i HOME="$dir/home" PATH="$java_dir:/usr/bin:/bin" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
        ${LANG:+LANG="$LANG"} ${LC_ALL:+LC_ALL="$LC_ALL"} ${LC_CTYPE:+LC_CTYPE="$LC_CTYPE"} \
        "$home/bin/drmaa2" -D drmaa2j.stateDir="$dir/state" run -- /bin/sh -c 'exit 3' 2>&1) || rc=$?
    printf '%s\n' "$out"
    if ((rc != 3)) || ! grep -q 'FAILED, exit status 3' <<<"$out"; then
        echo "expected bin/drmaa2 run to report 'FAILED, exit status 3' and exit 3; it exited $rc" >&2
        return 1
    fi
}

check_javadoc() {
    mvn "${mvn_args[@]}" -q -pl "$api_modules" javadoc:javadoc
}

check_reproducible() {
    scripts/check-reproducible.sh "${mvn_args[@]}"
}

check_api() {
    scripts/api-check.sh "${mvn_args[@]}"
}

checks=(example distribution javadoc reproducible api)
((${#only[@]} > 0)) && checks=("${only[@]}")
# the API report builds its baseline in its own directory and touches nothing the other checks use, so it
# runs beside them (a CI machine has two cores and each check is mostly one Maven thread); its output
# follows theirs
beside=(api)

logs=$root/target/release-checks
rm -rf "$logs"
mkdir -p "$logs"

# Runs one check in a subshell and writes its wall seconds, CPU seconds (user + system of every process it
# ran) and result to $logs/CHECK.time. On an idle machine a check's wall time is about its CPU time, on a
# busy one it is longer: both are printed.
run_check() {
    local c=$1 start=$SECONDS rc=0 stat ticks
    ("check_$c") || rc=$?
    stat=$(</proc/$BASHPID/stat)
    read -r -a ticks <<<"${stat##*) }"
    # fields 16 and 17 of /proc/PID/stat (cutime, cstime): the CPU time of the children waited for
    printf '%d %d %d\n' $((SECONDS - start)) $(((ticks[13] + ticks[14]) / $(getconf CLK_TCK))) "$rc" >"$logs/$c.time"
    return "$rc"
}

is_beside() {
    local b
    for b in "${beside[@]}"; do [[ $b == "$1" ]] && return 0; done
    return 1
}

start_all=$SECONDS
pids=()
for c in "${checks[@]}"; do
    if is_beside "$c" && ((${#checks[@]} > 1)); then
        echo "== release check: $c (beside the others; its output comes after theirs)"
        (run_check "$c") >"$logs/$c.log" 2>&1 &
        pids+=($!)
    fi
done
for c in "${checks[@]}"; do
    is_beside "$c" && ((${#checks[@]} > 1)) && continue
    echo "== release check: $c"
    (run_check "$c") || true
done
for p in "${pids[@]}"; do
    wait "$p" || true
done
for c in "${checks[@]}"; do
    if is_beside "$c" && ((${#checks[@]} > 1)); then
        echo "== release check: $c (output)"
        cat "$logs/$c.log"
    fi
done

failed=()
echo
echo "== release checks: wall and CPU time (user + system) =="
for c in "${checks[@]}"; do
    read -r wall cpu rc <"$logs/$c.time" 2>/dev/null || { wall=0; cpu=0; rc=1; }
    if ((rc == 0)); then result=ok; else result=FAILED; failed+=("$c"); fi
    printf '%-13s %-6s %4d s wall %4d s CPU\n' "$c" "$result" "$wall" "$cpu"
done
printf '%-13s %-6s %4d s wall\n' "all" "" $((SECONDS - start_all))
if ((${#failed[@]} > 0)); then
    echo "FAILED release checks: ${failed[*]}" >&2
    exit 1
fi
