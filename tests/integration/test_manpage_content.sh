#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready.1 renders without a warning from groff or man, carries the
# version `portready --version` prints, and has what a manual needs: every
# form of the command line (time --switch, help, --version) in SYNOPSIS, an
# example per command in EXAMPLES, FILES and SEE ALSO. (Options against
# --help: test_manpage_sync.sh.)
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

man="$PR_SOURCE_DIR/portready.1"
command -v groff >/dev/null || pr_skip "groff is not installed (Debian package groff-base; see scripts/deps)"

groff -mandoc -Tutf8 -ww -z "$man" >"$PR_TMP/groff.out" 2>&1 || true
pr_expect_eq "groff -mandoc -ww: no warning" "" "$(cat "$PR_TMP/groff.out")"
if command -v man >/dev/null; then
    MANWIDTH=80 man --warnings -l "$man" >"$PR_TMP/man.txt" 2>"$PR_TMP/man.err" || true
    pr_expect_eq "man --warnings -l: no warning" "" "$(cat "$PR_TMP/man.err")"
else
    groff -mandoc -Tutf8 "$man" 2>/dev/null | sed 's/.\x08//g' >"$PR_TMP/man.txt"
fi

version=$("$PORTREADY" --version)
pr_expect_eq ".Os names portready and its version" ".Os $version" "$(grep '^\.Os' "$man")"
grep -qF "$version" "$PR_TMP/man.txt" && pr_pass "the rendered page shows '$version'" ||
    pr_fail "the rendered page does not show '$version'"

# section NAME: the source lines of one .Sh section.
section() {
    awk -v name="$1" '/^\.Sh /{on = ($0 == ".Sh " name); next} on' "$man"
}
for sh in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    [ -n "$(section "$sh")" ] && pr_pass "section $sh" || pr_fail "no section '.Sh $sh'"
done

# SYNOPSIS: every mode of every command, as the --help texts give them.
section SYNOPSIS | sed 's/^\.//' | tr '\n' ' ' >"$PR_TMP/synopsis"
for form in "Cm check" "Cm audit" "Cm time Fl -iface Ar IF" "Cm time Fl -watch Ar IP" \
    "Cm time Fl -switch Ar SWITCH Fl -port Ar PORT Fl -target Ar IP" "Cm dhcp-log" \
    "Cm help Op Ar COMMAND" "Nm Fl -version" "Nm Fl -help"; do
    grep -qF -- "$form" "$PR_TMP/synopsis" && pr_pass "SYNOPSIS has '$form'" ||
        pr_fail "SYNOPSIS lacks '$form'"
done
"$PORTREADY" time --help >"$PR_TMP/time.help"
for mode in --iface --watch --switch; do
    grep -qE -- "^(Usage:)? +portready time $mode " "$PR_TMP/time.help" &&
        pr_pass "time --help has the $mode form too" || pr_fail "time --help has no $mode form"
done

# EXAMPLES: at least one for each command.
section EXAMPLES >"$PR_TMP/examples"
for cmd in check audit time dhcp-log locate help; do
    grep -qE "^(\.Dl )?portready $cmd( |\$)" "$PR_TMP/examples" &&
        pr_pass "EXAMPLES: portready $cmd" || pr_fail "EXAMPLES has no 'portready $cmd' line"
done
# Each example's options exist in that command's --help.
grep -oE "portready (check|audit|time|dhcp-log|locate) .*" "$PR_TMP/examples" | while read -r _ cmd rest; do
    for opt in $(grep -oE -- '(^| )--?[a-zA-Z][a-z0-9-]*' <<<"$rest"); do
        grep -qE -- "(^|[ ,])$opt([ ,=]|\$)" <("$PORTREADY" "$cmd" --help) ||
            echo "$cmd $opt" >>"$PR_TMP/unknown-example-options"
    done
done
pr_expect_eq "every option an example uses is in its command's --help" "" \
    "$(cat "$PR_TMP/unknown-example-options" 2>/dev/null)"

# FILES names the example inventory and the known_hosts file.
section FILES >"$PR_TMP/files"
for f in share/doc/portready/examples/rack.yaml .ssh/known_hosts; do
    grep -qF "$f" "$PR_TMP/files" && pr_pass "FILES: $f" || pr_fail "FILES does not name $f"
done
section "SEE ALSO" | pr_has '^\.Xr ' && pr_pass "SEE ALSO has cross-references" ||
    pr_fail "SEE ALSO has no .Xr"
pr_done
