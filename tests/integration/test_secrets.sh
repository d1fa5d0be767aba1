#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Secrets (SNMP communities, v3 passphrases, SSH passwords) never reach
# portready's output: text or JSON, --verbose, --fix, --stats, warnings and errors
# (wrong credentials, an unreachable switch, bad files, a bad inventory), for
# check and audit alike. Credential files readable by group or others draw a
# warning naming the file and its mode. The file and environment forms keep
# the secret out of /proc/PID/cmdline, one given as -c is overwritten there,
# and every secret variable (PORTREADY_*, also beside the option that
# overrides it, and an inventory's env:NAME) is wiped from /proc/PID/environ.
# Killed with SIGSEGV, portready leaves no core that holds a secret, and its
# memory holds one copy of each (one more of a community in flight).
#
# Peers: snmpsim serving lab/data/rack12-a under a secret community, net-snmp's
# snmpd with an SNMPv3 authPriv user, a silent port, the slow and the
# stalling agents of tests/tools/pr_bad_agent.py (any community), a TCP peer
# that never speaks and the NETCONF test server for the /proc, core and
# memory checks, and the test CLI server (tests/tools/pr_cli_server) for
# --ssh and ssh: with a secret password, by password and by
# keyboard-interactive.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
command -v snmpsimd >/dev/null || pr_skip "snmpsim not installed"
SNMPD=$(command -v snmpd || echo /usr/sbin/snmpd)
[ -x "$SNMPD" ] || pr_skip "snmpd not installed"

SIM_PORT=26400
SNMPD_PORT=26401
SILENT_PORT=26402
SLOW_PORT=26403
MUTE_TCP_PORT=26404
COMM=comm-Secret-5Zq
AUTH=auth-Secret-8Wv
PRIV=priv-Secret-2Lp
WRONG=wrong-Secret-6Hh
SHORT=Shrt7Zq
SSHPW=ssh-Secret-4Rt
DONE=done-Secret-4Tb
SECRETS=("$COMM" "$AUTH" "$PRIV" "$WRONG" "$SHORT" "$SSHPW" "$DONE")
PY=$(python3 -c 'import sys; print(sys.executable)')

# Agents.
mkdir -p "$PR_TMP/sim"
cp "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" "$PR_TMP/sim/$COMM.snmprec"
cp "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" "$PR_TMP/sim/$DONE.snmprec"
pr_snmpsim_start "$PR_TMP/sim" $SIM_PORT "$COMM"
mkdir -p "$PR_TMP/snmpd/persist"
cat >"$PR_TMP/snmpd/snmpd.conf" <<EOF
agentAddress udp:127.0.0.1:$SNMPD_PORT
createUser pruser SHA "$AUTH" AES "$PRIV"
createUser pruser2 SHA "$AUTH" AES "$PRIV"
rouser pruser authPriv
rouser pruser2 authPriv
EOF
SNMP_PERSISTENT_DIR="$PR_TMP/snmpd/persist" "$SNMPD" -f -Lo -C -c "$PR_TMP/snmpd/snmpd.conf" \
    -M /dev/null -m "" >"$PR_TMP/snmpd/log" 2>&1 &
PR_PIDS+=("$!")
for _ in $(seq 1 50); do
    snmpget -v3 -u pruser -l authPriv -a SHA -A "$AUTH" -x AES -X "$PRIV" -t 0.5 -r 0 \
        "127.0.0.1:$SNMPD_PORT" .1.3.6.1.2.1.1.3.0 >/dev/null 2>&1 && break
    sleep 0.1
done

# Credential files: private, group-readable, world-readable.
secret_file() { # NAME MODE VALUE
    printf '%s\n' "$3" >"$PR_TMP/$1"
    chmod "$2" "$PR_TMP/$1"
}
secret_file comm 600 "$COMM"
secret_file comm-group 640 "$COMM"
secret_file comm-world 644 "$COMM"
secret_file auth 600 "$AUTH"
secret_file priv 600 "$PRIV"
secret_file wrong 600 "$WRONG"
secret_file sshpw 600 "$SSHPW"
: >"$PR_TMP/empty"
chmod 600 "$PR_TMP/empty"

# run NAME CMD...: runs portready, keeps stdout and stderr, sets RC, and
# fails when any secret appears in either.
run() {
    local name=$1
    shift
    RC=0
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err" || RC=$?
    local secret leaked=0
    for secret in "${SECRETS[@]}"; do
        if grep -qF -- "$secret" "$PR_TMP/$name.out" "$PR_TMP/$name.err"; then
            pr_fail "$name: a secret ($secret) appears in the output"
            leaked=1
        fi
    done
    [ $leaked -eq 0 ] && pr_pass "$name: no secret in the output (exit $RC)"
}
err_is() { pr_expect_eq "$1: stderr" "$2" "$(cat "$PR_TMP/$1.err")"; }

SIM=127.0.0.1:$SIM_PORT
# check over v2c: the lab's 1/1/3 is not ready (exit 2) however the
# community is given.
for fmt in text json; do
    run check-c-$fmt check -c "$COMM" --format $fmt "$SIM" 1/1/3 1/1/1
    pr_expect_eq "check -c, $fmt: read (exit 2)" 2 "$RC"
    run check-verbose-$fmt check -c "$COMM" --format $fmt --verbose --fix --stats "$SIM"
    pr_expect_eq "check --verbose --fix --stats, $fmt: read (exit 2)" 2 "$RC"
done
run check-file check --community-file "$PR_TMP/comm" "$SIM" 1/1/3
pr_expect_eq "check --community-file: read" 2 "$RC"
pr_expect_eq "check --community-file (0600): no warning" "" "$(cat "$PR_TMP/check-file.err")"
run check-file-group check --community-file "$PR_TMP/comm-group" "$SIM" 1/1/3
err_is check-file-group "portready: warning: credential file $PR_TMP/comm-group is readable by its group (mode 0640); chmod 600 it"
run check-file-world check --community-file "$PR_TMP/comm-world" "$SIM" 1/1/3
err_is check-file-world "portready: warning: credential file $PR_TMP/comm-world is readable by others (mode 0644); chmod 600 it"
RC=0
PORTREADY_COMMUNITY=$COMM run check-env check "$SIM" 1/1/3
pr_expect_eq "check with PORTREADY_COMMUNITY: read" 2 "$RC"

# Wrong community, nothing listening: errors name the host, not the secret.
for fmt in text json; do
    run check-wrong-$fmt check -c "$WRONG" -t 1 -r 0 --format $fmt "$SIM" 1/1/3
    pr_expect_eq "wrong community, $fmt: exit 3" 3 "$RC"
    run check-silent-$fmt check --community-file "$PR_TMP/comm" -t 1 -r 0 --format $fmt \
        --verbose "127.0.0.1:$SILENT_PORT"
    pr_expect_eq "unreachable, $fmt: exit 3" 3 "$RC"
done
grep -q "no answer within 1 s" "$PR_TMP/check-wrong-text.err" &&
    pr_pass "wrong community: the timeout is reported" || pr_fail "wrong community: $(cat "$PR_TMP/check-wrong-text.err")"

# SNMPv3 authPriv: right, from files, from the environment, wrong.
# -t 5: every v3 case gets an answer (data or an auth error), so only a
# loaded machine makes it wait; -t 1 failed there.
V3=(-v 3 -u pruser -l authPriv -a SHA -x AES -t 5 -r 0)
SNMPD_AT=127.0.0.1:$SNMPD_PORT
for fmt in text json; do
    run v3-$fmt check "${V3[@]}" -A "$AUTH" -X "$PRIV" --format $fmt --verbose "$SNMPD_AT"
    pr_expect_eq "v3, $fmt: read (no STP MIB: unknown verdicts, exit 3)" "" \
        "$(grep -v '^$' "$PR_TMP/v3-$fmt.err")"
done
run v3-files check "${V3[@]}" --auth-pass-file "$PR_TMP/auth" --priv-pass-file "$PR_TMP/priv" \
    --format json "$SNMPD_AT"
pr_expect_eq "v3 from files: read" None "$(pr_json "$PR_TMP/v3-files.out" 'd["switches"][0]["error"]')"
PORTREADY_AUTH_PASS=$AUTH PORTREADY_PRIV_PASS=$PRIV run v3-env check "${V3[@]}" --format json \
    "$SNMPD_AT"
pr_expect_eq "v3 from the environment: read" None \
    "$(pr_json "$PR_TMP/v3-env.out" 'd["switches"][0]["error"]')"
run v3-wrong-auth check "${V3[@]}" -A "$WRONG" -X "$PRIV" --format json "$SNMPD_AT"
pr_expect_eq "v3 wrong auth passphrase: error" \
    "$SNMPD_AT: SNMPv3 authentication failed (wrong authentication passphrase or protocol)" \
    "$(pr_json "$PR_TMP/v3-wrong-auth.out" 'd["switches"][0]["error"]')"
run v3-wrong-priv check "${V3[@]}" -A "$AUTH" --priv-pass-file "$PR_TMP/wrong" "$SNMPD_AT"
grep -q "wrong privacy passphrase" "$PR_TMP/v3-wrong-priv.err" &&
    pr_pass "v3 wrong privacy passphrase: said so" || pr_fail "v3 wrong priv: $(cat "$PR_TMP/v3-wrong-priv.err")"

# Errors about the secrets themselves name the option or the file only.
run short-pass check "${V3[@]}" -A "$SHORT" -X "$PRIV" "$SNMPD_AT"
pr_expect_eq "short passphrase: usage error" 3 "$RC"
run missing-file check --community-file "$PR_TMP/nonexistent" "$SIM"
pr_expect_eq "missing community file: exit 3" 3 "$RC"
run empty-file check --community-file "$PR_TMP/empty" "$SIM"
pr_expect_eq "empty community file: error" \
    "portready: check: credential file $PR_TMP/empty is empty (the secret is its first line)" \
    "$(head -1 "$PR_TMP/empty-file.err")"

# audit: every way an inventory gives a secret, a wrong community and an
# unreachable switch; text and JSON, --verbose.
cat >"$PR_TMP/rack.yaml" <<EOF
defaults:
  snmp: {version: 2c, timeout: 1, retries: 0}
switches:
  - {name: inline, host: $SIM, snmp: {community: $COMM}, ports: [1/1/3]}
  - {name: from-file, host: $SIM, snmp: {community_file: $PR_TMP/comm}, ports: [1/1/3]}
  - {name: from-env, host: $SIM, snmp: {community: "env:PR_TEST_COMMUNITY"}, ports: [1/1/3]}
  - {name: wrong, host: $SIM, snmp: {community_file: $PR_TMP/wrong}, ports: [1/1/3]}
  - {name: silent, host: 127.0.0.1:$SILENT_PORT, snmp: {community: $COMM}}
  - name: v3
    host: $SNMPD_AT
    snmp: {version: 3, user: pruser, level: authPriv, auth: SHA, auth_pass_file: $PR_TMP/auth,
           priv: AES, priv_pass: "env:PR_TEST_PRIV"}
  # Another user: net-snmp keeps one key set per user and agent in a
  # process, so a second entry for pruser would share the first one's.
  - name: v3-wrong
    host: $SNMPD_AT
    snmp: {version: 3, user: pruser2, level: authPriv, auth: SHA, auth_pass: $WRONG,
           priv: AES, priv_pass: $PRIV}
EOF
export PR_TEST_COMMUNITY=$COMM PR_TEST_PRIV=$PRIV
for fmt in text json; do
    run audit-$fmt audit --format $fmt --verbose --fix --stats "$PR_TMP/rack.yaml"
    # 1/1/3 of rack12-a is not ready: not-ready ports win over unreadable switches.
    pr_expect_eq "audit, $fmt: exit 2 (not-ready beside unreadable switches)" 2 "$RC"
done
pr_expect_eq "audit: which switches were read" \
    "inline:ok from-file:ok from-env:ok wrong:error silent:error v3:ok v3-wrong:error" \
    "$(pr_json "$PR_TMP/audit-json.out" '" ".join(s["name"] + ":" + ("ok" if s["error"] is None else "error") for s in d["switches"])')"
sed "s|$PR_TMP/comm}|$PR_TMP/comm-world}|" "$PR_TMP/rack.yaml" >"$PR_TMP/rack-world.yaml"
run audit-world audit --format json "$PR_TMP/rack-world.yaml"
pr_expect_eq "audit: a world-readable community_file draws a warning" 1 \
    "$(grep -c "^portready: warning: credential file $PR_TMP/comm-world is readable by others (mode 0644); chmod 600 it" "$PR_TMP/audit-world.err")"

# Inventory errors on lines that hold a secret.
printf 'switches:\n  - {name: a, host: %s, snmp: {community: [%s]}}\n' "$SIM" "$COMM" >"$PR_TMP/bad1.yaml"
run audit-bad-type audit "$PR_TMP/bad1.yaml"
pr_expect_eq "inventory: community of the wrong type: exit 3" 3 "$RC"
printf 'switches:\n  - {name: a, host: %s, snmp: {community: %s, comunity: %s}}\n' "$SIM" "$COMM" \
    "$COMM" >"$PR_TMP/bad2.yaml"
run audit-bad-key audit "$PR_TMP/bad2.yaml"
pr_expect_eq "inventory: a misspelt key beside the secret: exit 3" 3 "$RC"
printf 'switches:\n  - {name: a, host: %s, snmp: {version: 3, user: u, auth_pass: %s}}\n' "$SIM" \
    "$SHORT" >"$PR_TMP/bad3.yaml"
run audit-bad-short audit "$PR_TMP/bad3.yaml"
pr_expect_eq "inventory: a passphrase too short: exit 3" 3 "$RC"

unset PR_TEST_COMMUNITY PR_TEST_PRIV

# SSH (--ssh, ssh:): the password from a file, the environment and the
# inventory, right and wrong, by password and keyboard-interactive, every
# output form; a CLI that never prompts keeps check busy for the /proc
# checks below.
CLI_SERVER=${PR_TOOLS_DIR:-}/pr_cli_server
SSH_PORTS=()
if [ -x "$CLI_SERVER" ]; then
    for mode in normal kbdint no-prompt; do
        port=$(pr_free_tcp_port)
        extra=()
        [ "$mode" = kbdint ] && extra=(--kbdint-only)
        [ "$mode" = no-prompt ] && extra=(--mode no-prompt)
        "$CLI_SERVER" --port "$port" --vendor ios --config "$PR_SOURCE_DIR/tests/data/iosxe/rack.cli" \
            --hostkey "$PR_TMP/ssh-hostkey-$mode" --user alice --password-file "$PR_TMP/sshpw" \
            "${extra[@]}" >"$PR_TMP/cli-$mode.out" 2>&1 &
        PR_PIDS+=("$!")
        for _ in $(seq 1 100); do grep -qs '^ready$' "$PR_TMP/cli-$mode.out" && break; sleep 0.05; done
        SSH_PORTS+=("$port")
    done
    SSH_AT=alice@127.0.0.1:${SSH_PORTS[0]}
    KBD_AT=alice@127.0.0.1:${SSH_PORTS[1]}
    MUTE_AT=alice@127.0.0.1:${SSH_PORTS[2]}
    SSH_OPTS=(--known-hosts "$PR_TMP/ssh-kh" --accept-new-hostkey -t 3)
    for fmt in text json; do
        run ssh-file-$fmt check --ssh "$SSH_AT" --password-file "$PR_TMP/sshpw" "${SSH_OPTS[@]}" \
            --format $fmt --verbose --fix
        pr_expect_eq "--ssh --password-file, $fmt: read (exit 2)" 2 "$RC"
        run ssh-wrong-$fmt check --ssh "$SSH_AT" --password-file "$PR_TMP/wrong" "${SSH_OPTS[@]}" \
            --format $fmt --verbose
        pr_expect_eq "--ssh, wrong password, $fmt: exit 3" 3 "$RC"
        run ssh-kbd-$fmt check --ssh "$KBD_AT" --password-file "$PR_TMP/sshpw" "${SSH_OPTS[@]}" \
            --format $fmt --verbose --fix
        pr_expect_eq "--ssh keyboard-interactive, $fmt: read (exit 2)" 2 "$RC"
        run ssh-kbd-wrong-$fmt check --ssh "$KBD_AT" --password-file "$PR_TMP/wrong" \
            "${SSH_OPTS[@]}" --format $fmt
        pr_expect_eq "--ssh keyboard-interactive, wrong password, $fmt: exit 3" 3 "$RC"
        run ssh-mute-$fmt check --ssh "$MUTE_AT" --password-file "$PR_TMP/sshpw" \
            --known-hosts "$PR_TMP/ssh-kh" --accept-new-hostkey -t 1 --format $fmt --verbose
        pr_expect_eq "--ssh, a CLI that never prompts, $fmt: exit 3" 3 "$RC"
    done
    PORTREADY_SSH_PASSWORD=$SSHPW run ssh-env check --ssh "$SSH_AT" "${SSH_OPTS[@]}"
    pr_expect_eq "--ssh with PORTREADY_SSH_PASSWORD: read" 2 "$RC"
    cat >"$PR_TMP/ssh-rack.yaml" <<EOF
defaults:
  ssh: {user: alice, known_hosts: $PR_TMP/ssh-kh}
switches:
  - {name: ssh-inline, host: 127.0.0.1, ssh: {port: ${SSH_PORTS[0]}, password: $SSHPW}}
  - {name: ssh-file, host: 127.0.0.1, ssh: {port: ${SSH_PORTS[0]}, password_file: $PR_TMP/sshpw}}
  - {name: ssh-env, host: 127.0.0.1, ssh: {port: ${SSH_PORTS[1]}, password: "env:PR_TEST_SSHPW"}}
  - {name: ssh-wrong, host: 127.0.0.1, ssh: {port: ${SSH_PORTS[0]}, password: $WRONG}}
EOF
    export PR_TEST_SSHPW=$SSHPW
    for fmt in text json; do
        run ssh-audit-$fmt audit --format $fmt --verbose --fix "$PR_TMP/ssh-rack.yaml"
        pr_expect_eq "audit over SSH, $fmt: exit 2" 2 "$RC"
    done
    unset PR_TEST_SSHPW
    pr_expect_eq "audit over SSH: which switches were read" \
        "ssh-inline:ok ssh-file:ok ssh-env:ok ssh-wrong:error" \
        "$(pr_json "$PR_TMP/ssh-audit-json.out" '" ".join(s["name"] + ":" + ("ok" if s["error"] is None else "error") for s in d["switches"])')"
else
    echo "# the test CLI server is not built: SSH cases skipped"
fi

# /proc/PID/cmdline and environ while portready waits on a peer that is
# slow or silent. Under a wrapper (valgrind) /proc shows the wrapper's own
# argv and environment: nothing to judge.
if [ -n "${PR_WRAP:-}" ]; then
    echo "# /proc checks skipped under PR_WRAP"
    pr_done
    exit
fi
"$PY" "$PR_SOURCE_DIR/tests/tools/pr_bad_agent.py" --port $SLOW_PORT --mode slow --delay 1 \
    --log "$PR_TMP/slow.log" --ready "$PR_TMP/slow.ready" 2>/dev/null &
PR_PIDS+=("$!")
# A TCP peer that accepts and never says a word (a NETCONF server that
# hangs before the SSH banner); one line in its log per connection.
"$PY" -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(8)
open(sys.argv[3], "w").close()
held = []
while True:
    c, _ = s.accept()
    held.append(c)
    with open(sys.argv[2], "a") as f:
        f.write("connection\n")
' $MUTE_TCP_PORT "$PR_TMP/mute.log" "$PR_TMP/mute.ready" &
PR_PIDS+=("$!")
for _ in $(seq 1 100); do
    [ -f "$PR_TMP/slow.ready" ] && [ -f "$PR_TMP/mute.ready" ] && break
    sleep 0.1
done

# proc_start NAME LOG ARGS...: starts portready with ARGS (and the
# environment given) and waits until LOG, the log of the peer it talks to,
# shows its first request; keeps /proc/PID/cmdline and environ in
# $PR_TMP/NAME.cmdline and NAME.environ. PROC_PID is its pid: the caller
# stops it.
proc_start() {
    local name=$1 log=$2
    shift 2
    : >"$log"
    "$PORTREADY" "$@" >/dev/null 2>&1 &
    PROC_PID=$!
    PR_PIDS+=("$PROC_PID")
    for _ in $(seq 1 100); do
        [ -s "$log" ] && break
        sleep 0.05
    done
    tr '\0' ' ' <"/proc/$PROC_PID/cmdline" >"$PR_TMP/$name.cmdline"
    tr '\0' '\n' <"/proc/$PROC_PID/environ" >"$PR_TMP/$name.environ"
}
# proc_look NAME ARGS...: check ARGS against the slow agent, /proc read
# once it has the first request, then stopped.
proc_look() {
    local name=$1
    shift
    proc_start "$name" "$PR_TMP/slow.log" check -t 5 -r 0 "$@" "127.0.0.1:$SLOW_PORT"
    pr_stop "$PROC_PID"
}
# proc_clean NAME WHAT SECRET...: passes when /proc/PID/cmdline and environ
# of run NAME hold none of the secrets.
proc_clean() {
    local name=$1 what=$2 secret found=""
    shift 2
    for secret in "$@"; do
        if grep -qF -- "$secret" "$PR_TMP/$name.cmdline" "$PR_TMP/$name.environ"; then
            found="$found $secret"
        fi
    done
    if [ -z "$found" ]; then pr_pass "$what"; else pr_fail "$what: still in /proc/PID:$found"; fi
}

proc_look proc-file --community-file "$PR_TMP/comm"
proc_clean proc-file "--community-file: /proc/PID/cmdline and environ free of the community" "$COMM"
PORTREADY_COMMUNITY=$COMM proc_look proc-env
proc_clean proc-env "PORTREADY_COMMUNITY: wiped from /proc/PID/environ once read" "$COMM"
proc_look proc-argv -c "$COMM"
grep -qF -- "$COMM" "$PR_TMP/proc-argv.cmdline" &&
    pr_fail "-c: the community is still in /proc/PID/cmdline" ||
    pr_pass "-c: overwritten in /proc/PID/cmdline once read ($(cat "$PR_TMP/proc-argv.cmdline"))"

# --ssh against the CLI that never prompts: check waits there for -t.
ssh_proc_look() { # NAME ARGS...
    local name=$1
    shift
    "$PORTREADY" check --ssh "$MUTE_AT" --known-hosts "$PR_TMP/ssh-kh" -t 5 "$@" >/dev/null 2>&1 &
    local pid=$!
    PR_PIDS+=("$pid")
    sleep 1
    tr '\0' ' ' <"/proc/$pid/cmdline" >"$PR_TMP/$name.cmdline"
    tr '\0' '\n' <"/proc/$pid/environ" >"$PR_TMP/$name.environ"
    pr_stop "$pid"
}
if [ ${#SSH_PORTS[@]} -gt 0 ]; then
    PORTREADY_SSH_PASSWORD=$SSHPW ssh_proc_look proc-ssh-env
    grep -qF -- "$SSHPW" "$PR_TMP/proc-ssh-env.cmdline" "$PR_TMP/proc-ssh-env.environ" &&
        pr_fail "PORTREADY_SSH_PASSWORD: the password is in /proc" ||
        pr_pass "PORTREADY_SSH_PASSWORD: wiped from /proc/PID/environ once read"
    ssh_proc_look proc-ssh-file --password-file "$PR_TMP/sshpw"
    grep -qF -- "$SSHPW" "$PR_TMP/proc-ssh-file.cmdline" "$PR_TMP/proc-ssh-file.environ" &&
        pr_fail "--password-file: the password is in /proc" ||
        pr_pass "--password-file: /proc/PID/cmdline and environ free of the password"
    PORTREADY_SSH_PASSWORD=$WRONG ssh_proc_look proc-ssh-env-and-file \
        --password-file "$PR_TMP/sshpw"
    grep -qF -- "$WRONG" "$PR_TMP/proc-ssh-env-and-file.environ" &&
        pr_fail "PORTREADY_SSH_PASSWORD beside --password-file: still in /proc/PID/environ" ||
        pr_pass "PORTREADY_SSH_PASSWORD beside --password-file: wiped"
fi

# A variable an option overrides is a secret all the same: wiped too.
PORTREADY_COMMUNITY=$WRONG proc_look proc-env-and-c -c "$COMM"
proc_clean proc-env-and-c "PORTREADY_COMMUNITY beside -c: wiped from /proc/PID/environ" \
    "$COMM" "$WRONG"
PORTREADY_AUTH_PASS=$WRONG PORTREADY_PRIV_PASS=$PRIV proc_look proc-v3-env \
    -v 3 -u pruser -l authPriv --auth-pass-file "$PR_TMP/auth"
proc_clean proc-v3-env "PORTREADY_AUTH_PASS beside --auth-pass-file, PORTREADY_PRIV_PASS: wiped" \
    "$WRONG" "$PRIV"

# NETCONF: PORTREADY_NETCONF_PASSWORD, used or overridden by --password-file.
NC_TARGET=alice@127.0.0.1:$MUTE_TCP_PORT
PORTREADY_NETCONF_PASSWORD=$COMM proc_start proc-nc-env "$PR_TMP/mute.log" check \
    --netconf "$NC_TARGET" --known-hosts "$PR_TMP/kh" -t 5
pr_stop "$PROC_PID"
proc_clean proc-nc-env "PORTREADY_NETCONF_PASSWORD: wiped from /proc/PID/environ once read" "$COMM"
PORTREADY_NETCONF_PASSWORD=$WRONG proc_start proc-nc-file "$PR_TMP/mute.log" check \
    --netconf "$NC_TARGET" --password-file "$PR_TMP/comm" --known-hosts "$PR_TMP/kh" -t 5
pr_stop "$PROC_PID"
proc_clean proc-nc-file "PORTREADY_NETCONF_PASSWORD beside --password-file: wiped" "$WRONG"

# audit: the inventory's env:NAME secrets, one of them named twice.
cat >"$PR_TMP/slow.yaml" <<EOF
defaults:
  snmp: {community: "env:PR_TEST_COMMUNITY", timeout: 5, retries: 0}
switches:
  - {name: slow, host: 127.0.0.1:$SLOW_PORT, ports: [1/1/3]}
  - {name: again, host: 127.0.0.1:$SILENT_PORT, snmp: {community: "env:PR_TEST_COMMUNITY"}}
  - name: v3
    host: 127.0.0.1:$SILENT_PORT
    snmp: {version: 3, user: pruser, level: authPriv, auth: SHA, auth_pass: "env:PR_TEST_AUTH",
           priv: AES, priv_pass: "env:PR_TEST_PRIV"}
  - name: netconf
    host: 127.0.0.1:$MUTE_TCP_PORT
    netconf: {user: alice, password: "env:PR_TEST_NC"}
  - name: ssh
    host: 127.0.0.1
    ssh: {user: alice, port: $MUTE_TCP_PORT, password: "env:PR_TEST_SSH"}
EOF
PR_TEST_COMMUNITY=$COMM PR_TEST_AUTH=$AUTH PR_TEST_PRIV=$PRIV PR_TEST_NC=$WRONG PR_TEST_SSH=$SSHPW \
    proc_start proc-audit "$PR_TMP/slow.log" audit "$PR_TMP/slow.yaml"
pr_stop "$PROC_PID"
proc_clean proc-audit "audit: env:NAME secrets wiped from /proc/PID/environ once read" \
    "$COMM" "$AUTH" "$PRIV" "$WRONG" "$SSHPW"

# Core dumps and memory. portready is killed with SIGSEGV while it waits on
# a peer that has stopped answering, with cores enabled and pointed into
# this test's folder: no core may hold a secret (portready makes itself
# non-dumpable once it holds one, so no core is written at all). Before the
# kill, its memory (/proc/PID/mem, as root) is searched for the copies of
# each secret it holds.
CORE_DIR=$PR_TMP/cores
mkdir -p "$CORE_DIR"
CORE_PATTERN=/proc/sys/kernel/core_pattern
core_saved=$(cat "$CORE_PATTERN")
core_how=""
if ! (ulimit -c unlimited) 2>/dev/null; then
    echo "# core dumps skipped: the core size limit cannot be raised here"
elif (printf '%s\n' "$core_saved" >"$CORE_PATTERN") 2>/dev/null; then
    core_how=pattern # writable: set around each kill, restored at once
elif [[ $core_saved != /* && $core_saved != '|'* ]]; then
    core_how=cwd # a relative pattern: the core lands in the current folder
else
    echo "# core dumps skipped: core_pattern ($core_saved) is read-only and not relative"
fi
core_pattern_restore() {
    if [ "$core_how" = pattern ] && [ "$(cat "$CORE_PATTERN")" != "$core_saved" ]; then
        printf '%s\n' "$core_saved" >"$CORE_PATTERN"
    fi
}
trap 'core_pattern_restore; pr_cleanup' EXIT
# A sanitizer's runtime keeps copies of its own (the environment it started
# with, freed memory held back): copies are counted without one only.
count_copies=yes
if pr_sanitized; then
    count_copies=""
    echo "# built with AddressSanitizer: copies in memory not counted"
fi

STALL_PORT=26405
# stall_start AFTER: a fresh agent on STALL_PORT that answers AFTER
# requests, then nothing; its log is $PR_TMP/stall.log.
stall_start() {
    rm -f "$PR_TMP/stall.ready"
    : >"$PR_TMP/stall.log"
    "$PY" "$PR_SOURCE_DIR/tests/tools/pr_bad_agent.py" --port $STALL_PORT --mode stall \
        --after "$1" --log "$PR_TMP/stall.log" --ready "$PR_TMP/stall.ready" 2>/dev/null &
    STALL_PID=$!
    PR_PIDS+=("$STALL_PID")
    for _ in $(seq 1 100); do
        [ -f "$PR_TMP/stall.ready" ] && break
        sleep 0.05
    done
}

# core_trial NAME LOG REQUESTS MAX_COPIES ARGS...: runs portready ARGS (and
# the environment given) with cores enabled until LOG has REQUESTS lines
# and its output has a line starting with each word of TRIAL_OUTPUT (the
# switches an audit must have reported first; it reports them in the
# inventory's order), counts the copies of each secret in TRIAL_SECRETS in its memory (at most
# the matching number in MAX_COPIES, "2 1 1"), kills it with SIGSEGV and
# fails when a core holds any of them.
core_trial() {
    local name=$1 log=$2 requests=$3 max=($4)
    shift 4
    local dir="$CORE_DIR/$name"
    mkdir -p "$dir"
    (
        ulimit -c unlimited
        cd "$dir"
        exec "$PORTREADY" "$@"
    ) >"$PR_TMP/$name.out" 2>&1 &
    local pid=$!
    PR_PIDS+=("$pid")
    local word ready
    for _ in $(seq 1 200); do
        ready=yes
        [ "$(wc -l <"$log")" -ge "$requests" ] || ready=""
        for word in ${TRIAL_OUTPUT:-}; do
            grep -q "^$word " "$PR_TMP/$name.out" || ready=""
        done
        [ -n "$ready" ] && break
        sleep 0.05
    done
    sleep 0.3 # the answers read, the next request sent
    local counts i
    if [ -z "$count_copies" ]; then
        :
    elif counts=$("$PY" "$PR_SOURCE_DIR/tests/tools/pr_memscan.py" --pid "$pid" \
        "${TRIAL_SECRETS[@]}"); then
        counts=($counts)
        for i in "${!TRIAL_SECRETS[@]}"; do
            if [ "${counts[$i]}" -le "${max[$i]}" ]; then
                pr_pass "$name: ${TRIAL_NAMES[$i]}: ${counts[$i]} cop$([ "${counts[$i]}" = 1 ] && echo y || echo ies) in memory (at most ${max[$i]})"
            else
                pr_fail "$name: ${TRIAL_NAMES[$i]}: ${counts[$i]} copies in memory, more than ${max[$i]}"
            fi
        done
    elif ! kill -0 "$pid" 2>/dev/null; then
        pr_fail "$name: portready ended before its memory was read: $(head -c 300 "$PR_TMP/$name.out")"
    else
        echo "# $name: memory not readable here (no CAP_SYS_PTRACE?): copies not counted"
    fi
    if [ -z "$core_how" ]; then
        pr_stop "$pid"
        return
    fi
    [ "$core_how" = pattern ] && printf '%s\n' "$dir/core.%p" >"$CORE_PATTERN"
    kill -SEGV "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    core_pattern_restore
    local cores=("$dir"/core*) leaked=""
    if [ ! -e "${cores[0]}" ]; then
        pr_pass "$name: no core written on SIGSEGV"
        return
    fi
    counts=($("$PY" "$PR_SOURCE_DIR/tests/tools/pr_memscan.py" --file "${cores[0]}" \
        "${TRIAL_SECRETS[@]}"))
    for i in "${!TRIAL_SECRETS[@]}"; do
        [ "${counts[$i]}" -gt 0 ] && leaked="$leaked ${TRIAL_NAMES[$i]} (${counts[$i]} copies)"
    done
    if [ -n "$leaked" ]; then
        pr_fail "$name: the core holds$leaked"
    else
        pr_pass "$name: a core, but no secret in it"
    fi
    rm -f "${cores[@]}"
}

# check over v2c: three answers, then the agent falls silent. The command
# holds the community; the request in flight holds another (it is resent
# from it).
stall_start 3
TRIAL_NAMES=(community)
TRIAL_SECRETS=("$COMM")
core_trial core-check-v2c "$PR_TMP/stall.log" 4 "2" check -c "$COMM" -t 5 -r 1 \
    "127.0.0.1:$STALL_PORT"
pr_stop "$STALL_PID"

# check over SNMPv3, passphrases from the environment, waiting on engine
# discovery: one copy each, the command's.
stall_start 0
TRIAL_NAMES=("auth passphrase" "priv passphrase")
TRIAL_SECRETS=("$AUTH" "$PRIV")
PORTREADY_AUTH_PASS=$AUTH PORTREADY_PRIV_PASS=$PRIV core_trial core-check-v3 "$PR_TMP/stall.log" 1 \
    "1 1" check -v 3 -u pruser -l authPriv -t 5 -r 0 "127.0.0.1:$STALL_PORT"
pr_stop "$STALL_PID"

# audit: a v2c switch (snmpsim) and a v3 switch (snmpd) read in full, a
# v2c switch whose agent falls silent, a NETCONF switch whose server never
# answers. The inventory holds one copy of each secret; the request in
# flight one more of its community.
stall_start 3
cat >"$PR_TMP/core.yaml" <<EOF
switches:
  - {name: read, host: $SIM, snmp: {community: $DONE}, ports: [1/1/3]}
  - name: v3
    host: $SNMPD_AT
    snmp: {version: 3, user: pruser, level: authPriv, auth: SHA, auth_pass: "env:PR_TEST_AUTH",
           priv: AES, priv_pass_file: $PR_TMP/priv}
  - {name: v2c, host: 127.0.0.1:$STALL_PORT, snmp: {community: "env:PR_TEST_COMMUNITY",
     timeout: 5, retries: 1}, ports: [1/1/3]}
  - name: netconf
    host: 127.0.0.1
    netconf: {user: alice, port: $MUTE_TCP_PORT, password: "env:PR_TEST_NC"}
  - name: ssh
    host: 127.0.0.1
    ssh: {user: alice, port: $MUTE_TCP_PORT, password: "env:PR_TEST_SSH"}
EOF
TRIAL_NAMES=("community (read)" "community (in flight)" "auth passphrase" "priv passphrase"
    "NETCONF password" "SSH password")
TRIAL_SECRETS=("$DONE" "$COMM" "$AUTH" "$PRIV" "$WRONG" "$SSHPW")
TRIAL_OUTPUT="read v3" PR_TEST_COMMUNITY=$COMM PR_TEST_AUTH=$AUTH PR_TEST_NC=$WRONG \
    PR_TEST_SSH=$SSHPW core_trial core-audit "$PR_TMP/stall.log" 4 "1 2 1 1 1 1" audit \
    "$PR_TMP/core.yaml"
pr_stop "$STALL_PID"

# NETCONF over real SSH: the password is sent, then the server stalls its
# reply. Needs the test server (libnetconf2, libyuma-base).
if [ -x "$PR_TOOLS_DIR/pr_netconf_server" ] &&
    [ -r /usr/share/yuma/modules/ietf/ietf-netconf@2011-06-01.yang ]; then
    NC_PORT=26406
    printf '%s\n' "$AUTH" >"$PR_TMP/nc-password"
    chmod 600 "$PR_TMP/nc-password"
    "$PR_TOOLS_DIR/pr_netconf_server" --port $NC_PORT --mode stall --user alice \
        --password-file "$PR_TMP/nc-password" --hostkey "$PR_TMP/nc-hostkey" \
        --rpc-log "$PR_TMP/nc-rpc.log" >"$PR_TMP/nc-server.out" 2>&1 &
    PR_PIDS+=("$!")
    for _ in $(seq 1 100); do
        grep -qs '^ready$' "$PR_TMP/nc-server.out" && break
        sleep 0.05
    done
    : >"$PR_TMP/nc-rpc.log"
    TRIAL_NAMES=("NETCONF password")
    TRIAL_SECRETS=("$AUTH")
    PORTREADY_NETCONF_PASSWORD=$AUTH core_trial core-check-netconf "$PR_TMP/nc-rpc.log" 1 "1" \
        check --netconf "alice@127.0.0.1:$NC_PORT" --known-hosts "$PR_TMP/nc-kh" \
        --accept-new-hostkey -t 5
else
    echo "# NETCONF core trial skipped: no test server or no libyuma-base"
fi

if [ "$core_how" = pattern ]; then
    pr_expect_eq "core_pattern restored exactly" "$core_saved" "$(cat "$CORE_PATTERN")"
fi

pr_done
