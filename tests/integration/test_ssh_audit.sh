#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# SSH beside SNMP and in an audit. check: the lab's rack12-c answering SNMP
# and the test CLI server (EOS) printing its configuration: state from the
# agent, configuration from the CLI, the same ports as --config of that
# text, sources ["snmp", "ssh"]. audit: 20 switches read over SSH at once
# from an inventory (ssh: in defaults and per switch), some of them
# stalling or never prompting: the audit ends within the SSH timeout,
# every switch is reported (the stalled ones unreadable, with the reason),
# --save-config keeps what was read, and the password shows nowhere.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/ssh_lib.sh"
command -v snmpsimd >/dev/null || pr_skip "snmpsim not installed"

DATA=$PR_SOURCE_DIR/tests/data
EOS_CONF=$DATA/merge/rack12-c-eos.conf

# --- check: SNMP and SSH together ---
lab="$PR_SOURCE_DIR/lab/lab"
state="$PR_TMP/lab"
snmp_port=$(pr_free_udp_port)
trap '"$lab" stop --state-dir "$state" >/dev/null 2>&1 || true; pr_cleanup' EXIT
"$lab" start --port "$((snmp_port - 2))" --state-dir "$state" rack12-c >/dev/null
eos_port=$(pr_free_tcp_port)
cli_start "$eos_port" eos --config "$EOS_CONF" --ignore-paging --page-lines 6
ssh_check -c rack12-c "127.0.0.1:$snmp_port" --ssh "alice@127.0.0.1:$eos_port" \
    --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" --accept-new-hostkey -t 4 \
    Ethernet5 Ethernet7 Ethernet1 --format json
cp "$OUT" "$PR_TMP/both-ssh.json"
j() { pr_json "$PR_TMP/both-ssh.json" "$1"; }
pr_expect_eq "SNMP and SSH: both sources named" "['snmp', 'ssh']" "$(j 'd["switches"][0]["sources"]')"
pr_expect_eq "Ethernet5 member (agent)" True "$(j 'd["switches"][0]["ports"][0]["facts"]["lacp_member"]')"
pr_expect_eq "Ethernet5 fallback (CLI)" yes "$(j 'd["switches"][0]["ports"][0]["facts"]["lacp_fallback"]')"
pr_expect_eq "Ethernet7 edge (CLI)" yes "$(j 'd["switches"][0]["ports"][1]["facts"]["edge"]')"
pr_expect_eq "Ethernet7 oper (agent)" up "$(j 'd["switches"][0]["ports"][1]["facts"]["oper_status"]')"
"$PORTREADY" check -c rack12-c "127.0.0.1:$snmp_port" --config "$EOS_CONF" Ethernet5 Ethernet7 \
    Ethernet1 --format json >"$PR_TMP/both-config.json" 2>/dev/null || true
ssh_same_ports "SNMP and SSH" "$PR_TMP/both-ssh.json" "$PR_TMP/both-config.json"

# --- audit: 20 switches over SSH, 6 of them misbehaving ---
ios_port=$(pr_free_tcp_port)
cli_start "$ios_port" ios --config "$DATA/iosxe/rack.cli"
junos_port=$(pr_free_tcp_port)
cli_start "$junos_port" junos --config "$DATA/junos/e1-1.set" --ignore-paging --page-lines 9
stall_port=$(pr_free_tcp_port)
cli_start "$stall_port" ios --config "$DATA/iosxe/rack.cli" --mode stall
mute_port=$(pr_free_tcp_port)
cli_start "$mute_port" junos --config "$DATA/junos/e1-1.set" --mode no-prompt
for p in "$ios_port" "$junos_port" "$stall_port" "$mute_port"; do
    "$PORTREADY" check --ssh "alice@127.0.0.1:$p" --password-file "$PR_TMP/password" \
        --known-hosts "$SSH_KH" --accept-new-hostkey -t 4 >/dev/null 2>&1 || true
done
pr_expect_eq "known_hosts holds the five servers" 5 "$(wc -l <"$SSH_KH")"

inv=$PR_TMP/rack.yaml
{
    echo "defaults:"
    echo "  ssh: {user: alice, password_file: $PR_TMP/password, known_hosts: $SSH_KH}"
    echo "switches:"
    for i in $(seq 1 7); do
        echo "  - {name: ios-$i, host: 127.0.0.1, ssh: {port: $ios_port}}"
        echo "  - {name: junos-$i, host: 127.0.0.1, driver: juniper, ssh: {port: $junos_port}}"
    done
    for i in $(seq 1 4); do
        echo "  - {name: stall-$i, host: 127.0.0.1, ssh: {port: $stall_port}}"
    done
    for i in $(seq 1 2); do
        echo "  - {name: mute-$i, host: 127.0.0.1, ssh: {port: $mute_port}}"
    done
} >"$inv"
mkdir -p "$PR_TMP/saved"
start=$(date +%s%N)
set +e
"$PORTREADY" audit --format json --save-config "$PR_TMP/saved" "$inv" >"$PR_TMP/audit.json" \
    2>"$PR_TMP/audit.err"
rc=$?
set -e
ms=$((($(date +%s%N) - start) / 1000000))
# The SSH exchange of an audit is bounded by 10 s (as NETCONF's is); all
# 20 switches are read at once.
if [ "$ms" -le 13000 ]; then pr_pass "audit of 20 switches in $ms ms (stalls cut at 10 s)"; else
    pr_fail "audit took $ms ms"; fi
pr_expect_eq "audit exit status (ports not ready: 2)" 2 "$rc"
a() { pr_json "$PR_TMP/audit.json" "$1"; }
pr_expect_eq "every switch reported, in inventory order" \
    "$(sed -n 's/.*name: \([a-z]*-[0-9]*\),.*/\1/p' "$inv" | paste -sd,)" \
    "$(a '",".join(s["name"] for s in d["switches"])')"
pr_expect_eq "14 read over SSH" 14 "$(a 'sum(1 for s in d["switches"] if s["sources"] == ["ssh"] and s["error"] is None)')"
pr_expect_eq "the stalled ones: timeouts after the configuration command" 4 \
    "$(a 'sum(1 for s in d["switches"] if s["name"].startswith("stall") and "timeout after 10.0 s waiting for the prompt after" in s["error"])')"
pr_expect_eq "the mute ones: no first prompt" 2 \
    "$(a 'sum(1 for s in d["switches"] if s["name"].startswith("mute") and "waiting for the first prompt" in s["error"])')"
pr_expect_eq "summary: 20 switches, 6 unreadable" "20 6" \
    "$(a '"%d %d" % (d["summary"]["switches"], d["summary"]["unreadable"])')"
pr_expect_eq "--save-config: one file per switch read" 14 "$(find "$PR_TMP/saved" -name '*.cfg' | wc -l)"
"$PORTREADY" check --config "$PR_TMP/saved/junos-3.cfg" --format json >"$PR_TMP/saved.json" 2>/dev/null || true
pr_expect_eq "a saved configuration judged offline: the same ports" \
    "$(a 'json.dumps(d["switches"][5]["ports"], sort_keys=True)' | sed 's/line [0-9]*/line N/g')" \
    "$(pr_json "$PR_TMP/saved.json" 'json.dumps(d["switches"][0]["ports"], sort_keys=True)' | sed 's/line [0-9]*/line N/g')"
if grep -qF -- "$SSH_PASSWORD" "$PR_TMP/audit.json" "$PR_TMP/audit.err" "$PR_TMP"/saved/*; then
    pr_fail "the password appears in the audit's output"
else
    pr_pass "no password in the audit's output"
fi
pr_done
