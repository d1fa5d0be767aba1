#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# NETCONF source against misbehaving peers: each must end with a clear
# error, exit 3, nothing fetched, within the user's timeout (-t 2; the
# bound below is that plus slack, checked as a bound, not measured as a
# figure).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/netconf_lib.sh"

bound=3500
kh="$PR_TMP/known_hosts"

# nc_peer MODE [SERVER ARGS...]: starts a peer in MODE on a fresh port and
# fetches from it with -t 2 (the host key of each peer is accepted: host
# keys are not what these cases are about).
nc_peer() {
    local mode=$1
    shift
    local port
    port=$(pr_free_tcp_port)
    nc_server_start "$port" "$mode" --data "$NC_DATA/junos-data.xml" "$@"
    nc_get --netconf "alice@127.0.0.1:$port" --password-file "$PR_TMP/password" \
        --known-hosts "$kh" --accept-new-hostkey -t 2 --filter junos
    NC_PORT=$port
}

# A TCP listener that never speaks: the SSH handshake cannot start.
nc_peer silent
nc_expect_error "silent TCP listener" \
    "timeout error: .*timeout after 2\.0 s during the SSH handshake with \[127\.0\.0\.1\]:$NC_PORT" $bound

# SSH login works, but there is no netconf subsystem (a plain SSH server).
nc_peer no-subsystem
nc_expect_error "no netconf subsystem" "protocol error: .*has no netconf SSH subsystem" $bound

# SSH login and the netconf subsystem work, no <hello> ever comes.
nc_peer no-hello
nc_expect_error "no hello" "timeout error: .*waiting for the NETCONF <hello>" $bound

# The netconf subsystem answers with bytes that are not NETCONF.
nc_peer garbage
nc_expect_error "garbage instead of NETCONF" "protocol error: .*is not speaking NETCONF" $bound
if LC_ALL=C grep -q '[^[:print:][:space:]]' "$NC_ERR"; then
    pr_fail "garbage: unprintable bytes reached the error message"
else
    pr_pass "garbage: the error message is printable"
fi

# Hello, then half a reply, then nothing; once from one thread, once from
# two threads at the same time.
nc_peer stall
nc_expect_error "reply stalls mid-way" "timeout error: .*waiting for the <get-config> reply" $bound
nc_get --netconf "alice@127.0.0.1:$NC_PORT" --password-file "$PR_TMP/password" \
    --known-hosts "$kh" -t 2 --threads 2
pr_expect_eq "two stalled sessions at once: two timeouts" "2" \
    "$(grep -c 'timeout error: .*waiting for the <get-config> reply' "$NC_ERR")"
nc_expect_error "two stalled sessions at once, within the bound" "timeout error" $bound

# A reply that is not well-formed XML.
nc_peer malformed-xml
nc_expect_error "malformed XML reply" \
    "protocol error: .*malformed reply from \[127\.0\.0\.1\]:$NC_PORT: .*(interface|interfaces)" $bound

# A reply with a DOCTYPE declaring an external entity: refused, and the
# entity's URL is never fetched. The listener records every connection;
# one probe first shows that it does.
lport=$(pr_free_tcp_port)
python3 - "$lport" "$PR_TMP/hits" "$PR_TMP/listener-ready" <<'EOF' &
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(8)
open(sys.argv[3], "w").close()
while True:
    c, _ = s.accept()
    with open(sys.argv[2], "a") as f:
        f.write("connection\n")
    c.close()
EOF
PR_PIDS+=("$!")
for _ in $(seq 1 100); do [ -e "$PR_TMP/listener-ready" ] && break; sleep 0.05; done
python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1]))).close()' "$lport"
for _ in $(seq 1 100); do [ -s "$PR_TMP/hits" ] && break; sleep 0.05; done
pr_expect_eq "entity listener records a probe" "1" "$(wc -l <"$PR_TMP/hits")"

nc_peer doctype --doctype-url "http://127.0.0.1:$lport/entity"
nc_expect_error "DOCTYPE with an http entity refused" \
    "protocol error: .*reply carries a DOCTYPE; refused" $bound
sleep 0.2
pr_expect_eq "the http entity was never fetched" "1" "$(wc -l <"$PR_TMP/hits")"

printf 'SECRET-%s\n' "$$" >"$PR_TMP/secret"
nc_peer doctype --doctype-url "file://$PR_TMP/secret"
nc_expect_error "DOCTYPE with a file entity refused" "reply carries a DOCTYPE; refused" $bound
if grep -q "SECRET-$$" "$NC_ERR" "$NC_OUT"; then
    pr_fail "the file entity's content leaked"
else
    pr_pass "the file entity's content appears nowhere"
fi

# The server refuses the RPC: its error-message is shown.
nc_peer rpc-error --error-message "configuration database locked by user admin"
nc_expect_error "rpc-error" \
    "protocol error: .*answered <get-config> with rpc-error operation-failed: configuration database locked by user admin" $bound

pr_done
