#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Misbehaving CLIs and peers over SSH: each ends with a clear error and
# exit 3 within -t, and the password appears in no output: a CLI that
# never prompts, one that pages forever, output that never ends (the
# 64 MB cap), a disconnect and a stall half way through the
# configuration, binary garbage instead of a prompt, an enable asking a
# password, a TCP peer sending garbage instead of SSH, a silent TCP peer,
# a slow login, a refused configuration command, a closed port. A pager that ignores the paging
# command and a 1 MB banner are survived (the configuration is read).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/ssh_lib.sh"

CFG=$PR_SOURCE_DIR/tests/data/iosxe/rack.cli
bound=3500 # -t 2 plus slack, in ms

# peer NAME MODE [SERVER ARGS...]: a server in MODE on a port of its own;
# sets PEER to its target.
peer() {
    local port
    port=$(pr_free_tcp_port)
    cli_start "$port" ios --config "$CFG" --mode "$2" "${@:3}"
    PEER="alice@127.0.0.1:$port"
    PEER_PORT=$port
}

check_peer() {
    ssh_check --ssh "$PEER" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" \
        --accept-new-hostkey "$@"
}

peer x no-prompt
check_peer -t 2
ssh_expect_error "no prompt ever" \
    "SSH: timeout after 2\.0 s waiting for the first prompt with \[127\.0\.0\.1\]:$PEER_PORT \(.*the last line: 'Cisco|the last line: ''" $bound

peer x page-forever --ignore-paging --page-lines 10
check_peer -t 2
ssh_expect_error "a pager that never ends" \
    "SSH: timeout after 2\.0 s waiting for the prompt after 'show running-config' .*[1-9][0-9]* pager prompts answered" $bound

peer x endless --page-lines 0
check_peer -t 30
ssh_expect_error "output that never ends: the 64 MB cap" \
    "SSH: \[127\.0\.0\.1\]:$PEER_PORT sent more than 64 MB waiting for the prompt after 'show running-config'; given up" 31500
check_peer -t 2
ssh_expect_error "output that never ends, -t 2" \
    "SSH: (timeout after 2\.0 s waiting for the prompt after 'show running-config'|.* sent more than 64 MB)" $bound

peer x disconnect
check_peer -t 2
ssh_expect_error "disconnect half way through the configuration" \
    "SSH: \[127\.0\.0\.1\]:$PEER_PORT closed the session waiting for the prompt after 'show running-config'|connection to \[127\.0\.0\.1\]:$PEER_PORT lost" $bound

peer x stall
check_peer -t 2
ssh_expect_error "a stall half way through the configuration" \
    "SSH: timeout after 2\.0 s waiting for the prompt after 'show running-config'" $bound

peer x garbage
check_peer -t 2
ssh_expect_error "binary garbage instead of a prompt" \
    "SSH: timeout after 2\.0 s waiting for the first prompt .*the last line: '" $bound
if LC_ALL=C grep -q '[^[:print:][:space:]]' "$ERR"; then
    pr_fail "garbage: raw bytes reached the error message"
else
    pr_pass "garbage: the bytes quoted in the error are escaped"
fi

peer x slow-login
check_peer -t 2
ssh_expect_error "a login slower than -t" "SSH: timeout after 2\.0 s waiting for the first prompt" $bound
check_peer -t 5 --format json
pr_expect_eq "the same slow login within -t 5: read" "2 ['ssh']" \
    "$RC $(pr_json "$OUT" 'd["switches"][0]["sources"]')"

# A TP-Link login at its user-mode prompt whose enable asks a password:
# portready answers none and says what to do instead.
port=$(pr_free_tcp_port)
cli_start "$port" tplink --config "$CFG" --mode enable-password
PEER="alice@127.0.0.1:$port"
check_peer -t 2 --driver tplink
ssh_expect_error "an enable that asks a password" \
    "SSH: \[127\.0\.0\.1\]:$port asks a password for 'enable', and portready gives none: log in as a user whose session starts privileged \('#'\)" $bound

peer x unprivileged
check_peer -t 2
ssh_expect_error "the configuration command refused" \
    "SSH: \[127\.0\.0\.1\]:$PEER_PORT refused 'show running-config': '% Invalid input detected at \\\\x27\^\\\\x27 marker\.' \(may user 'alice' read the configuration\?\)" $bound

# Survived: a pager that ignores terminal length 0, a 1 MB banner.
peer x normal --ignore-paging --page-lines 3
check_peer -t 4 --format json
pr_expect_eq "a pager ignoring terminal length 0: read" "2 ['ssh']" \
    "$RC $(pr_json "$OUT" 'd["switches"][0]["sources"]')"
peer x normal --banner-bytes 1048576
check_peer -t 4 --format json
pr_expect_eq "a 1 MB banner: read" "2 ['ssh']" "$RC $(pr_json "$OUT" 'd["switches"][0]["sources"]')"
peer x no-prompt --banner-bytes 1048576
check_peer -t 2
ssh_expect_error "a 1 MB banner and no prompt" "SSH: timeout after 2\.0 s waiting for the first prompt" $bound

# TCP peers that are no SSH server: one sends garbage, one says nothing.
tcp_peer() { # PORT MODE
    python3 - "$1" "$2" <<'PY' &
import os, socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(8)
open(os.environ["READY"], "w").close()
while True:
    c, _ = s.accept()
    if sys.argv[2] == "garbage":
        c.sendall(bytes(range(256)) * 4 + b"\r\n% not an SSH server\r\n")
    time.sleep(30) if sys.argv[2] == "silent" else None
    c.close()
PY
    PR_PIDS+=("$!")
    for _ in $(seq 1 100); do [ -e "$READY" ] && return 0; sleep 0.05; done
    return 1
}
port=$(pr_free_tcp_port)
READY=$PR_TMP/ready-garbage tcp_peer "$port" garbage
ssh_check --ssh "alice@127.0.0.1:$port" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2
ssh_expect_error "a TCP peer sending garbage instead of SSH" \
    "SSH: the SSH handshake with \[127\.0\.0\.1\]:$port failed" $bound
port=$(pr_free_tcp_port)
READY=$PR_TMP/ready-silent tcp_peer "$port" silent
ssh_check --ssh "alice@127.0.0.1:$port" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2
ssh_expect_error "a silent TCP peer" \
    "SSH: timeout after 2\.0 s during the SSH handshake with \[127\.0\.0\.1\]:$port \(TCP connected, but no SSH server answered\)" $bound

# Nothing listens.
port=$(pr_free_tcp_port)
ssh_check --ssh "alice@127.0.0.1:$port" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2
ssh_expect_error "closed port" \
    "SSH: connection refused by 127\.0\.0\.1 port $port \(is SSH enabled on that port\?\)" $bound

# Text output too: the switch reported unreadable, exit 3.
peer x no-prompt
check_peer -t 1
ssh_expect_error "text output of an unreadable switch" "timeout after 1\.0 s" 2500
grep -q "UNREADABLE SSH: timeout" "$OUT" && pr_pass "the report says UNREADABLE with the reason" ||
    pr_fail "report: $(cat "$OUT")"
pr_done
