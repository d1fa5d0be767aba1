#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# dhcp-log on the logs of one run of test_pxe_udhcpc (tests/data/pxe-udhcpc:
# each server behind the Linux bridge, 802.1D, and behind Open vSwitch,
# RSTP, on a non-edge port; busybox udhcpc ran pxe-rom's, iPXE's, the
# Debian installer's and Anaconda's schedules, a link bounce before each).
# Each expectation is read off the raw lines, quoted beside it; the client
# is 52:54:00:78:00:01. The logs' gaps are checked against pxe-wire's
# stamps of the same packets (wire.log).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
D=$PR_SOURCE_DIR/tests/data/pxe-udhcpc
export TZ=UTC

# FIELDS of the client's block: verdict, the gap from the firmware's lease
# to the installer's first DISCOVER (earlier_blackout_s: iPXE's stage in
# between was dropped whole), and the last round's gap (Anaconda's round
# after the installer's lease).
fields() { # LOG
    "$PORTREADY" dhcp-log --format json "$1" >"$PR_TMP/v.json" 2>"$PR_TMP/v.err" || true
    pr_json "$PR_TMP/v.json" "' '.join([d['dhcp'][0]['verdict'], '%.3f' % d['dhcp'][0]['earlier_blackout_s'], '%.3f' % d['dhcp'][0]['retry_round']['gap_s']])"
}

# Kea (milliseconds). Behind the bridge: DHCP4_LEASE_ALLOC at
# 03:20:42.358, the next DHCPDISCOVER at 03:21:16.146 (33.788 s), the next
# lease at 03:21:16.190 and DISCOVER at 03:21:33.603 (17.413 s). Behind
# OVS: 03:20:46.162 -> 03:21:24.199 (38.037 s), 03:21:24.239 ->
# 03:21:45.884 (21.645 s). Both slow-renew: a round 7 s or more (under 60)
# after a lease.
pr_expect_eq "kea behind the bridge" "slow-renew 33.788 17.413" "$(fields "$D/stp-nonedge-kea/kea.log")"
pr_expect_eq "kea behind Open vSwitch" "slow-renew 38.037 21.645" "$(fields "$D/rstp-nonedge-kea/kea.log")"
# dnsmasq (whole seconds). Bridge: DHCPACK 03:20:46, DHCPDISCOVER 03:21:20
# (34 s), DHCPACK 03:21:20, DHCPDISCOVER 03:21:37 (17 s). OVS: 03:20:50 ->
# 03:21:28 (38 s), 03:21:28 -> 03:21:49 (21 s).
pr_expect_eq "dnsmasq behind the bridge" "slow-renew 34.000 17.000" \
    "$(fields "$D/stp-nonedge-dnsmasq/dnsmasq.log")"
pr_expect_eq "dnsmasq behind Open vSwitch" "slow-renew 38.000 21.000" \
    "$(fields "$D/rstp-nonedge-dnsmasq/dnsmasq.log")"
# dhcpd (whole seconds). Bridge: DHCPACK 03:20:40, DHCPDISCOVER 03:21:13
# (33 s), DHCPACK 03:21:13, DHCPDISCOVER 03:21:31 (18 s). OVS: 03:20:47 ->
# 03:21:25 (38 s), 03:21:25 -> 03:21:47 (22 s).
pr_expect_eq "dhcpd behind the bridge" "slow-renew 33.000 18.000" \
    "$(fields "$D/stp-nonedge-dhcpd/dhcpd.log")"
pr_expect_eq "dhcpd behind Open vSwitch" "slow-renew 38.000 22.000" \
    "$(fields "$D/rstp-nonedge-dhcpd/dhcpd.log")"

# The wire saw the same: its first dhcp-ack to the next dhcp-discover.
# Kea's millisecond stamps agree within 20 ms (it logs the allocation a
# few ms before the ACK leaves; behind the bridge: 1796181642.359 ->
# 1796181676.147, 33.788 s, behind OVS 38.044 s against the log's 38.037).
wire_gap() { # WIRE
    awk '$2 == "dhcp-ack" && !a { a = $1; next } a && $2 == "dhcp-discover" { printf "%.3f\n", $1 - a; exit }' "$1"
}
pr_expect_eq "kea behind the bridge: the wire's gap" 33.788 "$(wire_gap "$D/stp-nonedge-kea/wire.log")"
for run in rstp-nonedge-kea stp-nonedge-dnsmasq rstp-nonedge-dnsmasq; do
    log=$D/$run/kea.log
    [ -f "$log" ] || log=$D/$run/dnsmasq.log
    est=$(fields "$log" | cut -d' ' -f2)
    wire=$(wire_gap "$D/$run/wire.log")
    tol=1
    [ "${run%kea}" != "$run" ] && tol=0.02
    awk -v a="$est" -v b="$wire" -v t="$tol" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }' &&
        pr_pass "$run: the log's gap ($est s) is the wire's ($wire s) within the stamps' $tol s" ||
        pr_fail "$run: the log's gap $est s, the wire's $wire s"
done
pr_done
