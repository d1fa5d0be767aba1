# SPDX-License-Identifier: BSD-3-Clause
# Open vSwitch in a network namespace, with its own database, sockets, pid
# files and logs in one run directory (sourced, never run). The userspace
# datapath (datapath_type=netdev) needs no kernel module.
#
#   ovs_start NS RUN LOGDIR   ovsdb-server and ovs-vswitchd in NS, the
#                             database initialised
#   ovs_vsctl NS RUN ARGS...  ovs-vsctl against that database
#   ovs_appctl NS RUN ARGS... ovs-appctl to that ovs-vswitchd
#   ovs_stop RUN              stops the two daemons ovs_start started
#
# RUN/db.sock and RUN/vswitchd.ctl are what lab/netns/ovs-mib-pass takes.

ovs_start() {
    local ns=$1 run=$2 logs=$3
    mkdir -p "$run" "$logs"
    ovsdb-tool create "$run/conf.db" /usr/share/openvswitch/vswitch.ovsschema
    ip netns exec "$ns" ovsdb-server "$run/conf.db" --remote="punix:$run/db.sock" \
        --pidfile="$run/ovsdb.pid" --unixctl="$run/ovsdb.ctl" \
        --log-file="$logs/ovsdb-server.log" --detach --no-chdir
    ip netns exec "$ns" ovs-vswitchd "unix:$run/db.sock" --pidfile="$run/vswitchd.pid" \
        --unixctl="$run/vswitchd.ctl" --log-file="$logs/ovs-vswitchd.log" --detach --no-chdir
    ovs_vsctl "$ns" "$run" --no-wait init
}

ovs_vsctl() {
    local ns=$1 run=$2
    shift 2
    ip netns exec "$ns" ovs-vsctl --db="unix:$run/db.sock" "$@"
}

ovs_appctl() {
    local ns=$1 run=$2
    shift 2
    ip netns exec "$ns" ovs-appctl -t "$run/vswitchd.ctl" "$@"
}

ovs_stop() {
    local run=$1 f pid
    for f in "$run/vswitchd.pid" "$run/ovsdb.pid"; do
        [ -f "$f" ] || continue
        pid=$(cat "$f")
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
}
