#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks that the build is reproducible: builds the jars (and the drmaa2 distribution) a second time
# from the same sources into each module's target/rebuild (the rebuild profile; tests are neither
# compiled nor run) and compares every archive byte for byte with the one the first build left in
# target/. Run it after a build of the same sources: scripts/test-all.sh runs it after mvn install.
# The bench module is left out: it is not published.
# Extra arguments are passed to Maven, for example: scripts/check-reproducible.sh -o
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

modules=$(sed -n 's|^ *<module>\(.*\)</module>.*|\1|p' pom.xml | grep -vx bench)

for m in $modules; do
    rm -rf "$m/target/rebuild"
done
mvn -B -ntp -q -P rebuild -Dmaven.test.skip=true -pl '!bench' "$@" package

compared=0
differ=()
for m in $modules; do
    for second in "$m"/target/rebuild/*.jar "$m"/target/rebuild/*.tar.gz; do
        [[ -f $second ]] || continue
        name=${second##*/}
        [[ $name == original-* ]] && continue
        first=$m/target/$name
        if [[ ! -f $first ]]; then
            differ+=("$first: missing from the first build")
            continue
        fi
        compared=$((compared + 1))
        if ! cmp -s "$first" "$second"; then
            differ+=("$first")
            echo "== $first differs from $second; entries that differ:" >&2
            if [[ $name == *.tar.gz ]]; then
                diff <(tar -tvzf "$first") <(tar -tvzf "$second") | head -20 >&2 || true
            else
                diff <(unzip -v "$first" 2>/dev/null | awk '{print $8, $1, $7}') \
                     <(unzip -v "$second" 2>/dev/null | awk '{print $8, $1, $7}') | head -20 >&2 || true
            fi
        fi
    done
done

if ((compared == 0)); then
    echo "check-reproducible: no archive of a first build found in */target; run mvn install first" >&2
    exit 1
fi
if ((${#differ[@]} > 0)); then
    echo "check-reproducible: ${#differ[@]} of $compared archives differ between two builds:" >&2
    printf '  %s\n' "${differ[@]}" >&2
    exit 1
fi
echo "check-reproducible: $compared archives identical byte for byte in two builds"
