#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# A real Icinga 2 (Debian's icinga2) checks the lab with portready: the
# CheckCommands and service rules of docs/monitoring.md, hosts for the lab's
# switches (their recordings, lab/data) and racks (an inventory of them, also
# split in two shards), an agent that never answers. The test reads every
# service's state, output and perfdata back through Icinga's REST API and
# asserts they are the lab's verdicts (lab/README.md) and what portready
# itself prints for the command Icinga ran; every perfdata item goes
# through Icinga's own parser (parse_performance_data, and the Graphite
# writer, which logs what it cannot parse).
#
# Icinga runs from a folder of this test's own (configuration, state, logs,
# run and cache folders given on its command line), never as the system
# service; as root it runs as nobody, and it is stopped by its PID.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/monitor_lib.sh"

command -v icinga2 >/dev/null || pr_skip "icinga2 (Debian's icinga2 package) is not installed"

base="$PR_TMP/icinga"
data="$PR_TMP/data"
mkdir -p "$base"/etc "$base"/lib/certs "$base"/log "$base"/cache "$base"/spool "$base"/run \
    "$data" "$PR_TMP/bin"
cp "$PR_SOURCE_DIR"/lab/data/*.snmprec "$data/"
mon_lab_inventory "$data/rack.yaml" "$data"
cp "$PORTREADY" "$PR_TMP/bin/portready"
if [ "$(id -u)" -eq 0 ]; then
    user=nobody group=nogroup
else
    user=$(id -un) group=$(id -gn)
fi
chmod -R a+rX "$data" "$PR_TMP/bin"
defines=(
    -DConfiguration.ConfigDir="$base/etc" -DConfiguration.DataDir="$base/lib"
    -DConfiguration.LogDir="$base/log" -DConfiguration.CacheDir="$base/cache"
    -DConfiguration.SpoolDir="$base/spool" -DConfiguration.InitRunDir="$base/run"
    -DConfiguration.RunAsUser="$user" -DConfiguration.RunAsGroup="$group"
)

# The check commands and service rules, exactly as docs/monitoring.md has them.
python3 - "$PR_SOURCE_DIR/docs/monitoring.md" "$base/etc" <<'PY'
import re, sys
doc = open(sys.argv[1]).read()
for what, name in (("icinga2 commands", "commands.conf"), ("icinga2 services", "services.conf")):
    m = re.search(r"<!-- test: %s [^>]*-->\n```icinga2\n(.*?)\n```" % re.escape(what), doc, re.S)
    if not m:
        sys.exit("docs/monitoring.md: no block marked '%s'" % what)
    open("%s/%s" % (sys.argv[2], name), "w").write(m.group(1) + "\n")
PY

mon_silent_udp
api_port=$(pr_free_tcp_port)
carbon_port=$(pr_free_tcp_port)
# A Graphite listener, so that the Graphite writer (which parses every
# perfdata item, and logs the ones it cannot) stays connected.
python3 -c 'import socket, sys, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8)
out = open(sys.argv[2], "ab", buffering=0)
def serve(c):
    while True:
        d = c.recv(65536)
        if not d:
            return
        out.write(d)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()' "$carbon_port" "$PR_TMP/carbon.txt" &
PR_PIDS+=("$!")

cat >"$base/etc/icinga2.conf" <<EOF
include <itl>
const PortreadyBin = "$PR_TMP/bin/portready"
const NodeName = "portready-test"
const ZoneName = "portready-test"
object Endpoint NodeName { }
object Zone ZoneName { endpoints = [ NodeName ] }
object FileLogger "main" { path = LogDir + "/icinga2.log"; severity = "information" }
object CheckerComponent "checker" { }
object ApiListener "api" {
  bind_host = "127.0.0.1"
  bind_port = $api_port
}
object ApiUser "portready-test" {
  password = "portready-test"
  permissions = [ "status/query", "objects/query/*", "actions/reschedule-check", "console" ]
}
object GraphiteWriter "graphite" {
  host = "127.0.0.1"
  port = $carbon_port
}
include "commands.conf"
include "services.conf"

template Host "lab-switch" {
  check_command = "dummy"
  vars.portready_expect_vlan = 100
}
object Host "rack12-a" {
  import "lab-switch"
  vars.portready_walk = "$data/rack12-a.snmprec"
  vars.portready_ports = [ "1/1/1", "1/1/2", "1/1/3", "1/1/4", "1/1/5", "1/1/6", "1/1/7", "1/1/8" ]
}
object Host "rack12-a-ready" {
  import "lab-switch"
  vars.portready_walk = "$data/rack12-a.snmprec"
  vars.portready_ports = [ "1/1/1", "1/1/2", "1/1/8" ]
}
object Host "rack12-a-auto-edge" {
  import "lab-switch"
  vars.portready_walk = "$data/rack12-a.snmprec"
  vars.portready_ports = [ "1/1/1", "1/1/4" ]
}
object Host "rack12-a-threshold" {
  import "lab-switch"
  vars.portready_walk = "$data/rack12-a.snmprec"
  vars.portready_ports = [ "1/1/1", "1/1/4" ]
  vars.portready_critical = 2
}
object Host "rack12-b" {
  import "lab-switch"
  vars.portready_walk = "$data/rack12-b.snmprec"
  vars.portready_ports = [ "Gi1/0/1", "Gi1/0/2", "Gi1/0/3", "Gi1/0/4", "Gi1/0/5", "Gi1/0/6", "Gi1/0/7" ]
}
object Host "rack12-c" {
  import "lab-switch"
  vars.portready_walk = "$data/rack12-c.snmprec"
  vars.portready_ports = [ "Ethernet1", "Ethernet5" ]
}
object Host "gone" {
  import "lab-switch"
  vars.portready_switch = "127.0.0.1:$MON_SILENT_PORT"
  vars.portready_snmp_timeout = 0.5
  vars.portready_snmp_retries = 0
  vars.portready_ports = [ "1/1/1" ]
}
object Host "rack12" {
  check_command = "dummy"
  vars.portready_inventory = "$data/rack.yaml"
}
object Host "rack12-sharded" {
  check_command = "dummy"
  vars.portready_inventory = "$data/rack.yaml"
  vars.portready_shards = { "1of2" = "1/2", "2of2" = "2/2" }
}

/* The control: perfdata Icinga cannot parse, which its log must show. */
object CheckCommand "broken-perfdata" {
  command = [ "/bin/echo", "BROKEN OK - control | 'broken'=U" ]
}
object Host "control" { check_command = "dummy" }
object Service "control" {
  host_name = "control"
  check_command = "broken-perfdata"
  check_interval = 1h
}
EOF
chown -R "$user:$group" "$base"
# The API's certificate: self-signed, its own CA.
icinga2 pki new-cert "${defines[@]}" --cn portready-test --key "$base/lib/certs/portready-test.key" \
    --cert "$base/lib/certs/portready-test.crt" >"$PR_TMP/pki.out" 2>&1
cp "$base/lib/certs/portready-test.crt" "$base/lib/certs/ca.crt"
chown -R "$user:$group" "$base/lib"

if ! icinga2 daemon -C -c "$base/etc/icinga2.conf" "${defines[@]}" >"$PR_TMP/validate.out" 2>&1; then
    pr_fail "the configuration does not validate: $(grep -E 'critical|Error' "$PR_TMP/validate.out" | head -5)"
    pr_done
fi
pr_pass "icinga2 daemon -C: the configuration of docs/monitoring.md validates"

icinga2 daemon -c "$base/etc/icinga2.conf" "${defines[@]}" >"$PR_TMP/daemon.out" 2>&1 &
icinga_pid=$!
PR_PIDS+=("$icinga_pid")

# api METHOD PATH [QUERY-JSON]: Icinga's REST API; the reply on stdout.
api() {
    python3 - "$api_port" "$@" <<'PY'
import base64, json, ssl, sys, urllib.request
port, method, path = sys.argv[1:4]
body = sys.argv[4].encode() if len(sys.argv) > 4 else None
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
req = urllib.request.Request("https://127.0.0.1:%s%s" % (port, path), data=body, method=method)
req.add_header("Authorization", "Basic " + base64.b64encode(b"portready-test:portready-test").decode())
req.add_header("Accept", "application/json")
if method != "GET":
    req.add_header("X-HTTP-Method-Override", method)
try:
    print(urllib.request.urlopen(req, context=ctx, timeout=10).read().decode())
except urllib.error.HTTPError as e:
    print(e.read().decode())
except OSError as e:
    print(json.dumps({"error": str(e)}))
PY
}

up=no
for i in $(seq 1 100); do
    if api GET /v1/status/IcingaApplication | pr_has '"results"'; then
        up=yes
        break
    fi
    kill -0 "$icinga_pid" 2>/dev/null || break
    sleep 0.2
done
pr_expect_eq "Icinga 2 is up with its API" yes "$up"
if [ "$up" != yes ]; then
    cat "$PR_TMP/daemon.out" | tail -20
    pr_done
fi

# The services run once an hour: run them all now.
services='["control!control","gone!pxe-ports","rack12!pxe-rack","rack12-a!pxe-ports","rack12-a-auto-edge!pxe-ports","rack12-a-ready!pxe-ports","rack12-a-threshold!pxe-ports","rack12-b!pxe-ports","rack12-c!pxe-ports","rack12-sharded!pxe-rack-1of2","rack12-sharded!pxe-rack-2of2"]'
api GET "/v1/objects/services?attrs=name" >"$PR_TMP/names.json"
pr_expect_eq "the services the rules make" "$services" \
    "$(python3 -c 'import json,sys; print(json.dumps(sorted(r["name"] for r in json.load(open(sys.argv[1]))["results"]), separators=(",", ":")))' "$PR_TMP/names.json")"
asked=$(date +%s)
api POST /v1/actions/reschedule-check '{"type": "Service", "filter": "true", "force": true}' >"$PR_TMP/reschedule.json"
for i in $(seq 1 150); do
    api GET "/v1/objects/services?attrs=last_check_result&attrs=state" >"$PR_TMP/services.json"
    done=$(python3 -c 'import json,sys
r = json.load(open(sys.argv[1])).get("results", [])
print(sum(1 for s in r if s["attrs"]["last_check_result"] and s["attrs"]["last_check_result"]["execution_end"] >= float(sys.argv[2])))' \
        "$PR_TMP/services.json" "$asked")
    [ "$done" -eq 11 ] && break
    sleep 0.2
done
pr_expect_eq "every service checked" 11 "$done"

# field SERVICE state|output|status|perfdata|command: what Icinga holds
# (split out of the API's answer once, one file per service and field).
mkdir -p "$PR_TMP/svc"
python3 - "$PR_TMP/services.json" "$PR_TMP/svc" <<'PY'
import json, sys
for s in json.load(open(sys.argv[1]))["results"]:
    cr = s["attrs"]["last_check_result"]
    base = "%s/%s." % (sys.argv[2], s["name"])
    fields = {
        "state": "%d %d\n" % (int(s["attrs"]["state"]), int(cr["exit_status"])),
        "output": cr["output"] + "\n",
        "status": cr["output"].split("\n")[0].rstrip() + "\n",
        "perfdata": " ".join(cr["performance_data"]) + "\n",
        "command": "\0".join(cr["command"]),
    }
    for name, text in fields.items():
        open(base + name, "w").write(text)
PY
field() {
    cat "$PR_TMP/svc/$1.$2"
}

# The lab's verdicts (lab/README.md) as service states: "STATE EXIT" and the
# start of the summary.
expect() {
    local svc=$1 state=$2 summary=$3
    pr_expect_eq "$svc: state and exit status" "$state $state" "$(field "$svc" state)"
    local status
    status=$(field "$svc" status)
    if [[ $status == "$summary"* ]]; then pr_pass "$svc: $summary"; else
        pr_fail "$svc: expected '$summary...', Icinga shows '$status'"
    fi
}
expect rack12-a-ready!pxe-ports 0 "PORTREADY OK - 3 of 3 ports ready"
expect rack12-a-auto-edge!pxe-ports 1 "PORTREADY WARNING - 1 of 2 ports with warnings: rack12-a.snmprec 1/1/4 stp-edge-auto"
expect rack12-a-threshold!pxe-ports 2 "PORTREADY CRITICAL - 1 of 2 ports not ready: rack12-a.snmprec 1/1/4 blackout-threshold"
expect rack12-a!pxe-ports 2 "PORTREADY CRITICAL - 3 of 8 ports not ready: rack12-a.snmprec 1/1/3 stp-not-edge, rack12-a.snmprec 1/1/5 stp-not-forwarding, rack12-a.snmprec 1/1/6 admin-down; 1 of 8 ports with warnings: rack12-a.snmprec 1/1/4 stp-edge-auto"
expect rack12-b!pxe-ports 2 "PORTREADY CRITICAL - 5 of 7 ports not ready: rack12-b.snmprec Gi1/0/3 portfast-trunk-missing, rack12-b.snmprec Gi1/0/4 stp-not-edge, rack12-b.snmprec Gi1/0/5 err-disabled, rack12-b.snmprec Gi1/0/6 admin-down, rack12-b.snmprec Gi1/0/7 vlan-mismatch; 2 of 7 ports with warnings"
expect rack12-c!pxe-ports 1 "PORTREADY WARNING - 1 of 2 ports with warnings: rack12-c.snmprec Ethernet5 lacp-fallback-unknown"
expect gone!pxe-ports 3 "PORTREADY UNKNOWN - 1 switch unreadable: 127.0.0.1:$MON_SILENT_PORT (127.0.0.1:$MON_SILENT_PORT: no answer within 0.5 s"
expect rack12!pxe-rack 2 "PORTREADY CRITICAL - 13 of 26 ports not ready: rack12-a 1/1/3 stp-not-edge,"

# Each port's verdict in the long output is the JSON report's.
"$PORTREADY" audit --format json "$data/rack.yaml" >"$PR_TMP/rack.json" 2>/dev/null || true
verdicts_json=$(python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(sorted("%s %s: %s" % (s["name"], p["name"], p["verdict"]) for s in d["switches"] for p in s["ports"] if p["verdict"] != "ready"))' "$PR_TMP/rack.json")
long_output() {
    python3 -c 'import re,sys
lines = sys.stdin.read().split("\n")[1:]
out = []
for l in lines:
    m = re.match(r"(\S+ \S+)(?: \S+)?: (not-ready|unknown|warning), blackout", l)
    if m:
        out.append("%s: %s" % m.groups())
print(sorted(out))'
}
pr_expect_eq "rack12: the long output's verdicts are the JSON report's" "$verdicts_json" \
    "$(field rack12!pxe-rack output | long_output)"
pr_expect_eq "rack12: 20 ports not ready, unknown or with warnings" 20 \
    "$(field rack12!pxe-rack output | long_output | tr ',' '\n' | grep -c ':')"
# The two shards hold the rack's three switches between them, each once.
shards=$( (field rack12-sharded!pxe-rack-1of2 perfdata; echo; field rack12-sharded!pxe-rack-2of2 perfdata) |
    grep -o "switches=[0-9]*" | cut -d= -f2 | awk '{ n += $1 } END { print n }')
pr_expect_eq "rack12-sharded: the shards' switches add up to the rack's" 3 "$shards"
pr_expect_eq "rack12-sharded: so do their ports" 26 \
    "$( (field rack12-sharded!pxe-rack-1of2 perfdata; echo; field rack12-sharded!pxe-rack-2of2 perfdata) |
        grep -o "ports=[0-9]*" | cut -d= -f2 | awk '{ n += $1 } END { print n }')"

# What Icinga shows is what portready prints for the command Icinga ran:
# the same status line (perfdata split off), long output, perfdata, state.
# Icinga reads stdout and stderr as one stream; portready holds stderr back
# until the report is out, so what it says there comes last.
for svc in $(python3 -c 'import json,sys; [print(n) for n in json.loads(sys.argv[1]) if not n.startswith("control")]' "$services"); do
    field "$svc" command >"$PR_TMP/cmd"
    mapfile -d '' -t cmd <"$PR_TMP/cmd"
    cmd[0]=$PORTREADY
    set +e
    "${cmd[@]}" >"$PR_TMP/direct.out" 2>&1
    rc=$?
    set -e
    python3 - "$PR_TMP/direct.out" "$rc" "$PR_TMP/services.json" "$svc" >"$PR_TMP/same" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
first, _, rest = text.partition("\n")
status, _, perf = first.partition(" | ")
for s in json.load(open(sys.argv[3]))["results"]:
    if s["name"] == sys.argv[4]:
        cr = s["attrs"]["last_check_result"]
icinga_first, _, icinga_rest = cr["output"].partition("\n")
# Icinga keeps a label's quotes only when it has a space.
items = [re.sub(r"^'([^' ]*)'=", r"\1=", p) for p in perf.split(" ")]
same = (icinga_first.rstrip() == status and icinga_rest == rest.rstrip("\n")
        and cr["performance_data"] == items and cr["exit_status"] == int(sys.argv[2]))
print("same" if same else "differ: %r %r" % (cr["output"][:200], text[:200]))
PY
    pr_expect_eq "$svc: Icinga shows what portready printed" same "$(cat "$PR_TMP/same")"
done

# Icinga's own perfdata parser (parse_performance_data, through the API's
# console) takes every item of every portready service.
python3 - "$PR_TMP/services.json" "$api_port" >"$PR_TMP/parsed" <<'PY'
import base64, json, ssl, sys, urllib.parse, urllib.request
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
def console(script):
    q = urllib.parse.quote(script)
    req = urllib.request.Request("https://127.0.0.1:%s/v1/console/execute-script?command=%s"
                                 % (sys.argv[2], q), data=b"", method="POST")
    req.add_header("Authorization", "Basic " + base64.b64encode(b"portready-test:portready-test").decode())
    req.add_header("Accept", "application/json")
    try:
        r = json.load(urllib.request.urlopen(req, context=ctx, timeout=10))["results"][0]
    except urllib.error.HTTPError as e:
        r = json.load(e)["results"][0]
    return r.get("result") if r.get("code") == 200 else None
items = [(s["name"], item) for s in json.load(open(sys.argv[1]))["results"]
         if not s["name"].startswith("control")
         for item in s["attrs"]["last_check_result"]["performance_data"]]
# All at once; one by one only when that fails, to name the culprit.
results = console("[%s]" % ", ".join("parse_performance_data(%s)" % json.dumps(i) for _, i in items))
if results is None:
    results = [console("parse_performance_data(%s)" % json.dumps(i)) for _, i in items]
good = bad = 0
for (name, item), r in zip(items, results):
    if r is None or r.get("type") != "PerfdataValue":
        bad += 1
        print("unparsed %s %s" % (name, item))
        continue
    good += 1
    if item.startswith("blackout_max="):
        print("blackout %s %s %s %s %s" % (name, r["value"], r["unit"], r["min"], r["crit"]))
print("items %d %d" % (good, bad))
# The control: the parser does refuse what it cannot read.
print("control", "refused" if console('parse_performance_data("broken=U")') is None else "taken")
PY
pr_expect_eq "Icinga's parser refuses the control's broken=U" "control refused" "$(grep '^control' "$PR_TMP/parsed")"
pr_expect_eq "Icinga's parser takes every item (none refused)" 0 "$(awk '$1 == "items" {print $3}' "$PR_TMP/parsed")"
while read -r line; do pr_fail "$line"; done < <(grep '^unparsed' "$PR_TMP/parsed" | head -3 || true)
# 10 portready services, 7 counts each, and a blackout where one is known.
[ "$(awk '$1 == "items" {print $2}' "$PR_TMP/parsed")" -ge 70 ] && pr_pass "Icinga parsed $(awk '$1 == "items" {print $2}' "$PR_TMP/parsed") items" ||
    pr_fail "only $(awk '$1 == "items" {print $2}' "$PR_TMP/parsed") items parsed"
pr_expect_eq "rack12: blackout_max is 30 seconds, minimum 0" "30 seconds 0 None" \
    "$(awk '$1 == "blackout" && $2 == "rack12!pxe-rack" {print $3, $4, $5, $6}' "$PR_TMP/parsed")"
pr_expect_eq "threshold: 3 seconds, critical at 2" "3 seconds 0 2" \
    "$(awk '$1 == "blackout" && $2 == "rack12-a-threshold!pxe-ports" {print $3, $4, $5, $6}' "$PR_TMP/parsed")"

# Stop Icinga by its PID, then read its log: the Graphite writer parsed
# every item (it logs what it cannot: the control's 'broken'=U proves the
# log is read), nothing critical.
kill -TERM "$icinga_pid"
for i in $(seq 1 100); do
    kill -0 "$icinga_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$icinga_pid" 2>/dev/null; then
    pr_fail "Icinga still runs 10 s after SIGTERM"
    kill -KILL "$icinga_pid"
else
    pr_pass "Icinga stopped"
fi
wait "$icinga_pid" 2>/dev/null || true
log="$base/log/icinga2.log"
grep -q "Ignoring invalid perfdata for checkable 'control!control'.*broken=U" "$log" &&
    pr_pass "the log shows the control's bad perfdata" || pr_fail "no warning about the control's perfdata in $log"
pr_expect_eq "the log: no perfdata warning about portready's services" "" \
    "$(grep -i 'perfdata' "$log" | grep -iE 'warning|critical' | grep -v "'control!control'" || true)"
pr_expect_eq "the log: nothing critical" "" "$(grep 'critical/' "$log" || true)"
pr_done
