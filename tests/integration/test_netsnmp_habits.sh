#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# net-snmp habits, against real agents: snmpsim answering only the community
# a temporary snmp.conf names (SNMPCONFPATH), snmpd for SNMPv3, TCP and IPv6.
# - snmp.conf's defaults are taken (defCommunity; defVersion,
#   defSecurityName, defSecurityLevel, defAuthType, defPrivType and the
#   passphrases), the command line and the environment win over them, an
#   inventory too; no MIB is loaded or complained about;
# - the default community is named when the agent does not answer, a given
#   one never;
# - transport prefixes (udp:, tcp:, udp6:[::1]:PORT) in SWITCH and hosts;
# - -v 2 is refused with net-snmp's hint, SNMPv3-only flags under v1/v2c are
#   an error;
# - snmpwalk's default output (iso.3.6.1...) reads like -On output, MIB
#   names are refused with the advice to use -On.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
SNMPD=$(command -v snmpd || echo /usr/sbin/snmpd)
[ -x "$SNMPD" ] || pr_skip "snmpd not installed"
command -v snmpwalk >/dev/null || pr_skip "snmpwalk not installed"

COMM=conf-Comm-7Kd
WRONG=wrong-Comm-2Px
AUTH=auth-Pass-8Lq2
PRIV=priv-Pass-3Zw9
SECRETS=("$COMM" "$WRONG" "$AUTH" "$PRIV")

# An empty configuration folder: the machine's own snmp.conf stays out.
mkdir -p "$PR_TMP/noconf" "$PR_TMP/conf" "$PR_TMP/noisy" "$PR_TMP/v3" "$PR_TMP/v3-noauthtype"
export SNMPCONFPATH=$PR_TMP/noconf
echo "defCommunity $COMM" >"$PR_TMP/conf/snmp.conf"
printf '%s\n' 'mibs +ALL' 'mibdirs +/usr/share/snmp/mibs' 'showMibErrors yes' \
    'mibWarningLevel 2' 'noSuchToken 1' "defCommunity $COMM" >"$PR_TMP/noisy/snmp.conf"

# run NAME CMD...: portready CMD..., outputs in $PR_TMP/NAME.{out,err}, exit code in $RC;
# fails when a secret shows up.
run() {
    local name=$1 secret
    shift
    RC=0
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err" || RC=$?
    for secret in "${SECRETS[@]}"; do
        if grep -qF -- "$secret" "$PR_TMP/$name.out" "$PR_TMP/$name.err"; then
            pr_fail "$name: a secret appears in the output"
        fi
    done
}
j() { pr_json "$PR_TMP/$1.out" "$2"; }

########################################################################
# snmpsim answers community $COMM only (lab/data/rack12-a: 1/1/3 not ready, 1/1/1 ready).
mkdir -p "$PR_TMP/sim"
cp "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" "$PR_TMP/sim/$COMM.snmprec"
SIM_PORT=$(pr_free_udp_port)
pr_snmpsim_start "$PR_TMP/sim" "$SIM_PORT" "$COMM"
SIM=127.0.0.1:$SIM_PORT

run default check --format json -t 1 -r 0 "$SIM" 1/1/3
pr_expect_eq "no snmp.conf: the default community, exit 3" 3 "$RC"
pr_expect_eq "no snmp.conf: the error says the default community was used" \
    "$SIM: no answer within 1 s (0 retries); wrong community, wrong SNMP version, or agent unreachable (community 'public', the default)" \
    "$(j default 'd["switches"][0]["error"]')"

SNMPCONFPATH=$PR_TMP/conf run conf check --format json -t 1 -r 0 "$SIM" 1/1/3 1/1/1
pr_expect_eq "snmp.conf defCommunity: read, 1/1/3 not ready (exit 2)" \
    "2 None not-ready,ready" \
    "$RC $(j conf 'd["switches"][0]["error"]') $(j conf '",".join(p["verdict"] for p in d["switches"][0]["ports"])')"

SNMPCONFPATH=$PR_TMP/noisy run noisy check -t 1 -r 0 "$SIM" 1/1/3
pr_expect_eq "snmp.conf asking for every MIB: read, and nothing on stderr" "2 " \
    "$RC $(cat "$PR_TMP/noisy.err")"

SNMPCONFPATH=$PR_TMP/conf run cli-wins check --format json -t 1 -r 0 -c "$WRONG" "$SIM" 1/1/3
pr_expect_eq "-c wins over snmp.conf: no answer, exit 3" 3 "$RC"
pr_expect_eq "-c wins: the error names no community" \
    "$SIM: no answer within 1 s (0 retries); wrong community, wrong SNMP version, or agent unreachable" \
    "$(j cli-wins 'd["switches"][0]["error"]')"
SNMPCONFPATH=$PR_TMP/conf PORTREADY_COMMUNITY=$WRONG run env-wins check -t 1 -r 0 "$SIM" 1/1/3
pr_expect_eq "PORTREADY_COMMUNITY wins over snmp.conf: exit 3" 3 "$RC"

# Transport prefixes.
SNMPCONFPATH=$PR_TMP/conf run udp check --format json -t 1 -r 0 "udp:$SIM" 1/1/3
pr_expect_eq "SWITCH udp:HOST:PORT: read" "2 None" "$RC $(j udp 'd["switches"][0]["error"]')"

# An inventory: what it leaves unset comes from snmp.conf; a given community wins; udp: hosts.
cat >"$PR_TMP/rack.yaml" <<EOF
defaults:
  snmp: {timeout: 1, retries: 0}
switches:
  - {name: from-conf, host: "udp:$SIM", ports: [1/1/3]}
  - {name: given, host: "$SIM", snmp: {community: "$WRONG"}, ports: [1/1/1]}
EOF
SNMPCONFPATH=$PR_TMP/conf run audit audit --format json "$PR_TMP/rack.yaml"
pr_expect_eq "audit: snmp.conf's community for the switch without one" "None not-ready" \
    "$(j audit 'd["switches"][0]["error"]') $(j audit 'd["switches"][0]["ports"][0]["verdict"]')"
pr_expect_eq "audit: the inventory's community wins, and is not printed" \
    "$SIM: no answer within 1 s (0 retries); wrong community, wrong SNMP version, or agent unreachable" \
    "$(j audit 'd["switches"][1]["error"]')"
run audit-default audit --format json "$PR_TMP/rack.yaml"
pr_expect_eq "audit, no snmp.conf: the default community is named" \
    "udp:$SIM: no answer within 1 s (0 retries); wrong community, wrong SNMP version, or agent unreachable (community 'public', the default)" \
    "$(j audit-default 'd["switches"][0]["error"]')"

# snmpwalk's default output (numeric, iso.) and -On give the same report.
snmpwalk -m '' -M /dev/null -v2c -c "$COMM" "$SIM" .1 >"$PR_TMP/default.walk" 2>/dev/null
snmpwalk -m '' -M /dev/null -On -v2c -c "$COMM" "$SIM" .1 >"$PR_TMP/numeric.walk" 2>/dev/null
pr_expect_eq "snmpwalk's default output starts with iso." "iso.3.6.1.2.1.1.1.0" \
    "$(head -1 "$PR_TMP/default.walk" | cut -d' ' -f1)"
run walk-default check --format json --walk "$PR_TMP/default.walk"
run walk-numeric check --format json --walk "$PR_TMP/numeric.walk"
pr_expect_eq "walk in snmpwalk's default form: read" "2 None" \
    "$RC $(j walk-default 'd["switches"][0]["error"]')"
verdicts='";".join(p["name"] + "=" + p["verdict"] + ":" + ",".join(f["id"] for f in p["findings"]) for p in d["switches"][0]["ports"])'
pr_expect_eq "walk in snmpwalk's default form: the verdicts of -On" \
    "$(j walk-numeric "$verdicts")" "$(j walk-default "$verdicts")"
pr_expect_eq "walk in snmpwalk's default form: sysObjectID read as an OID" \
    "$(j walk-numeric 'd["switches"][0]["driver"]')" "$(j walk-default 'd["switches"][0]["driver"]')"
sed -e 's/^iso\.3\.6\.1\.2\.1\.1\.1\.0 /SNMPv2-MIB::sysDescr.0 /' "$PR_TMP/default.walk" \
    >"$PR_TMP/names.walk"
run walk-names check --walk "$PR_TMP/names.walk"
pr_expect_eq "walk with MIB names: exit 3" 3 "$RC"
case $(cat "$PR_TMP/walk-names.err") in
*"names.walk:1: 'SNMPv2-MIB::sysDescr.0 = STRING:"*"record the walk with snmpwalk -On"*)
    pr_pass "walk with MIB names: the line, and the advice to use -On" ;;
*) pr_fail "walk with MIB names: $(cat "$PR_TMP/walk-names.err")" ;;
esac

########################################################################
# Options net-snmp would refuse.
run v2 check -v 2 -c x "$SIM"
pr_expect_eq "-v 2: refused with net-snmp's hint" \
    "3 portready: check: -v takes 1, 2c or 3, not '2': SNMPv2 with a community is 2c (-v 2c), as in net-snmp's tools" \
    "$RC $(head -1 "$PR_TMP/v2.err")"
run v3flag check -v 2c -u alice "$SIM"
pr_expect_eq "-u with v2c: an error" \
    "3 portready: check: -u is for SNMPv3 only, and this is SNMPv2c: give -v 3, or leave it out" \
    "$RC $(head -1 "$PR_TMP/v3flag.err")"
printf '%s\n' "$AUTH" >"$PR_TMP/authfile"
chmod 600 "$PR_TMP/authfile"
run v3flags check -v 1 -c x -l authNoPriv --auth-pass-file "$PR_TMP/authfile" -n ctx "$SIM"
pr_expect_eq "-l, --auth-pass-file, -n with v1: an error naming them" \
    "3 portready: check: -l, -A, -n are for SNMPv3 only, and this is SNMPv1: give -v 3, or leave them out" \
    "$RC $(head -1 "$PR_TMP/v3flags.err")"
run v3default check -u alice -A "$AUTH" "$SIM"
pr_expect_eq "-u -A with no -v (v2c by default): an error" 3 "$RC"
SNMPCONFPATH=$PR_TMP/v3 run v3time time --switch "$SIM" --port 1/1/3 --target 127.0.0.1 -v 2c -x AES --yes
pr_expect_eq "time --switch: -x with v2c is an error too" \
    "3 portready: -x is for SNMPv3 only, and this is SNMPv2c: give -v 3, or leave it out" \
    "$RC $(head -1 "$PR_TMP/v3time.err")"

########################################################################
# snmpd: SNMPv3 from snmp.conf alone, TCP, IPv6.
PORT=$(pr_free_tcp_port)
AGENT=$PR_TMP/snmpd
mkdir -p "$AGENT/persist"
V6=1
python3 -c 'import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).bind(("::1", 0))' \
    2>/dev/null || V6=0
addresses="udp:127.0.0.1:$PORT,tcp:127.0.0.1:$PORT"
[ "$V6" -eq 1 ] && addresses+=",udp6:[::1]:$PORT"
cat >"$AGENT/snmpd.conf" <<EOF
agentAddress $addresses
createUser sha256user SHA-256 "$AUTH" AES "$PRIV"
rouser sha256user authPriv
rocommunity $COMM 127.0.0.1
rocommunity6 $COMM ::1
EOF
SNMP_PERSISTENT_DIR="$AGENT/persist" "$SNMPD" -f -Lo -C -c "$AGENT/snmpd.conf" \
    -M /dev/null -m "" >"$AGENT/log" 2>&1 &
PR_PIDS+=("$!")
up=0
for _ in $(seq 1 50); do
    if snmpget -v2c -c "$COMM" -t 0.5 -r 0 -On "127.0.0.1:$PORT" .1.3.6.1.2.1.1.3.0 \
        >/dev/null 2>&1; then
        up=1
        break
    fi
    sleep 0.1
done
if [ "$up" -eq 0 ]; then
    pr_fail "snmpd did not come up on 127.0.0.1:$PORT: $(cat "$AGENT/log")"
    pr_done
fi

cat >"$PR_TMP/v3/snmp.conf" <<EOF
defVersion 3
defSecurityName sha256user
defSecurityLevel authPriv
defAuthType SHA-256
defPrivType AES
defAuthPassphrase $AUTH
defPrivPassphrase $PRIV
EOF
grep -v defAuthType "$PR_TMP/v3/snmp.conf" >"$PR_TMP/v3-noauthtype/snmp.conf"
SNMPCONFPATH=$PR_TMP/v3 run v3 check --format json -t 2 -r 1 "127.0.0.1:$PORT"
pr_expect_eq "SNMPv3 from snmp.conf alone (user, level, SHA-256, AES, passphrases): read" "None" \
    "$(j v3 'd["switches"][0]["error"]')"
pr_expect_eq "SNMPv3 from snmp.conf: the agent's interfaces (lo) are there" "True" \
    "$(j v3 'd["switches"][0]["driver"] is not None')"
SNMPCONFPATH=$PR_TMP/v3-noauthtype run v3-sha check --format json -t 2 -r 1 "127.0.0.1:$PORT"
pr_expect_eq "without defAuthType: portready's SHA, which this user does not have" \
    "127.0.0.1:$PORT: SNMPv3 authentication failed (wrong authentication passphrase or protocol)" \
    "$(j v3-sha 'd["switches"][0]["error"]')"
SNMPCONFPATH=$PR_TMP/v3-noauthtype run v3-cli check --format json -t 2 -r 1 -a SHA-256 \
    "127.0.0.1:$PORT"
pr_expect_eq "-a SHA-256 with the rest from snmp.conf: read" "None" \
    "$(j v3-cli 'd["switches"][0]["error"]')"
SNMPCONFPATH=$PR_TMP/v3 run v3-v2c check --format json -t 2 -r 1 -v 2c -c "$COMM" \
    "tcp:127.0.0.1:$PORT"
pr_expect_eq "-v 2c -c over snmp.conf's v3, over tcp:HOST:PORT: read" "None" \
    "$(j v3-v2c 'd["switches"][0]["error"]')"
if [ "$V6" -eq 1 ]; then
    run v6 check --format json -t 2 -r 1 -c "$COMM" "udp6:[::1]:$PORT"
    pr_expect_eq "udp6:[::1]:PORT: read" "None" "$(j v6 'd["switches"][0]["error"]')"
else
    echo "# no IPv6 loopback: udp6 not tested"
fi

pr_done
