#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# dhcp-log on the logs of real dnsmasq and Kea servers, written here: each
# server runs in a network namespace this test creates, with a pool of one
# address, and two busybox udhcpc clients ask in turn. The first gets the
# address (udhcpc says which: the expectation), the second gets nothing
# (udhcpc says "no lease"). dhcp-log must call the first complete with that
# address and the second no-offer, from each server's own log.
set -euo pipefail
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/dhcp_netns.sh"
dn_need
trap 'dn_cleanup; pr_cleanup' EXIT
dn_setup
dn_add_client 2
mac1=$(dn_mac 1)
mac2=$(dn_mac 2)
sleep 2 # the veths' carriers

# What udhcpc itself reports: "lease of IP obtained from SERVER".
leased_ip() {
    sed -n 's/.*lease of \([0-9.]*\) obtained.*/\1/p' "$PR_TMP/udhcpc-$1.out"
}

classify() { # FILE MAC -> "verdict ip"
    "$PORTREADY" dhcp-log --format json --mac "$2" "$1" >"$PR_TMP/cls.json" 2>"$PR_TMP/cls.err" || true
    pr_json "$PR_TMP/cls.json" '" ".join([d["dhcp"][0]["verdict"], str(d["dhcp"][0]["ip"])])'
}

# The verdicts on both clients in LOG, and the server's reason: it must be
# in the log (MARK), then in client 2's verdict (WORDS).
expect_verdicts() { # NAME LOG MARK WORDS
    pr_expect_eq "$1: client 1 complete with udhcpc's address" "complete $ip1" "$(classify "$2" "$mac1")"
    pr_expect_eq "$1: client 2 no-offer" "no-offer None" "$(classify "$2" "$mac2")"
    [ -z "$3" ] && return 0
    grep -qF "$3" "$2" && pr_json "$PR_TMP/cls.json" 'd["dhcp"][0]["reason"]' | pr_has -F "$4" &&
        pr_pass "$1: the reason it logged is in the verdict" ||
        pr_fail "$1: reason: $(pr_json "$PR_TMP/cls.json" 'd["dhcp"][0]["reason"]')"
}

run_clients() { # SERVER
    dn_client 1 -t 5 -T 1 || true
    dn_client 2 -t 3 -T 1 || true
    ip1=$(leased_ip 1)
    [ -n "$ip1" ] && pr_pass "$1: client 1 got $ip1" || pr_fail "$1: client 1 got no lease: $(cat "$PR_TMP/udhcpc-1.out")"
    grep -qF "no lease" "$PR_TMP/udhcpc-2.out" && pr_pass "$1: client 2 got none" ||
        pr_fail "$1: client 2: $(cat "$PR_TMP/udhcpc-2.out")"
}

# --- dnsmasq, its own log file, with --log-dhcp (transaction numbers) ---
dn_run dnsmasq dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 \
    --interface="$DN_BR" --bind-interfaces --dhcp-range=10.77.0.50,10.77.0.50,1h --log-dhcp \
    --log-facility="$PR_TMP/dnsmasq.log" --dhcp-leasefile="$PR_TMP/dnsmasq.leases" -u root -g root
pr_wait_for_text "$PR_TMP/dnsmasq.log" "DHCP, sockets bound" || pr_fail "dnsmasq did not start"
run_clients dnsmasq
dn_stop dnsmasq
expect_verdicts dnsmasq "$PR_TMP/dnsmasq.log" "$mac2 no address available" "no address available"

# --- Kea, its own log file (debug level 99 of the packets logger) ---
dn_kea "$PR_TMP/kea.log" 50
run_clients kea
dn_stop kea
expect_verdicts kea "$PR_TMP/kea.log" "ALLOC_ENGINE_V4_ALLOC_FAIL [hwtype=1 $mac2]" \
    "failed to allocate an IPv4 address"
"$PORTREADY" dhcp-log "$PR_TMP/kea.log" >"$PR_TMP/kea.txt" 2>&1 || true
grep -q "restarted" "$PR_TMP/kea.txt" && pr_fail "kea: its start banner counted as a restart" ||
    pr_pass "kea: one start, no restart"

# --- dnsmasq logging to syslog, read back from a private journald ---
if [ -x /lib/systemd/systemd-journald ] && command -v journalctl >/dev/null; then
    dn_run journal unshare -m bash "$PR_SOURCE_DIR/tests/integration/dhcp_journal.sh" "$PR_TMP" "$DN_BR"
    for _ in $(seq 100); do [ -e "$PR_TMP/ready" ] && break; sleep 0.1; done
    sleep 0.5
    run_clients journald
    touch "$PR_TMP/stop"
    wait "${DN_PIDS[journal]}" || pr_fail "the journald run failed: $(cat "$PR_TMP/journal.stderr")"
    unset "DN_PIDS[journal]"
    for form in json short-iso; do
        expect_verdicts "journalctl -o $form" "$PR_TMP/journal.$form" "no address available" \
            "dnsmasq says \"no address available\""
    done
else
    pr_pass "no systemd-journald here: journald framing not run"
fi

# The logs stay for whoever looks at a failure.
mkdir -p "${PR_BUILD_DIR:-/tmp}/dhcplog-servers"
cp "$PR_TMP/dnsmasq.log" "$PR_TMP/kea.log" "$PR_TMP"/journal.json "$PR_TMP"/journal.short-iso "${PR_BUILD_DIR:-/tmp}/dhcplog-servers/" 2>/dev/null || true
pr_done
