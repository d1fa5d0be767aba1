#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# --ssh logins and host keys against the test CLI server over real SSH:
# known_hosts (unknown refused, accepted and added, known, changed refused
# even with --accept-new-hostkey, @revoked and @cert-authority), password from a file and from
# PORTREADY_SSH_PASSWORD, keyboard-interactive, a key file, ssh-agent,
# wrong and missing credentials; --save-config's file and mode; usage
# errors of the options. No password in any output.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/ssh_lib.sh"

CFG=$PR_SOURCE_DIR/tests/data/junos/e1-1.set
ssh-keygen -q -t ed25519 -N '' -C carol -f "$PR_TMP/id_carol"
ssh-keygen -q -t ed25519 -N '' -C other -f "$PR_TMP/id_other"
mkdir -p "$PR_TMP/home"
bound=3500
port=$(pr_free_tcp_port)
target="127.0.0.1:$port"
cli_start "$port" junos --config "$CFG" --hostkey "$PR_TMP/hostkey-a"
pid_a=$CLI_PID
key_a=$(ssh-keygen -y -f "$PR_TMP/hostkey-a" | cut -d' ' -f1-2)
fp_a=$(ssh-keygen -l -E sha256 -f <(ssh-keygen -y -f "$PR_TMP/hostkey-a") | cut -d' ' -f2)
re() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'; }
read_ok() { # WHAT: the last check read the switch (2: e1-1.set has a port not ready)
    if [ "$RC" -eq 2 ] && ! grep -qF -- "$SSH_PASSWORD" "$OUT" "$ERR"; then pr_pass "$1"; else
        pr_fail "$1: exit $RC, stderr: $(head -c 300 "$ERR")"; fi
}

# Host keys.
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2
ssh_expect_error "unknown host key refused" \
    "SSH: unknown host key for \[127\.0\.0\.1\]:$port \(ssh-ed25519 $(re "$fp_a")\): not in .*--accept-new-hostkey" $bound
pr_expect_eq "known_hosts not written for a refused key" absent "$([ -s "$SSH_KH" ] && echo present || echo absent)"
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2 \
    --accept-new-hostkey
read_ok "--accept-new-hostkey: read"
pr_expect_eq "known_hosts line added" "[127.0.0.1]:$port $key_a" "$(cat "$SSH_KH")"
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2
read_ok "known host key: read without --accept-new-hostkey"
pr_expect_eq "known_hosts still one line" 1 "$(wc -l <"$SSH_KH")"

# Passwords.
PORTREADY_SSH_PASSWORD=$SSH_PASSWORD ssh_check --ssh "alice@$target" --known-hosts "$SSH_KH" -t 2
read_ok "password from PORTREADY_SSH_PASSWORD"
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/wrong-password" --known-hosts "$SSH_KH" -t 2
ssh_expect_error "wrong password" \
    "SSH: authentication failed for user 'alice' at \[127\.0\.0\.1\]:$port \(tried: .*password\)" $bound
env -u SSH_AUTH_SOCK -u PORTREADY_SSH_PASSWORD HOME="$PR_TMP/home" \
    "$PORTREADY" check --ssh "alice@$target" --known-hosts "$SSH_KH" -t 2 >"$PR_TMP/nocred.out" \
    2>"$PR_TMP/nocred.err" && rc=0 || rc=$?
pr_expect_eq "no credentials: exit 3" 3 "$rc"
grep -q "SSH: authentication failed for user 'alice'" "$PR_TMP/nocred.err" &&
    pr_pass "no credentials: authentication error" || pr_fail "no credentials: $(cat "$PR_TMP/nocred.err")"

# Keys: a key file, a wrong one, a missing one, ssh-agent.
ssh_check --ssh "carol@$target" --ssh-key "$PR_TMP/id_carol" --known-hosts "$SSH_KH" -t 2
read_ok "public key (--ssh-key)"
ssh_check --ssh "carol@$target" --ssh-key "$PR_TMP/id_other" --known-hosts "$SSH_KH" -t 2
ssh_expect_error "a key the switch does not know" \
    "SSH: authentication failed for user 'carol' .*\(tried: public key .*id_other\)" $bound
ssh_check --ssh "carol@$target" --ssh-key "$PR_TMP/no-such-key" --known-hosts "$SSH_KH" -t 2
ssh_expect_error "missing key file" "SSH: cannot read SSH private key .*no-such-key: No such file" $bound
if command -v ssh-agent >/dev/null && command -v ssh-add >/dev/null; then
    agent_sock=$PR_TMP/agent.sock
    ssh-agent -D -a "$agent_sock" >/dev/null 2>&1 &
    PR_PIDS+=("$!")
    for _ in $(seq 1 100); do [ -S "$agent_sock" ] && break; sleep 0.05; done
    SSH_AUTH_SOCK=$agent_sock ssh-add -q "$PR_TMP/id_carol" 2>/dev/null
    env -u PORTREADY_SSH_PASSWORD SSH_AUTH_SOCK="$agent_sock" HOME="$PR_TMP/home" \
        "$PORTREADY" check --ssh "carol@$target" --known-hosts "$SSH_KH" -t 2 >"$OUT" 2>"$ERR" &&
        RC=0 || RC=$?
    read_ok "ssh-agent"
else
    echo "no ssh-agent: agent login skipped"
fi

# Keyboard-interactive: the password answers the one hidden prompt.
port2=$(pr_free_tcp_port)
cli_start "$port2" ios --config "$PR_SOURCE_DIR/tests/data/iosxe/rack.cli" --kbdint-only
ssh_check --ssh "alice@127.0.0.1:$port2" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" \
    --accept-new-hostkey -t 2
read_ok "keyboard-interactive login"
ssh_check --ssh "alice@127.0.0.1:$port2" --password-file "$PR_TMP/wrong-password" \
    --known-hosts "$SSH_KH" -t 2
ssh_expect_error "keyboard-interactive, wrong password" \
    "SSH: authentication failed for user 'alice' .*\(tried: .*password \(keyboard-interactive\)\)" $bound

# --save-config: NAME.cfg, mode 0600.
mkdir -p "$PR_TMP/saved"
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2 \
    --save-config "$PR_TMP/saved"
read_ok "--save-config: read"
pr_expect_eq "--save-config: the file and its mode" "600" "$(stat -c %a "$PR_TMP/saved/127.0.0.1.cfg")"
pr_expect_eq "--save-config: nothing else left there" "127.0.0.1.cfg" "$(cd "$PR_TMP/saved" && echo *)"

# known_hosts markers, as for NETCONF: a key on an @revoked line is refused
# with or without --accept-new-hostkey, also beside a plain line for it,
# and never appended; a host an @cert-authority line covers is refused
# unless its own key is listed.
ssh-keygen -q -t ed25519 -N '' -C ca -f "$PR_TMP/ca"
key_ca=$(cut -d' ' -f1-2 "$PR_TMP/ca.pub")
printf '[127.0.0.1]:%s %s\n@revoked * %s old switch\n' "$port" "$key_a" "$key_a" >"$PR_TMP/kh-revoked"
cp "$PR_TMP/kh-revoked" "$PR_TMP/kh-revoked.before"
for accept in "" --accept-new-hostkey; do
    ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" \
        --known-hosts "$PR_TMP/kh-revoked" -t 2 $accept
    ssh_expect_error "revoked host key refused ${accept:-without --accept-new-hostkey}" \
        "SSH: host key of \[127\.0\.0\.1\]:$port \(ssh-ed25519 $(re "$fp_a")\) is REVOKED: $(re "$PR_TMP/kh-revoked") line 2 marks it @revoked" $bound
done
pr_expect_eq "revoked: known_hosts unchanged" "$(cat "$PR_TMP/kh-revoked.before")" \
    "$(cat "$PR_TMP/kh-revoked")"
printf '@cert-authority 127.0.0.1,[127.0.0.1]:* %s\n' "$key_ca" >"$PR_TMP/kh-ca"
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$PR_TMP/kh-ca" \
    -t 2 --accept-new-hostkey
ssh_expect_error "a host left to a certificate authority: refused" \
    "SSH: $(re "$PR_TMP/kh-ca") line 1 leaves the host keys of \[127\.0\.0\.1\]:$port to a certificate authority" $bound
pr_expect_eq "@cert-authority: nothing appended" 1 "$(wc -l <"$PR_TMP/kh-ca")"
printf '[127.0.0.1]:%s %s\n' "$port" "$key_a" >>"$PR_TMP/kh-ca"
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$PR_TMP/kh-ca" -t 2
read_ok "@cert-authority beside the switch's own key: read"

# A changed host key on the same address: refused even with
# --accept-new-hostkey; known_hosts keeps the old key.
pr_stop "$pid_a"
cli_start "$port" junos --config "$CFG" --hostkey "$PR_TMP/hostkey-b"
fp_b=$(ssh-keygen -l -E sha256 -f <(ssh-keygen -y -f "$PR_TMP/hostkey-b") | cut -d' ' -f2)
ssh_check --ssh "alice@$target" --password-file "$PR_TMP/password" --known-hosts "$SSH_KH" -t 2 \
    --accept-new-hostkey
ssh_expect_error "changed host key refused" \
    "SSH: host key of \[127\.0\.0\.1\]:$port has CHANGED: the server presents ssh-ed25519 $(re "$fp_b")" $bound
grep -qF "[127.0.0.1]:$port $key_a" "$SSH_KH" && pr_pass "known_hosts keeps the old key" ||
    pr_fail "known_hosts: $(cat "$SSH_KH")"

# Usage errors: exit 3 with a hint, nothing connected.
usage() { # WHAT PATTERN ARGS...
    local what=$1 pattern=$2
    shift 2
    ssh_check "$@"
    if [ "$RC" -eq 3 ] && grep -Eq -- "$pattern" "$ERR" && grep -q "Try 'portready check --help'" "$ERR"; then
        pr_pass "usage: $what"
    else
        pr_fail "usage: $what: exit $RC, stderr: $(cat "$ERR")"
    fi
}
usage "--ssh and --config" "--config and --ssh both give the configuration" --ssh "$target" --config "$CFG"
usage "--ssh and --netconf" "--netconf and --ssh both give the configuration" --ssh "$target" --netconf "$target"
usage "--save-config without --ssh" "--save-config keeps what --netconf or --ssh reads" --config "$CFG" --save-config "$PR_TMP"
usage "--save-config of no folder" "--save-config $PR_TMP/none: not a folder" --ssh "$target" --save-config "$PR_TMP/none"
usage "--ssh without a host" "--ssh alice@: missing or invalid host" --ssh "alice@"
usage "--ssh with a bad port" "--ssh h:99999: port '99999' is not a number" --ssh "h:99999"
pr_done
