# SPDX-License-Identifier: BSD-3-Clause
# Helpers for the monitoring tests (sourced after lib.sh, never run).

# mon_lab_inventory OUT [DATA]: lab/rack.yaml with each agent replaced by its
# recording (DATA/*.snmprec, by default lab/data), so no agent has to run.
mon_lab_inventory() {
    python3 - "$PR_SOURCE_DIR/lab/rack.yaml" "${2:-$PR_SOURCE_DIR/lab/data}" >"$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
text = re.sub(r"host: 127\.0\.0\.1:116([123])",
              lambda m: "walk: %s/rack12-%s.snmprec" % (sys.argv[2], "abc"[int(m.group(1)) - 1]), text)
text = re.sub(r"\n\s*snmp: \{community: [^}]*\}", "", text)
text = re.sub(r"\n  snmp: \{[^}]*\}", "", text)
print(text)
PY
}

# mon_silent_udp: starts a UDP socket on 127.0.0.1 that answers nothing
# (an agent that never replies); sets MON_SILENT_PORT. It writes a line to
# MON_SILENT_LOG for each request it gets.
mon_silent_udp() {
    MON_SILENT_PORT=$(pr_free_udp_port)
    MON_SILENT_LOG="$PR_TMP/silent-$MON_SILENT_PORT.log"
    : >"$MON_SILENT_LOG"
    python3 -c 'import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
log = open(sys.argv[2], "a", buffering=1)
while True:
    s.recvfrom(65536)
    log.write("request\n")' "$MON_SILENT_PORT" "$MON_SILENT_LOG" &
    PR_PIDS+=("$!")
    sleep 0.2
}

# mon_wait_request: waits (up to 30 s) until the silent agent has a request.
mon_wait_request() {
    local i
    for i in $(seq 1 300); do
        [ -s "$MON_SILENT_LOG" ] && return 0
        sleep 0.1
    done
    return 1
}

# mon_plugin_check OUT RC: checks a --format nagios output against the
# Monitoring Plugins guidelines and prints "ok" or what is wrong: exactly
# one status line "PORTREADY STATE - text[ | perfdata]" and it comes first,
# STATE the name of RC, no '|' in the text but the perfdata's, every
# perfdata item 'label'=value[UOM];[warn];[crit];[min];[max] with warn and
# crit numbers or ranges.
mon_plugin_check() {
    python3 - "$1" "$2" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
rc = int(sys.argv[2])
states = ["OK", "WARNING", "CRITICAL", "UNKNOWN"]
lines = text.split("\n")
if not text.endswith("\n"):
    sys.exit(print("no newline at the end"))
status = [l for l in lines if l.startswith("PORTREADY ")]
if len(status) != 1 or not lines[0].startswith("PORTREADY "):
    sys.exit(print("%d status lines, first line %r" % (len(status), lines[0])))
m = re.fullmatch(r"PORTREADY (OK|WARNING|CRITICAL|UNKNOWN) - ([^|]+?)(?: \| (.*))?", lines[0])
if not m:
    sys.exit(print("malformed status line %r" % lines[0]))
if rc not in range(4) or m.group(1) != states[rc]:
    sys.exit(print("state %s, exit code %d" % (m.group(1), rc)))
if any("|" in l for l in lines[1:]):
    sys.exit(print("a '|' in the long output"))
num = r"-?[0-9]+(?:\.[0-9]+)?"
rng = r"@?(?:~|%s)?(?::(?:%s)?)?" % (num, num)
item = r"(?:'(?:[^']|'')+'|[^ =']+)=%s(?:s|%%|[KMGT]?B|c)?(?:;(?:%s)?){0,2}(?:;(?:%s)?){0,2}" % (num, rng, num)
perf = m.group(3)
if perf is not None:
    for p in perf.split(" "):
        if not re.fullmatch(item, p):
            sys.exit(print("malformed perfdata item %r" % p))
print("ok")
PY
}

# mon_state_of RC: the plugin state's name.
mon_state_of() {
    case $1 in
    0) echo OK ;;
    1) echo WARNING ;;
    2) echo CRITICAL ;;
    *) echo UNKNOWN ;;
    esac
}
