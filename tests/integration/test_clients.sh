#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Each boot stage's DHCP client on a real switch's recording (lextudio's
# Catalyst 3560, Cisco driver): Gi0/50 is up, Rapid-PVST+, not PortFast
# (CISCO-STACK-MIB portSpantreeFastStart.1.50 = disable(2)): 2 x 15 s = 30 s
# after every link-up. Gi0/1 is admin up, oper down: it never forwards.
# Expected outcomes derived by hand from docs/clients.md:
#   pxe-rom, uefi-pxe: last DISCOVER at 28 s < 30 s -> fails
#   ipxe: 30 s <= 180 s of deferral on a rapid port -> survives
#   debian-installer: last DISCOVER at 23 s -> fails
#   anaconda: 30 s inside its 45 s, schedule unsourced -> unknown
#   ubuntu-installer: no budget -> unknown
set -euo pipefail
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures
walk=$PR_FIXTURES/snmprec/lextudio__cisco-c3560.snmprec

run() {
    local name=$1
    shift
    set +e
    "$PORTREADY" check --walk "$walk" --driver cisco "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    echo $? >"$PR_TMP/$name.rc"
    set -e
}

run json --format json Gi0/50 Gi0/1
outcomes='" ".join(k + "=" + v["outcome"] for p in d["switches"][0]["ports"] for k, v in p["clients"].items())'
pr_expect_eq "every client on Gi0/50, then Gi0/1" \
    "pxe-rom=fails uefi-pxe=fails ipxe=survives debian-installer=fails ubuntu-installer=unknown anaconda=unknown pxe-rom=fails uefi-pxe=fails ipxe=fails debian-installer=fails ubuntu-installer=fails anaconda=fails" \
    "$(pr_json "$PR_TMP/json.out" "$outcomes")"
pr_expect_eq "budgets on Gi0/50 (iPXE's with its 180 s deferral)" "60 60 195 25 None 45" \
    "$(pr_json "$PR_TMP/json.out" '" ".join(str(v["dhcp_budget_s"]) for v in d["switches"][0]["ports"][0]["clients"].values())')"

run text Gi0/50
# The line wraps at 100 columns; its continuation is indented by 8.
sed -e ':a' -e 'N' -e '$!ba' -e 's/\n        / /g' "$PR_TMP/text.out" |
    grep -qxF "      survives: ipxe; fails: pxe-rom, uefi-pxe, debian-installer; unknown: ubuntu-installer, anaconda" &&
    pr_pass "text: one line of outcomes" ||
    pr_fail "text: no outcome line in $(cat "$PR_TMP/text.out")"

# Named clients decide the verdict: iPXE alone survives, so ready (0);
# with the installer too, not ready (2) and its boot parameter advised.
run ipxe --client ipxe Gi0/50
pr_expect_eq "--client ipxe: ready" 0 "$(cat "$PR_TMP/ipxe.rc")"
run di --client ipxe --client debian-installer --format json Gi0/50
pr_expect_eq "--client ipxe --client debian-installer: not ready" 2 "$(cat "$PR_TMP/di.rc")"
pr_json "$PR_TMP/di.out" '[f["message"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "client-fails"][0]' |
    grep -qF "netcfg/dhcp_timeout=60" && pr_pass "client-fails names the installer's boot parameter" ||
    pr_fail "client-fails without the workaround: $(cat "$PR_TMP/di.out")"
run ana --client anaconda Gi0/50
pr_expect_eq "--client anaconda: unknown" 3 "$(cat "$PR_TMP/ana.rc")"
run down --client ipxe Gi0/1
pr_expect_eq "a port that never forwards fails even iPXE" 2 "$(cat "$PR_TMP/down.rc")"

run bad --client grub Gi0/50
pr_expect_eq "--client grub: usage error" 3 "$(cat "$PR_TMP/bad.rc")"
grep -qF "unknown client 'grub' (known: pxe-rom, uefi-pxe, ipxe, debian-installer" "$PR_TMP/bad.err" &&
    pr_pass "--client grub names the known clients" || pr_fail "--client grub: $(cat "$PR_TMP/bad.err")"

# The inventory's client: (a list in defaults) works the same way.
cat >"$PR_TMP/inv.yaml" <<YAML
defaults:
  client: [ipxe, debian-installer]
switches:
  - name: c3560
    walk: $walk
    driver: cisco
    ports: [Gi0/50, {port: Gi0/1, client: pxe-rom}]
YAML
set +e
"$PORTREADY" audit --format json "$PR_TMP/inv.yaml" >"$PR_TMP/audit.out" 2>"$PR_TMP/audit.err"
set -e
pr_expect_eq "audit: client: from defaults and from the port" "not-ready True True not-ready False True" \
    "$(pr_json "$PR_TMP/audit.out" '" ".join(p["verdict"] + " " + str(p["clients"]["debian-installer"]["named"]) + " " + str(p["clients"]["pxe-rom"]["named"] or p["clients"]["ipxe"]["named"]) for p in d["switches"][0]["ports"])')"
pr_done
