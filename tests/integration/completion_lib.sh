# SPDX-License-Identifier: BSD-3-Clause
# What `portready COMMAND --help` lists, for the completion tests of bash
# and zsh alike. Sourced by them after lib.sh.

# completion_help CMD: writes $PR_TMP/CMD.help (the help), CMD.help-options
# (every option it names, sorted) and CMD.kinds ("OPTION value" or "OPTION
# flag" a line, from the option lines: "  -j, --jobs N    text" takes a
# value, "  --fix    text" is a flag).
completion_help() {
    local cmd=$1
    "$PORTREADY" "$cmd" --help >"$PR_TMP/$cmd.help"
    grep -oE -- '(^|[ ,])(--[a-z][a-z0-9-]+|-[a-zA-Z])([ ,=]|$)' "$PR_TMP/$cmd.help" |
        tr -d ' ,=' | LC_ALL=C sort -u >"$PR_TMP/$cmd.help-options"
    python3 - "$PR_TMP/$cmd.help" >"$PR_TMP/$cmd.kinds" <<'PY'
import re, sys
meta = r"(?:[A-Z\[][^ ]*|[^ ]*\|[^ ]*)"
line_re = re.compile(r"^ {1,8}(?:(-[a-zA-Z]), )?(--?[a-zA-Z][a-z0-9-]*)(?: (" + meta + r"))?(?: {2,}| [a-z(]|$)")
for line in open(sys.argv[1]):
    m = line_re.match(line.rstrip("\n"))
    if not m:
        continue
    kind = "value" if m.group(3) else "flag"
    for opt in (m.group(1), m.group(2)):
        if opt:
            print(opt, kind)
PY
}
