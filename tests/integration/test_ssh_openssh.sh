#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# --ssh against OpenSSH's own sshd, an SSH server nobody here wrote: one
# sshd per CLI on 127.0.0.1 with a configuration, host key and
# authorized_keys of its own, its ForceCommand a small CLI
# (tests/tools/pr_fake_cli.py) on the pseudo-terminal sshd allocates, or
# the command itself on an exec channel. The ports read equal --config of
# the same file, through a pager that ignores the paging command too. Each
# sshd is stopped by its PID; nothing of the system's own sshd is used.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/ssh_lib.sh"

SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || pr_skip "OpenSSH's sshd is not installed (Debian's openssh-server)"
FAKE=$PR_SOURCE_DIR/tests/tools/pr_fake_cli.py
PY=$(command -v python3)
USER_NAME=$(id -un)
# sshd run by root wants its privilege separation folder.
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
    mkdir -p /run/sshd
    chmod 755 /run/sshd
fi

ssh-keygen -q -t ed25519 -N '' -C portready-test -f "$PR_TMP/id_test"
cp "$PR_TMP/id_test.pub" "$PR_TMP/authorized_keys"
chmod 600 "$PR_TMP/authorized_keys"

# sshd_start NAME PORT FORCECOMMAND: sets SSHD_PID.
sshd_start() {
    local name=$1 port=$2 command=$3
    local dir=$PR_TMP/sshd-$name
    mkdir -p "$dir"
    ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519"
    cat >"$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $PR_TMP/authorized_keys
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
AllowUsers $USER_NAME
PrintMotd no
PrintLastLog no
PermitTTY yes
X11Forwarding no
AllowTcpForwarding no
ForceCommand $command
CONF
    "$SSHD" -D -e -f "$dir/sshd_config" -E "$dir/log" &
    SSHD_PID=$!
    PR_PIDS+=("$SSHD_PID")
    local i
    for i in $(seq 1 100); do
        python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2)' \
            "$port" 2>/dev/null && return 0
        kill -0 "$SSHD_PID" 2>/dev/null || break
        sleep 0.05
    done
    echo "sshd did not come up on 127.0.0.1:$port" >&2
    cat "$dir/log" >&2
    return 1
}

# read_one NAME PORT FILE [CHECK ARGS...]
read_one() {
    local name=$1 port=$2 file=$3
    shift 3
    env -u SSH_AUTH_SOCK -u PORTREADY_SSH_PASSWORD HOME="$PR_TMP" \
        "$PORTREADY" check --ssh "$USER_NAME@127.0.0.1:$port" --ssh-key "$PR_TMP/id_test" \
        --known-hosts "$SSH_KH" --accept-new-hostkey -t 5 --format json "$@" \
        >"$PR_TMP/ssh.json" 2>"$PR_TMP/ssh.err" && RC=0 || RC=$?
    if [ "$RC" -eq 3 ]; then
        pr_fail "$name: exit 3: $(head -c 300 "$PR_TMP/ssh.err")"
        return
    fi
    "$PORTREADY" check --config "$file" --format json "$@" >"$PR_TMP/config.json" 2>/dev/null || true
    ssh_same_ports "$name" "$PR_TMP/ssh.json" "$PR_TMP/config.json"
}

JUNOS=$PR_SOURCE_DIR/tests/data/junos/e1-1.set
IOS=$PR_SOURCE_DIR/tests/data/iosxe/rack.cli
[ -d "$PR_FIXTURES/configs" ] && JUNOS=$PR_FIXTURES/configs/tgmanage__e1-1.tg23.gathering.org.conf

p1=$(pr_free_tcp_port)
sshd_start junos "$p1" "$PY $FAKE junos $JUNOS"
read_one "sshd, Junos shell (prompt told the dialect)" "$p1" "$JUNOS"
key=$(cut -d' ' -f1-2 "$PR_TMP/sshd-junos/host_ed25519.pub")
pr_expect_eq "sshd's host key added to known_hosts" "[127.0.0.1]:$p1 $key" "$(grep -F ":$p1 " "$SSH_KH")"
read_one "sshd, Junos exec channel (--driver juniper)" "$p1" "$JUNOS" --driver juniper

p2=$(pr_free_tcp_port)
sshd_start ios "$p2" "$PY $FAKE ios $IOS"
read_one "sshd, IOS shell" "$p2" "$IOS"
p3=$(pr_free_tcp_port)
sshd_start ios-pager "$p3" "$PY $FAKE ios $IOS ignore-paging"
read_one "sshd, IOS shell, a pager that ignores terminal length 0" "$p3" "$IOS"
p4=$(pr_free_tcp_port)
sshd_start junos-pager "$p4" "$PY $FAKE junos $JUNOS ignore-paging"
read_one "sshd, Junos shell, a pager that ignores screen-length" "$p4" "$JUNOS"

# The known host key passes; another key for the same name is refused.
env -u SSH_AUTH_SOCK HOME="$PR_TMP" "$PORTREADY" check --ssh "$USER_NAME@127.0.0.1:$p1" \
    --ssh-key "$PR_TMP/id_test" --known-hosts "$SSH_KH" -t 5 >/dev/null 2>"$PR_TMP/known.err" &&
    rc=0 || rc=$?
pr_expect_eq "sshd's known host key: read without --accept-new-hostkey (exit 2)" 2 "$rc"
awk -v name="[127.0.0.1]:$p1" -v key="$(cut -d' ' -f1-2 "$PR_TMP/sshd-ios/host_ed25519.pub")" \
    '$1 == name { print name " " key; next } { print }' "$SSH_KH" >"$PR_TMP/kh-changed"
env -u SSH_AUTH_SOCK HOME="$PR_TMP" "$PORTREADY" check --ssh "$USER_NAME@127.0.0.1:$p1" \
    --ssh-key "$PR_TMP/id_test" --known-hosts "$PR_TMP/kh-changed" -t 5 --accept-new-hostkey \
    >/dev/null 2>"$PR_TMP/changed.err" && rc=0 || rc=$?
if [ "$rc" -eq 3 ] && grep -q "has CHANGED" "$PR_TMP/changed.err"; then
    pr_pass "sshd with another key than known_hosts holds: refused"
else
    pr_fail "changed key: exit $rc, $(cat "$PR_TMP/changed.err")"
fi
pr_done
