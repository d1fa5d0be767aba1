#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready check --config on Junos configurations: one configuration as
# curly text, display set and XML gives the same JSON; verdicts and exit
# codes of real configurations; a DOCTYPE is refused.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures

data="$PR_SOURCE_DIR/tests/data/junos"
curly="$PR_FIXTURES/configs/tgmanage__e1-1.tg23.gathering.org.conf"
tmp="$PR_TMP" # removed by pr_cleanup

# The switch's name and host are the file names; everything else must match.
json_of() {
    local rc=0
    "$PORTREADY" check --config "$1" --format json >"$tmp/out.json" || rc=$?
    grep -v -E '^      "(name|host)": ' <(sed -n '/"switches"/,$p' "$tmp/out.json") \
        | grep -v -E '^    \{$' >"$2"
    return $rc
}

rc_curly=0 rc_set=0 rc_xml=0
json_of "$curly" "$tmp/curly.json" || rc_curly=$?
json_of "$data/e1-1.set" "$tmp/set.json" || rc_set=$?
json_of "$data/e1-1.xml" "$tmp/xml.json" || rc_xml=$?
# ge-0/0/44-46 (LACP without force-up) and ge-0/0/47 (disabled) are not ready: exit 2
pr_expect_eq "curly exit" 2 "$rc_curly"
pr_expect_eq "set exit" 2 "$rc_set"
pr_expect_eq "xml exit" 2 "$rc_xml"
if cmp -s "$tmp/curly.json" "$tmp/set.json"; then pr_pass "set gives the curly JSON"
else pr_fail "set JSON differs: $(diff "$tmp/curly.json" "$tmp/set.json" | head -5)"; fi
if cmp -s "$tmp/curly.json" "$tmp/xml.json"; then pr_pass "xml gives the curly JSON"
else pr_fail "xml JSON differs: $(diff "$tmp/curly.json" "$tmp/xml.json" | head -5)"; fi
ports=$(grep -c '"verdict"' "$tmp/curly.json")
pr_expect_eq "e1-1 ports" 48 "$ports"

# e1.noc: ge-0/0/10 is in interface-range edge-ports (rstp interface edge-ports edge),
# access VLAN e1.noc = 200: ready with an info finding only -> exit 0
rc=0
"$PORTREADY" check --config "$PR_FIXTURES/configs/tgmanage__e1.noc.tg23.gathering.org.conf" \
    ge-0/0/10 >/dev/null || rc=$?
pr_expect_eq "e1.noc ge-0/0/10 exit" 0 "$rc"
# distro3 (display set): ge-0/0/0 is an access port in VLAN mgmt, not edge -> 2
rc=0
"$PORTREADY" check --config "$PR_FIXTURES/configs/tgmanage__distro3_clean_generated.conf" \
    ge-0/0/0 >/dev/null || rc=$?
pr_expect_eq "distro3 ge-0/0/0 exit" 2 "$rc"

cat >"$tmp/doctype.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rpc-reply><configuration><interfaces><interface><name>&x;</name></interface></interfaces></configuration></rpc-reply>
XML
rc=0
"$PORTREADY" check --config "$tmp/doctype.xml" >"$tmp/doctype.out" 2>&1 || rc=$?
pr_expect_eq "DOCTYPE exit" 3 "$rc"
if grep -q "DOCTYPE; refused" "$tmp/doctype.out" && ! grep -q "root:" "$tmp/doctype.out"; then
    pr_pass "DOCTYPE refused, nothing read"
else
    pr_fail "DOCTYPE output: $(head -3 "$tmp/doctype.out")"
fi
# Statements in another namespace are not Junos configuration: the
# <disable/> and <edge/> of urn:example:other are skipped, so ge-0/0/1 is up
# and not edge (not-ready, stp-not-edge, exit 2); before, it was read as
# disabled and edge (not-ready, admin-down). The <interfaces> of that
# namespace adds no port ge-0/0/9.
cat >"$tmp/foreign.xml" <<'XML'
<rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:o="urn:example:other">
<data><configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm">
<interfaces>
  <interface><name>ge-0/0/1</name><o:disable/>
    <unit><name>0</name><family><ethernet-switching><vlan><members>100</members></vlan></ethernet-switching></family></unit>
  </interface>
</interfaces>
<o:interfaces><o:interface><o:name>ge-0/0/9</o:name></o:interface></o:interfaces>
<protocols><rstp><interface><name>ge-0/0/1</name><o:edge/></interface></rstp></protocols>
</configuration></data></rpc-reply>
XML
rc=0
"$PORTREADY" check --format json --config "$tmp/foreign.xml" >"$tmp/foreign.json" 2>"$tmp/foreign.err" || rc=$?
pr_expect_eq "foreign namespace: exit 2, only ge-0/0/1, up and not edge" \
    "2 ge-0/0/1:up:no:stp-not-edge" \
    "$rc $(pr_json "$tmp/foreign.json" '" ".join(p["name"] + ":" + str(p["facts"]["admin_status"]) + ":" + str(p["facts"]["edge"]) + ":" + ",".join(f["id"] for f in p["findings"]) for p in d["switches"][0]["ports"])')"
pr_done
