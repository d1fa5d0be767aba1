# SPDX-License-Identifier: BSD-3-Clause
# Sourced by the boot-log tests and tests/data/bootlog/record: a PXE
# install's servers and clients in network namespaces this file creates
# (names start with prbl and carry the PID), and what the servers logged.
#
# The server namespace holds a bridge (10.78.0.1/24 and 10.78.0.2/24) with
# dnsmasq (DHCP with a pool of 10.78.0.50-99, TFTP on 10.78.0.1, its own log
# file), tftpd-hpa on 10.78.0.2 (syslog through busybox syslogd) and nginx
# (10.78.0.1:80, combined access log). Each client is a namespace on its own
# veth, and plays a boot's stages with busybox: udhcpc (the firmware's,
# iPXE's and the installer's DHCP), tftp (the boot file), and curl (script,
# kernel, initrd, preseed: busybox's wget crashes on this build). The
# bridge runs STP with a forward delay of 6 s, so a port whose link comes up
# discards everything for 12 s, as a switch port that is not edge does: a
# client bouncing its link (the chainload re-initialising the NIC) then gets
# no DHCP through for 12 s.
#
#   bl_need            skip (77) unless root with namespaces and the programs
#   bl_setup DIR       the namespaces and servers; logs and files under DIR
#   bl_client N        a client namespace; bl_mac N prints its MAC
#   bl_dhcp N [ARGS]   one udhcpc run (a lease puts the address on the veth)
#   bl_tftp N SERVER FILE, bl_get N PATH   one fetch (status ignored)
#   bl_next            a second's pause: every log here stamps to the second,
#                      and two servers' lines of one second cannot be
#                      ordered, so each stage of a boot gets a second of its
#                      own, as a real boot's stages take seconds each
#   bl_bounce N        the client's link down and up: its port discards 12 s
#   bl_forwarding N    waits until the client's port forwards
#   bl_stop_servers    stops every server (their logs are then complete)
#   bl_cleanup         stops what is left and removes every namespace

BL_ID=$$
BL_SRV=prbl$BL_ID-s
BL_BR=prbl${BL_ID}br
BL_CLIENTS=()
declare -A BL_PIDS=()
BL_DIR=

bl_need() {
    [ "$(id -u)" -eq 0 ] || pr_skip "not root: no network namespaces"
    for prog in ip ethtool dnsmasq in.tftpd nginx busybox curl unshare; do
        command -v "$prog" >/dev/null || pr_skip "$prog is not installed (scripts/deps)"
    done
    ip netns add "${BL_SRV}probe" 2>/dev/null || pr_skip "cannot create network namespaces here"
    ip netns del "${BL_SRV}probe"
}

bl_stop_servers() {
    local name i
    # The tftpd-hpa script stops its own children when told to: wait for it
    # (killing it would leave them behind).
    if [ -n "$BL_DIR" ] && [ -n "${BL_PIDS[tftpd]:-}" ]; then
        touch "$BL_DIR/stop-tftpd"
        for i in $(seq 50); do kill -0 "${BL_PIDS[tftpd]}" 2>/dev/null || break; sleep 0.1; done
        wait "${BL_PIDS[tftpd]}" 2>/dev/null || true
        unset "BL_PIDS[tftpd]"
    fi
    for name in "${!BL_PIDS[@]}"; do
        kill "${BL_PIDS[$name]}" 2>/dev/null || true
        wait "${BL_PIDS[$name]}" 2>/dev/null || true
        unset "BL_PIDS[$name]"
    done
}

bl_cleanup() {
    local name
    bl_stop_servers
    for name in "${BL_CLIENTS[@]}"; do
        ip netns del "$name" 2>/dev/null || true
    done
    ip netns del "$BL_SRV" 2>/dev/null || true
}

bl_run() { # NAME CMD...: a server in the server namespace, in the background
    local name=$1
    shift
    ip netns exec "$BL_SRV" "$@" >"$BL_DIR/$name.stdout" 2>"$BL_DIR/$name.stderr" &
    BL_PIDS[$name]=$!
}

bl_setup() {
    BL_DIR=$1
    mkdir -p "$BL_DIR/tftp" "$BL_DIR/www/debian"
    # The files of a Debian netboot, as small stand-ins.
    head -c 70000 /dev/urandom >"$BL_DIR/tftp/undionly.kpxe"
    printf '#!ipxe\ndhcp\nkernel http://10.78.0.1/debian/linux auto=true url=http://10.78.0.1/preseed.cfg\ninitrd http://10.78.0.1/debian/initrd.gz\nboot\n' >"$BL_DIR/www/boot.ipxe"
    head -c 300000 /dev/urandom >"$BL_DIR/www/debian/linux"
    head -c 500000 /dev/urandom >"$BL_DIR/www/debian/initrd.gz"
    printf 'd-i debian-installer/locale string en_US\n' >"$BL_DIR/www/preseed.cfg"
    ip netns add "$BL_SRV"
    ip -n "$BL_SRV" link set lo up
    ip -n "$BL_SRV" link add "$BL_BR" type bridge stp_state 1 forward_delay 600
    ip -n "$BL_SRV" addr add 10.78.0.1/24 dev "$BL_BR"
    ip -n "$BL_SRV" addr add 10.78.0.2/24 dev "$BL_BR"
    ip -n "$BL_SRV" link set "$BL_BR" up
    ip netns exec "$BL_SRV" ethtool -K "$BL_BR" tx off >/dev/null
    # Bound to 10.78.0.1 alone, so that its TFTP server leaves 10.78.0.2:69
    # to tftpd-hpa.
    bl_run dnsmasq dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 \
        --bind-interfaces --listen-address=10.78.0.1 \
        --dhcp-range=10.78.0.50,10.78.0.99,1h --dhcp-boot=undionly.kpxe \
        --enable-tftp --tftp-root="$BL_DIR/tftp" \
        --log-facility="$BL_DIR/dnsmasq.log" --dhcp-leasefile="$BL_DIR/dnsmasq.leases" -u root -g root
    cat >"$BL_DIR/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $BL_DIR/nginx.pid;
error_log $BL_DIR/nginx-error.log;
events { worker_connections 64; }
http {
    access_log $BL_DIR/access.log combined;
    client_body_temp_path $BL_DIR/nginx-tmp;
    server { listen 10.78.0.1:80; root $BL_DIR/www; }
}
CONF
    bl_run nginx nginx -c "$BL_DIR/nginx.conf" -p "$BL_DIR" -g 'daemon off;'
    bl_run tftpd unshare -m bash "$PR_SOURCE_DIR/tests/integration/bootlog_tftpd.sh" "$BL_DIR" 10.78.0.2
    pr_wait_for_text "$BL_DIR/dnsmasq.log" "TFTP root is" || { echo "dnsmasq did not start" >&2; return 1; }
    local i
    for i in $(seq 100); do [ -e "$BL_DIR/tftpd-ready" ] && [ -e "$BL_DIR/nginx.pid" ] && break; sleep 0.1; done
    [ -e "$BL_DIR/nginx.pid" ] || { echo "nginx did not start: $(cat "$BL_DIR/nginx.stderr")" >&2; return 1; }
    # The client's udhcpc script: the lease's address on the interface.
    printf '#!/bin/sh\n[ "$1" = bound ] && ip addr replace "$ip/24" dev "$interface"\nexit 0\n' >"$BL_DIR/udhcpc.script"
    chmod 755 "$BL_DIR/udhcpc.script"
}

bl_client() {
    local n=$1 ns=prbl$BL_ID-c$1 a=prbl${BL_ID}a$1 b=prbl${BL_ID}b$1
    ip netns add "$ns"
    BL_CLIENTS+=("$ns")
    ip link add "$a" type veth peer name "$b"
    ip link set "$a" netns "$BL_SRV"
    ip link set "$b" netns "$ns"
    ip -n "$BL_SRV" link set "$a" master "$BL_BR"
    ip -n "$BL_SRV" link set "$a" up
    ip -n "$ns" link set lo up
    ip -n "$ns" link set "$b" up
    ip netns exec "$BL_SRV" ethtool -K "$a" tx off >/dev/null
    ip netns exec "$ns" ethtool -K "$b" tx off >/dev/null
}

bl_mac() {
    ip -n "prbl$BL_ID-c$1" -o link show "prbl${BL_ID}b$1" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p'
}

bl_dhcp() {
    local n=$1
    shift
    ip netns exec "prbl$BL_ID-c$n" busybox udhcpc -i "prbl${BL_ID}b$n" -n -q \
        -s "$BL_DIR/udhcpc.script" "$@" >>"$BL_DIR/udhcpc-$n.out" 2>&1
}

bl_tftp() {
    ip netns exec "prbl$BL_ID-c$1" busybox tftp -g -r "$3" -l /dev/null "$2" \
        >>"$BL_DIR/client-$1.out" 2>&1
}

bl_get() {
    ip netns exec "prbl$BL_ID-c$1" curl -s --max-time 5 -o /dev/null "http://10.78.0.1$2" \
        >>"$BL_DIR/client-$1.out" 2>&1
}

bl_next() {
    sleep 1.1
}

bl_bounce() {
    ip -n "prbl$BL_ID-c$1" link set "prbl${BL_ID}b$1" down
    ip -n "prbl$BL_ID-c$1" link set "prbl${BL_ID}b$1" up
}

bl_forwarding() {
    local i
    for i in $(seq 300); do
        ip netns exec "$BL_SRV" bridge link show dev "prbl${BL_ID}a$1" | pr_has "state forwarding" && return 0
        sleep 0.1
    done
    return 1
}
