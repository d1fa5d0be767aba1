#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The switch-side bounce: net-snmp's snmpd runs inside the lab switch's
# namespace (its own configuration, never the system service); from the
# peer namespace (the operator's desk) portready sets ifAdminStatus of the
# bridge port facing the server down, then up, and times the server's
# reachability. The bridge's own port-state events show that the SET really
# took the port down and up, and give the truth to compare against.
# The lab switch also tells the truth over SNMP: its BRIDGE-MIB comes from
# the bridge's sysfs state (lab/netns/bridge-mib-pass).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
command -v snmpd >/dev/null || [ -x /usr/sbin/snmpd ] || pr_skip "snmpd not installed"
command -v snmpget >/dev/null || pr_skip "snmpget not installed"
lab_start --stp on
RO=lab-ro-Secret-4Hc
RW=lab-rw-Secret-8Vm
SNMPD_PID=$("$LAB" snmpd "$LAB_PREFIX" "$PR_TMP/snmpd" "$RO" "$RW")
PR_PIDS+=("$SNMPD_PID")
truth_start
SRV_IFINDEX=$(in_sw cat /sys/class/net/sw-srv/ifindex)
get() { in_peer snmpget -v2c -c "$RO" -On -Oqv 10.77.0.254 "$@"; }

# BRIDGE-MIB from the bridge itself: timers in centiseconds (forward_delay
# 200 = 2 s, max_age 2000 = 20 s), STP compatible (0), port 1 -> ifIndex of
# sw-srv, forwarding (5), STP enabled (1), not edge (false = 2).
pr_expect_eq "dot1dStpForwardDelay 200 cs" 200 "$(get .1.3.6.1.2.1.17.2.11.0)"
pr_expect_eq "dot1dStpMaxAge 2000 cs" 2000 "$(get .1.3.6.1.2.1.17.2.8.0)"
pr_expect_eq "dot1dStpVersion stpCompatible" 0 "$(get .1.3.6.1.2.1.17.2.16.0)"
port=$(in_sw cat /sys/class/net/br0/brif/sw-srv/port_no)
port=$((port))
pr_expect_eq "dot1dBasePortIfIndex -> sw-srv" "$SRV_IFINDEX" "$(get .1.3.6.1.2.1.17.1.4.1.2.$port)"
pr_expect_eq "dot1dStpPortState forwarding" 5 "$(get .1.3.6.1.2.1.17.2.15.1.3.$port)"
pr_expect_eq "dot1dStpPortEnable enabled" 1 "$(get .1.3.6.1.2.1.17.2.15.1.4.$port)"
pr_expect_eq "dot1dStpPortAdminEdgePort false" 2 "$(get .1.3.6.1.2.1.17.2.19.1.2.$port)"
pr_expect_eq "ifName from snmpd's IF-MIB" '"sw-srv"' "$(get .1.3.6.1.2.1.31.1.1.1.1.$SRV_IFINDEX)"

set +e
in_peer "$PORTREADY" time --switch 10.77.0.254 --port sw-srv --target 10.77.0.2 -c "$RW" \
    --yes --down-for 1 --format json >"$PR_TMP/sw.json" 2>"$PR_TMP/sw.err"
rc=$?
set -e
cat "$PR_TMP/sw.err"
pr_expect_eq "switch-side bounce: exit 1 (warning, about 4 s)" 1 "$rc"
pr_expect_eq "port resolved to sw-srv's ifIndex" "$SRV_IFINDEX" "$(pr_json "$PR_TMP/sw.json" 'd["time"]["port_ifindex"]')"
if grep -q -- "$RW" "$PR_TMP/sw.json" "$PR_TMP/sw.err"; then pr_fail "community leaked"; else pr_pass "no secret in output"; fi
python3 - "$PR_TMP/sw.json" "$PR_TMP/truth" <<'PY' && pr_pass "the SET took the port down and up; reachability within 12 ms of the truth" || pr_fail "switch-side bounce vs truth"
import json, sys
b = json.load(open(sys.argv[1]))["time"]["bounces"][0]
ev = [l.split() for l in open(sys.argv[2]) if l[0].isdigit()]
down = [int(t) for t, p, s in ev if s == "disabled" and int(t) >= b["down_ns"]]
listen = [int(t) for t, p, s in ev if s == "listening" and int(t) >= b["up_ns"]]
fwd = [int(t) for t, p, s in ev if s == "forwarding" and int(t) >= b["up_ns"]]
# The port went down after the "down" SET was sent and came back after "up".
assert down and down[0] < b["up_ns"], "no disabled event between the SETs"
assert listen and fwd, "the port did not come back"
truth = (fwd[0] - b["up_ns"]) / 1e6
err = b["reachability_ms"] - truth
print(f"switch-side: measured {b['reachability_ms']:.3f} ms, truth {truth:.3f} ms, error {err:+.3f} ms")
sys.exit(0 if abs(err) <= 12 else 1)
PY
pr_expect_eq "ifAdminStatus up again" 1 "$(get .1.3.6.1.2.1.2.2.1.7.$SRV_IFINDEX)"

# A read-only community cannot bounce: the agent refuses the SET, exit 3.
set +e
in_peer "$PORTREADY" time --switch 10.77.0.254 --port sw-srv --target 10.77.0.2 -c "$RO" \
    --yes --down-for 1 >"$PR_TMP/ro.out" 2>"$PR_TMP/ro.err"
rc=$?
set -e
pr_expect_eq "read-only community: exit 3" 3 "$rc"
grep -q "noAccess" "$PR_TMP/ro.err" && pr_pass "read-only: noAccess named" || pr_fail "read-only: $(cat "$PR_TMP/ro.err")"

# The guardian enables the port again when portready is killed meanwhile
# (the community read from a file this time, as an operator would).
(umask 077 && echo "$RW" >"$PR_TMP/community")
ip netns exec "$PEER" "$PORTREADY" time --switch 10.77.0.254 --port sw-srv --target 10.77.0.2 \
    --community-file "$PR_TMP/community" --yes --down-for 10 >"$PR_TMP/k.out" 2>"$PR_TMP/k.err" &
pid=$!
sw_port_down() { [ "$(in_sw cat /sys/class/net/sw-srv/operstate)" = down ]; }
sw_port_up() { [ "$(in_sw cat /sys/class/net/sw-srv/operstate)" = up ]; }
if wait_for 8 sw_port_down; then pr_pass "port taken down over SNMP"; else
    pr_fail "port never went down: $(cat "$PR_TMP/k.err")"
fi
kill -KILL "$pid"
if wait_for 3 sw_port_up; then pr_pass "SIGKILL: the guardian enabled the port again"; else pr_fail "port left down"; fi
wait "$pid" 2>/dev/null || true
if wait_for 2 grep -q "port sw-srv of 10.77.0.254 is enabled again" "$PR_TMP/k.err"; then
    pr_pass "the guardian said so"
else
    pr_fail "guardian message: $(cat "$PR_TMP/k.err")"
fi
pr_done
