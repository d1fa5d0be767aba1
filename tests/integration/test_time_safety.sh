#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The safety nets of portready time: refusals (no --yes, the only default
# route, the SSH connection's interface, a second run on the same interface,
# no CAP_NET_ADMIN) and the guardian: SIGINT, SIGTERM and SIGKILL while the
# link is held down, and the link is whole again within 2 s each time.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
lab_start --stp off

# run_srv NAME ARGS...: runs portready time in the server namespace; sets rc
# and leaves stdout/stderr in $PR_TMP/NAME.out / NAME.err.
run_srv() {
    local name=$1
    shift
    set +e
    ip netns exec "$SRV" "$PORTREADY" time "$@" </dev/null >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    rc=$?
    set -e
}

# expect_refused NAME MESSAGE: exit 3, MESSAGE on stderr, link never went down.
expect_refused() {
    pr_expect_eq "$1: exit code 3" 3 "$rc"
    if grep -qF -- "$2" "$PR_TMP/$1.err"; then pr_pass "$1: says '$2'"; else
        pr_fail "$1: expected '$2' in: $(cat "$PR_TMP/$1.err")"
    fi
    if srv_restored; then pr_pass "$1: link untouched"; else pr_fail "$1: link touched"; fi
}

run_srv noyes --iface eth0 --force
expect_refused noyes "refusing to take eth0 down without --yes"

# eth0 carries the namespace's only default route (via 10.77.0.1).
run_srv defroute --iface eth0 --yes
expect_refused defroute "carries the only IPv4 default route via 10.77.0.1"

# An SSH client at 10.77.0.1 is reached through eth0.
set +e
SSH_CONNECTION="10.77.0.1 50022 10.77.0.2 22" ip netns exec "$SRV" "$PORTREADY" time \
    --iface eth0 --yes </dev/null >"$PR_TMP/ssh.out" 2>"$PR_TMP/ssh.err"
rc=$?
set -e
expect_refused ssh "your SSH connection from 10.77.0.1 goes through it"

set +e
ip netns exec "$SRV" setpriv --bounding-set=-net_admin --inh-caps=-net_admin \
    "$PORTREADY" time --iface eth0 --yes --force </dev/null >"$PR_TMP/nocap.out" 2>"$PR_TMP/nocap.err"
rc=$?
set -e
expect_refused nocap "needs CAP_NET_ADMIN to take eth0 down and up"

run_srv lo --iface eth0 --yes --force --target 127.0.0.1
expect_refused lo "127.0.0.1 is reached through lo, not eth0"

# 10.77.0.99 is on the lab's network but nobody has it.
run_srv silent --iface eth0 --yes --force --target 10.77.0.99
expect_refused silent "10.77.0.99 does not answer ICMP echo"

# A second run while the first holds the link down.
ip netns exec "$SRV" "$PORTREADY" time --iface eth0 --yes --force --down-for 3 \
    >"$PR_TMP/first.out" 2>"$PR_TMP/first.err" &
first=$!
if wait_for 5 srv_link_down; then pr_pass "first run took the link down"; else pr_fail "first run: link never went down"; fi
run_srv second --iface eth0 --yes --force
pr_expect_eq "second run: exit code 3" 3 "$rc"
if grep -qF "another portready time (pid $first) is already at work on iface/eth0" "$PR_TMP/second.err"; then
    pr_pass "second run names the first one's pid"
else
    pr_fail "second run message: $(cat "$PR_TMP/second.err")"
fi
set +e
wait "$first"
rc=$?
set -e
pr_expect_eq "first run completes: ready (STP off), exit 0" 0 "$rc"

# The guardian: a signal while the link is down.
for sig in INT TERM KILL; do
    ip netns exec "$SRV" "$PORTREADY" time --iface eth0 --yes --force --down-for 10 \
        >"$PR_TMP/kill-$sig.out" 2>"$PR_TMP/kill-$sig.err" &
    pid=$!
    if ! wait_for 5 srv_link_down; then
        pr_fail "SIG$sig: the link never went down"
        kill -KILL "$pid" 2>/dev/null || true
        continue
    fi
    if srv_restored; then pr_fail "SIG$sig: link still up"; fi
    sleep 0.3
    kill -"$sig" "$pid"
    if wait_for 2 srv_restored; then
        pr_pass "SIG$sig: up again with addresses and default route within 2 s"
    else
        pr_fail "SIG$sig: not restored within 2 s"
    fi
    set +e
    wait "$pid"
    rc=$?
    set -e
    case $sig in
    KILL)
        pr_expect_eq "SIGKILL: killed" 137 "$rc"
        # The guardian says what it did, then leaves.
        if wait_for 2 grep -q "stopped during the bounce: eth0 is up again" "$PR_TMP/kill-$sig.err"; then
            pr_pass "SIGKILL: the guardian restored and said so"
        else
            pr_fail "SIGKILL: guardian message: $(cat "$PR_TMP/kill-$sig.err")"
        fi
        ;;
    *)
        pr_expect_eq "SIG$sig: exit code 3" 3 "$rc"
        grep -q "interrupted; the link is up again" "$PR_TMP/kill-$sig.err" &&
            pr_pass "SIG$sig: says it was interrupted" || pr_fail "SIG$sig: message"
        # Cut short while down: the verdict says so, not that the target
        # never answered within --timeout.
        pr_expect_eq "SIG$sig: the verdict line" \
            "verdict: unknown: interrupted: the measurement is incomplete" \
            "$(grep '^verdict' "$PR_TMP/kill-$sig.out")"
        ;;
    esac
    # Nothing of portready (the guardian included) is left running.
    if wait_for 2 test -z "$(ip netns pids "$SRV")"; then pr_pass "SIG$sig: no process left"; else
        pr_fail "SIG$sig: left running: $(ip netns pids "$SRV")"
    fi
done
pr_done
