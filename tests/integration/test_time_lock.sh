#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The lock of portready time: keyed on the interface (its index in the
# network namespace), so the same interface by its altname is refused; and
# not one an unprivileged user can take: a process of nobody's squatting the
# lock's socket names does not stop root, and is not mistaken for a
# portready time at work.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
lab_start --stp off

run_srv() {
    local name=$1
    shift
    set +e
    in_srv "$PORTREADY" time "$@" </dev/null >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    rc=$?
    set -e
}

# second_refused NAME WHAT: while a first run on eth0 holds the link down, a
# second on its altname srvuplink is refused naming the first one's pid;
# then the first completes.
second_refused() {
    local name=$1 what=$2 first
    ip netns exec "$SRV" "$PORTREADY" time --iface eth0 --yes --force --down-for 3 \
        >"$PR_TMP/$name-first.out" 2>"$PR_TMP/$name-first.err" &
    first=$!
    if wait_for 5 srv_link_down; then pr_pass "$what: first run took eth0 down"; else
        pr_fail "$what: first run: link never went down"
    fi
    run_srv "$name" --iface srvuplink --yes --force --down-for 0.5
    pr_expect_eq "$what: second run refused, exit 3" 3 "$rc"
    if grep -qF "another portready time (pid $first) is already at work on iface/srvuplink" "$PR_TMP/$name.err"; then
        pr_pass "$what: names the first run's pid"
    else
        pr_fail "$what: $(cat "$PR_TMP/$name.err")"
    fi
    set +e
    wait "$first"
    rc=$?
    set -e
    pr_expect_eq "$what: first run completes, exit 0" 0 "$rc"
    # What the first run said, when it did not end well: the cause is in it.
    [ "$rc" -eq 0 ] || cat "$PR_TMP/$name-first.err" "$PR_TMP/$name-first.out"
}

# The same interface by its altname, while a first run holds it down.
in_srv ip link property add dev eth0 altname srvuplink 2>/dev/null ||
    pr_skip "this kernel has no interface altnames (ip link property add)"
second_refused altname "by its altname"
if wait_for 2 srv_restored; then pr_pass "eth0 whole after both"; else pr_fail "eth0 not whole"; fi

# A squatter: nobody binds the lock's names (by the name typed and by the
# index) in the server's namespace before root runs.
if ! setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
    pr_skip "cannot run a process as nobody (setpriv): the squatting part needs another user"
fi
# The system's python: a per-user one (pyenv...) may be out of nobody's reach.
py=/usr/bin/python3
[ -x "$py" ] || pr_skip "no /usr/bin/python3 for the squatter"
ifindex=$(in_srv cat /sys/class/net/eth0/ifindex)
ip netns exec "$SRV" setpriv --reuid=nobody --regid=nogroup --clear-groups "$py" -c '
import socket, sys, time
held = []
for name in sys.argv[1:]:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind("\0portready-time/" + name)
    s.listen(4)
    held.append(s)
print("squatting", flush=True)
time.sleep(120)
' iface/eth0 "iface/$ifindex" >"$PR_TMP/squat.out" 2>&1 &
squatter=$!
PR_PIDS+=("$squatter")
wait_for 5 grep -q squatting "$PR_TMP/squat.out" || pr_fail "the squatter did not start: $(cat "$PR_TMP/squat.out")"
run_srv squatted --iface eth0 --yes --force --down-for 0.5
cat "$PR_TMP/squatted.err"
pr_expect_eq "root with the lock's names squatted: bounces, exit 0" 0 "$rc"
if grep -q "another portready time" "$PR_TMP/squatted.err"; then
    pr_fail "the squatter was taken for a portready time: $(cat "$PR_TMP/squatted.err")"
else
    pr_pass "the squatter is not taken for a portready time"
fi
if grep -q "^bounce 1/1:" "$PR_TMP/squatted.out"; then pr_pass "the bounce ran"; else pr_fail "no bounce: $(cat "$PR_TMP/squatted.out")"; fi

# Root's own lock still keeps a second root run off, squatter or not.
second_refused squatted2 "beside the squatter"

# A squatter whose queue is full (it accepts no connection; each asker's
# stays queued): root cannot learn who it is, and says so at once instead
# of waiting for ever in connect().
in_srv "$py" -c '
import socket, sys
for _ in range(8):
    c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    c.setblocking(False)
    try:
        c.connect("\0portready-time/" + sys.argv[1])
    except OSError:
        pass
    c.close()
' "iface/$ifindex"
set +e
in_srv timeout 30 "$PORTREADY" time --iface eth0 --yes --force --down-for 0.5 </dev/null \
    >"$PR_TMP/full.out" 2>"$PR_TMP/full.err"
rc=$?
set -e
pr_expect_eq "a squatter with a full queue: refused, exit 3 (not hung)" 3 "$rc"
if grep -qF "the lock of iface/eth0 is held by a process whose queue is full" "$PR_TMP/full.err"; then
    pr_pass "a squatter with a full queue: says why"
else
    pr_fail "a squatter with a full queue: $(cat "$PR_TMP/full.err")"
fi
kill "$squatter" 2>/dev/null || true
pr_done
