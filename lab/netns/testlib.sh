# Helpers for the `portready time` tests (sourced after
# tests/integration/lib.sh). Each test builds its own lab, named after its
# PID, and deletes exactly those namespaces on exit, also on failure.

LAB="$PR_SOURCE_DIR/lab/netns/lab"
LAB_PREFIX="prt$$"
LAB_UP=0
TRUTH_PID=

lab_need_root() {
    [ "$(id -u)" -eq 0 ] || pr_skip "needs root to build network namespaces (CI runs as root)"
    command -v ip >/dev/null || pr_skip "needs iproute2"
    ip netns add "${LAB_PREFIX}probe" 2>/dev/null || pr_skip "cannot create network namespaces here"
    ip netns del "${LAB_PREFIX}probe"
}

lab_cleanup() {
    local rc=$?
    [ -n "$TRUTH_PID" ] && pr_ours "$TRUTH_PID" && kill "$TRUTH_PID" 2>/dev/null
    # Root's lock files of the server namespace (portready leaves them,
    # unlocked, for the next run): this lab's go with it.
    if [ "$LAB_UP" = 1 ] && [ -n "${SRV:-}" ]; then
        local ino
        ino=$(ip netns exec "$SRV" stat -L -c %i /proc/self/ns/net 2>/dev/null) &&
            rm -f /run/portready/time-net"$ino"-*.lock
    fi
    [ "$LAB_UP" = 1 ] && "$LAB" down "$LAB_PREFIX"
    pr_cleanup
    exit $rc
}
trap lab_cleanup EXIT

# lab_start [--stp on|off]: builds the lab and waits until it forwards.
lab_start() {
    LAB_UP=1
    "$LAB" up "$LAB_PREFIX" "$@"
    "$LAB" wait-forwarding "$LAB_PREFIX" 15
    SW=${LAB_PREFIX}sw SRV=${LAB_PREFIX}srv PEER=${LAB_PREFIX}peer
}

in_sw() { ip netns exec "$SW" "$@"; }
in_srv() { ip netns exec "$SRV" "$@"; }
in_peer() { ip netns exec "$PEER" "$@"; }

# truth_start: records the bridge's port-state events of the server's port
# (ground truth, CLOCK_MONOTONIC ns) into $PR_TMP/truth.
truth_start() {
    : >"$PR_TMP/truth"
    # ip netns exec execs the tool: $! is the recorder itself.
    ip netns exec "$SW" "$PR_TOOLS_DIR/timer_truth" sw-srv >"$PR_TMP/truth" &
    TRUTH_PID=$!
    local i
    for i in $(seq 1 100); do
        grep -q ready "$PR_TMP/truth" && return 0
        sleep 0.02
    done
    echo "the ground-truth recorder did not start" >&2
    return 1
}

# truth_first STATE AFTER_NS: the first event STATE at or after AFTER_NS.
truth_first() {
    awk -v s="$1" -v t="$2" '$3 == s && $1 >= t { print $1; exit }' "$PR_TMP/truth"
}

# srv_restored: true when the server's eth0 is up with its IPv4 and IPv6
# addresses and its default route.
srv_restored() {
    local link addrs routes
    link=$(in_srv ip -o link show eth0)
    addrs=$(in_srv ip -o addr show dev eth0)
    routes=$(in_srv ip route show default)
    [[ $link == *"state UP"* ]] && [[ $addrs == *"inet 10.77.0.2/24"* ]] &&
        [[ $addrs == *"inet6 fd77::2/64"* ]] && [[ $routes == *"default via 10.77.0.1 dev eth0"* ]]
}

srv_link_down() {
    local link flags
    link=$(in_srv ip -o link show eth0)
    flags=${link#*<}
    flags=${flags%%>*}
    [[ ",$flags," != *",UP,"* ]]
}

# wait_for SECONDS COMMAND...: polls every 20 ms; true if it came true.
wait_for() {
    local limit=$1
    shift
    local end=$(($(date +%s%N) + limit * 1000000000))
    while [ "$(date +%s%N)" -lt $end ]; do
        "$@" && return 0
        sleep 0.02
    done
    return 1
}
