#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Bad input gets a clear message naming what was wrong, and exit 3.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

# run_check NAME ARGS...: runs check, keeps stdout/stderr/exit code/seconds.
run_check() {
    local name=$1
    shift
    local start end
    start=$(date +%s.%N)
    set +e
    "$PORTREADY" check "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    echo $? >"$PR_TMP/$name.rc"
    set -e
    end=$(date +%s.%N)
    python3 -c "print(round($end - $start, 2))" >"$PR_TMP/$name.secs"
}
rc() { cat "$PR_TMP/$1.rc"; }
err_has() {
    if grep -q -- "$2" "$PR_TMP/$1.err"; then pr_pass "$1: stderr says '$2'"; else
        pr_fail "$1: stderr lacks '$2': $(cat "$PR_TMP/$1.err")"; fi
}

# Unreachable agent: nothing listens on this port. -t 1 -r 0: exit 3 within
# about a second, JSON error set, and the community never printed.
dead=$(pr_free_udp_port)
run_check unreachable -c s3cr3t-community -t 1 -r 0 "127.0.0.1:$dead" --format json
pr_expect_eq "unreachable: exit 3" 3 "$(rc unreachable)"
pr_expect_eq "unreachable: JSON error set" True \
    "$(pr_json "$PR_TMP/unreachable.out" 'd["switches"][0]["error"] is not None and "no answer" in d["switches"][0]["error"]')"
pr_expect_eq "unreachable: summary counts it" 1 "$(pr_json "$PR_TMP/unreachable.out" 'd["summary"]["unreadable"]')"
pr_expect_eq "unreachable: within the timeout (+1 s)" True \
    "$(python3 -c "print($(cat "$PR_TMP/unreachable.secs") < 2.5)")"
if grep -q s3cr3t-community "$PR_TMP/unreachable.out" "$PR_TMP/unreachable.err"; then
    pr_fail "unreachable: the community was printed"
else
    pr_pass "unreachable: the community is never printed"
fi

# Wrong community on a real agent: v2c agents drop it silently, so it is a
# timeout that says so.
if [ -d "$PR_FIXTURES" ]; then
    data="$PR_TMP/data"
    mkdir -p "$data"
    cp "$PR_FIXTURES/snmprec/librenms__swos.snmprec" "$data/"
    port=$(pr_free_udp_port)
    pr_snmpsim_start "$data" "$port" librenms__swos
    run_check wrongcomm -c not-the-community -t 1 -r 0 "127.0.0.1:$port"
    pr_expect_eq "wrong community: exit 3" 3 "$(rc wrongcomm)"
    err_has wrongcomm "wrong community"
    run_check goodcomm -c librenms__swos "127.0.0.1:$port" Port1 NoSuchPort9
    pr_expect_eq "missing PORT: exit 3" 3 "$(rc goodcomm)"
    err_has goodcomm "no port 'NoSuchPort9'"
    err_has goodcomm "closest: Port"
fi

# A truncated walk file: the last line lost its value. It is skipped with a
# warning naming it; what is left has no switch port (eth0 is management).
printf '1.3.6.1.2.1.1.1.0|4|switch\n1.3.6.1.2.1.2.2.1.2.1|4|eth0\n1.3.6.1.2.1.2.2.1.8.1|2|\n' \
    >"$PR_TMP/truncated.snmprec"
run_check truncated --walk "$PR_TMP/truncated.snmprec"
pr_expect_eq "truncated walk: exit 3" 3 "$(rc truncated)"
err_has truncated "truncated.snmprec: skipped 1 malformed line (line 3), the first: empty INTEGER value"

# A garbled snmpwalk dump: line 2 is not "OID = TYPE: value", skipped with a
# warning; what is left has no interface at all.
printf '.1.3.6.1.2.1.1.1.0 = STRING: "sw"\nthis is not a walk line\n' >"$PR_TMP/garbled.walk"
run_check garbled --walk "$PR_TMP/garbled.walk"
pr_expect_eq "garbled walk: exit 3" 3 "$(rc garbled)"
err_has garbled "garbled.walk: skipped 1 malformed line (line 2)"

# A walk file that does not exist.
run_check nofile --walk "$PR_TMP/absent.snmprec"
pr_expect_eq "missing walk file: exit 3" 3 "$(rc nofile)"
err_has nofile "absent.snmprec"

# Bad arguments.
run_check badver -v 4 127.0.0.1
pr_expect_eq "bad -v: exit 3" 3 "$(rc badver)"
err_has badver "-v takes 1, 2c or 3"
run_check noswitch
pr_expect_eq "no SWITCH: exit 3" 3 "$(rc noswitch)"
err_has noswitch "no SWITCH given"
run_check v3nouser -v 3 127.0.0.1
err_has v3nouser "needs a user"
run_check badvlan --expect-vlan 5000 127.0.0.1
err_has badvlan "1 to 4094"
run_check help --help
pr_expect_eq "--help: exit 0" 0 "$(rc help)"
grep -q "Usage: portready check" "$PR_TMP/help.out" && pr_pass "--help on stdout" || pr_fail "--help not on stdout"
pr_done
