#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The tests' cleanup stops only what the test started: a pid of PR_PIDS the
# test already waited for may belong to another process by then (pids wrap
# within a long suite), and a kill by number would stop another test's
# process (a portready time in a bounce, interrupted: exit 3).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

# A job of this shell, running: the test's.
sleep 30 &
job=$!
PR_PIDS+=("$job")
if pr_ours "$job"; then pr_pass "a running job is the test's"; else pr_fail "a running job is not the test's"; fi

# A daemon a helper started (not a job of this shell), with the test's
# environment: the test's.
daemon=$(bash -c 'sleep 30 >/dev/null 2>&1 & echo $!')
PR_PIDS+=("$daemon")
if pr_ours "$daemon"; then pr_pass "a helper's daemon is the test's"; else pr_fail "a helper's daemon is not the test's"; fi

# A process of someone else (another test's: its own mark), standing in for
# one that got the number of a pid this test waited for.
other=$(PR_TEST_MARK=/tmp/another-test bash -c 'sleep 30 >/dev/null 2>&1 & echo $!')
if pr_ours "$other"; then pr_fail "another test's process is taken for this one's"; else
    pr_pass "another test's process is not this test's"
fi
PR_PIDS+=("$other")

# An ended job: its pid no longer counts.
sleep 0 &
ended=$!
wait "$ended"
if pr_ours "$ended"; then pr_fail "an ended job still counts"; else pr_pass "an ended job no longer counts"; fi

# running PID: true while PID runs (a zombie no parent reaped yet does not).
running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}

# The cleanup, run here as at exit: stops the test's two, leaves the other.
pr_cleanup
trap - EXIT
for pid in "$job" "$daemon"; do
    for _ in $(seq 50); do running "$pid" || break; sleep 0.02; done
done
if running "$job" || running "$daemon"; then
    pr_fail "the cleanup left the test's processes running"
else
    pr_pass "the cleanup stopped the test's processes"
fi
if running "$other"; then pr_pass "the cleanup left the other's process alone"; else
    pr_fail "the cleanup stopped another test's process"
fi
kill "$other" 2>/dev/null || true
pr_done
