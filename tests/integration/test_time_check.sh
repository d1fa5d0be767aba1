#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Prediction and measurement side by side: `portready check` reads the lab
# switch over SNMP (BRIDGE-MIB from the Linux bridge's own state: STP on,
# forward delay 200 cs = 2 s, port not edge) and predicts the blackout after
# link-up, 2 x forward delay = 4 s; `portready time` bounces the server's
# link and measures it. The two agree within 100 ms.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
command -v snmpd >/dev/null || [ -x /usr/sbin/snmpd ] || pr_skip "snmpd not installed"
command -v snmpget >/dev/null || pr_skip "snmpget not installed"
check_help=$("$PORTREADY" check --help 2>&1 || true)
if [[ $check_help == *"not built yet"* ]]; then
    pr_skip "'portready check' is not built yet: prediction vs measurement cannot run"
fi
lab_start --stp on
RO=lab-ro-Secret-2Pf
SNMPD_PID=$("$LAB" snmpd "$LAB_PREFIX" "$PR_TMP/snmpd" "$RO" lab-rw-Secret-6Ju)
PR_PIDS+=("$SNMPD_PID")

set +e
in_peer "$PORTREADY" check -v 2c -c "$RO" 10.77.0.254:161 sw-srv --format json \
    >"$PR_TMP/check.json" 2>"$PR_TMP/check.err"
set -e
cat "$PR_TMP/check.err"
predicted=$(pr_json "$PR_TMP/check.json" 'd["switches"][0]["ports"][0]["expected_blackout_s"]')
pr_expect_eq "check predicts 2 x 2 s forward delay" 4 "$predicted"

set +e
in_srv "$PORTREADY" time --iface eth0 --yes --force --down-for 1 --format json \
    >"$PR_TMP/time.json" 2>"$PR_TMP/time.err"
set -e
cat "$PR_TMP/time.err"
measured=$(pr_json "$PR_TMP/time.json" 'd["time"]["bounces"][0]["reachability_ms"]')
echo "predicted ${predicted} s, measured ${measured} ms"
if python3 -c 'import sys; sys.exit(0 if abs(float(sys.argv[2]) - 1000 * float(sys.argv[1])) <= 100 else 1)' \
    "$predicted" "$measured" 2>/dev/null; then
    pr_pass "prediction and measurement agree within 100 ms"
else
    pr_fail "predicted ${predicted} s, measured ${measured} ms"
fi
pr_done
