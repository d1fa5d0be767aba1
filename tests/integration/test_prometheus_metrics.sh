#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# --format prometheus passes Prometheus's own checker (`promtool check
# metrics`, Debian's prometheus package) on the lab's audit, with an
# unreadable switch, with thresholds, and with names that need escaping (a
# port named `Gi1/0/1 "x"\` in a recording, a server name with a newline in
# the inventory); the samples say what the JSON report says.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/monitor_lib.sh"

command -v promtool >/dev/null || pr_skip "promtool (Debian's prometheus package) is not installed"

# promtool NAME FILE: promtool's verdict on FILE.
promcheck() {
    if promtool check metrics <"$2" >"$PR_TMP/$1.promtool" 2>&1; then
        pr_pass "$1: promtool check metrics"
    else
        pr_fail "$1: promtool: $(head -5 "$PR_TMP/$1.promtool")"
    fi
}
samples() { grep -c "^$2{" "$PR_TMP/$1.prom" || true; }

# promtool does refuse a broken exposition (the check means something).
printf '# TYPE x gauge\nx{a="b"c"} 1\n' >"$PR_TMP/broken.prom"
promtool check metrics <"$PR_TMP/broken.prom" >/dev/null 2>&1 && pr_fail "promtool took a broken label" ||
    pr_pass "promtool refuses a broken label"

mon_lab_inventory "$PR_TMP/rack.yaml"
set +e
"$PORTREADY" audit --format prometheus "$PR_TMP/rack.yaml" >"$PR_TMP/lab.prom" 2>"$PR_TMP/lab.err"
rc=$?
"$PORTREADY" audit --format json "$PR_TMP/rack.yaml" >"$PR_TMP/lab.json" 2>/dev/null
set -e
pr_expect_eq "lab: exit 2 as for every format" 2 "$rc"
promcheck lab "$PR_TMP/lab.prom"
pr_expect_eq "lab: 26 ports x 4 verdicts" 104 "$(samples lab portready_port_verdict)"
pr_expect_eq "lab: 3 switches up" 3 "$(grep -c '^portready_switch_up{.*} 1$' "$PR_TMP/lab.prom")"
pr_expect_eq "lab: one HELP and one TYPE per family" "6 6" \
    "$(grep -c '^# HELP portready_' "$PR_TMP/lab.prom") $(grep -c '^# TYPE portready_' "$PR_TMP/lab.prom")"
# Each port's 1 is its JSON verdict; the findings and blackouts are JSON's.
python3 - "$PR_TMP/lab.prom" "$PR_TMP/lab.json" >"$PR_TMP/lab.cmp" <<'PY'
import json, re, sys
prom = open(sys.argv[1]).read().splitlines()
doc = json.load(open(sys.argv[2]))
sample = re.compile(r'^(\w+)\{(.*)\} (\S+)$')
def labels(text):
    return dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', text))
got_verdict, got_finding, got_blackout = {}, set(), {}
for line in prom:
    m = sample.match(line)
    if not m:
        continue
    name, l, value = m.group(1), labels(m.group(2)), m.group(3)
    key = (l.get("switch"), l.get("port"))
    if name == "portready_port_verdict" and value == "1":
        got_verdict[key] = (l["verdict"], l["server"])
    elif name == "portready_port_finding":
        got_finding.add(key + (l["id"], l["severity"]))
    elif name == "portready_port_expected_blackout_seconds":
        got_blackout[key] = int(value)
want_verdict, want_finding, want_blackout = {}, set(), {}
for sw in doc["switches"]:
    for p in sw["ports"]:
        key = (sw["name"], p["name"])
        want_verdict[key] = (p["verdict"], p.get("server") or "")
        for f in p["findings"]:
            want_finding.add(key + (f["id"], f["severity"]))
        if p["expected_blackout_s"] is not None:
            want_blackout[key] = p["expected_blackout_s"]
print("verdicts", "same" if got_verdict.keys() == want_verdict.keys() and
      all(got_verdict[k][0] == want_verdict[k][0] for k in want_verdict) else "differ")
print("findings", "same" if got_finding == want_finding else "differ %s" % (got_finding ^ want_finding))
print("blackouts", "same" if got_blackout == want_blackout else "differ")
print("not-ready", sum(1 for v in got_verdict.values() if v[0] == "not-ready"))
print("server", got_verdict[("rack12-a", "1/1/3")][1])
PY
pr_expect_eq "lab: verdicts as JSON's" "verdicts same" "$(sed -n 1p "$PR_TMP/lab.cmp")"
pr_expect_eq "lab: findings as JSON's" "findings same" "$(sed -n 2p "$PR_TMP/lab.cmp")"
pr_expect_eq "lab: blackouts as JSON's" "blackouts same" "$(sed -n 3p "$PR_TMP/lab.cmp")"
# lab/README.md: 13 of the 26 ports not ready (rack12-c's uplink Ethernet12
# left out); 1/1/3 faces srv12-03.
pr_expect_eq "lab: 13 ports not ready" "not-ready 13" "$(sed -n 4p "$PR_TMP/lab.cmp")"
pr_expect_eq "lab: the server label" "server srv12-03" "$(sed -n 5p "$PR_TMP/lab.cmp")"

# An unreadable switch is down and has no port samples; thresholds add
# their finding.
mon_silent_udp
cp "$PR_TMP/rack.yaml" "$PR_TMP/gone.yaml"
printf '  - {name: gone, host: "127.0.0.1:%s", snmp: {community: x, timeout: 0.3, retries: 0}}\n' \
    "$MON_SILENT_PORT" >>"$PR_TMP/gone.yaml"
set +e
"$PORTREADY" audit --format prometheus --critical 2 "$PR_TMP/gone.yaml" >"$PR_TMP/gone.prom" 2>/dev/null
set -e
promcheck unreadable "$PR_TMP/gone.prom"
pr_expect_eq "unreadable: switch down" 1 "$(grep -c '^portready_switch_up{switch="gone"} 0$' "$PR_TMP/gone.prom")"
pr_expect_eq "unreadable: no port of it" 0 "$(grep -c 'switch="gone",port=' "$PR_TMP/gone.prom")"
# Over 2 s: 30 s on 1/1/3, Gi1/0/3, Gi1/0/4, Ethernet7; 3 s (auto-edge) on
# 1/1/4 and Ethernet8 (lab/README.md; the uplink Ethernet12 is left out).
pr_expect_eq "thresholds: the 6 ports over 2 s break --critical 2" 6 \
    "$(grep -c '^portready_port_finding{.*id="blackout-threshold",severity="critical"} 1$' "$PR_TMP/gone.prom")"

# Names that need escaping: a port of rack12-a renamed in a copy of its
# recording, a server name with a newline (replaced: a control character),
# a switch name with a quote.
mkdir -p "$PR_TMP/odd"
sed 's#^1.3.6.1.2.1.31.1.1.1.1.1|4|1/1/1$#1.3.6.1.2.1.31.1.1.1.1.1|4|Gi1/0/1 "x"\\#' \
    "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" >"$PR_TMP/odd/odd.snmprec"
grep -q 'Gi1/0/1 "x"\\$' "$PR_TMP/odd/odd.snmprec" && pr_pass "odd: the recording names the port" ||
    pr_fail "odd: the recording was not changed"
cat >"$PR_TMP/odd.yaml" <<YAML
switches:
  - name: 'rack "12"'
    walk: $PR_TMP/odd/odd.snmprec
    ports:
      - {port: 'Gi1/0/1 "x"\\', server: "srv12\\n01"}
      - {port: 1/1/3, server: 'back\\slash'}
YAML
set +e
"$PORTREADY" audit --format prometheus "$PR_TMP/odd.yaml" >"$PR_TMP/odd.prom" 2>"$PR_TMP/odd.err"
set -e
promcheck odd "$PR_TMP/odd.prom"
# The newline, a control character, is a '?' by then (util/safe_text.h).
grep -qF 'portready_port_verdict{switch="rack \"12\"",port="Gi1/0/1 \"x\"\\",server="srv12?01",verdict="ready"} 1' \
    "$PR_TMP/odd.prom" && pr_pass "odd: quote and backslash escaped, the newline replaced" ||
    pr_fail "odd: $(grep -m2 verdict "$PR_TMP/odd.prom"; cat "$PR_TMP/odd.err")"
grep -qF 'server="back\\slash"' "$PR_TMP/odd.prom" && pr_pass "odd: backslash in a server name" ||
    pr_fail "odd: no escaped backslash"
pr_done
