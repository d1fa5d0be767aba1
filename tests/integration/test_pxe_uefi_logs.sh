#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# dhcp-log and boot-log on the logs a real UEFI firmware's PXE boot left in
# dnsmasq (tests/data/pxe-uefi, one run of test_pxe_uefi.sh; its README says
# what the firmware did). Each expectation is read off the raw lines, quoted
# beside it.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
D=$PR_SOURCE_DIR/tests/data/pxe-uefi
export TZ=UTC

# stp-fd15: dnsmasq.log holds only dnsmasq's start lines ("started, version
# 2.90" ... "TFTP root is"); no line names 52:54:00:77:00:0f: its four
# DISCOVERs fell inside the 30 s blackout.
"$PORTREADY" dhcp-log --format json --mac 52:54:00:77:00:0f "$D/stp-fd15/dnsmasq.log" \
    >"$PR_TMP/fd15.json" || true
pr_expect_eq "stp-fd15: not-seen" not-seen "$(pr_json "$PR_TMP/fd15.json" "d['dhcp'][0]['verdict']")"
"$PORTREADY" boot-log --format json "$D/stp-fd15/dnsmasq.log" >"$PR_TMP/fd15-boot.json" || true
pr_expect_eq "stp-fd15: boot-log sees no machine" 0 \
    "$(pr_json "$PR_TMP/fd15-boot.json" "len(d['boot_log'])")"

# stp-fd12: 03:43:51 DHCPDISCOVER and DHCPOFFER (one DISCOVER, EDK2's
# fourth), 03:44:23 DHCPREQUEST and DHCPACK 10.77.0.51: 32 s, the round's
# timeout, passed between them (EDK2 takes a round's offers when it ends).
# iPXE's DHCPDISCOVER at 03:44:34 (11 s after the lease), a second at
# 03:44:35, DHCPACK at 03:44:37 (3 s). Without the chainload's own time the
# 11 s gap is at least 7 s: slow-renew, a blackout of at most 11 s.
"$PORTREADY" dhcp-log --format json --mac 52:54:00:77:00:0c "$D/stp-fd12/dnsmasq.log" \
    >"$PR_TMP/fd12.json" || true
pr_expect_eq "stp-fd12: slow-renew 10.77.0.51" "slow-renew 10.77.0.51" \
    "$(pr_json "$PR_TMP/fd12.json" "d['dhcp'][0]['verdict'] + ' ' + d['dhcp'][0]['ip']")"
pr_expect_eq "stp-fd12: first round 32 s, gap 11 s, round 3 s, blackout at most 11 s" "32.0 11.0 3.0 11.0" \
    "$(pr_json "$PR_TMP/fd12.json" "' '.join('%.1f' % d['dhcp'][0]['retry_round'][k] for k in ('first_round_s', 'gap_s', 'round_s', 'blackout_s'))")"
# The chainload's time measured on the tap (result: request_s=58.15, the
# ACK with it; ipxe_discover_s=68.74 ...): 10.6 s. 11.0 - 10.6 = 0.4 s < 7 s:
# complete, as it was (iPXE's first DISCOVER got through).
"$PORTREADY" dhcp-log --format json --mac 52:54:00:77:00:0c --chainload-time 10.6 \
    "$D/stp-fd12/dnsmasq.log" >"$PR_TMP/fd12c.json" || true
pr_expect_eq "stp-fd12 --chainload-time 10.6: complete, blackout 0.4 s" "complete 0.4" \
    "$(pr_json "$PR_TMP/fd12c.json" "d['dhcp'][0]['verdict'] + ' %.1f' % d['dhcp'][0]['retry_round']['blackout_s']")"
# boot-log: the firmware's lease (03:44:23), ipxe.efi "sent" at 03:44:23
# and 03:44:24, iPXE's lease (03:44:37), boot.ipxe "sent" at 03:44:50 and
# nothing after it: the script came last.
rc=0
"$PORTREADY" boot-log --format json "$D/stp-fd12/dnsmasq.log" >"$PR_TMP/fd12-boot.json" || rc=$?
pr_expect_eq "stp-fd12: boot-log exit 3 (the script came, nothing after it)" 3 "$rc"
pr_expect_eq "stp-fd12: script-last, stages" \
    "script-last firmware-dhcp boot-file boot-file ipxe-dhcp script" \
    "$(pr_json "$PR_TMP/fd12-boot.json" "' '.join([d['boot_log'][0]['verdict']] + [t['stage'] for t in d['boot_log'][0]['timeline']])")"

# stp-off: 03:43:30 DHCPDISCOVER, DHCPOFFER; 03:43:33 DHCPREQUEST, DHCPACK
# 10.77.0.59 (3 s: the first round's 4 s, less the tick); iPXE's
# DHCPDISCOVER at 03:43:48 (15 s after), DHCPACK 03:43:51 (3 s). 15 s >= 7 s:
# slow-renew without the chainload's time; with the 15.0 s measured on the
# tap (request_s=3.32, ipxe_discover_s=18.33): 0 s, complete.
"$PORTREADY" dhcp-log --format json --mac 52:54:00:77:00:00 "$D/stp-off/dnsmasq.log" \
    >"$PR_TMP/off.json" || true
pr_expect_eq "stp-off: slow-renew, first round 3 s, gap 15 s" "slow-renew 3.0 15.0" \
    "$(pr_json "$PR_TMP/off.json" "d['dhcp'][0]['verdict'] + ' %.1f %.1f' % (d['dhcp'][0]['retry_round']['first_round_s'], d['dhcp'][0]['retry_round']['gap_s'])")"
"$PORTREADY" dhcp-log --format json --mac 52:54:00:77:00:00 --chainload-time 15.0 \
    "$D/stp-off/dnsmasq.log" >"$PR_TMP/offc.json" || true
pr_expect_eq "stp-off --chainload-time 15.0: complete 10.77.0.59" "complete 10.77.0.59" \
    "$(pr_json "$PR_TMP/offc.json" "d['dhcp'][0]['verdict'] + ' ' + d['dhcp'][0]['ip']")"
rc=0
"$PORTREADY" boot-log --format json "$D/stp-off/dnsmasq.log" >"$PR_TMP/off-boot.json" || rc=$?
pr_expect_eq "stp-off: boot-log script-last" "3 script-last" \
    "$rc $(pr_json "$PR_TMP/off-boot.json" "d['boot_log'][0]['verdict']")"
pr_done
