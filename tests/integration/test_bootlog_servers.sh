#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# boot-log on the logs real servers wrote here: dnsmasq (DHCP and TFTP),
# tftpd-hpa (through syslog) and nginx, in network namespaces this test
# creates (bootlog_lab.sh), and busybox clients playing a PXE install's
# stages, each machine its own way:
#   1 the whole install: DHCP, TFTP undionly.kpxe, DHCP, GET script,
#     kernel, initrd, DHCP, GET preseed.cfg                  -> complete
#   2 a lease and nothing after it (no RRQ)                  -> tftp-timeout
#   3 the boot file, then the link bounces (the chainload) and the port
#     discards 12 s; udhcpc gives up in 3: the chainload's DHCP never
#     reaches the server                                     -> renew-failed
#   4 the whole install, but the preseed is not there (404)  -> preseed-failed
#   5 the boot file from tftpd-hpa, the iPXE lease, script, kernel, initrd,
#     then the link bounces (the installer's kernel) and the installer's
#     DHCP gives up inside the 12 s: it never arrives
#                                                            -> installer-dhcp-failed
#   6 a boot file the TFTP server does not have              -> tftp-not-found
#   7 the boot file, the bounce, and iPXE's DHCP keeps trying through the
#     12 s; the rest goes through                            -> slow-renew
# Each expectation is what the client did (its commands, below), checked
# against the server's own lines first (the log must show the event).
set -euo pipefail
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/bootlog_lab.sh"
bl_need
trap 'bl_cleanup; pr_cleanup' EXIT
logs=$PR_TMP/logs
bl_setup "$logs"
for n in 1 2 3 4 5 6 7; do bl_client "$n"; done
for n in 1 2 3 4 5 6 7; do bl_forwarding "$n" || pr_fail "port of client $n never forwards"; done

install() { # N TFTP-SERVER PRESEED: every stage
    bl_dhcp "$1" -t 5 -T 1
    bl_next
    bl_tftp "$1" "$2" undionly.kpxe
    bl_next
    bl_dhcp "$1" -t 5 -T 1
    bl_next
    bl_get "$1" /boot.ipxe
    bl_next
    bl_get "$1" /debian/linux
    bl_next
    bl_get "$1" /debian/initrd.gz
    bl_next
    bl_dhcp "$1" -t 5 -T 1
    bl_next
    bl_get "$1" "$3" || true
    bl_next
}

install 1 10.78.0.1 /preseed.cfg
bl_next
bl_dhcp 2 -t 5 -T 1
bl_next
bl_dhcp 3 -t 5 -T 1
bl_next
bl_tftp 3 10.78.0.1 undionly.kpxe
bl_next
bl_bounce 3
bl_dhcp 3 -t 3 -T 1 || true
bl_next
install 4 10.78.0.1 /preseed-missing.cfg
bl_next
bl_dhcp 5 -t 5 -T 1
bl_next
bl_tftp 5 10.78.0.2 undionly.kpxe
bl_next
bl_dhcp 5 -t 5 -T 1
bl_next
bl_get 5 /boot.ipxe
bl_next
bl_get 5 /debian/linux
bl_next
bl_get 5 /debian/initrd.gz
bl_next
bl_bounce 5
bl_dhcp 5 -t 3 -T 1 || true
bl_next
bl_dhcp 6 -t 5 -T 1
bl_next
bl_tftp 6 10.78.0.1 pxelinux.0 || true
bl_next
bl_dhcp 7 -t 5 -T 1
bl_next
bl_tftp 7 10.78.0.1 undionly.kpxe
bl_next
bl_bounce 7
bl_dhcp 7 -t 30 -T 1 -A 1
bl_get 7 /boot.ipxe
bl_next
bl_get 7 /debian/linux
bl_next
bl_get 7 /debian/initrd.gz
bl_next
bl_dhcp 7 -t 5 -T 1
bl_next
bl_get 7 /preseed.cfg
bl_next
sleep 1
bl_stop_servers

for n in 1 2 3 4 5 6 7; do mac[$n]=$(bl_mac "$n"); done
for f in dnsmasq.log tftpd.log access.log; do
    [ -s "$logs/$f" ] && pr_pass "$f written" || pr_fail "$f is empty"
done
# The servers' own lines, as the expectations rest on them.
grep -qF "DHCPACK(prbl${BL_ID}br) " "$logs/dnsmasq.log" && pr_pass "dnsmasq logged ACKs" || pr_fail "no ACK in dnsmasq.log"
grep -qE "sent .*undionly.kpxe to " "$logs/dnsmasq.log" && pr_pass "dnsmasq logged a TFTP transfer" || pr_fail "no TFTP line in dnsmasq.log: $(grep tftp "$logs/dnsmasq.log")"
grep -qF "pxelinux.0 not found" "$logs/dnsmasq.log" && pr_pass "dnsmasq logged the missing file" || pr_fail "no 'not found' in dnsmasq.log"
grep -qF "RRQ from " "$logs/tftpd.log" && pr_pass "tftpd-hpa logged its RRQ" || pr_fail "no RRQ in tftpd.log: $(cat "$logs/tftpd.log")"
grep -qF '"GET /preseed-missing.cfg HTTP/1.1" 404' "$logs/access.log" && pr_pass "nginx logged the 404" || pr_fail "no 404 in access.log"

"$PORTREADY" boot-log --format json "$logs/dnsmasq.log" "$logs/tftpd.log" "$logs/access.log" \
    >"$PR_TMP/boot.json" 2>"$PR_TMP/boot.err" && rc=0 || rc=$?
pr_expect_eq "exit 2: failed boots" 2 "$rc"
verdict() { # MAC -> "verdict failed_stage"
    pr_json "$PR_TMP/boot.json" "' '.join(str(c['verdict']) + ' ' + str(c['failed_stage']) for c in d['boot_log'] if c['mac'] == '$1')"
}
pr_expect_eq "1: the whole install" "complete None" "$(verdict "${mac[1]}")"
pr_expect_eq "2: a lease, no RRQ after it" "tftp-timeout boot-file" "$(verdict "${mac[2]}")"
pr_expect_eq "3: the chainload's DHCP never arrived" "renew-failed ipxe-dhcp" "$(verdict "${mac[3]}")"
pr_expect_eq "4: the preseed 404" "preseed-failed preseed" "$(verdict "${mac[4]}")"
pr_expect_eq "5: the installer's DHCP never arrived" "installer-dhcp-failed installer-dhcp" "$(verdict "${mac[5]}")"
pr_expect_eq "6: no such boot file" "tftp-not-found boot-file" "$(verdict "${mac[6]}")"
pr_expect_eq "7: the chainload's DHCP came late" "slow-renew None" "$(verdict "${mac[7]}")"
# 1's timeline: the eight stages in the order its client ran them.
pr_expect_eq "1: its timeline" \
    "firmware-dhcp boot-file ipxe-dhcp script kernel initrd installer-dhcp preseed" \
    "$(pr_json "$PR_TMP/boot.json" "' '.join(r['stage'] for c in d['boot_log'] if c['mac'] == '${mac[1]}' for r in c['timeline'])")"
# 5's boot file came from tftpd-hpa's log, joined through dnsmasq's ACK.
pr_expect_eq "5: the boot file from tftpd-hpa" "tftpd-hpa undionly.kpxe" \
    "$(pr_json "$PR_TMP/boot.json" "' '.join(r['server'] + ' ' + r['file'] for c in d['boot_log'] if c['mac'] == '${mac[5]}' for r in c['timeline'] if r['stage'] == 'boot-file')")"
# 7: the port discarded 12 s after the bounce that followed the boot file;
# iPXE's lease came at least that much later.
renew=$(pr_json "$PR_TMP/boot.json" "[c['renew_s'] for c in d['boot_log'] if c['mac'] == '${mac[7]}'][0]")
python3 -c "import sys; sys.exit(0 if 12 <= float('$renew') < 20 else 1)" &&
    pr_pass "7: chainload to lease $renew s (blocked 12 s)" || pr_fail "7: renew_s $renew"
pr_expect_eq "seven machines" 7 "$(pr_json "$PR_TMP/boot.json" 'd["summary"]["machines"]')"
pr_expect_eq "no malformed line" 0 "$(pr_json "$PR_TMP/boot.json" 'd["summary"]["malformed"]')"

# Text: the operator's message beside the failing stage.
"$PORTREADY" boot-log "$logs/dnsmasq.log" "$logs/access.log" "$logs/tftpd.log" >"$PR_TMP/boot.txt" 2>&1 || true
grep -A3 "^${mac[3]}  renew-failed  at ipxe-dhcp" "$PR_TMP/boot.txt" | pr_has -F 'console: "No configuration methods succeeded' &&
    pr_pass "text: 3's console message" || pr_fail "text: $(cat "$PR_TMP/boot.txt")"
grep -A3 "^${mac[4]}  preseed-failed" "$PR_TMP/boot.txt" | pr_has -F "Failed to retrieve the preconfiguration file" &&
    pr_pass "text: 4's console message" || pr_fail "text 4"
grep -A3 "^${mac[2]}  tftp-timeout" "$PR_TMP/boot.txt" | pr_has -F "TFTP open timeout" &&
    pr_pass "text: 2's console message" || pr_fail "text 2"

# Without the TFTP and HTTP logs, 2's lease says nothing more.
"$PORTREADY" boot-log --format json "$logs/tftpd.log" <(grep -v tftp "$logs/dnsmasq.log") >"$PR_TMP/dhcp-only.json" 2>/dev/null || true
pr_expect_eq "DHCP and tftpd-hpa: a TFTP log was read, so 2 is tftp-timeout" "tftp-timeout" \
    "$(pr_json "$PR_TMP/dhcp-only.json" "[c['verdict'] for c in d['boot_log'] if c['mac'] == '${mac[2]}'][0]")"
"$PORTREADY" boot-log --format json <(grep -v tftp "$logs/dnsmasq.log") >"$PR_TMP/dhcp-only.json" 2>/dev/null && rc=0 || rc=$?
pr_expect_eq "DHCP only: 2 is lease-only" "lease-only" \
    "$(pr_json "$PR_TMP/dhcp-only.json" "[c['verdict'] for c in d['boot_log'] if c['mac'] == '${mac[2]}'][0]")"

mkdir -p "${PR_BUILD_DIR:-/tmp}/bootlog-servers"
cp "$logs"/dnsmasq.log "$logs"/tftpd.log "$logs"/access.log "${PR_BUILD_DIR:-/tmp}/bootlog-servers/" 2>/dev/null || true
pr_done
