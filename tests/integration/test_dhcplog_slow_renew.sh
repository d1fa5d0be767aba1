#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# slow-renew on the logs of real servers behind a port that blocks after
# link-up. The namespaces' Linux bridge runs kernel spanning tree with a
# forward delay of 4 s, so its port to the client discards for 2 x 4 s
# after every link-up (listening, then learning). A busybox udhcpc gets a
# lease while the port forwards (the firmware's round: the link has been up
# since POST), then the client's link drops and comes up (the chainload
# re-initialising the NIC) and a new udhcpc sends a DISCOVER every second:
# those of the first 8 s are dropped, so the server logs a lease, nothing,
# then a round that starts about 8 s after the link-up and completes at once.
# dhcp-log must call it slow-renew and report the lease-to-DISCOVER gap the
# log itself shows (read here from the log's own lines), with the blackout
# estimate equal to it (the chainload's own time is not in a DHCP log). The
# same run with spanning tree off is complete. dnsmasq (its own file,
# whole-second stamps) and Kea (its own file, milliseconds) both.
set -euo pipefail
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/dhcp_netns.sh"
# Names of this test's own (prsr..., prcr...-1): dn_cleanup removes exactly them.
DN_ID=r$$
DN_SRV=prs$DN_ID
DN_BR=prb$DN_ID
dn_need
trap 'dn_cleanup; pr_cleanup' EXIT
dn_setup
mac=$(dn_mac 1)
port=pra$DN_ID-1
cns=prc$DN_ID-1
cif=prz$DN_ID-1

port_state() {
    ip netns exec "$DN_SRV" cat "/sys/class/net/$DN_BR/brif/$port/state" 2>/dev/null
}

# Waits (up to 20 s) for the bridge port to forward (state 3).
wait_forwarding() {
    local i
    for i in $(seq 200); do
        [ "$(port_state)" = 3 ] && return 0
        sleep 0.1
    done
    return 1
}

stp() { # on|off
    if [ "$1" = on ]; then
        ip -n "$DN_SRV" link set "$DN_BR" type bridge forward_delay 400 stp_state 1
    else
        ip -n "$DN_SRV" link set "$DN_BR" type bridge stp_state 0
    fi
}

# The firmware's round on a forwarding port, then the chainload: 1 s of
# its own (downloading and starting the boot file), the link bounced, and
# udhcpc asking every second for up to 20 s.
boot() { # TAG
    wait_forwarding || pr_fail "$1: the bridge port never forwarded (state $(port_state))"
    dn_client 1 -t 5 -T 1 || true
    grep -q "lease of" "$PR_TMP/udhcpc-1.out" || pr_fail "$1: no first lease: $(cat "$PR_TMP/udhcpc-1.out")"
    sleep 1
    ip -n "$cns" link set "$cif" down
    ip -n "$cns" link set "$cif" up
    local t0
    t0=$(date +%s.%N)
    dn_client 1 -t 20 -T 1 || true
    grep -q "lease of" "$PR_TMP/udhcpc-1.out" || pr_fail "$1: no lease after the bounce: $(cat "$PR_TMP/udhcpc-1.out")"
    waited=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$t0" "$(date +%s.%N)")
}

# The log's own gap for MAC: first ACK to the next DISCOVER, from the
# stamps of its lines ("Mon DD HH:MM:SS" for dnsmasq, "YYYY-MM-DD
# HH:MM:SS.mmm" for Kea), in seconds.
log_gap() { # LOG ACK-MARK DISCOVER-MARK
    python3 - "$1" "$2" "$3" "$mac" <<'PY'
import datetime, sys
path, ack_mark, disc_mark, mac = sys.argv[1:]
def stamp(line):
    if line[4] == "-":
        return datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S.%f")
    return datetime.datetime.strptime("2000 " + line[:15], "%Y %b %d %H:%M:%S")
ack = None
for line in open(path):
    if mac not in line:
        continue
    if ack is None and ack_mark in line:
        ack = stamp(line)
    elif ack is not None and disc_mark in line:
        print("%.1f" % (stamp(line) - ack).total_seconds())
        break
PY
}

verdict_of() { # LOG -> JSON in $PR_TMP/v.json
    "$PORTREADY" dhcp-log --format json --mac "$mac" "$1" >"$PR_TMP/v.json" 2>"$PR_TMP/v.err" || true
}

field() { pr_json "$PR_TMP/v.json" "d['dhcp'][0]$1"; }

judge() { # SERVER LOG ACK-MARK DISCOVER-MARK
    local name=$1 log=$2 gap
    gap=$(log_gap "$log" "$3" "$4")
    [ -n "$gap" ] || pr_fail "$name: no ACK then DISCOVER of $mac in the log"
    verdict_of "$log"
    pr_expect_eq "$name: slow-renew" "slow-renew" "$(field "['verdict']")"
    pr_expect_eq "$name: gap as the log's stamps say ($gap s)" "$gap" "$(field "['retry_round']['gap_s']" | xargs printf '%.1f')"
    pr_expect_eq "$name: blackout estimate = the gap (chainload time unknown)" "$gap" \
        "$(field "['retry_round']['blackout_s']" | xargs printf '%.1f')"
    # The port discarded for 8 s after the link-up, which came 1 s after the lease.
    python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 8.0 else 1)" "$gap" &&
        pr_pass "$name: the gap ($gap s) covers the 8 s the port discarded" ||
        pr_fail "$name: gap $gap s is shorter than the port's 8 s"
    pr_expect_eq "$name: completed at once" "True" "$(field "['retry_round']['round_s'] < 2")"
    pr_expect_eq "$name: the last event is a lease" "True" "$(field "['lease_last']")"
    "$PORTREADY" dhcp-log --mac "$mac" "$log" >"$PR_TMP/v.txt" 2>&1 || true
    grep -q "portready boot-log" "$PR_TMP/v.txt" && pr_pass "$name: text names boot-log for the install's fate" ||
        pr_fail "$name: text: $(cat "$PR_TMP/v.txt")"
    grep -q "estimated blackout: at most $gap s" "$PR_TMP/v.txt" && pr_pass "$name: text gives the blackout" ||
        pr_fail "$name: text: $(cat "$PR_TMP/v.txt")"
    echo "# $name: udhcpc waited $waited s after the bounce; the log's gap $gap s"
}

control() { # SERVER LOG
    verdict_of "$2"
    pr_expect_eq "$1, spanning tree off: complete" "complete" "$(field "['verdict']")"
    python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 7 else 1)" "$(field "['retry_round']['gap_s']")" &&
        pr_pass "$1, spanning tree off: the gap is under the 7 s threshold" ||
        pr_fail "$1, spanning tree off: gap $(field "['retry_round']['gap_s']")"
}

# --- dnsmasq ---
run_dnsmasq() { # LOG
    dn_run dnsmasq dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 \
        --interface="$DN_BR" --bind-interfaces --dhcp-range=10.77.0.50,10.77.0.60,1h --log-dhcp \
        --log-facility="$1" --dhcp-leasefile="$PR_TMP/dnsmasq.leases" -u root -g root
    pr_wait_for_text "$1" "DHCP, sockets bound" || pr_fail "dnsmasq did not start"
}
stp on
run_dnsmasq "$PR_TMP/dnsmasq-stp.log"
boot dnsmasq
dn_stop dnsmasq
judge dnsmasq "$PR_TMP/dnsmasq-stp.log" "DHCPACK(" "DHCPDISCOVER("

stp off
rm -f "$PR_TMP/dnsmasq.leases"
run_dnsmasq "$PR_TMP/dnsmasq-nostp.log"
boot dnsmasq
dn_stop dnsmasq
control dnsmasq "$PR_TMP/dnsmasq-nostp.log"

# --- Kea ---
stp on
dn_kea "$PR_TMP/kea-stp.log" 60
boot kea
dn_stop kea
judge kea "$PR_TMP/kea-stp.log" "DHCP4_LEASE_ALLOC" "DHCPDISCOVER"

stp off
dn_kea "$PR_TMP/kea-nostp.log" 60
boot kea
dn_stop kea
control kea "$PR_TMP/kea-nostp.log"

# The logs stay for whoever looks at a failure.
mkdir -p "${PR_BUILD_DIR:-/tmp}/dhcplog-slow-renew"
cp "$PR_TMP"/dnsmasq-*.log "$PR_TMP"/kea-*.log "${PR_BUILD_DIR:-/tmp}/dhcplog-slow-renew/" 2>/dev/null || true
pr_done
