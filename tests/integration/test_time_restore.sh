#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready time puts back exactly what the bounce took: routes in other
# tables, multipath routes (all nexthops on the interface, and mixed with
# another interface), routes through nexthop objects (nhid) and those
# objects (single and groups), IPv6 multipath, and permanent and noarp
# neighbour entries. The state before and after the bounce is compared
# line by line; then an entry that cannot come back makes it exit 3 and say
# which.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
lab_start --stp off

# A second interface in the server namespace, for the mixed multipath.
in_srv ip link add x0 type veth peer name x1
in_srv ip addr add 10.88.0.2/24 dev x0
in_srv ip link set x1 up
in_srv ip link set x0 up

in_srv ip route add 198.51.100.0/24 via 10.77.0.1 dev eth0 table 100
in_srv ip route add 203.0.113.0/24 nexthop via 10.77.0.1 dev eth0 nexthop via 10.77.0.254 dev eth0
in_srv ip route add 100.64.0.0/24 nexthop via 10.77.0.1 dev eth0 nexthop via 10.88.0.1 dev x0
in_srv ip route add 203.0.113.128/25 table 100 nexthop via 10.77.0.1 dev eth0 weight 2 \
    nexthop via 10.77.0.254 dev eth0
in_srv ip -6 route add 2001:db8:1::/64 nexthop via fd77::1 dev eth0 nexthop via fd77::254 dev eth0
in_srv ip nexthop add id 10 via 10.77.0.1 dev eth0
in_srv ip nexthop add id 11 via 10.77.0.254 dev eth0
in_srv ip nexthop add id 12 via 10.88.0.1 dev x0
in_srv ip nexthop add id 20 group 10/11
in_srv ip nexthop add id 21 group 10,3/12
in_srv ip route add 192.0.2.0/25 nhid 10
in_srv ip route add 192.0.2.128/25 nhid 20
in_srv ip route add 100.64.1.0/24 nhid 21
in_srv ip neigh add 10.77.0.50 lladdr 02:00:00:00:00:50 dev eth0 nud permanent
in_srv ip neigh add 10.77.0.51 lladdr 02:00:00:00:00:51 dev eth0 nud noarp
in_srv ip -6 neigh add fd77::50 lladdr 02:00:00:00:00:52 dev eth0 nud permanent

# state FILE: what must survive, one line per entry, without the kernel's
# own routes (proto kernel, re-derived from the addresses) and link-local.
state() {
    {
        in_srv ip -o -4 route show table all | grep -v -e 'proto kernel' -e '^local ' -e '^broadcast ' |
            sed 's/ linkdown//g; s/ dead//g' || true
        in_srv ip -o -6 route show table all | grep -v -e 'proto kernel' -e '^local ' -e '^multicast ' \
            -e '^fe80' | sed 's/ linkdown//g; s/ dead//g' || true
        in_srv ip nexthop show
        in_srv ip -4 neigh show nud permanent dev eth0
        in_srv ip neigh show nud noarp dev eth0 | grep -v "^ff02::" || true
        in_srv ip -6 neigh show nud permanent dev eth0
        in_srv ip addr show dev eth0 | grep -E 'inet6? ' | grep -v 'scope link' | awk '{print $1, $2}' || true
    } | sed 's/[[:space:]\\]\+/ /g; s/ $//' | sort >"$1"
}
state "$PR_TMP/before"
expected=$(wc -l <"$PR_TMP/before")
echo "before the bounce ($expected entries):"
cat "$PR_TMP/before"

set +e
in_srv "$PORTREADY" time --iface eth0 --yes --force --down-for 0.5 >"$PR_TMP/clean.out" 2>"$PR_TMP/clean.err"
rc=$?
set -e
cat "$PR_TMP/clean.out" "$PR_TMP/clean.err"
state "$PR_TMP/after"
missing=$(comm -23 "$PR_TMP/before" "$PR_TMP/after" | wc -l)
echo "restored $((expected - missing))/$expected entries"
if [ "$missing" -eq 0 ]; then pr_pass "every route, nexthop, neighbour and address is back"; else
    pr_fail "not back after the bounce: $(comm -23 "$PR_TMP/before" "$PR_TMP/after" | tr '\n' ';')"
fi
extra=$(comm -13 "$PR_TMP/before" "$PR_TMP/after")
if [ -z "$extra" ]; then pr_pass "nothing new after the bounce"; else pr_fail "new after the bounce: $extra"; fi
pr_expect_eq "clean bounce: exit 0 (STP off)" 0 "$rc"

# An entry that cannot come back: while the link is down, another route
# takes the place of a recorded one (same table, prefix and metric, another
# gateway), so the recorded one cannot be added again.
# lose_route NAME [ARGS...]: a run with ARGS during which that happens.
lose_route() {
    local name=$1 pid
    shift
    in_srv ip route replace 198.18.0.0/24 via 10.77.0.1 dev eth0 table 101
    in_srv "$PORTREADY" time --iface eth0 --yes --force --down-for 3 "$@" \
        >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err" &
    pid=$!
    if wait_for 5 srv_link_down; then
        # While the link is down, something else takes the table-101 route's
        # place with a different gateway: the recorded one cannot be added.
        sleep 0.3
        in_srv ip route add 198.18.0.0/24 via 10.88.0.1 dev x0 table 101 2>/dev/null || true
    else
        pr_fail "$name: the link never went down"
    fi
    set +e
    wait "$pid"
    rc=$?
    set -e
    cat "$PR_TMP/$name.out" "$PR_TMP/$name.err"
}
lost="route 198.18.0.0/24 table 101 via 10.77.0.1 dev eth0"
lose_route lost
pr_expect_eq "a route that could not be put back: exit 3" 3 "$rc"
if grep -qF "could not be put back: $lost" "$PR_TMP/lost.err"; then
    pr_pass "says which route could not be put back"
else
    pr_fail "does not name the route: $(cat "$PR_TMP/lost.err")"
fi
# The bounce itself was ready (STP off), but the run's verdict is exit 3's:
# unknown, saying what was not restored before what was measured.
pr_expect_eq "text: not restored, the bounce measured ready" \
    "not put back (1): $lost|verdict: unknown: eth0 was not restored: 1 of what it had is missing; measured: ready" \
    "$(grep -E '^(not put back|verdict)' "$PR_TMP/lost.out" | paste -sd'|')"
if grep -q '^bounce 1/1: .* | ready | put back' "$PR_TMP/lost.out"; then
    pr_pass "text: the bounce's own line still says what it measured"
else
    pr_fail "text: no ready bounce line: $(cat "$PR_TMP/lost.out")"
fi

# JSON says the same: the summary's verdict and cause as the text's line,
# the measurement in measured_verdict and in the bounce.
lose_route lost-json --format json
pr_expect_eq "JSON: not restored, exit 3" 3 "$rc"
pr_expect_eq "JSON: verdict, measured verdict, bounce verdict, what is missing" \
    "unknown ready ready 1 $lost" \
    "$(pr_json "$PR_TMP/lost-json.out" '" ".join(str(x) for x in (d["time"]["summary"]["verdict"], d["time"]["summary"]["measured_verdict"], d["time"]["bounces"][0]["verdict"], d["time"]["not_restored"], d["time"]["not_restored_what"]))')"
pr_expect_eq "JSON: the cause is the text's" \
    "eth0 was not restored: 1 of what it had is missing; measured: ready" \
    "$(pr_json "$PR_TMP/lost-json.out" 'd["time"]["summary"]["cause"]')"
pr_done
