#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# NETCONF source against a real libnetconf2 server over real SSH: password
# and public-key login, known_hosts (unknown, accepted, known, changed),
# wrong credentials, closed port, the subtree filters, and two sessions at
# once in one process.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/netconf_lib.sh"

ssh-keygen -q -t ed25519 -N '' -C carol -f "$PR_TMP/id_carol"
ssh-keygen -q -t ed25519 -N '' -C other -f "$PR_TMP/id_other"
mkdir -p "$PR_TMP/home"

port=$(pr_free_tcp_port)
target="127.0.0.1:$port"
kh="$PR_TMP/known_hosts"
bound=3500 # -t 2 plus slack, in ms
nc_server_start "$port" normal --hostkey "$PR_TMP/hostkey-a" --data "$NC_DATA/junos-data.xml" \
    --rpc-log "$PR_TMP/rpc.log"
key_a=$(ssh-keygen -y -f "$PR_TMP/hostkey-a" | cut -d' ' -f1-2)

# Unknown host key: refused, naming the key's fingerprint; known_hosts
# stays untouched.
fp_a=$(ssh-keygen -l -E sha256 -f <(ssh-keygen -y -f "$PR_TMP/hostkey-a") | cut -d' ' -f2)
nc_get --netconf "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$kh" -t 2
nc_expect_error "unknown host key refused" \
    "auth error: .*unknown host key for \[127\.0\.0\.1\]:$port \(ssh-ed25519 $(nc_re "$fp_a")\).*--accept-new-hostkey" $bound
pr_expect_eq "known_hosts not written for a refused key" "absent" "$([ -s "$kh" ] && echo present || echo absent)"

# --accept-new-hostkey adds exactly the server's key and fetches.
nc_get --netconf "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$kh" \
    --accept-new-hostkey -t 2 --filter junos
nc_expect_ok "password login with --accept-new-hostkey"
pr_expect_eq "known_hosts line added" "[127.0.0.1]:$port $key_a" "$(cat "$kh")"

# The reply is the server's canned <data>, intact: namespaces, the junos:
# attributes, inactive="inactive", and an escaped '&' (values from
# tests/data/netconf/junos-data.xml).
pr_expect_eq "reply root and first child" \
    "{urn:ietf:params:xml:ns:netconf:base:1.0}data {http://xml.juniper.net/xnm/1.1/xnm}configuration" \
    "$(python3 -c 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(r.tag, r[0].tag)' "$NC_OUT")"
pr_expect_eq "junos attribute kept" "1700000000" \
    "$(python3 -c 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(r[0].get("{http://xml.juniper.net/junos/21.4R0/junos}changed-seconds"))' "$NC_OUT")"
pr_expect_eq "inactive attribute kept on ge-0/0/2" "ge-0/0/2 inactive" \
    "$(python3 -c 'import sys,xml.etree.ElementTree as E; n="{http://xml.juniper.net/xnm/1.1/xnm}"; r=E.parse(sys.argv[1]).getroot(); i=[x for x in r.iter(n+"interface") if x.get("inactive")][0]; print(i.find(n+"name").text, i.get("inactive"))' "$NC_OUT")"
pr_expect_eq "escaped text kept" "srv12-01 pxe & data" \
    "$(python3 -c 'import sys,xml.etree.ElementTree as E; n="{http://xml.juniper.net/xnm/1.1/xnm}"; print(E.parse(sys.argv[1]).getroot().find(".//"+n+"description").text)' "$NC_OUT")"

# What the server received: get-config of running with the Junos filter.
if grep -qF '<source><running/></source><filter type="subtree"><configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm"><interfaces/><protocols/><vlans/><groups/><apply-groups/><chassis/></configuration></filter>' "$PR_TMP/rpc.log"; then
    pr_pass "server received get-config of running with the Junos subtree filter"
else
    pr_fail "server received: $(cat "$PR_TMP/rpc.log")"
fi

# Known key: a second run passes without the flag, known_hosts unchanged.
nc_get --netconf "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$kh" -t 2
nc_expect_ok "known host key accepted without --accept-new-hostkey"
pr_expect_eq "known_hosts still one line" "1" "$(wc -l <"$kh")"

# Password from the environment.
PORTREADY_NETCONF_PASSWORD="$NC_PASSWORD" nc_get --netconf "alice@$target" --known-hosts "$kh" -t 2
nc_expect_ok "password from PORTREADY_NETCONF_PASSWORD"

# Public key.
nc_get --netconf "carol@$target" --ssh-key "$PR_TMP/id_carol" --known-hosts "$kh" -t 2
nc_expect_ok "public-key login"
nc_get --netconf "carol@$target" --ssh-key "$PR_TMP/id_other" --known-hosts "$kh" -t 2
nc_expect_error "unauthorized public key refused" \
    "auth error: .*authentication failed for user 'carol' at \[127\.0\.0\.1\]:$port \(tried: public key .*id_other\)" $bound
nc_get --netconf "carol@$target" --ssh-key "$PR_TMP/no-such-key" --known-hosts "$kh" -t 2
nc_expect_error "missing key file" "cannot read SSH private key .*no-such-key: No such file" $bound

# A passphrase-protected PEM key, as --ssh-key and as a default key: no
# prompt on the terminal (OpenSSL's own callback would ask there and wait
# past any timeout); run on a pseudo-terminal so a prompt would show.
if command -v script >/dev/null; then
    ssh-keygen -q -t rsa -b 2048 -m PEM -N "not-$NC_PASSWORD" -f "$PR_TMP/id_pem"
    mkdir -p "$PR_TMP/home-pem/.ssh"
    cp "$PR_TMP/id_pem" "$PR_TMP/home-pem/.ssh/id_rsa"
    cp "$PR_TMP/id_pem.pub" "$PR_TMP/home-pem/.ssh/id_rsa.pub"
    for how in "--ssh-key $PR_TMP/id_pem" ""; do
        rc=0
        timeout 20 script -qec "env -u SSH_AUTH_SOCK HOME=$PR_TMP/home-pem $NC_GET --netconf carol@$target $how --known-hosts $kh -t 2" \
            /dev/null </dev/null >"$PR_TMP/pty.out" 2>&1 || rc=$?
        if [ "$rc" -eq 3 ] && ! grep -Eqi 'enter (pem )?pass ?phrase' "$PR_TMP/pty.out"; then
            pr_pass "encrypted PEM key ${how:+given }refused without a prompt ($(head -c 120 "$PR_TMP/pty.out"))"
        else
            pr_fail "encrypted PEM key ${how:+given }: exit $rc, terminal showed: $(cat "$PR_TMP/pty.out")"
        fi
    done
else
    echo "no script(1): terminal prompt check skipped"
fi

# Wrong password; and no usable credentials at all (no agent, no default
# keys in an empty HOME).
nc_get --netconf "alice@$target" --password-file "$PR_TMP/wrong-password" --known-hosts "$kh" -t 2
nc_expect_error "wrong password refused" \
    "auth error: .*authentication failed for user 'alice' at \[127\.0\.0\.1\]:$port \(tried: .*password\)" $bound
env -u SSH_AUTH_SOCK -u PORTREADY_NETCONF_PASSWORD HOME="$PR_TMP/home" \
    "$NC_GET" --netconf "alice@$target" --known-hosts "$kh" -t 2 >"$PR_TMP/nocred.out" 2>"$PR_TMP/nocred.err" &&
    rc=0 || rc=$?
pr_expect_eq "no credentials: exit 3" "3" "$rc"
grep -q "authentication failed for user 'alice'" "$PR_TMP/nocred.err" &&
    pr_pass "no credentials: authentication error" || pr_fail "no credentials: $(cat "$PR_TMP/nocred.err")"

# Two sessions at once in one process (one per thread), twice over; the
# tool also checks that no descriptor is left open (exit 4 otherwise).
nc_get --netconf "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$kh" -t 2 \
    --threads 2 --repeat 2
nc_expect_ok "two concurrent sessions, twice, no descriptor left open"
pr_expect_eq "four configurations fetched" "4" "$(grep -c '<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm"' "$NC_OUT")"

# A changed host key on the same address is refused, even with
# --accept-new-hostkey, naming the new key's fingerprint.
pr_stop "$NC_SERVER_PID"
nc_server_start "$port" normal --hostkey "$PR_TMP/hostkey-b" --data "$NC_DATA/junos-data.xml"
fp_b=$(ssh-keygen -l -E sha256 -f <(ssh-keygen -y -f "$PR_TMP/hostkey-b") | cut -d' ' -f2)
nc_get --netconf "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$kh" -t 2 \
    --accept-new-hostkey
nc_expect_error "changed host key refused" \
    "auth error: .*host key of \[127\.0\.0\.1\]:$port has CHANGED: the server presents ssh-ed25519 $(nc_re "$fp_b")" $bound
pr_expect_eq "known_hosts keeps the old key" "[127.0.0.1]:$port $key_a" "$(cat "$kh")"
pr_stop "$NC_SERVER_PID"

# Closed port: the same port, now that nothing listens on it.
nc_get --netconf "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$kh" -t 2
nc_expect_error "closed port" "io error: .*connection refused by 127\.0\.0\.1 port $port" $bound

# IOS-XE: the native filter goes out, the native data comes back (values
# from tests/data/netconf/iosxe-data.xml).
port2=$(pr_free_tcp_port)
nc_server_start "$port2" normal --data "$NC_DATA/iosxe-data.xml" --rpc-log "$PR_TMP/rpc2.log"
nc_get --netconf "alice@127.0.0.1:$port2" --password-file "$PR_TMP/password" \
    --known-hosts "$PR_TMP/kh2" --accept-new-hostkey -t 2 --filter iosxe
nc_expect_ok "IOS-XE fetch"
pr_expect_eq "IOS-XE spanning-tree mode in the reply" "rapid-pvst" \
    "$(python3 -c 'import sys,xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().find(".//{http://cisco.com/ns/yang/Cisco-IOS-XE-spanning-tree}mode").text)' "$NC_OUT")"
if grep -qF '<filter type="subtree"><native xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native"><interface/><spanning-tree/></native></filter>' "$PR_TMP/rpc2.log"; then
    pr_pass "server received the IOS-XE native subtree filter"
else
    pr_fail "server received: $(cat "$PR_TMP/rpc2.log")"
fi

# A server advertising ietf-netconf-monitoring and modules the client
# lacks (as IOS-XE and Junos do): the session must not fetch any schema
# with <get-schema> (one round trip per module) before the <get-config>.
port3=$(pr_free_tcp_port)
nc_server_start "$port3" monitoring --data "$NC_DATA/junos-data.xml" --rpc-log "$PR_TMP/rpc3.log"
nc_get --netconf "alice@127.0.0.1:$port3" --password-file "$PR_TMP/password" \
    --known-hosts "$PR_TMP/kh3" --accept-new-hostkey -t 2 --filter junos
nc_expect_ok "fetch from a server offering <get-schema>"
pr_expect_eq "no <get-schema> sent, only the <get-config>" "0 1" \
    "$(grep -c '<get-schema' "$PR_TMP/rpc3.log") $(grep -c '<get-config' "$PR_TMP/rpc3.log")"

pr_done
