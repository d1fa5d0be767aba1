#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# What docs/monitoring.md tells operators to run, run: the Checkmk local
# check script turns the lab's plugin line into a local check line; the
# textfile cron line leaves a whole .prom file that promtool accepts, and
# no temporary file; the alerting rules pass `promtool check rules`.
# (tests/integration/test_icinga.sh runs the Icinga 2 blocks.)
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/monitor_lib.sh"

doc="$PR_SOURCE_DIR/docs/monitoring.md"
# block MARK: the code block after the line "<!-- test: MARK ...-->".
block() {
    python3 - "$doc" "$1" <<'PY'
import re, sys
m = re.search(r"<!-- test: %s [^>]*-->\n```[a-z0-9]*\n(.*?)\n```" % re.escape(sys.argv[2]),
              open(sys.argv[1]).read(), re.S)
if not m:
    sys.exit("docs/monitoring.md: no block marked '%s'" % sys.argv[2])
print(m.group(1))
PY
}

mon_lab_inventory "$PR_TMP/rack12.yaml"
mkdir -p "$PR_TMP/bin"
ln -s "$PORTREADY" "$PR_TMP/bin/portready"

# The Checkmk local check, on the lab's inventory.
block "checkmk local check" >"$PR_TMP/local-check"
chmod +x "$PR_TMP/local-check"
line=$(PATH="$PR_TMP/bin:$PATH" PORTREADY_INVENTORY="$PR_TMP/rack12.yaml" "$PR_TMP/local-check")
echo "$line" >"$PR_TMP/local.out"
pr_expect_eq "local check: one line" 1 "$(wc -l <"$PR_TMP/local.out")"
# STATE "SERVICE" METRICS TEXT, metrics name=value;warn;crit;min;max joined by |.
python3 - "$line" >"$PR_TMP/local.check" <<'PY'
import re, sys
m = re.fullmatch(r'([0-3]) "([^"]+)" (\S+) (.+)', sys.argv[1])
if not m:
    sys.exit(print("not a local check line: %r" % sys.argv[1]))
num = r"-?[0-9]+(?:\.[0-9]+)?"
for metric in m.group(3).split("|"):
    if not re.fullmatch(r"[a-z_]+=%s(;(%s)?){0,4}" % (num, num), metric):
        sys.exit(print("bad metric %r" % metric))
print(m.group(1), m.group(2), len(m.group(3).split("|")), m.group(4)[:40])
PY
pr_expect_eq "local check: state, service, 9 metrics (the perfdata items: ports, ready, warning, not_ready, unknown, switches, unreadable, unchecked, blackout_max), the summary" \
    "2 PXE rack12 9 13 of 26 ports not ready: rack12-a 1/1/3" "$(cat "$PR_TMP/local.check")"
grep -qF '|blackout_max=30;;;0; 13 of 26' "$PR_TMP/local.out" &&
    pr_pass "local check: blackout_max in seconds, no unit" || pr_fail "local check: $(cat "$PR_TMP/local.out")"

# The textfile cron line: its command, with the folders of this test.
command -v promtool >/dev/null || pr_skip "promtool (Debian's prometheus package) is not installed"
cron=$(block "textfile cron line")
command=$(echo "$cron" | sed -E 's/^([^ ]+ +){6}//')
command=${command//\/var\/lib\/prometheus\/node-exporter/$PR_TMP\/textfile}
command=${command//\/usr\/local\/bin\/portready/$PORTREADY}
command=${command//\/etc\/portready\/rack12.yaml/$PR_TMP\/rack12.yaml}
mkdir -p "$PR_TMP/textfile"
sh -c "$command"
pr_expect_eq "textfile: one file, no temporary left" "portready.prom" "$(ls "$PR_TMP/textfile")"
promtool check metrics <"$PR_TMP/textfile/portready.prom" >"$PR_TMP/promtool.out" 2>&1 &&
    pr_pass "textfile: promtool check metrics" || pr_fail "textfile: $(head -3 "$PR_TMP/promtool.out")"
pr_expect_eq "textfile: every port of the lab" 26 \
    "$(grep -c '^portready_port_verdict{.*} 1$' "$PR_TMP/textfile/portready.prom")"

# The alerting rules.
block "prometheus rules" >"$PR_TMP/rules.yml"
promtool check rules "$PR_TMP/rules.yml" >"$PR_TMP/rules.out" 2>&1 &&
    pr_pass "rules: promtool check rules ($(grep -o 'SUCCESS: [0-9]* rules found' "$PR_TMP/rules.out"))" ||
    pr_fail "rules: $(cat "$PR_TMP/rules.out")"
pr_done
