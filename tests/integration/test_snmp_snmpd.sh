#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The live SNMP source against net-snmp's snmpd, started here as its own
# process on 127.0.0.1 with its own configuration and persistent folder:
# SNMPv3 authPriv works; a wrong passphrase, an unknown user and a wrong
# privacy passphrase are authentication errors; a wrong v2c community and a
# silent port time out; SET works; no secret ever reaches the output.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
SNMPD=$(command -v snmpd || echo /usr/sbin/snmpd)
[ -x "$SNMPD" ] || pr_skip "snmpd not installed"
command -v snmpget >/dev/null || pr_skip "snmpget not installed"

FETCH="$PR_TOOLS_DIR/pr_snmpfetch"
PORT=20102
SILENT_PORT=20103
AUTH_PASS=auth-Secret-7Qx
PRIV_PASS=priv-Secret-3Kz
COMMUNITY=comm-Secret-9Wd
RW_COMMUNITY=rw-Secret-5Tn
SECRETS=("$AUTH_PASS" "$PRIV_PASS" "$COMMUNITY" "$RW_COMMUNITY" wrong-Secret-1Aa)

AGENT="$PR_TMP/snmpd"
mkdir -p "$AGENT/persist"
cat >"$AGENT/snmpd.conf" <<EOF
agentAddress udp:127.0.0.1:$PORT
createUser pruser SHA "$AUTH_PASS" AES "$PRIV_PASS"
rouser pruser authPriv
rocommunity $COMMUNITY 127.0.0.1
rwcommunity $RW_COMMUNITY 127.0.0.1
EOF
SNMP_PERSISTENT_DIR="$AGENT/persist" "$SNMPD" -f -Lo -C -c "$AGENT/snmpd.conf" \
    -M /dev/null -m "" >"$AGENT/log" 2>&1 &
PR_PIDS+=("$!")
up=0
for _ in $(seq 1 50); do
    if snmpget -v2c -c "$COMMUNITY" -t 0.5 -r 0 -On "127.0.0.1:$PORT" .1.3.6.1.2.1.1.3.0 \
        >/dev/null 2>&1; then
        up=1
        break
    fi
    sleep 0.1
done
[ "$up" -eq 1 ] || {
    cat "$AGENT/log"
    pr_fail "snmpd did not come up on 127.0.0.1:$PORT"
    pr_done
}

# run NAME ARGS...: runs the tool, keeps stdout/stderr in $PR_TMP/NAME.*,
# sets RC, and fails the test if any secret shows up in either.
run() {
    local name=$1
    shift
    RC=0
    "$FETCH" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err" || RC=$?
    local secret
    for secret in "${SECRETS[@]}"; do
        if grep -qF -- "$secret" "$PR_TMP/$name.out" "$PR_TMP/$name.err"; then
            pr_fail "$name: a secret appears in the output"
        fi
    done
}
V3=(-v 3 -u pruser -l authPriv -a SHA -x AES)
UPTIME=1.3.6.1.2.1.1.3.0=scalar
SYSOR=1.3.6.1.2.1.1.9.1.2

run v3-ok "${V3[@]}" -A "$AUTH_PASS" -X "$PRIV_PASS" "127.0.0.1:$PORT" "$UPTIME" "$SYSOR"
pr_expect_eq "v3 authPriv fetch succeeds" 0 "$RC"
if grep -q '^1.3.6.1.2.1.1.3.0 Timeticks [0-9]' "$PR_TMP/v3-ok.out" &&
    grep -q '^1.3.6.1.2.1.1.9.1.2.1 OID ' "$PR_TMP/v3-ok.out"; then
    pr_pass "v3 authPriv returns sysUpTime and the sysORID column"
else
    pr_fail "v3 authPriv output: $(head -3 "$PR_TMP/v3-ok.out") $(cat "$PR_TMP/v3-ok.err")"
fi

run v3-badauth "${V3[@]}" -A wrong-Secret-1Aa -X "$PRIV_PASS" -t 1 "127.0.0.1:$PORT" "$UPTIME"
pr_expect_eq "wrong auth passphrase fails" 1 "$RC"
pr_expect_eq "wrong auth passphrase: auth error" 1 \
    "$(grep -c "auth: 127.0.0.1:$PORT: SNMPv3 authentication failed" "$PR_TMP/v3-badauth.err")"

run v3-baduser -v 3 -u nosuchuser -l authPriv -A "$AUTH_PASS" -X "$PRIV_PASS" -t 1 \
    "127.0.0.1:$PORT" "$UPTIME"
pr_expect_eq "unknown user fails" 1 "$RC"
pr_expect_eq "unknown user: auth error" 1 \
    "$(grep -c "auth: .*user unknown" "$PR_TMP/v3-baduser.err")"

run v3-badpriv "${V3[@]}" -A "$AUTH_PASS" -X wrong-Secret-1Aa -t 1 -r 0 "127.0.0.1:$PORT" "$UPTIME"
pr_expect_eq "wrong privacy passphrase fails" 1 "$RC"
pr_expect_eq "wrong privacy passphrase: auth error" 1 \
    "$(grep -c "auth: .*wrong privacy passphrase" "$PR_TMP/v3-badpriv.err")"

start=$(date +%s%N)
run v2c-badcomm -v 2c -c wrong-Secret-1Aa -t 1 -r 0 "127.0.0.1:$PORT" "$UPTIME"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
pr_expect_eq "wrong community fails" 1 "$RC"
pr_expect_eq "wrong community: timeout naming the host and the wait" 1 \
    "$(grep -c "timeout: 127.0.0.1:$PORT: no answer within 1 s (0 retries); wrong community" \
        "$PR_TMP/v2c-badcomm.err")"
# -t 1 -r 0: one wait of 1 s; the bound only catches a wait far beyond it.
if [ "$elapsed_ms" -lt 5000 ]; then
    pr_pass "wrong community gave up after ${elapsed_ms} ms (-t 1 -r 0)"
else
    pr_fail "wrong community took ${elapsed_ms} ms with -t 1 -r 0"
fi

run silent -v 2c -c "$COMMUNITY" -t 1 -r 1 "127.0.0.1:$SILENT_PORT" "$UPTIME"
pr_expect_eq "nothing listening fails" 1 "$RC"
pr_expect_eq "nothing listening: timeout" 1 \
    "$(grep -c "timeout: 127.0.0.1:$SILENT_PORT: no answer within 1 s (1 retry)" "$PR_TMP/silent.err")"

run v2c-ok -v 2c -c "$COMMUNITY" "127.0.0.1:$PORT" "$UPTIME" "$SYSOR"
pr_expect_eq "v2c fetch succeeds" 0 "$RC"
if cut -d' ' -f1,2 "$PR_TMP/v2c-ok.out" | grep -v '^1.3.6.1.2.1.1.3.0 ' |
    cmp -s - <(cut -d' ' -f1,2 "$PR_TMP/v3-ok.out" | grep -v '^1.3.6.1.2.1.1.3.0 '); then
    pr_pass "v2c and v3 see the same sysORID column"
else
    pr_fail "v2c and v3 sysORID differ"
fi

# SET: UCD-SNMP-MIB versionDoDebugging.0 (INTEGER, writable) set to 0.
DEBUG_OID=1.3.6.1.4.1.2021.100.13.0
run set-ok -v 2c -c "$RW_COMMUNITY" -S "$DEBUG_OID=0" "127.0.0.1:$PORT" "$DEBUG_OID=scalar"
pr_expect_eq "SET INTEGER succeeds" 0 "$RC"
pr_expect_eq "SET value read back" "$DEBUG_OID INTEGER 0" "$(cat "$PR_TMP/set-ok.out")"
run set-ro -v 2c -c "$COMMUNITY" -S "$DEBUG_OID=0" "127.0.0.1:$PORT" "$DEBUG_OID=scalar"
pr_expect_eq "SET through a read-only community fails" 1 "$RC"
pr_expect_eq "SET refused: protocol error" 1 "$(grep -c "protocol: .*noAccess" "$PR_TMP/set-ro.err")"

pr_done
