#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# A --config file (or an inventory's config:) in no dialect portready reads
# -- another vendor's, plain text, empty, binary -- is said to be that,
# with the dialects portready reads (the same list as check --help), never
# "the generic-snmp driver reads SNMP only".
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

# The dialects, as check --help lists them: "--config FILE  a saved switch configuration (...)".
dialects=$("$PORTREADY" check --help | sed -n 's/.*--config FILE *a saved switch configuration (\(.*\))$/\1/p')
[ -n "$dialects" ] || pr_fail "check --help lists no configuration dialects"

printf 'hello world\nthis is no switch\n' >"$PR_TMP/text.conf"
: >"$PR_TMP/empty.conf"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000' >"$PR_TMP/binary.conf"
# A FortiSwitch configuration, a family portready does not read (EXOS, once
# the example here, is read: test_dell_extreme_config.sh).
cat >"$PR_TMP/forti.conf" <<'EOF'
config switch interface
    edit "port1"
        set native-vlan 100
        set stp-state enabled
    next
end
EOF

# expect NAME FILE WHAT: check --config FILE exits 3 with "FILE WHAT: not a configuration..."
expect() {
    local name=$1 file=$2 what=$3 rc=0
    "$PORTREADY" check --format json --config "$file" >"$PR_TMP/$name.json" \
        2>"$PR_TMP/$name.err" || rc=$?
    pr_expect_eq "$name: exit 3" 3 "$rc"
    local msg="$file$what: not a configuration portready can read (it reads $dialects)"
    pr_expect_eq "$name: the switch's error says so" "$msg" \
        "$(pr_json "$PR_TMP/$name.json" 'd["switches"][0]["error"]')"
    pr_expect_eq "$name: stderr says so" "portready: check: $msg" "$(cat "$PR_TMP/$name.err")"
    pr_expect_eq "$name: no driver claims it" None \
        "$(pr_json "$PR_TMP/$name.json" 'd["switches"][0]["driver"]')"
}
expect text "$PR_TMP/text.conf" ""
expect empty "$PR_TMP/empty.conf" " is empty"
expect binary "$PR_TMP/binary.conf" " is binary"
expect forti "$PR_TMP/forti.conf" ""
if [ -d "$PR_FIXTURES" ]; then
    # Comware 7, and Comware 5 in a file named "HP_Procurve": read by the comware driver,
    # not claimed by aruba (the ProCurve fixture itself is read: test_aruba_config.sh).
    for f in autoconfig-comware__newstartup.cfg ciscoconfparse2__HP_Procurve.conf; do
        "$PORTREADY" check --format json --config "$PR_FIXTURES/configs/$f" >"$PR_TMP/$f.json" \
            2>"$PR_TMP/$f.err" || true
        pr_expect_eq "$f: read by comware" "comware None" \
            "$(pr_json "$PR_TMP/$f.json" 'd["switches"][0]["driver"] + " " + str(d["switches"][0]["error"])')"
    done
fi
if grep -l "reads SNMP only" "$PR_TMP"/*.err "$PR_TMP"/*.json >/dev/null 2>&1; then
    pr_fail "a configuration is refused with 'reads SNMP only'"
else
    pr_pass "no configuration is refused with 'reads SNMP only'"
fi

# A driver that reads no configuration, named for one: said, with the way out.
rc=0
"$PORTREADY" check --driver generic-snmp --config "$PR_TMP/forti.conf" >/dev/null \
    2>"$PR_TMP/named.err" || rc=$?
pr_expect_eq "--driver generic-snmp --config: exit 3" 3 "$rc"
pr_expect_eq "--driver generic-snmp --config: says the driver reads none" \
    "portready: check: driver generic-snmp reads no configuration; $PR_TMP/forti.conf is read by driver auto (it reads $dialects)" \
    "$(cat "$PR_TMP/named.err")"

# A configuration portready reads still reads.
cat >"$PR_TMP/ios.conf" <<'EOF'
spanning-tree mode rapid-pvst
!
interface GigabitEthernet1/0/1
 switchport mode access
 switchport access vlan 100
 spanning-tree portfast edge
!
end
EOF
rc=0
"$PORTREADY" check --format json --config "$PR_TMP/ios.conf" >"$PR_TMP/ios.json" 2>/dev/null || rc=$?
pr_expect_eq "an IOS configuration is read" "None 1" \
    "$(pr_json "$PR_TMP/ios.json" 'str(d["switches"][0]["error"]) + " " + str(len(d["switches"][0]["ports"]))')"

# The inventory's config: goes the same way; the other switches are still read.
cat >"$PR_TMP/rack.yaml" <<EOF
switches:
  - name: forti
    config: forti.conf
  - name: empty
    config: empty.conf
  - name: ios
    config: ios.conf
EOF
rc=0
"$PORTREADY" audit --format json "$PR_TMP/rack.yaml" >"$PR_TMP/audit.json" 2>/dev/null || rc=$?
pr_expect_eq "audit: exit 3 (two switches unreadable)" 3 "$rc"
pr_expect_eq "audit: config: in another dialect" \
    "$PR_TMP/forti.conf: not a configuration portready can read (it reads $dialects)" \
    "$(pr_json "$PR_TMP/audit.json" 'd["switches"][0]["error"]')"
pr_expect_eq "audit: an empty config:" \
    "$PR_TMP/empty.conf is empty: not a configuration portready can read (it reads $dialects)" \
    "$(pr_json "$PR_TMP/audit.json" 'd["switches"][1]["error"]')"
pr_expect_eq "audit: the IOS switch is read" "None 1" \
    "$(pr_json "$PR_TMP/audit.json" 'str(d["switches"][2]["error"]) + " " + str(len(d["switches"][2]["ports"]))')"

pr_done
