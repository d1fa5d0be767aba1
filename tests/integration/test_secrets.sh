#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Secrets (SNMP communities and v3 passphrases) never reach portready's
# output: text or JSON, --verbose, --fix, --stats, warnings and errors
# (wrong credentials, an unreachable switch, bad files, a bad inventory), for
# check and audit alike. Credential files readable by group or others draw a
# warning naming the file and its mode. The file and environment forms keep
# the secret out of /proc/PID/cmdline, a secret read from the environment is
# wiped from /proc/PID/environ, and one given as -c is overwritten there.
#
# Peers: snmpsim serving lab/data/rack12-a under a secret community, net-snmp's
# snmpd with an SNMPv3 authPriv user, a silent port, and the slow agent of
# tests/tools/pr_bad_agent.py (any community) for the /proc checks.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
command -v snmpsimd >/dev/null || pr_skip "snmpsim not installed"
SNMPD=$(command -v snmpd || echo /usr/sbin/snmpd)
[ -x "$SNMPD" ] || pr_skip "snmpd not installed"

SIM_PORT=26400
SNMPD_PORT=26401
SILENT_PORT=26402
SLOW_PORT=26403
COMM=comm-Secret-5Zq
AUTH=auth-Secret-8Wv
PRIV=priv-Secret-2Lp
WRONG=wrong-Secret-6Hh
SHORT=Shrt7Zq
SECRETS=("$COMM" "$AUTH" "$PRIV" "$WRONG" "$SHORT")
PY=$(python3 -c 'import sys; print(sys.executable)')

# Agents.
mkdir -p "$PR_TMP/sim"
cp "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" "$PR_TMP/sim/$COMM.snmprec"
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

# /proc/PID/cmdline and environ while a check runs (the slow agent keeps it
# busy a few seconds): wait for its first request, then look. Under a
# wrapper (valgrind) /proc shows the wrapper's own argv: nothing to judge.
if [ -n "${PR_WRAP:-}" ]; then
    echo "# /proc checks skipped under PR_WRAP"
    pr_done
    exit
fi
"$PY" "$PR_SOURCE_DIR/tests/tools/pr_bad_agent.py" --port $SLOW_PORT --mode slow --delay 1 \
    --log "$PR_TMP/slow.log" --ready "$PR_TMP/slow.ready" 2>/dev/null &
slow=$!
PR_PIDS+=("$slow")
for _ in $(seq 1 100); do
    [ -f "$PR_TMP/slow.ready" ] && break
    sleep 0.1
done
# proc_look NAME ARGS...: starts check with ARGS (and the environment
# given), reads /proc once the agent has its first request, stops check.
proc_look() {
    local name=$1
    shift
    : >"$PR_TMP/slow.log"
    "$PORTREADY" check -t 5 -r 0 "$@" "127.0.0.1:$SLOW_PORT" >/dev/null 2>&1 &
    local pid=$!
    PR_PIDS+=("$pid")
    for _ in $(seq 1 100); do
        [ -s "$PR_TMP/slow.log" ] && break
        sleep 0.05
    done
    tr '\0' ' ' <"/proc/$pid/cmdline" >"$PR_TMP/$name.cmdline"
    tr '\0' '\n' <"/proc/$pid/environ" >"$PR_TMP/$name.environ"
    pr_stop "$pid"
}
proc_look proc-file --community-file "$PR_TMP/comm"
grep -qF -- "$COMM" "$PR_TMP/proc-file.cmdline" "$PR_TMP/proc-file.environ" &&
    pr_fail "--community-file: the community is in /proc" ||
    pr_pass "--community-file: /proc/PID/cmdline and environ free of the community"
PORTREADY_COMMUNITY=$COMM proc_look proc-env
grep -qF -- "$COMM" "$PR_TMP/proc-env.cmdline" "$PR_TMP/proc-env.environ" &&
    pr_fail "PORTREADY_COMMUNITY: the community is in /proc" ||
    pr_pass "PORTREADY_COMMUNITY: wiped from /proc/PID/environ once read"
proc_look proc-argv -c "$COMM"
grep -qF -- "$COMM" "$PR_TMP/proc-argv.cmdline" &&
    pr_fail "-c: the community is still in /proc/PID/cmdline" ||
    pr_pass "-c: overwritten in /proc/PID/cmdline once read ($(cat "$PR_TMP/proc-argv.cmdline"))"

pr_done
