#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The top-level command line: `portready help COMMAND` prints exactly what
# `portready COMMAND --help` prints (stdout, exit 0); `portready help` and
# `portready --help` print the top-level help, which names every command,
# `help COMMAND` and --version; `portready --version` prints the project's
# version; an unknown command, after `help` or alone, is exit 3 with a hint
# on stderr.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

# run NAME ARGS...: NAME.out, NAME.err, and the exit code in NAME.rc.
run() {
    local name=$1
    shift
    set +e
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    echo $? >"$PR_TMP/$name.rc"
    set -e
}

for cmd in check audit time dhcp-log boot-log locate; do
    run "help-$cmd" help "$cmd"
    run "$cmd-help" "$cmd" --help
    pr_expect_eq "help $cmd: exit 0" 0 "$(cat "$PR_TMP/help-$cmd.rc")"
    pr_expect_eq "help $cmd: nothing on stderr" "" "$(cat "$PR_TMP/help-$cmd.err")"
    if [ -s "$PR_TMP/help-$cmd.out" ] && cmp -s "$PR_TMP/help-$cmd.out" "$PR_TMP/$cmd-help.out"; then
        pr_pass "help $cmd prints what $cmd --help prints"
    else
        pr_fail "help $cmd differs from $cmd --help: $(diff "$PR_TMP/$cmd-help.out" "$PR_TMP/help-$cmd.out" | head -3)"
    fi
    grep -qE "^  $cmd " "$PR_TMP/$cmd-help.out" &&
        pr_fail "$cmd --help is the top-level help" || true
done

for args in "help" "--help" "-h"; do
    name=top-${args#--}
    # shellcheck disable=SC2086 # one word each
    run "$name" $args
    pr_expect_eq "$args: exit 0" 0 "$(cat "$PR_TMP/$name.rc")"
    for what in "  check " "  audit " "  time " "  dhcp-log " "  boot-log " "  locate " "help COMMAND" "--version"; do
        grep -qF -- "$what" "$PR_TMP/$name.out" && pr_pass "$args names '$what'" ||
            pr_fail "$args does not name '$what'"
    done
done

run version --version
pr_expect_eq "--version: exit 0" 0 "$(cat "$PR_TMP/version.rc")"
version=$(sed -n 's/^project(portready VERSION \([0-9.]*\) .*/\1/p' "$PR_SOURCE_DIR/CMakeLists.txt")
pr_expect_eq "--version prints the project's version" "portready $version" "$(cat "$PR_TMP/version.out")"

run help-unknown help no-such-command
pr_expect_eq "help no-such-command: exit 3" 3 "$(cat "$PR_TMP/help-unknown.rc")"
pr_expect_eq "help no-such-command: nothing on stdout" "" "$(cat "$PR_TMP/help-unknown.out")"
grep -qF "unknown command 'no-such-command'" "$PR_TMP/help-unknown.err" &&
    grep -qF "Try 'portready --help'" "$PR_TMP/help-unknown.err" &&
    pr_pass "help no-such-command: the error and the hint on stderr" ||
    pr_fail "help no-such-command: stderr was '$(cat "$PR_TMP/help-unknown.err")'"

run help-extra help check audit
pr_expect_eq "help with two commands: exit 3" 3 "$(cat "$PR_TMP/help-extra.rc")"

run unknown no-such-command
pr_expect_eq "no-such-command: exit 3" 3 "$(cat "$PR_TMP/unknown.rc")"
pr_done
