#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# API compatibility report: compares the public API of the modules applications and drivers code
# against (api, executor, spi, tck) with a baseline, using japicmp (pom.xml, profile api-baseline-dir).
#
#   scripts/api-check.sh [BASELINE] [maven options]
#
# BASELINE is a git ref (a tag such as v0.1.0, a commit) or a released version (0.1.0 means the tag
# v0.1.0). Without it, the baseline is the previous release: the newest tag v* that HEAD contains.
# Until the first release there is no such tag, and the previous commit (HEAD^) stands in for it, so
# that the changes each commit makes to the API still show. The baseline's jars are built from its
# sources (git archive, no tests) in target/api-baseline; the current jars must already be built
# (scripts/test-all.sh runs this after mvn install).
#
# Until 1.0 this is a report: incompatible changes are listed, the script exits 0. From 1.0 on, set
# drmaa2j.api.breakOnIncompatible to true in pom.xml and incompatible changes fail it.
# Reports: <module>/target/japicmp/default-cli.{md,html,xml,diff}.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

candidates=(api executor spi tck)

baseline=
if [[ $# -gt 0 && $1 != -* ]]; then
    baseline=$1
    shift
fi

if ! git rev-parse --git-dir >/dev/null 2>&1; then
    echo "api-check: skipped: not a git clone, so there is no baseline to build"
    exit 0
fi

if [[ -z $baseline ]]; then
    if tag=$(git describe --tags --abbrev=0 --match 'v[0-9]*' HEAD 2>/dev/null); then
        baseline=$tag
        why="the previous release"
    elif git rev-parse -q --verify 'HEAD^{commit}' >/dev/null && git rev-parse -q --verify 'HEAD^' >/dev/null; then
        baseline=HEAD^
        why="no release yet (no tag v*): the previous commit stands in for the previous release"
    else
        echo "api-check: skipped: no release yet (no tag v*) and no previous commit in this clone"
        exit 0
    fi
else
    why="given"
fi
if [[ $baseline =~ ^[0-9]+\.[0-9]+(\.[0-9]+)?$ ]] && git rev-parse -q --verify "v$baseline^{commit}" >/dev/null; then
    baseline=v$baseline
fi
if ! commit=$(git rev-parse -q --verify "$baseline^{commit}"); then
    echo "api-check: $baseline is neither a git ref nor a released version with a tag v$baseline" >&2
    exit 1
fi
echo "api-check: baseline $baseline (${commit:0:12}), $why"

work=$root/target/api-baseline
rm -rf "$work"
mkdir -p "$work/src" "$work/jars"
git archive "$commit" | tar -x -C "$work/src"
[[ -d .mvn ]] && cp -r .mvn "$work/src/"

# the modules that exist both now and in the baseline
modules=()
for m in "${candidates[@]}"; do
    [[ -f $m/pom.xml && -f $work/src/$m/pom.xml ]] && modules+=("$m")
done
if ((${#modules[@]} == 0)); then
    echo "api-check: skipped: none of ${candidates[*]} exists in both the baseline and now"
    exit 0
fi
list=$(IFS=,; echo "${modules[*]}")

for m in "${modules[@]}"; do
    if ! ls "$m"/target/drmaa2j-*.jar >/dev/null 2>&1; then
        echo "api-check: $m/target holds no jar: build first (mvn install -DskipTests)" >&2
        exit 1
    fi
done

(cd "$work/src" && mvn -B -ntp -q -Dmaven.test.skip=true -Dexec.skip=true -pl "$list" -am "$@" package)
for m in "${modules[@]}"; do
    for jar in "$work/src/$m"/target/drmaa2j-*.jar; do
        case $jar in *-sources.jar | *-javadoc.jar | */original-*) continue ;; esac
        name=${jar##*/}
        cp "$jar" "$work/jars/$(sed -E 's/-[0-9][^-]*(-SNAPSHOT)?\.jar$//' <<<"$name").jar"
    done
done

mvn -B -ntp -q -pl "$list" -Ddrmaa2j.api.baselineDir="$work/jars" "$@" \
    com.github.siom79.japicmp:japicmp-maven-plugin:cmp

# one line per module: how many classes changed, and how many changes break binary or source compatibility
echo
status=0
for m in "${modules[@]}"; do
    xml=$m/target/japicmp/default-cli.xml
    if [[ ! -f $xml ]]; then
        echo "api-check: $m: no report written" >&2
        status=1
        continue
    fi
    classes=$(grep -c '<class ' "$xml" || true)
    binary=$( (grep -o 'binaryCompatible="false"' "$xml" || true) | wc -l)
    source=$( (grep -o 'sourceCompatible="false"' "$xml" || true) | wc -l)
    printf 'api-check: %-9s %3d classes changed, %3d elements binary-incompatible, %3d source-incompatible (%s)\n' \
        "$m" "$classes" "$binary" "$source" "$m/target/japicmp/default-cli.md"
    # the classes with incompatible changes, from the report's results table
    if ((binary + source > 0)); then
        grep -E '^\| (Modified|Removed) +\| \[' "$m/target/japicmp/default-cli.md" | grep -v '!\[No changes\]' \
            | sed -E 's/\| *(Modified|Removed) *\| \[([^]]*)\] *\|[^|]*\| *(.*) \|$/    \1 \2: \3/; s/!\[([^]]*)\]/\1,/g; s/, *$//' \
            | head -20
    fi
done
exit "$status"
