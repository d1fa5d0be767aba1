# SPDX-License-Identifier: BSD-3-Clause
# Sourced by integration tests: a DHCP server and clients in network
# namespaces this test creates (names carry the test's PID), joined by
# veth pairs, and the real Debian servers (dnsmasq, kea-dhcp4) and client
# (busybox udhcpc) run in them. Everything started is stopped by
# dn_cleanup (called from the test's EXIT trap).
#
#   dn_need               skip (77) unless root with namespaces and the programs
#   dn_setup              server namespace with 10.77.0.1/24 on a veth to client 1
#   dn_add_client N       another client namespace on its own veth (same bridge)
#   dn_client N [ARGS]    udhcpc in client N's namespace (one try, no script)
#   dn_run NAME CMD...    runs a server in the server namespace, in the background
#   dn_stop NAME          stops that server (SIGTERM) and waits for it
#   dn_kea LOG LAST       kea-dhcp4 as server "kea", its own log file LOG (debug
#                         99), a pool of 10.77.0.50 to 10.77.0.LAST; waits for it
#   dn_stp FD             kernel STP (802.1D) on the bridge, forward delay FD s;
#                         FD 0 turns STP off (ports forward at once)
#   dn_add_tap NAME       a tap device NAME in the server namespace, up, on no
#                         bridge (a VM's NIC; deleted with the namespace)

DN_ID=$$
DN_SRV=prs$DN_ID
DN_BR=prb$DN_ID
DN_CLIENTS=()
declare -A DN_PIDS=()

dn_need() {
    [ "$(id -u)" -eq 0 ] || pr_skip "not root: no network namespaces"
    for prog in ip ethtool dnsmasq kea-dhcp4 busybox; do
        command -v "$prog" >/dev/null || pr_skip "$prog is not installed (scripts/deps)"
    done
    ip netns add "${DN_SRV}probe" 2>/dev/null || pr_skip "cannot create network namespaces here"
    ip netns del "${DN_SRV}probe"
}

dn_cleanup() {
    local name
    for name in "${!DN_PIDS[@]}"; do
        kill "${DN_PIDS[$name]}" 2>/dev/null || true
        wait "${DN_PIDS[$name]}" 2>/dev/null || true
    done
    for name in "${DN_CLIENTS[@]}"; do
        ip netns del "$name" 2>/dev/null || true
    done
    ip netns del "$DN_SRV" 2>/dev/null || true
}

# The server's namespace holds a bridge; each client's veth has one end on
# it. Checksum offload is off on both ends, since busybox udhcpc checks the
# checksum of what its raw socket receives.
dn_setup() {
    ip netns add "$DN_SRV"
    ip -n "$DN_SRV" link set lo up
    ip -n "$DN_SRV" link add "$DN_BR" type bridge
    ip -n "$DN_SRV" addr add 10.77.0.1/24 dev "$DN_BR"
    ip -n "$DN_SRV" link set "$DN_BR" up
    dn_add_client 1
}

dn_add_client() {
    local n=$1 ns=prc$DN_ID-$1 a=pra$DN_ID-$1 b=prz$DN_ID-$1
    ip netns add "$ns"
    DN_CLIENTS+=("$ns")
    ip link add "$a" type veth peer name "$b"
    ip link set "$a" netns "$DN_SRV"
    ip link set "$b" netns "$ns"
    ip -n "$DN_SRV" link set "$a" master "$DN_BR"
    ip -n "$DN_SRV" link set "$a" up
    ip -n "$ns" link set "$b" up
    ip netns exec "$DN_SRV" ethtool -K "$a" tx off >/dev/null
    ip netns exec "$DN_SRV" ethtool -K "$DN_BR" tx off >/dev/null
    ip netns exec "$ns" ethtool -K "$b" tx off >/dev/null
    : "$n"
}

# The client's MAC (for the expectations).
dn_mac() {
    ip -n "prc$DN_ID-$1" -o link show "prz$DN_ID-$1" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p'
}

dn_client() {
    local n=$1
    shift
    ip netns exec "prc$DN_ID-$n" busybox udhcpc -i "prz$DN_ID-$n" -n -q -s /bin/true "$@" \
        >"$PR_TMP/udhcpc-$n.out" 2>&1
}

dn_run() {
    local name=$1
    shift
    ip netns exec "$DN_SRV" "$@" >"$PR_TMP/$name.stdout" 2>"$PR_TMP/$name.stderr" &
    DN_PIDS[$name]=$!
}

dn_stop() {
    kill "${DN_PIDS[$1]}" 2>/dev/null || true
    wait "${DN_PIDS[$1]}" 2>/dev/null || true
    unset "DN_PIDS[$1]"
}

dn_kea() {
    cat >"$PR_TMP/kea.json" <<JSON
{"Dhcp4": {"interfaces-config": {"interfaces": ["$DN_BR"], "dhcp-socket-type": "raw"},
 "lease-database": {"type": "memfile", "persist": false},
 "control-socket": {"socket-type": "unix", "socket-name": "$PR_TMP/kea.sock"},
 "subnet4": [{"id": 1, "subnet": "10.77.0.0/24", "pools": [{"pool": "10.77.0.50 - 10.77.0.$2"}]}],
 "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": "$1"}],
              "severity": "DEBUG", "debuglevel": 99}]}}
JSON
    KEA_LOCKFILE_DIR=$PR_TMP KEA_PIDFILE_DIR=$PR_TMP dn_run kea kea-dhcp4 -c "$PR_TMP/kea.json"
    pr_wait_for_text "$1" "DHCP4_STARTED" || pr_fail "kea-dhcp4 did not start: $(cat "$PR_TMP/kea.stderr")"
    sleep 1
}

dn_stp() {
    if [ "$1" -eq 0 ]; then
        ip -n "$DN_SRV" link set "$DN_BR" type bridge stp_state 0
    else
        ip -n "$DN_SRV" link set "$DN_BR" type bridge forward_delay $(($1 * 100)) stp_state 1
    fi
}

dn_add_tap() {
    ip -n "$DN_SRV" tuntap add dev "$1" mode tap
    ip -n "$DN_SRV" link set "$1" up
}
