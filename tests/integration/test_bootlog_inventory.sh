#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# boot-log --inventory on the logs real servers wrote (tests/data/bootlog):
# the inventory's mac: keys place the machine whose chainload DHCP never
# arrived (36:f3:73:a1:9c:59, renew-failed) on rack12-a 1/1/3 of the lab's
# recording, a port that is not edge (stp-not-edge, blackout 30 s, as
# lab/README.md says of it), and the complete machine (16:a3:a9:44:3e:a0)
# on 1/1/1; only the failed one is located and judged.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
cat >"$PR_TMP/rack.yaml" <<YAML
switches:
  - name: rack12-a
    walk: $PR_SOURCE_DIR/lab/data/rack12-a.snmprec
    ports:
      - {port: 1/1/1, server: srv12-01, mac: "16:a3:a9:44:3e:a0"}
      - {port: 1/1/3, server: srv12-03, mac: "36:f3:73:a1:9c:59"}
YAML
logs=("$PR_SOURCE_DIR"/tests/data/bootlog/{dnsmasq,tftpd,access}.log)
rc=0
TZ=UTC "$PORTREADY" boot-log --inventory "$PR_TMP/rack.yaml" "${logs[@]}" >"$PR_TMP/b.txt" 2>&1 || rc=$?
pr_expect_eq "exit 2 (failed boots)" 2 "$rc"
grep -qxF "36:f3:73:a1:9c:59  renew-failed  at ipxe-dhcp  rack12-a 1/1/3 (srv12-03)  NOT READY stp-not-edge, blackout 30 s" "$PR_TMP/b.txt" &&
    pr_pass "verdict, stage and port in one line" || pr_fail "$(grep 36:f3:73 "$PR_TMP/b.txt" | head -1)"
TZ=UTC "$PORTREADY" boot-log --format json --inventory "$PR_TMP/rack.yaml" "${logs[@]}" >"$PR_TMP/b.json" 2>/dev/null || true
# In the order of their first lines: 16:a3:... at 00:32:55, 36:f3:... at 00:33:12.
pr_expect_eq "json: no port for the complete machine, the failed one's port" "None rack12-a:1/1/3" \
    "$(pr_json "$PR_TMP/b.json" "' '.join('None' if e['port'] is None else e['port']['switch']+':'+e['port']['port'] for e in d['boot_log'] if e['mac'] in ('36:f3:73:a1:9c:59', '16:a3:a9:44:3e:a0'))")"
pr_expect_eq "json: the port judged as check judges it" "not-ready" \
    "$(pr_json "$PR_TMP/b.json" "[e['port']['verdict']['verdict'] for e in d['boot_log'] if e['mac'] == '36:f3:73:a1:9c:59'][0]")"
rc=0
TZ=UTC "$PORTREADY" boot-log --inventory "$PR_TMP/missing.yaml" "${logs[@]}" >/dev/null 2>"$PR_TMP/e.txt" || rc=$?
pr_expect_eq "a missing inventory: exit 3" 3 "$rc"
grep -qF "missing.yaml" "$PR_TMP/e.txt" && pr_pass "the error names it" || pr_fail "$(cat "$PR_TMP/e.txt")"
pr_done
