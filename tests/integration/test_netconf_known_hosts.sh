#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The known_hosts markers libssh skips, against the real libnetconf2 test
# server over real SSH. A key on an @revoked line is refused, naming the
# file and the line: with or without --accept-new-hostkey, whatever hosts
# the line names, also when a plain line lists the key, and it is never
# appended. A host that an @cert-authority line covers is refused unless
# its own key is listed (portready cannot check host certificates), and
# --accept-new-hostkey adds nothing for it. A revoked line for another key
# and a certificate authority for other hosts change nothing.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/netconf_lib.sh"

port=$(pr_free_tcp_port)
target="127.0.0.1:$port"
label="[127.0.0.1]:$port"
bound=3500 # -t 2 plus slack, in ms
nc_server_start "$port" normal --hostkey "$PR_TMP/hostkey-a" --data "$NC_DATA/junos-data.xml"
key_a=$(ssh-keygen -y -f "$PR_TMP/hostkey-a" | cut -d' ' -f1-2)
fp_a=$(ssh-keygen -l -E sha256 -f <(ssh-keygen -y -f "$PR_TMP/hostkey-a") | cut -d' ' -f2)
ssh-keygen -q -t ed25519 -N '' -C other -f "$PR_TMP/other"
key_other=$(cut -d' ' -f1-2 "$PR_TMP/other.pub")
ssh-keygen -q -t ed25519 -N '' -C ca -f "$PR_TMP/ca"
key_ca=$(cut -d' ' -f1-2 "$PR_TMP/ca.pub")

# get NAME ARGS...: fetches with known_hosts $PR_TMP/NAME (kept first as
# NAME.before) and the password.
get() {
    local kh="$PR_TMP/$1"
    shift
    cp "$kh" "$kh.before"
    nc_get --netconf "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$kh" \
        -t 2 "$@"
}
unchanged() {
    pr_expect_eq "$1: known_hosts unchanged" "$(cat "$PR_TMP/$1.before")" "$(cat "$PR_TMP/$1")"
}
revoked_re() { # FILE LINE
    echo "auth error: .*host key of \[127\.0\.0\.1\]:$port \(ssh-ed25519 $(nc_re "$fp_a")\) is REVOKED: $(nc_re "$PR_TMP/$1") line $2 marks it @revoked"
}

# @revoked alone: --accept-new-hostkey must not add and trust it.
printf '# keys that must never be accepted\n@revoked * %s old switch\n' "$key_a" >"$PR_TMP/kh-revoked"
get kh-revoked --accept-new-hostkey
nc_expect_error "revoked key refused with --accept-new-hostkey" "$(revoked_re kh-revoked 2)" $bound
unchanged kh-revoked
get kh-revoked
nc_expect_error "revoked key refused without --accept-new-hostkey" "$(revoked_re kh-revoked 2)" $bound

# @revoked beside a plain line for the same key: revoked wins; its own host
# name, tabs between the fields, another marker line before it.
printf '%s %s\n@cert-authority *.example.com %s\n@revoked\t%s\t%s\n' "$label" "$key_a" \
    "$key_ca" "$label" "$key_a" >"$PR_TMP/kh-listed"
get kh-listed
nc_expect_error "revoked key refused although a plain line lists it" "$(revoked_re kh-listed 3)" $bound
unchanged kh-listed

# @revoked names another key: the listed key passes.
printf '@revoked * %s\n%s %s\n' "$key_other" "$label" "$key_a" >"$PR_TMP/kh-other"
get kh-other
nc_expect_ok "a revoked line for another key changes nothing"

# @cert-authority covering the host, its key unlisted: refused, nothing
# added.
printf '@cert-authority 127.0.0.1,[127.0.0.1]:* %s\n' "$key_ca" >"$PR_TMP/kh-ca"
get kh-ca --accept-new-hostkey
nc_expect_error "host left to a certificate authority refused" \
    "auth error: .*$(nc_re "$PR_TMP/kh-ca") line 1 leaves the host keys of \[127\.0\.0\.1\]:$port to a certificate authority \(@cert-authority\), and portready cannot check host certificates: the server's key \(ssh-ed25519 $(nc_re "$fp_a")\) is refused" $bound
unchanged kh-ca

# The host hashed on the authority line (as ssh-keygen -H writes names).
hashed=$(python3 -c 'import base64, hashlib, hmac, os, sys
salt = os.urandom(20)
mac = hmac.new(salt, sys.argv[1].encode(), hashlib.sha1).digest()
print("|1|%s|%s" % (base64.b64encode(salt).decode(), base64.b64encode(mac).decode()))' "$label")
printf '@cert-authority %s %s\n' "$hashed" "$key_ca" >"$PR_TMP/kh-ca-hashed"
get kh-ca-hashed --accept-new-hostkey
nc_expect_error "certificate authority for the hashed host name: refused" \
    "auth error: .*$(nc_re "$PR_TMP/kh-ca-hashed") line 1 leaves the host keys of" $bound
unchanged kh-ca-hashed

# ... but its own key listed as well: trusted, as OpenSSH does.
printf '@cert-authority * %s\n%s %s\n' "$key_ca" "$label" "$key_a" >"$PR_TMP/kh-ca-listed"
get kh-ca-listed
nc_expect_ok "host key listed beside a certificate authority: trusted"

# A certificate authority for other hosts: an unknown key is added as ever.
printf '@cert-authority *.example.com %s\n' "$key_ca" >"$PR_TMP/kh-ca-other"
get kh-ca-other --accept-new-hostkey
nc_expect_ok "certificate authority for other hosts: --accept-new-hostkey adds the key"
pr_expect_eq "the key appended after the marker line" "$label $key_a" "$(tail -n 1 "$PR_TMP/kh-ca-other")"

# portready check itself: exit 3, the file and line named, nothing added.
printf '@revoked * %s\n' "$key_a" >"$PR_TMP/kh-check"
cp "$PR_TMP/kh-check" "$PR_TMP/kh-check.before"
rc=0
"$PORTREADY" check --netconf "alice@$target" --password-file "$PR_TMP/password" \
    --known-hosts "$PR_TMP/kh-check" --accept-new-hostkey -t 2 >"$PR_TMP/check.out" \
    2>"$PR_TMP/check.err" || rc=$?
pr_expect_eq "check: revoked key: exit 3" 3 "$rc"
if grep -q "is REVOKED: $PR_TMP/kh-check line 1 marks it @revoked" "$PR_TMP/check.err"; then
    pr_pass "check: the error names the file and the line"
else
    pr_fail "check: $(cat "$PR_TMP/check.err")"
fi
unchanged kh-check

pr_done
