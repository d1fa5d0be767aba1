#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready time's command line, without privileges or namespaces: --help
# goes to stdout with exit 0 and lists every option; usage errors go to
# stderr with a hint and exit 3; the time section of portready.1 names
# every option --help lists.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

set +e
"$PORTREADY" time --help >"$PR_TMP/help.out" 2>"$PR_TMP/help.err"
rc=$?
set -e
pr_expect_eq "--help: exit 0" 0 "$rc"
pr_expect_eq "--help: nothing on stderr" "" "$(cat "$PR_TMP/help.err")"
options=(--iface --watch --switch --port --target --down-for --count --interval --timeout
    --format --plot --yes --force --help --community-file --auth-pass-file --priv-pass-file
    -v -c -u -l -a -A -x -X -t -r)
missing=()
for opt in "${options[@]}"; do
    grep -qE -- "(^|[ ,])$opt( |,|$)" "$PR_TMP/help.out" || missing+=("$opt")
done
pr_expect_eq "--help lists every option" "" "${missing[*]}"
# The manual's time section lists every long option --help lists.
awk '/^\.S[sh] /{on = ($0 == ".Ss time"); next} on' "$PR_SOURCE_DIR/portready.1" >"$PR_TMP/man-time"
undocumented=()
for opt in $(grep -oE -- '--[a-z][a-z-]+' "$PR_TMP/help.out" | sort -u); do
    grep -qE -- "Fl -${opt#--}( |\$)" "$PR_TMP/man-time" || undocumented+=("$opt")
done
pr_expect_eq "portready.1's time section names every option of --help" "" "${undocumented[*]}"

# expect_usage NAME MESSAGE ARGS...: exit 3, MESSAGE and the hint on stderr.
expect_usage() {
    local name=$1 message=$2
    shift 2
    set +e
    "$PORTREADY" time "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    local rc=$?
    set -e
    pr_expect_eq "$name: exit 3" 3 "$rc"
    if grep -qF -- "$message" "$PR_TMP/$name.err" &&
        grep -qF "Try 'portready time --help'." "$PR_TMP/$name.err"; then
        pr_pass "$name: message and hint"
    else
        pr_fail "$name: stderr was: $(cat "$PR_TMP/$name.err")"
    fi
    pr_expect_eq "$name: nothing on stdout" "" "$(cat "$PR_TMP/$name.out")"
}
expect_usage nomode "say what to time"
expect_usage interval "--interval '0': expected a whole number from 1 to 1000" --iface eth0 --interval 0
expect_usage count "--count '101'" --iface eth0 --count 101
expect_usage downfor "--down-for 'x'" --iface eth0 --down-for x
expect_usage ipv6 "--target 'fe80::1' is not an IPv4 address" --iface eth0 --target fe80::1
expect_usage twomodes "different modes" --iface eth0 --watch 10.0.0.1
expect_usage switchport "--switch needs --port" --switch 127.0.0.1:22161 --target 10.0.0.1
expect_usage unknown "unknown option '--frobnicate'" --iface eth0 --frobnicate
expect_usage format "--format 'xml'" --iface eth0 --format xml
expect_usage value "--iface needs a value" --iface
pr_done
