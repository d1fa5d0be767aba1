#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# dhcp-log and boot-log on the logs the PXE bottle's real servers wrote
# (tests/data/pxe-bottle, one run of lab/netns/pxe-bottle; its README says
# what each scenario's client did). Each expectation is read off the raw
# lines, quoted beside it; the client is 52:54:00:78:00:01.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
D=$PR_SOURCE_DIR/tests/data/pxe-bottle
export TZ=UTC

# stp-nonedge (dhcpd + tftpd-hpa, Linux bridge with STP, not edge):
#   01:00:25 DHCPACK on 10.78.0.100, 01:00:39 RRQ ... filename ipxe.pxe, and
#   no line of the MAC after it: the chainload's DHCP never reached dhcpd.
rc=0
"$PORTREADY" boot-log --format json "$D"/stp-nonedge/{dhcpd,tftpd,access}.log >"$PR_TMP/nonedge.json" || rc=$?
pr_expect_eq "stp-nonedge: exit 2 (a failed boot)" 2 "$rc"
pr_expect_eq "stp-nonedge: renew-failed at ipxe-dhcp" "renew-failed ipxe-dhcp 10.78.0.100" \
    "$(pr_json "$PR_TMP/nonedge.json" "' '.join([d['boot_log'][0]['verdict'], d['boot_log'][0]['failed_stage'], d['boot_log'][0]['ip']])")"

# stp-off (the same bridge, STP off): two leases (01:01:54, 01:02:21), the
# RRQ between them (01:02:11), GET /boot.ipxe 200 at 01:02:38, nothing
# after: the bottle's script fetches nothing more, so the fate is unknown.
rc=0
"$PORTREADY" boot-log --format json "$D"/stp-off/{dhcpd,tftpd,access}.log >"$PR_TMP/off.json" || rc=$?
pr_expect_eq "stp-off: exit 3 (the script came, nothing after it)" 3 "$rc"
pr_expect_eq "stp-off: script-last, no failed stage" "script-last None" \
    "$(pr_json "$PR_TMP/off.json" "' '.join(str(x) for x in [d['boot_log'][0]['verdict'], d['boot_log'][0]['failed_stage']])")"

# rstp-nonedge, Kea at INFO (no DISCOVER or REQUEST lines): the first
# round's DHCP4_LEASE_ADVERT at 01:00:28.647 and DHCP4_LEASE_ALLOC at
# 01:00:31.862 (3.215 s); iPXE's round opens with an ADVERT at 01:01:10.058
# (38.196 s after the lease) and is allocated at 01:01:12.092 (2.034 s).
"$PORTREADY" dhcp-log --format json "$D"/rstp-nonedge/kea.log >"$PR_TMP/kea.json" || true
pr_expect_eq "kea: slow-renew" "slow-renew" "$(pr_json "$PR_TMP/kea.json" "d['dhcp'][0]['verdict']")"
pr_expect_eq "kea: first round, gap, round" "3.215 38.196 2.034" \
    "$(pr_json "$PR_TMP/kea.json" "' '.join('%.3f' % d['dhcp'][0]['retry_round'][k] for k in ('first_round_s', 'gap_s', 'round_s'))")"

# lacp, dnsmasq: DHCPACK at 01:03:26, iPXE's DHCPDISCOVER at 01:03:45 (19 s
# later, the TFTP transfer at 01:03:37 inside it), DHCPACK at 01:03:47.
"$PORTREADY" dhcp-log --format json "$D"/lacp/dnsmasq.log >"$PR_TMP/dnsmasq.json" || true
pr_expect_eq "dnsmasq: gap and round" "19.000 2.000" \
    "$(pr_json "$PR_TMP/dnsmasq.json" "' '.join('%.3f' % d['dhcp'][0]['retry_round'][k] for k in ('gap_s', 'round_s'))")"
# The chainload's own time from the TFTP line: the lease at 01:03:26, "sent
# .../ipxe.pxe" at 01:03:37, 11 s; 19 - 11 = 8 s of blackout, no longer
# "at most"; without the option the estimate is the whole gap, 19 s.
pr_expect_eq "dnsmasq: blackout without --chainload-time is the gap" "19.000" \
    "$(pr_json "$PR_TMP/dnsmasq.json" "'%.3f' % d['dhcp'][0]['retry_round']['blackout_s']")"
"$PORTREADY" dhcp-log --chainload-time 11 --format json "$D"/lacp/dnsmasq.log >"$PR_TMP/chain.json" || true
pr_expect_eq "dnsmasq --chainload-time 11: blackout 8 s" "8.000" \
    "$(pr_json "$PR_TMP/chain.json" "'%.3f' % d['dhcp'][0]['retry_round']['blackout_s']")"
"$PORTREADY" dhcp-log --chainload-time 11 "$D"/lacp/dnsmasq.log >"$PR_TMP/chain.txt" || true
pr_expect_match "dnsmasq --chainload-time 11: text says so" \
    "less the chainload's own 11\.0 s, 8\.0 s passed" "$(cat "$PR_TMP/chain.txt")"
pr_expect_match "dnsmasq --chainload-time 11: no upper bound" "estimated blackout: 8\.0 s" \
    "$(cat "$PR_TMP/chain.txt")"
rc=0
"$PORTREADY" dhcp-log --chainload-time -1 "$D"/lacp/dnsmasq.log >/dev/null 2>"$PR_TMP/chain.err" || rc=$?
pr_expect_eq "--chainload-time -1: exit 3" 3 "$rc"
pr_expect_match "--chainload-time -1: named" "--chainload-time '-1' is not a number of seconds" \
    "$(cat "$PR_TMP/chain.err")"
# With its TFTP line and nginx's GET /boot.ipxe 200 at 01:04:01: the
# chainloaded iPXE came through (lease 01:03:47, 10 s after the boot file).
"$PORTREADY" boot-log --format json "$D"/lacp/{dnsmasq,access}.log >"$PR_TMP/lacp.json" || true
pr_expect_eq "lacp: boot-log sees the script come" "script-last" \
    "$(pr_json "$PR_TMP/lacp.json" "d['boot_log'][0]['verdict']")"
pr_done
