#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The text report is for triage: on the lab rack (its recordings), every line
# fits 100 columns; info findings only with --verbose; rack12-b's switch-wide
# legacy spanning tree said once; -q keeps the not-ready ports and the
# summary; "fix first" names what blocks most and how to print the fixes.
# On a terminal (a pty from script(1)) the progress line is cleared before
# each switch's report; TERM=dumb means no colour and no progress; NO_COLOR
# counts only when non-empty; --color always|never overrides.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

data="$PR_SOURCE_DIR/lab/data"
# lab/rack.yaml with each agent replaced by its recording.
python3 - "$PR_SOURCE_DIR/lab/rack.yaml" "$data" >"$PR_TMP/rack.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
text = re.sub(r"host: 127\.0\.0\.1:116([123])",
              lambda m: "walk: %s/rack12-%s.snmprec" % (sys.argv[2], "abc"[int(m.group(1)) - 1]), text)
text = re.sub(r"\n\s*snmp: \{community: [^}]*\}", "", text)
text = re.sub(r"\n  snmp: \{[^}]*\}", "", text)
print(text)
PY
run() {
    local name=$1
    shift
    set +e
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    echo $? >"$PR_TMP/$name.rc"
    set -e
}
count() { grep -c -- "$2" "$PR_TMP/$1.out" || true; }

run plain audit "$PR_TMP/rack.yaml"
pr_expect_eq "plain: exit 2 (not-ready ports)" 2 "$(cat "$PR_TMP/plain.rc")"
pr_expect_eq "plain: no line over 100 columns" 0 "$(awk 'length > 100' "$PR_TMP/plain.out" | wc -l)"
# An unreadable switch's reason is wrapped like a finding's message.
printf 'switches:\n  - {name: gone, host: 127.0.0.1:9, snmp: {timeout: 0.2, retries: 0}}\n' \
    >"$PR_TMP/gone.yaml"
run gone audit "$PR_TMP/gone.yaml"
pr_expect_eq "unreadable: no line over 100 columns, the reason starts on the UNREADABLE line" "0 1" \
    "$(awk 'length > 100' "$PR_TMP/gone.out" | wc -l) $(grep -c '^  UNREADABLE 127\.0\.0\.1:9: no answer' "$PR_TMP/gone.out")"
pr_expect_eq "plain: no info finding without --verbose" 0 "$(count plain autoneg-on)"
# rack12-b runs PVST+ (stpxSpanningTreeType.0 = pvstPlus(1) in its recording):
# the message once, in its header; the 7 ports lab/rack.yaml lists refer to it.
pr_expect_eq "plain: legacy mode said once" 1 "$(count plain 'the switch runs legacy pvst')"
pr_expect_eq "plain: rack12-b's ports refer to it" 7 "$(count plain 'stp-legacy-mode (switch-wide, above)')"
pr_expect_eq "plain: fix first" 1 "$(count plain '^Fix first')"
pr_expect_eq "plain: the fix command names the inventory" 1 \
    "$(count plain "Print the fixes: portready audit --fix $PR_TMP/rack.yaml")"
if grep -q $'\033' "$PR_TMP/plain.out" "$PR_TMP/plain.err"; then pr_fail "plain: colour in a pipe"; else pr_pass "plain: no colour in a pipe"; fi

run verbose audit --verbose "$PR_TMP/rack.yaml"
# rack12-c's recording: ifMauAutoNegAdminStatus enabled(1) on Ethernet1-12, so
# autoneg-on on each of its 11 ports judged (Ethernet12, its uplink, is left out).
pr_expect_eq "--verbose: info findings shown" 11 "$(count verbose 'info     autoneg-on')"

run quiet audit -q "$PR_TMP/rack.yaml"
pr_expect_eq "-q: exit as without it" 2 "$(cat "$PR_TMP/quiet.rc")"
pr_expect_eq "-q: no ready or warning port" 0 "$(grep -cE '^  (READY|WARNING|UNKNOWN) ' "$PR_TMP/quiet.out" || true)"
pr_expect_eq "-q: every not-ready port" "$(grep -cE '^  NOT READY ' "$PR_TMP/plain.out")" \
    "$(grep -cE '^  NOT READY ' "$PR_TMP/quiet.out")"
pr_expect_eq "-q: the summary" 1 "$(count quiet '^Summary: 3 switches')"

run always audit --color always "$PR_TMP/rack.yaml"
grep -q $'\033\[31m' "$PR_TMP/always.out" && pr_pass "--color always: colour in a pipe" || pr_fail "--color always: no colour"
run badcolor audit --color sometimes "$PR_TMP/rack.yaml"
pr_expect_eq "--color sometimes: exit 3" 3 "$(cat "$PR_TMP/badcolor.rc")"
grep -q "color takes auto, always or never" "$PR_TMP/badcolor.err" && pr_pass "--color sometimes: says the values" ||
    pr_fail "--color sometimes: $(cat "$PR_TMP/badcolor.err")"

# On a terminal: script(1) gives stdout and stderr one pty.
on_tty() {
    local name=$1
    shift
    env "$@" script -qec "$PORTREADY audit $PR_TMP/rack.yaml" /dev/null >"$PR_TMP/$name.out" 2>&1 || true
}
on_tty tty TERM=xterm
# Three switches: the progress line drawn ("switches read") and cleared
# ("\r\033[K") before each switch's report begins.
pr_expect_eq "tty: progress drawn" True "$(python3 -c 'import sys; print(b"switches read" in open(sys.argv[1],"rb").read())' "$PR_TMP/tty.out")"
pr_expect_eq "tty: each switch's report starts on a cleared line" 3 "$(python3 -c '
import re, sys
d = open(sys.argv[1], "rb").read()
print(len(re.findall(rb"\r\x1b\[K(\x1b\[1m)?rack12-[abc]", d)))' "$PR_TMP/tty.out")"
grep -q $'\033\[31m' "$PR_TMP/tty.out" && pr_pass "tty: colour" || pr_fail "tty: no colour"
on_tty dumb TERM=dumb
pr_expect_eq "TERM=dumb: no escape at all" 0 "$(grep -c $'\033' "$PR_TMP/dumb.out" || true)"
on_tty nocolor TERM=xterm NO_COLOR=1
pr_expect_eq "NO_COLOR=1: no colour" 0 "$(grep -c $'\033\[3[123]m' "$PR_TMP/nocolor.out" || true)"
on_tty emptynocolor TERM=xterm NO_COLOR=
grep -q $'\033\[31m' "$PR_TMP/emptynocolor.out" && pr_pass "NO_COLOR empty: colour still" ||
    pr_fail "NO_COLOR empty: no colour"
pr_done
