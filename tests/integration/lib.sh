# Shared helpers for the integration tests (sourced, never run).
# Every test starts the peers it needs on its own 127.0.0.1 port and stops
# exactly those processes on exit, also when it fails.

set -euo pipefail

: "${PORTREADY:?PORTREADY must point at the built binary}"
: "${PR_SOURCE_DIR:?}"
PR_FIXTURES=${PR_FIXTURES:-$PR_SOURCE_DIR/../shared/fixtures}

PR_TMP=$(mktemp -d /tmp/portready-test.XXXXXX)
chmod 755 "$PR_TMP"

# PR_WRAP (optional, from the caller's environment): a command every
# portready run goes through, such as valgrind (scripts/valgrind-tests).
if [ -n "${PR_WRAP:-}" ]; then
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$PR_WRAP" "$PORTREADY" >"$PR_TMP/portready-wrapped"
    chmod 755 "$PR_TMP/portready-wrapped"
    PORTREADY=$PR_TMP/portready-wrapped
fi
PR_PIDS=()
PR_FAILS=0
PR_PASSES=0
# What this test starts carries its mark in the environment: pr_cleanup
# stops a process of PR_PIDS only when it is still this test's.
export PR_TEST_MARK="$PR_TMP"

# pr_ours PID: true while PID is a process this test started: a job of this
# shell still running, or one whose environment carries the test's mark (a
# daemon a helper started). A pid the test already waited for may be another
# process's by now: a suite spawns tens of thousands and pids wrap (32768 by
# default), so a kill by number would hit another test's process.
pr_ours() {
    local env
    [[ " $(jobs -rp | tr '\n' ' ') " == *" $1 "* ]] && return 0
    env=$({ tr '\0' '\n' <"/proc/$1/environ"; } 2>/dev/null) || return 1
    [[ $'\n'"$env"$'\n' == *$'\n'"PR_TEST_MARK=$PR_TEST_MARK"$'\n'* ]]
}

pr_cleanup() {
    local pid
    for pid in "${PR_PIDS[@]:-}"; do
        [ -n "$pid" ] && pr_ours "$pid" && kill "$pid" 2>/dev/null || true
    done
    for pid in "${PR_PIDS[@]:-}"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    rm -rf "$PR_TMP"
}
trap pr_cleanup EXIT

pr_skip() {
    echo "SKIP: $*"
    exit 77
}

pr_need_fixtures() {
    [ -d "$PR_FIXTURES" ] || pr_skip "no shared fixtures at $PR_FIXTURES (a user's clone): skipping"
}

pr_pass() {
    PR_PASSES=$((PR_PASSES + 1))
    echo "ok - $*"
}

pr_fail() {
    PR_FAILS=$((PR_FAILS + 1))
    echo "FAIL - $*"
}

# pr_wait_for_text FILE TEXT: up to 10 s for TEXT (as it is, not a
# pattern) to show in FILE; 1 when it does not.
pr_wait_for_text() {
    local i
    for i in $(seq 100); do
        grep -qF -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# pr_expect_eq WHAT EXPECTED ACTUAL
pr_expect_eq() {
    if [ "$2" == "$3" ]; then pr_pass "$1"; else pr_fail "$1: expected '$2', got '$3'"; fi
}

# pr_has GREP-ARGS...: grep's verdict on its input, read to the end. A
# pipeline into grep -q fails under pipefail when grep stops at the first
# match and the writer, still writing, dies of SIGPIPE.
pr_has() {
    local count
    count=$(grep -c "$@") && [ "$count" -gt 0 ]
}

# pr_sanitized: true when portready runs under a sanitizer (the build says
# so in PR_SANITIZED; run by hand, its libraries tell).
pr_sanitized() {
    [ -n "${PR_SANITIZED:-}" ] && { [ "$PR_SANITIZED" = 1 ]; return; }
    local libs
    libs=$(ldd "$PORTREADY" 2>/dev/null || true)
    case $libs in *libasan* | *libtsan* | *libubsan*) return 0 ;; esac
    return 1
}

# pr_expect_match WHAT ERE TEXT
pr_expect_match() {
    if grep -qE -- "$2" <<<"$3"; then pr_pass "$1"; else pr_fail "$1: no /$2/ in '$3'"; fi
}

# Ends the test: prints the closing line and exits non-zero on failure.
pr_done() {
    echo "$PR_PASSES passed, $PR_FAILS failed"
    [ "$PR_FAILS" -eq 0 ]
}

# A free UDP port on 127.0.0.1 (ask the kernel, then release).
pr_free_udp_port() {
    python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
pr_free_tcp_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# pr_snmpsim_start DATA_DIR PORT COMMUNITY: serves every DATA_DIR/*.snmprec
# (community = file name) on 127.0.0.1:PORT as an unprivileged user; waits
# until COMMUNITY answers. Sets PR_SNMPSIM_PID.
pr_snmpsim_start() {
    local data=$1 port=$2 community=$3
    local cache="$PR_TMP/snmpsim-cache-$port"
    mkdir -p "$cache"
    chmod -R a+rwX "$cache"
    chmod -R a+rX "$data"
    local user=nobody group=nogroup
    snmpsimd --data-dir="$data" --cache-dir="$cache" \
        --agent-udpv4-endpoint="127.0.0.1:$port" \
        --process-user=$user --process-group=$group \
        --logging-method=null >"$PR_TMP/snmpsim-$port.log" 2>&1 &
    PR_SNMPSIM_PID=$!
    PR_PIDS+=("$PR_SNMPSIM_PID")
    local i
    for i in $(seq 1 100); do
        if snmpget -v2c -c "$community" -t 0.5 -r 0 -On "127.0.0.1:$port" .1.3.6.1.2.1.1.3.0 \
            >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    echo "snmpsim did not come up on 127.0.0.1:$port" >&2
    cat "$PR_TMP/snmpsim-$port.log" >&2
    return 1
}

# pr_stop PID: stops one process this test started.
pr_stop() {
    pr_ours "$1" && kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# pr_json FILE PYTHON-EXPR: evaluates EXPR with `d` bound to the parsed JSON
# document and prints the result (for assertions on portready's JSON).
pr_json() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# pr_port_json FILE SWITCH_INDEX PORT_NAME: prints the port object's JSON.
pr_port() {
    python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
sw=d["switches"][int(sys.argv[2])]
for p in sw["ports"]:
    if p["name"]==sys.argv[3]:
        print(json.dumps(p)); break
else:
    print("null")' "$1" "$2" "$3"
}

# pr_bad_agent_start PORT MODE [ARGS...]: tests/tools/pr_bad_agent.py, a
# misbehaving agent, on 127.0.0.1:PORT (its log in $PR_TMP/agent-PORT.log);
# waits until its socket is bound.
pr_bad_agent_start() {
    local port=$1 mode=$2
    shift 2
    local py
    py=$(python3 -c 'import sys; print(sys.executable)')
    rm -f "$PR_TMP/ready-$port"
    "$py" "$PR_SOURCE_DIR/tests/tools/pr_bad_agent.py" --port "$port" --mode "$mode" \
        --ready "$PR_TMP/ready-$port" "$@" 2>>"$PR_TMP/agent-$port.log" &
    PR_PIDS+=("$!")
    local i
    for i in $(seq 1 600); do
        [ -f "$PR_TMP/ready-$port" ] && return 0
        sleep 0.1
    done
    cat "$PR_TMP/agent-$port.log" >&2
    pr_fail "agent $mode did not come up on 127.0.0.1:$port"
    pr_done
}
