#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Kill trials of portready time: SIGKILL to the main process, to its
# guardian, or to both (the guardian first, then the main process), in
# every phase of a bounce: the link held down, the link up again waiting for
# the target's reply, and the second bounce's down. Each combination runs
# PR_KILL_TRIALS times (default 10); after every trial the interface must be
# whole again (up, its addresses, its default route, a route of another
# table and a permanent neighbour) and nothing of portready left running.
# When the guardian dies, the main process must put everything back at once
# and stop with an error (exit 3), not bounce on unprotected.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
lab_start --stp off
TRIALS=${PR_KILL_TRIALS:-10}

in_srv ip route add 198.51.100.0/24 via 10.77.0.1 dev eth0 table 100
in_srv ip neigh add 10.77.0.50 lladdr 02:00:00:00:00:50 dev eth0 nud permanent

srv_whole() {
    srv_restored &&
        [[ $(in_srv ip route show table 100) == *"198.51.100.0/24 via 10.77.0.1 dev eth0"* ]] &&
        [[ $(in_srv ip neigh show 10.77.0.50 dev eth0) == *PERMANENT* ]]
}
srv_link_up() { ! srv_link_down; }
quiet_peer() { in_peer sysctl -qw net.ipv4.icmp_echo_ignore_all="$1"; }

# trial TARGET PHASE N: one trial; prints nothing, returns 0 when it survived
# (the reason of a failure in $PR_TMP/why); counts a link up again in
# link_up.
trial() {
    local target=$1 phase=$2 n=$3 pid guardian rc
    local log=$PR_TMP/$target-$phase-$n
    : >"$PR_TMP/why"
    ip netns exec "$SRV" "$PORTREADY" time --iface eth0 --yes --force --down-for 0.6 --count 2 \
        --timeout 4 >"$log.out" 2>"$log.err" &
    pid=$!
    if ! wait_for 5 srv_link_down; then
        echo "the link never went down" >"$PR_TMP/why"
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        return 1
    fi
    guardian=$(ps -o pid= --ppid "$pid" | tr -d ' ' | head -1)
    case $phase in
    down) sleep 0.2 ;;
    waiting)
        quiet_peer 1
        wait_for 3 srv_link_up || true
        sleep 0.2
        ;;
    second)
        wait_for 3 srv_link_up || true
        wait_for 3 srv_link_down || true
        sleep 0.2
        ;;
    esac
    # The first kill must find its process: a run that ended before it (a
    # phase missed under load) is no trial, and is run again (return 2).
    local missed=0
    case $target in
    main) kill -KILL "$pid" 2>/dev/null || missed=1 ;;
    guardian) kill -KILL "$guardian" 2>/dev/null || missed=1 ;;
    both)
        kill -KILL "$guardian" 2>/dev/null || missed=1
        sleep 0.2
        kill -KILL "$pid" 2>/dev/null || true
        ;;
    esac
    set +e
    wait "$pid"
    rc=$?
    set -e
    if [ "$missed" = 1 ]; then
        quiet_peer 0
        wait_for 3 srv_whole || true
        echo "the run ended before the kill (exit $rc)" >"$PR_TMP/why"
        return 2
    fi
    quiet_peer 0
    local ok=0
    wait_for 3 srv_link_up && link_up=$((link_up + 1))
    if ! wait_for 3 srv_whole; then
        echo "not whole 3 s after the kill: $(in_srv ip -o link show eth0 | cut -c1-80)" >>"$PR_TMP/why"
        ok=1
    fi
    if ! wait_for 3 test -z "$(ip netns pids "$SRV")"; then
        echo "left running: $(ip netns pids "$SRV")" >>"$PR_TMP/why"
        ok=1
    fi
    if [ "$target" = guardian ]; then
        if [ "$rc" != 3 ] || ! grep -q "the guardian process ended unexpectedly: the link is up again" "$log.err"; then
            echo "main after the guardian's death: exit $rc, $(cat "$log.err")" >>"$PR_TMP/why"
            ok=1
        fi
    fi
    return $ok
}

for target in main guardian both; do
    for phase in down waiting second; do
        survived=0 link_up=0
        for n in $(seq 1 "$TRIALS"); do
            result=0
            for _attempt in 1 2 3; do
                result=0
                trial "$target" "$phase" "$n" || result=$?
                [ "$result" = 2 ] || break
                echo "  $target/$phase trial $n: $(cat "$PR_TMP/why"): run again"
            done
            if [ "$result" = 0 ]; then
                survived=$((survived + 1))
            else
                echo "  $target/$phase trial $n: $(cat "$PR_TMP/why")"
                # Put the lab back for the next trial.
                in_srv ip link set eth0 up
                in_srv ip addr add 10.77.0.2/24 dev eth0 2>/dev/null || true
                in_srv ip addr add fd77::2/64 dev eth0 nodad 2>/dev/null || true
                in_srv ip route replace default via 10.77.0.1 dev eth0
                in_srv ip route replace 198.51.100.0/24 via 10.77.0.1 dev eth0 table 100
                in_srv ip neigh replace 10.77.0.50 lladdr 02:00:00:00:00:50 dev eth0 nud permanent
                for p in $(ip netns pids "$SRV"); do kill -KILL "$p" 2>/dev/null || true; done
            fi
        done
        echo "kill $target during $phase: survived $survived/$TRIALS (link up again: $link_up/$TRIALS)"
        pr_expect_eq "kill $target during $phase: the interface survives every trial" "$TRIALS" "$survived"
    done
done
pr_done
