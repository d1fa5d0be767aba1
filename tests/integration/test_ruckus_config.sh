#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready check --config on FastIron (Ruckus/Brocade ICX) configurations
# through the command: the ruckus driver is chosen from the text, the JSON
# carries the facts and fixes, exit codes follow the verdicts, the --fix
# block gives a dynamic LAG one force-up port, and --driver ruckus on a
# text of another family says what it reads.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures
F="$PR_FIXTURES/configs"
tmp="$PR_TMP"

# ICX7150 stack (Oxidized capture, its show-version preamble as `!` lines):
# "lag uplink-aggregate dynamic id 100" with 8 members and no force-up:
# 8 ports not ready (exit 2); the other 32 carry "no spanning-tree".
rc=0
"$PORTREADY" check --config "$F/oxidized__ironware_ICX7150-48Z-HPOE_output.txt" --format json \
    --fix >"$tmp/7150.json" || rc=$?
pr_expect_eq "ICX7150 exit" 2 "$rc"
pr_expect_eq "ICX7150 driver" ruckus "$(pr_json "$tmp/7150.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "ICX7150 ports" 40 "$(pr_json "$tmp/7150.json" 'len(d["switches"][0]["ports"])')"
pr_expect_eq "ICX7150 not ready" 8 "$(pr_json "$tmp/7150.json" 'd["summary"]["not_ready"]')"
pr_expect_eq "ICX7150 block: one force-up" "lag uplink-aggregate dynamic id 100
 force-up ethernet 1/2/5" "$(pr_json "$tmp/7150.json" \
    '"\n".join(d["switches"][0]["fix"]["text"].splitlines()[:2])')"
pr_expect_eq "ICX7150 block: force-up once" 1 "$(pr_json "$tmp/7150.json" \
    'd["switches"][0]["fix"]["text"].count("force-up ethernet")')"

# ICX7250: every VLAN "spanning-tree 802-1w", no admin-edge-port anywhere:
# 1/1/21 (nas-0, untagged in VLAN 30) is edge after auto-detection: warning,
# exit 1; the fix is FastIron's.
rc=0
"$PORTREADY" check --config "$F/fastiron-icx__config.7250-24.txt" --format json 1/1/21 \
    >"$tmp/7250.json" || rc=$?
pr_expect_eq "ICX7250 1/1/21 exit" 1 "$rc"
pr_expect_eq "ICX7250 mode" rstp "$(pr_json "$tmp/7250.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "ICX7250 1/1/21 fix" "interface ethernet 1/1/21
 spanning-tree 802-1w admin-edge-port" "$(pr_json "$tmp/7250.json" \
    '[f["fix"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "stp-edge-auto"][0]')"

# --driver ruckus on a Junos text: refused, naming what it reads; exit 3.
rc=0
printf 'interfaces {\n ge-0/0/0 {\n  unit 0;\n }\n}\n' >"$tmp/junos.conf"
"$PORTREADY" check --config "$tmp/junos.conf" --driver ruckus >"$tmp/out" 2>&1 || rc=$?
pr_expect_eq "junos with --driver ruckus exit" 3 "$rc"
if grep -q "not a FastIron (Ruckus/Brocade ICX) configuration" "$tmp/out"; then
    pr_pass "the refusal names FastIron"
else
    pr_fail "refusal: $(head -3 "$tmp/out")"
fi
pr_done
