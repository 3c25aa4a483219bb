#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks that every source file carries its licence identifier within its first two lines:
#   Java:                        // SPDX-License-Identifier: Apache-2.0
#   scripts (*.sh, *.pl, *.py,
#   any file starting with #!):  # SPDX-License-Identifier: Apache-2.0   (after the shebang)
#   Dockerfiles:                 # SPDX-License-Identifier: Apache-2.0
# Job script templates (*.j2) are left out: their text becomes the user's job script.
# Files are those git knows (tracked, or new and not ignored); outside a git clone, every file
# outside target directories. Exits 1 and lists the files that lack the identifier.
# The build runs this in the validate phase of the root project (pom.xml, check-spdx).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

list_files() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -z --cached --others --exclude-standard
    else
        find . -path '*/target' -prune -o -path ./.git -prune -o -type f -print0 | sed -z 's|^\./||'
    fi
}

# One awk pass over every file: a file needs the identifier by its name, or because its first line
# is a shebang; it has it when one of its first two lines carries it.
files=()
while IFS= read -r -d '' f; do
    [[ -f $f && $f != *.j2 ]] && files+=("$f")
done < <(list_files)

result=$(awk '
    function done_file() {
        if (name != "" && needs) { checked++; if (!found) print "MISSING " name }
        name = ""
    }
    FNR == 1 {
        done_file()
        name = FILENAME; found = 0
        needs = (name ~ /\.(java|sh|pl|py)$/ || name ~ /(^|\/)Dockerfile(\.[^\/]*)?$/ || $0 ~ /^#!/)
    }
    /SPDX-License-Identifier: Apache-2\.0/ { found = 1 }
    FNR == 2 { done_file(); nextfile }
    END { done_file(); print "CHECKED " checked + 0 }
' "${files[@]}")

checked=$(sed -n 's/^CHECKED //p' <<<"$result")
mapfile -t missing < <(sed -n 's/^MISSING //p' <<<"$result")

if ((${#missing[@]} > 0)); then
    echo "check-spdx: ${#missing[@]} of $checked source files lack 'SPDX-License-Identifier: Apache-2.0' in their first two lines:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    echo "Add '// SPDX-License-Identifier: Apache-2.0' (Java) or '# SPDX-License-Identifier: Apache-2.0' (scripts, after the shebang; Dockerfiles) as the first line." >&2
    exit 1
fi
echo "check-spdx: all $checked source files carry SPDX-License-Identifier: Apache-2.0"
