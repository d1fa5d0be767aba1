#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# `portready check` against a real agent (snmpsim serving a recording) and
# `portready check --walk` on the same recording must give identical ports:
# facts, evidence values, findings and verdicts; only the source differs.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures

data="$PR_TMP/data"
mkdir -p "$data"
recordings=(librenms__ios_2960x librenms__awplus_5.4.8-2 librenms__procurve_e2910
    librenms__junos_qfx5100 librenms__powerconnect_2824 centreon__network-mellanox)
for r in "${recordings[@]}"; do
    [ -f "$PR_FIXTURES/snmprec/$r.snmprec" ] && cp "$PR_FIXTURES/snmprec/$r.snmprec" "$data/"
done
# Debian's snmpsim ships a real Catalyst 3750 recording.
cisco3750=/usr/share/doc/snmpsim/examples/data/cisco_16_switch.snmprec.gz
if [ -f "$cisco3750" ]; then
    gunzip -c "$cisco3750" >"$data/cisco_16_switch.snmprec"
fi

port=$(pr_free_udp_port)
pr_snmpsim_start "$data" "$port" librenms__ios_2960x

# The comparison drops what names the source (name, host, sources) and
# when it was read (timestamp).
strip='import json,sys
d=json.load(open(sys.argv[1]))
d.pop("timestamp")
for s in d["switches"]:
    for k in ("name","host","sources"): s.pop(k)
print(json.dumps(d, sort_keys=True, indent=1))'

for f in "$data"/*.snmprec; do
    r=$(basename "$f" .snmprec)
    set +e
    "$PORTREADY" check -c "$r" -t 5 "127.0.0.1:$port" --format json >"$PR_TMP/live.json" 2>"$PR_TMP/live.err"
    live_rc=$?
    "$PORTREADY" check --walk "$f" --format json >"$PR_TMP/walk.json" 2>"$PR_TMP/walk.err"
    walk_rc=$?
    set -e
    python3 -c "$strip" "$PR_TMP/live.json" >"$PR_TMP/live.norm"
    python3 -c "$strip" "$PR_TMP/walk.json" >"$PR_TMP/walk.norm"
    ports=$(pr_json "$PR_TMP/walk.json" 'len(d["switches"][0]["ports"])')
    if [ "$ports" -gt 0 ] && cmp -s "$PR_TMP/live.norm" "$PR_TMP/walk.norm"; then
        pr_pass "$r: live and walk identical ($ports ports)"
    else
        pr_fail "$r: live and walk differ or no ports ($ports)"
        diff "$PR_TMP/live.norm" "$PR_TMP/walk.norm" | head -20
        cat "$PR_TMP/live.err" "$PR_TMP/walk.err"
    fi
    pr_expect_eq "$r: same exit code" "$walk_rc" "$live_rc"
    pr_expect_eq "$r: live source named" "snmp" "$(pr_json "$PR_TMP/live.json" 'd["switches"][0]["sources"][0]')"
    pr_expect_eq "$r: walk source named" "walk" "$(pr_json "$PR_TMP/walk.json" 'd["switches"][0]["sources"][0]')"
done
pr_done
