#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# `portready audit` refuses a bad inventory with a clear message naming the
# line and column (or the entries), exit 3, and never prints a secret.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

audit() {
    set +e
    "$PORTREADY" audit "$1" >"$PR_TMP/out" 2>"$PR_TMP/err"
    echo $? >"$PR_TMP/rc"
    set -e
}

# A YAML syntax error: the flow map on line 4 is never closed.
printf 'switches:\n  - name: a\n    host: 127.0.0.1:1161\n    snmp: {community: x\n' >"$PR_TMP/syntax.yaml"
audit "$PR_TMP/syntax.yaml"
pr_expect_eq "syntax error: exit 3" 3 "$(cat "$PR_TMP/rc")"
grep -qE "syntax.yaml:[0-9]+:[0-9]+" "$PR_TMP/err" && pr_pass "syntax error: line and column named" ||
    pr_fail "syntax error message: $(cat "$PR_TMP/err")"

# A typo in a key (comunity) is an error, not a silently dropped setting.
printf 'switches:\n  - name: a\n    host: 127.0.0.1:1161\n    snmp: {comunity: x}\n' >"$PR_TMP/typo.yaml"
audit "$PR_TMP/typo.yaml"
pr_expect_eq "unknown key: exit 3" 3 "$(cat "$PR_TMP/rc")"
grep -q "typo.yaml:4:" "$PR_TMP/err" && grep -q "comunity" "$PR_TMP/err" && pr_pass "unknown key named with its line" ||
    pr_fail "unknown key message: $(cat "$PR_TMP/err")"

# Two entries for the same agent and SNMPv3 user with different
# passphrases: one process keeps one key set per user and agent.
cat >"$PR_TMP/v3.yaml" <<'YAML'
switches:
  - name: a
    host: 127.0.0.1:1161
    snmp: {version: 3, user: u, level: authNoPriv, auth: SHA, auth_pass: first-secret-1}
  - name: b
    host: 127.0.0.1:1161
    snmp: {version: 3, user: u, level: authNoPriv, auth: SHA, auth_pass: second-secret-2}
YAML
audit "$PR_TMP/v3.yaml"
pr_expect_eq "v3 conflict: exit 3" 3 "$(cat "$PR_TMP/rc")"
grep -q "switches 'a' (line 2) and 'b' (line 5)" "$PR_TMP/err" && pr_pass "v3 conflict names both entries" ||
    pr_fail "v3 conflict message: $(cat "$PR_TMP/err")"
grep -q -e first-secret -e second-secret "$PR_TMP/err" "$PR_TMP/out" && pr_fail "a passphrase was printed" ||
    pr_pass "no passphrase printed"

# A missing inventory file.
audit "$PR_TMP/absent.yaml"
pr_expect_eq "missing file: exit 3" 3 "$(cat "$PR_TMP/rc")"
grep -q "absent.yaml" "$PR_TMP/err" && pr_pass "missing file named" || pr_fail "missing file: $(cat "$PR_TMP/err")"
pr_done
