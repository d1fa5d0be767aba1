# SPDX-License-Identifier: BSD-3-Clause
# The bottle of lab/netns/pxe-bottle (sourced, never run): its namespaces,
# the switch, the boot servers, the client's port and its state, and the
# cleanup that removes all of it. Both clients (pxe-bottle-qemu.sh,
# pxe-bottle-udhcpc.sh) boot through what is built here.
#
# The caller sets: scenario, switch (linux|ovs), server (dhcpd|kea|dnsmasq),
# client (qemu|udhcpc), out (the run's folder), here (lab/netns).

P=prpxe-$$
SRV=$P-srv
SW=$P-sw
CLI=$P-cli
TAP=prpxe-tap0
MAC=52:54:00:78:00:01
work=$(mktemp -d /tmp/prpxe.XXXXXX)

in_srv() { ip netns exec "$SRV" "$@"; }
in_sw() { ip netns exec "$SW" "$@"; }
in_cli() { ip netns exec "$CLI" "$@"; }
# Seconds since the epoch (bash's own clock: no process per reading).
now() { echo "$EPOCHREALTIME"; }
# The seconds from $1 to $2 (epoch seconds), two decimals.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", b - a }'; }
# Microseconds since the epoch, for comparisons in the shell.
now_us() {
    local t=$EPOCHREALTIME
    echo "${t/./}"
}

# Everything in the namespaces was started here: stop it, then the
# namespaces. OVS runs in the switch namespace too.
bottle_cleanup() {
    local ns pid
    for ns in "$CLI" "$SW" "$SRV"; do
        ip netns list | awk '{print $1}' | grep -qx "$ns" || continue
        for pid in $(ip netns pids "$ns"); do
            kill "$pid" 2>/dev/null || true
        done
    done
    sleep 0.3
    for ns in "$CLI" "$SW" "$SRV"; do
        ip netns list | awk '{print $1}' | grep -qx "$ns" || continue
        for pid in $(ip netns pids "$ns"); do
            kill -9 "$pid" 2>/dev/null || true
        done
        ip netns del "$ns"
    done
    rm -rf "$work"
}

# The namespaces and the links: the servers' veth to the switch, and the
# client's port, prpxe-tap0 in the switch namespace: a tap QEMU holds, or a
# veth whose other end is eth0 (MAC) in the client's namespace.
bottle_links() {
    local ns
    for ns in "$SRV" "$SW"; do
        ip netns add "$ns"
        ip -n "$ns" link set lo up
    done
    ip -n "$SW" link add sw-srv type veth peer name eth0 netns "$SRV"
    if [ "$client" = qemu ]; then
        ip -n "$SW" tuntap add dev "$TAP" mode tap
    else
        ip netns add "$CLI"
        ip -n "$CLI" link set lo up
        ip -n "$SW" link add "$TAP" type veth peer name eth0 netns "$CLI"
        ip -n "$CLI" link set eth0 address "$MAC"
        in_cli ethtool -K eth0 tx off >/dev/null
        in_sw ethtool -K "$TAP" tx off >/dev/null
        ip -n "$CLI" link set eth0 up
    fi
    # The userspace switch (OVS netdev) and the client check UDP checksums
    # that a veth leaves to offload: computed in software.
    in_srv ethtool -K eth0 tx off >/dev/null
    in_sw ethtool -K sw-srv tx off >/dev/null
    in_srv ip addr add 10.78.0.1/24 dev eth0
    in_srv ip link set eth0 up
}

# Open vSwitch runs from $work/ovs (lab/netns/ovs-lib.sh), its logs in DIR.
. "$here/ovs-lib.sh"
ovs() { ovs_vsctl "$SW" "$work/ovs" "$@"; }
sw_appctl() { ovs_appctl "$SW" "$work/ovs" "$@"; }

# The switch of the scenario, with the servers' port and the client's.
bottle_switch() {
    if [ "$switch" = linux ]; then
        local stp=1
        [ "$scenario" = stp-off ] && stp=0
        in_sw ip link add br0 type bridge stp_state $stp forward_delay 800
        in_sw ip link set sw-srv master br0
        in_sw ip link set "$TAP" master br0
        in_sw ip addr add 10.78.0.254/24 dev br0
        in_sw ip link set br0 up
    else
        ovs_start "$SW" "$work/ovs" "$out"
        ovs add-br br0 -- set bridge br0 datapath_type=netdev
        ovs add-port br0 sw-srv
        case $scenario in
        rstp-*)
            local edge=false auto=false
            [ "$scenario" = rstp-edge ] && edge=true
            [ "$scenario" = rstp-auto ] && auto=true
            ovs add-port br0 "$TAP" -- set port "$TAP" other_config:rstp-port-admin-edge=$edge \
                other_config:rstp-port-auto-edge=$auto
            ovs set port sw-srv other_config:rstp-port-admin-edge=true
            # RSTP's timers: max age at most 2 x (forward delay - 1).
            ovs set bridge br0 rstp_enable=true other_config:rstp-max-age=18 \
                other_config:rstp-forward-delay=10
            ;;
        lacp*)
            ip -n "$SW" tuntap add dev prpxe-tap1 mode tap
            in_sw ip link set prpxe-tap1 up
            local fallback=false
            [ "$scenario" = lacp-fallback ] && fallback=true
            ovs add-bond br0 bond0 "$TAP" prpxe-tap1 bond_mode=balance-tcp lacp=active \
                other_config:lacp-fallback-ab=$fallback
            ;;
        esac
        in_sw ip link set br0 up
        in_sw ip addr add 10.78.0.254/24 dev br0
    fi
    in_sw ip link set sw-srv up
    in_sw ip link set "$TAP" up
}

# dhcpd and tftpd-hpa log to syslog only: a private mount namespace gives
# them their own /dev with busybox syslogd on /dev/log, writing one file.
syslog_servers() {
    local what=$1
    : >"$out/syslog.log"
    in_srv unshare -m bash -c '
        set -e
        work=$1 out=$2 what=$3
        mount --make-rprivate /
        mount -t tmpfs -o mode=755 none /dev
        mknod -m 666 /dev/null c 1 3
        mknod -m 666 /dev/zero c 1 5
        mknod -m 666 /dev/urandom c 1 9
        mknod -m 666 /dev/random c 1 8
        busybox syslogd -n -S -O "$out/syslog.log" &
        for i in $(seq 1 50); do [ -S /dev/log ] && break; sleep 0.05; done
        in.tftpd -L -v -v -a 10.78.0.1:69 -s "$work/tftp" &
        if [ "$what" = dhcpd ]; then
            : >"$work/dhcpd.leases"
            dhcpd -f -4 -cf "$work/dhcpd.conf" -lf "$work/dhcpd.leases" -pf "$work/dhcpd.pid" eth0 \
                >"$out/dhcpd.out" 2>&1 &
        fi
        wait' _ "$work" "$out" "$what" &
}

# The boot servers on 10.78.0.1: nginx (the iPXE script), the DHCP server
# of the run with its TFTP server, and pxe-wire on their interface.
bottle_servers() {
    mkdir -p "$work/tftp" "$work/www" "$work/nginx"
    cp /usr/lib/ipxe/ipxe.pxe "$work/tftp/" 2>/dev/null || : >"$work/tftp/ipxe.pxe"
    printf '#!ipxe\necho portready pxe-bottle: booted\n' >"$work/www/boot.ipxe"
    cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $out/nginx-error.log info;
events { worker_connections 64; }
http {
  access_log $out/access.log combined;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server { listen 10.78.0.1:80; root $work/www; }
}
CONF
    in_srv nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$out/nginx.out" 2>&1 &

    case $server in
    dhcpd)
        cat >"$work/dhcpd.conf" <<CONF
authoritative;
default-lease-time 3600;
option space ipxe;
option ipxe-encap-opts code 175 = encapsulate ipxe;
option ipxe.srp code 27 = unsigned integer 8;
subnet 10.78.0.0 netmask 255.255.255.0 {
  range 10.78.0.100 10.78.0.150;
  next-server 10.78.0.1;
  if exists ipxe.srp { filename "http://10.78.0.1/boot.ipxe"; } else { filename "ipxe.pxe"; }
}
CONF
        syslog_servers dhcpd
        ;;
    kea)
        cat >"$work/kea.json" <<CONF
{"Dhcp4": {"interfaces-config": {"interfaces": ["eth0"], "dhcp-socket-type": "raw"},
 "lease-database": {"type": "memfile", "persist": false},
 "option-def": [{"name": "srp", "code": 27, "space": "ipxe", "type": "uint8"},
                {"name": "ipxe-encap-opts", "code": 175, "space": "dhcp4", "type": "empty", "encapsulate": "ipxe"}],
 "client-classes": [{"name": "chained", "test": "option[175].option[27].exists",
                     "boot-file-name": "http://10.78.0.1/boot.ipxe"}],
 "subnet4": [{"subnet": "10.78.0.0/24", "pools": [{"pool": "10.78.0.100 - 10.78.0.150"}],
              "next-server": "10.78.0.1", "boot-file-name": "ipxe.pxe"}],
 "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": "$out/kea.log"}], "severity": "INFO"},
             {"name": "kea-dhcp4.packets", "output_options": [{"output": "$out/kea.log"}], "severity": "DEBUG", "debuglevel": 50}]}}
CONF
        KEA_LOCKFILE_DIR=$work KEA_PIDFILE_DIR=$work in_srv kea-dhcp4 -c "$work/kea.json" \
            >"$out/kea.out" 2>&1 &
        syslog_servers tftpd
        ;;
    dnsmasq)
        in_srv dnsmasq -k --log-facility="$out/dnsmasq.log" --port=0 --interface=eth0 \
            --bind-interfaces --dhcp-range=10.78.0.100,10.78.0.150,1h \
            --dhcp-match=set:chained,175,27 --dhcp-boot=tag:!chained,ipxe.pxe \
            --dhcp-boot=tag:chained,http://10.78.0.1/boot.ipxe --enable-tftp \
            --tftp-root="$work/tftp" --dhcp-leasefile="$work/dnsmasq.leases" \
            --pid-file="$work/dnsmasq.pid" --user=root >"$out/dnsmasq.out" 2>&1 &
        ;;
    esac

    in_srv "$here/pxe-wire" eth0 >"$out/wire.log" 2>&1 &
}

# The client's port forwards when the switch says so (Linux: brif state 3;
# OVS: its RSTP state, or, for a bond, the bond's member enabled).
port_state() {
    if [ "$switch" = linux ]; then
        case $(in_sw cat /sys/class/net/br0/brif/$TAP/state) in
        3) echo forwarding ;; 0) echo disabled ;; *) echo blocking ;;
        esac
    elif [ "${scenario#rstp}" != "$scenario" ]; then
        sw_appctl rstp/show | awk -v t="$TAP" '$1 == t { print tolower($3) }'
    else
        if sw_appctl bond/show bond0 | awk -v t="$TAP" '$0 ~ "member " t ":" { print $3 }' |
            grep -q enabled; then echo forwarding; else echo blocking; fi
    fi
}

# Waits until the port forwards (or LIMIT seconds), reading its state every
# PERIOD seconds (0.1); prints the seconds.
wait_forwarding() {
    local limit=$1 period=${2:-0.1} t0 end s
    t0=$(now)
    end=$(($(now_us) + limit * 1000000))
    while :; do
        s=$(port_state 2>/dev/null || echo unknown)
        [ "$s" = forwarding ] && break
        [ "$(now_us)" -gt $end ] && break
        sleep "$period"
    done
    elapsed "$t0" "$(now)"
}

# The switch side of the client's link goes down for 0.5 s and up, as a
# NIC does when a new stage (the chainloaded iPXE, the installer's kernel)
# resets it: the port starts its blackout again. Sets link_down_at and
# link_up_at (epoch seconds).
bounce_link() {
    in_sw ip link set "$TAP" down
    link_down_at=$(now)
    sleep 0.5
    in_sw ip link set "$TAP" up
    link_up_at=$(now)
}

# The syslog of dhcpd and tftpd-hpa, one file per server as well.
split_syslog() {
    if [ -f "$out/syslog.log" ]; then
        grep -a 'dhcpd' "$out/syslog.log" >"$out/dhcpd.log" || true
        grep -a 'tftpd' "$out/syslog.log" >"$out/tftpd.log" || true
    fi
}
