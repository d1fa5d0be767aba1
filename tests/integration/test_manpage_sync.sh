#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The man page and --help say the same: every option a subcommand's --help
# lists is documented in portready.1, and every option portready.1 documents
# is in some --help (a subcommand's, or portready --help's own: --version).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

man="$PR_SOURCE_DIR/portready.1"
: >"$PR_TMP/all-help"
if "$PORTREADY" --help >"$PR_TMP/top.help" 2>&1; then
    cat "$PR_TMP/top.help" >>"$PR_TMP/all-help"
    for opt in $(grep -oE '(^|[ ,])--[a-z][a-z0-9-]+' "$PR_TMP/top.help" | tr -d ' ,' | sort -u); do
        grep -qE "Fl -${opt#--}( |\$)" "$man" && pr_pass "portready $opt in portready.1" ||
            pr_fail "portready $opt is in portready --help but not in portready.1"
    done
else
    pr_fail "portready --help does not exit 0"
fi
for cmd in check audit time dhcp-log boot-log locate; do
    if ! "$PORTREADY" "$cmd" --help >"$PR_TMP/$cmd.help" 2>&1; then
        pr_fail "$cmd --help does not exit 0"
        continue
    fi
    cat "$PR_TMP/$cmd.help" >>"$PR_TMP/all-help"
    grep -q "^\.Ss $cmd\$" "$man" && pr_pass "$cmd has a man page section" ||
        pr_fail "$cmd has no '.Ss $cmd' section in portready.1"
    for opt in $(grep -oE '(^|[ ,])--[a-z][a-z0-9-]+' "$PR_TMP/$cmd.help" | tr -d ' ,' | sort -u); do
        name=${opt#--}
        if grep -qE "Fl -$name( |\$)" "$man"; then
            pr_pass "$cmd $opt in portready.1"
        else
            pr_fail "$cmd $opt is in --help but not in portready.1"
        fi
    done
done
for name in $(grep -oE 'Fl -[a-z][a-z0-9-]+' "$man" | sed 's/^Fl -//' | sort -u); do
    if grep -qE -- "--$name([^a-z0-9-]|\$)" "$PR_TMP/all-help"; then
        pr_pass "portready.1 --$name in a --help"
    else
        pr_fail "portready.1 documents --$name, which no --help lists"
    fi
done
pr_done
