#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# One JSON schema across check, audit, time, dhcp-log and locate (docs/json.md),
# whatever the source (a walk, a configuration, the CLI over SSH):
# snake_case keys everywhere (dhcp-log's hyphenated verdict counts kept
# beside their snake_case keys as deprecated); every document starts with
# portready and timestamp and ends with error; ports carry server and
# description; audit --repeat documents carry round and timestamp; every
# failure with --format json still prints one document with the error and
# the command's usual keys empty, exit 3; and the examples of docs/json.md
# have exactly the keys real runs print. (The time documents of real
# bounces and outages: test_time_watch_verdict.sh, as root.)
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
schema=$PR_SOURCE_DIR/tests/tools/pr_json_schema.py
lab=$PR_SOURCE_DIR/lab/data
iso='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'
out=$PR_TMP/docs
mkdir -p "$out"

# run NAME EXPECTED_RC ARGS...: stdout to $out/NAME.json, checks the exit.
run() {
    local name=$1 want=$2 rc=0
    shift 2
    "$PORTREADY" "$@" >"$out/$name.json" 2>"$PR_TMP/$name.err" || rc=$?
    pr_expect_eq "$name: exit $want" "$want" "$rc"
}

# check: a walk of the lab's rack12-a (ifAlias gives the descriptions).
run check 2 check --walk "$lab/rack12-a.snmprec" --format json 1/1/1 1/1/3 1/1/9
pr_expect_eq "check: top-level keys" "portready timestamp switches summary error" \
    "$(pr_json "$out/check.json" '" ".join(d)')"
pr_expect_eq "check: no error" "None" "$(pr_json "$out/check.json" 'd["error"]')"
pr_expect_eq "check: timestamp is ISO 8601 UTC" 1 \
    "$(pr_json "$out/check.json" 'd["timestamp"]' | grep -cE "$iso")"
pr_expect_eq "check: server (none without an inventory) and description (ifAlias; none: null)" \
    "1/1/1 None srv12-01|1/1/3 None srv12-03|1/1/9 None None" \
    "$(pr_json "$out/check.json" '"|".join("%s %s %s" % (p["name"], p["server"], p["description"]) for p in d["switches"][0]["ports"])')"
# A configuration's description statements (IOS).
run check-config 2 check --config "$PR_SOURCE_DIR/tests/data/iosxe/rack.cli" --format json \
    GigabitEthernet1/0/3
pr_expect_eq "check --config: the description statement" "srv12-03 (trunk)" \
    "$(pr_json "$out/check-config.json" 'd["switches"][0]["ports"][0]["description"]')"

# The configuration through the CLI over SSH (the test CLI server, IOS):
# "ssh" among the sources, the description statement, a role per port.
if [ -x "${PR_TOOLS_DIR:-}/pr_cli_server" ]; then
    ssh_port=$(pr_free_tcp_port)
    printf 'pw-%s\n' "$$" >"$PR_TMP/ssh-password"
    chmod 600 "$PR_TMP/ssh-password"
    "$PR_TOOLS_DIR/pr_cli_server" --port "$ssh_port" --vendor ios \
        --config "$PR_SOURCE_DIR/tests/data/iosxe/rack.cli" --hostkey "$PR_TMP/ssh-hostkey" \
        --user alice --password-file "$PR_TMP/ssh-password" >"$PR_TMP/cli.out" 2>&1 &
    PR_PIDS+=("$!")
    for _ in $(seq 1 100); do grep -qs '^ready$' "$PR_TMP/cli.out" && break; sleep 0.05; done
    run check-ssh 2 check --ssh "alice@127.0.0.1:$ssh_port" --password-file "$PR_TMP/ssh-password" \
        --known-hosts "$PR_TMP/ssh-kh" --accept-new-hostkey -t 5 --format json GigabitEthernet1/0/3
    pr_expect_eq "check --ssh: sources, the description statement, the port's role" \
        "['ssh'] srv12-03 (trunk) True" \
        "$(pr_json "$out/check-ssh.json" 'str(d["switches"][0]["sources"]) + " " + d["switches"][0]["ports"][0]["description"] + " " + str(d["switches"][0]["ports"][0]["role"] in ("server", "uplink", "unknown"))')"
else
    echo "# the test CLI server is not built: check --ssh not tried"
fi

# audit: the inventory's servers, a round of 1, then --repeat 3.
cp "$lab/rack12-a.snmprec" "$PR_TMP/"
cat >"$PR_TMP/rack.yaml" <<'EOF'
switches:
  - name: rack12-a
    walk: rack12-a.snmprec
    ports:
      - {port: 1/1/1, server: srv12-01}
      - 1/1/2
      - {port: 1/1/4, server: srv12-04}
EOF
run audit 1 audit --format json "$PR_TMP/rack.yaml"
pr_expect_eq "audit: top-level keys" "portready timestamp round switches summary error" \
    "$(pr_json "$out/audit.json" '" ".join(d)')"
pr_expect_eq "audit: server from the inventory, description from ifAlias" \
    "1 srv12-01 srv12-01|None srv12-02|srv12-04 srv12-04" \
    "$(pr_json "$out/audit.json" 'str(d["round"]) + " " + "|".join("%s %s" % (p["server"], p["description"]) for p in d["switches"][0]["ports"])')"
run audit-repeat 1 audit --format json --repeat 3 "$PR_TMP/rack.yaml"
pr_expect_eq "audit --repeat 3: three documents, rounds 1 2 3, timestamps ISO and in order" "1 2 3 True" \
    "$(python3 - "$out/audit-repeat.json" "$iso" <<'PY'
import json, re, sys
text, dec, i, docs = open(sys.argv[1]).read(), json.JSONDecoder(), 0, []
while i < len(text):
    if text[i].isspace():
        i += 1
        continue
    doc, i = dec.raw_decode(text, i)
    docs.append(doc)
stamps = [d["timestamp"] for d in docs]
print(" ".join(str(d["round"]) for d in docs),
      all(re.match(sys.argv[2], s) for s in stamps) and stamps == sorted(stamps))
PY
)"

# dhcp-log: snake_case verdict counts, the old keys beside them.
run dhcp 2 dhcp-log --format json "$PR_SOURCE_DIR/tests/data/dhcplog/classes-classic.log"
# boot-log: the recordings of real servers (their stamps are UTC).
TZ=UTC run boot 2 boot-log --format json "$PR_SOURCE_DIR"/tests/data/bootlog/{dnsmasq,tftpd,access}.log
pr_expect_eq "boot-log: top-level keys" "portready timestamp boot_log summary error" \
    "$(pr_json "$out/boot.json" '" ".join(d)')"
pr_expect_eq "dhcp-log: top-level keys" "portready timestamp dhcp summary error" \
    "$(pr_json "$out/dhcp.json" '" ".join(d)')"
pr_expect_eq "dhcp-log: snake_case counts, equal to the deprecated ones" \
    "1 3 1 1 1 0 True" \
    "$(pr_json "$out/dhcp.json" '(lambda v: " ".join(str(v[k]) for k in ("slow_renew","no_offer","no_request","no_ack","renew_failed","not_seen")) + " " + str(all(v[k] == v[k.replace("_","-")] for k in v if "_" in k)))(d["summary"]["verdicts"])')"

# locate: a walk of rack12-a, srv12-03's MAC (lab/README.md: learned on
# 1/1/3, FDB 2).
run locate 2 locate --walk "$lab/rack12-a.snmprec" --format json 52:54:00:12:03:01
pr_expect_eq "locate: top-level keys" "portready timestamp locate summary error" \
    "$(pr_json "$out/locate.json" '" ".join(d)')"
pr_expect_eq "locate: no error, the port" "None 1/1/3" \
    "$(pr_json "$out/locate.json" 'str(d["error"]) + " " + d["locate"][0]["port"]')"

# Failures: one document each, with the error and the usual keys empty.
# expect_error NAME CODE ARGS...
expect_error() {
    local name=$1 code=$2
    shift 2
    run "$name" 3 "$@"
    pr_expect_eq "$name: one document, error $code" "1 $code" \
        "$(python3 - "$out/$name.json" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
doc, end = json.JSONDecoder().raw_decode(text)
print(1 if text[end:].strip() == "" else 2, doc["error"]["code"] if doc["error"] else None)
PY
)"
}
expect_error check-usage usage check --bogus --format json 127.0.0.1
expect_error check-usage-after usage check --format json --expect-vlan 5000 127.0.0.1
expect_error check-no-switch usage check --format=json
expect_error audit-usage usage audit --jobs 0 --format json "$PR_TMP/rack.yaml"
expect_error audit-missing io audit --format json "$PR_TMP/missing.yaml"
printf 'switches:\n  - name: a\n    host: 10.0.0.1\n    comunity: x\n' >"$PR_TMP/typo.yaml"
expect_error audit-typo input audit --format json "$PR_TMP/typo.yaml"
expect_error time-usage usage time --format json --iface eth0 --count 0
expect_error time-no-mode usage time --format json
expect_error dhcp-usage usage dhcp-log --mac zz --format json x.log
expect_error locate-usage usage locate --format json --walk x.snmprec not-a-mac
expect_error locate-missing io locate --format json --inventory "$PR_TMP/missing.yaml" 52:54:00:12:03:01
expect_error dhcp-missing io dhcp-log --format json "$PR_TMP/missing.log"
printf 'May 14 10:00:00 pxe01 sshd[99]: Accepted publickey for root\n' >"$PR_TMP/auth.log"
expect_error dhcp-no-dhcpd input dhcp-log --format json "$PR_TMP/auth.log"
expect_error boot-usage usage boot-log --format json --fix x.log
expect_error boot-missing io boot-log --format json "$PR_TMP/missing.log"
expect_error boot-nothing input boot-log --format json "$PR_TMP/auth.log"
pr_expect_eq "errors: check's and audit's switches empty, summaries zero" "[] 0 [] 0" \
    "$(pr_json "$out/check-usage.json" 'str(d["switches"]) + " " + str(sum(d["summary"].values()))') $(pr_json "$out/audit-typo.json" 'str(d["switches"]) + " " + str(sum(d["summary"].values()))')"
pr_expect_eq "errors: the audit's inventory error names line and column" True \
    "$(pr_json "$out/audit-typo.json" '"typo.yaml:4:5: unknown key" in d["error"]["message"]')"
pr_expect_eq "errors: time before its mode is known: time null" "None" \
    "$(pr_json "$out/time-usage.json" 'd["time"]')"
pr_expect_eq "errors: dhcp-log: no client, zero counts" "[] 0" \
    "$(pr_json "$out/dhcp-missing.json" 'str(d["dhcp"]) + " " + str(d["summary"]["clients"])')"
pr_expect_eq "errors: the same top-level keys as a good run's" "check audit dhcp-log boot-log locate" \
    "$(python3 - "$out" <<'PY'
import json, os, sys
d = sys.argv[1]
keys = lambda n: list(json.load(open(os.path.join(d, n + ".json"))))
same = []
if keys("check") == keys("check-usage") == keys("check-no-switch"): same.append("check")
if keys("audit") == keys("audit-typo") == keys("audit-missing"): same.append("audit")
if keys("dhcp") == keys("dhcp-missing") == keys("dhcp-no-dhcpd"): same.append("dhcp-log")
if keys("boot") == keys("boot-usage") == keys("boot-missing") == keys("boot-nothing"): same.append("boot-log")
if keys("locate") == keys("locate-usage") == keys("locate-missing"): same.append("locate")
print(" ".join(same))
PY
)"

# time: a watch stopped by SIGINT (interrupted) or refused ICMP sockets
# (permission): a document either way, its settings in it.
rc=0
timeout --preserve-status -s INT 2 "$PORTREADY" time --watch 127.0.0.1 --format json >"$out/time-watch.json" \
    2>"$PR_TMP/time-watch.err" || rc=$?
pr_expect_eq "time --watch stopped: exit 3, one document with the error" "3 True" \
    "$rc $(pr_json "$out/time-watch.json" 'd["error"]["code"] in ("interrupted", "permission") and d["time"]["target"] == "127.0.0.1"')"

# Every key of every document: snake_case (but the deprecated ones).
if python3 "$schema" keys "$out"/*.json; then
    pr_pass "every key snake_case, every document portready ... error"
else
    pr_fail "keys"
fi

# docs/json.md: its examples have the keys real runs print.
md=$PR_SOURCE_DIR/docs/json.md
check_examples() { # WHAT ARGS...
    local what=$1
    shift
    if python3 "$schema" examples "$md" "$@"; then
        pr_pass "docs/json.md: $what examples have the real keys"
    else
        pr_fail "docs/json.md: $what examples"
    fi
}
check_examples check --real "$out"/check*.json check
check_examples audit --real "$out"/audit*.json audit audit-error
check_examples dhcp-log --real "$out"/dhcp*.json dhcp-log dhcp-log-error
check_examples boot-log --real "$out"/boot*.json boot-log
check_examples time --real "$out"/time*.json --seen-only time-error time-bounce time-watch \
    time-no-answer
pr_done
