#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Ctrl-Z (SIGTSTP) during a bounce: portready time does not stop with the
# link down. Sent while the link is held down and while it waits for the
# target, the run goes on, brings the link up on time and ends normally.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
lab_start --stp off

for phase in down waiting; do
    ip netns exec "$SRV" "$PORTREADY" time --iface eth0 --yes --force --down-for 1 --timeout 5 \
        >"$PR_TMP/$phase.out" 2>"$PR_TMP/$phase.err" &
    pid=$!
    if ! wait_for 5 srv_link_down; then
        pr_fail "$phase: the link never went down"
        kill -KILL "$pid" 2>/dev/null || true
        continue
    fi
    if [ "$phase" = waiting ]; then
        in_peer sysctl -qw net.ipv4.icmp_echo_ignore_all=1
        wait_for 3 bash -c "! ip netns exec $SRV ip -o link show eth0 | grep -q 'state DOWN'" || true
        sleep 0.2
        (sleep 1 && in_peer sysctl -qw net.ipv4.icmp_echo_ignore_all=0) &
    fi
    kill -TSTP "$pid"
    sleep 0.3
    state=$(ps -o stat= -p "$pid" | cut -c1)
    if [ "$state" = T ]; then
        pr_fail "$phase: SIGTSTP stopped portready (state T)"
    else
        pr_pass "$phase: SIGTSTP did not stop portready (state $state)"
    fi
    if wait_for 3 srv_restored; then pr_pass "$phase: the link is whole again on time"; else
        pr_fail "$phase: the link is still down 3 s after SIGTSTP"
    fi
    # Whatever happened, let it finish.
    kill -CONT "$pid" 2>/dev/null || true
    set +e
    wait "$pid"
    rc=$?
    set -e
    wait
    pr_expect_eq "$phase: the run ends normally, exit 0" 0 "$rc"
    in_peer sysctl -qw net.ipv4.icmp_echo_ignore_all=0
done
pr_done
