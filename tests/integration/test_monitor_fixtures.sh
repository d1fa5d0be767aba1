#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Every recording of a real switch in ../shared/fixtures, every physical
# port judged: its --format prometheus output passes `promtool check
# metrics`, and its --format nagios output is one well-formed status line
# whose state is the exit code, with a port count equal to the metrics'.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/monitor_lib.sh"

pr_need_fixtures
command -v promtool >/dev/null || pr_skip "promtool (Debian's prometheus package) is not installed"

n=0
for f in "$PR_FIXTURES"/snmprec/*.snmprec "$PR_FIXTURES"/snmprec/*.snmpwalk; do
    [ -f "$f" ] || continue
    name=$(basename "$f")
    n=$((n + 1))
    set +e
    "$PORTREADY" check --walk "$f" --format prometheus >"$PR_TMP/$n.prom" 2>/dev/null
    prc=$?
    "$PORTREADY" check --walk "$f" --format nagios >"$PR_TMP/$n.nagios" 2>/dev/null
    nrc=$?
    set -e
    if promtool check metrics <"$PR_TMP/$n.prom" >"$PR_TMP/$n.promtool" 2>&1; then
        pr_pass "$name: promtool check metrics"
    else
        pr_fail "$name: promtool: $(head -3 "$PR_TMP/$n.promtool")"
    fi
    pr_expect_eq "$name: both formats exit alike" "$prc" "$nrc"
    pr_expect_eq "$name: plugin output" ok "$(mon_plugin_check "$PR_TMP/$n.nagios" "$nrc")"
    ports=$(grep -c '^portready_port_verdict{.*} 1$' "$PR_TMP/$n.prom" || true)
    pr_expect_eq "$name: perfdata counts the ports the metrics list" "'ports'=$ports;;;0;" \
        "$(head -1 "$PR_TMP/$n.nagios" | grep -o "'ports'=[0-9]*;;;0;")"
done
[ "$n" -gt 0 ] && pr_pass "$n recordings" || pr_fail "no recording in $PR_FIXTURES/snmprec"
pr_done
