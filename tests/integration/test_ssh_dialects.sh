#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# --ssh against the test CLI server playing each CLI portready reads
# (Junos, IOS, NX-OS, EOS), serving real configurations: the ports read
# through the CLI equal the ports of the same text read with --config, and
# the configuration kept by --save-config is the served file (but for line
# ends and trailing blanks), through pagers that ignore the paging command,
# echo or none, ANSI escapes, a long banner, keyboard-interactive login,
# the exec channel and its refusal, the dialect given or told from the
# prompt.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/ssh_lib.sh"

DATA=$PR_SOURCE_DIR/tests/data
FX=$PR_FIXTURES/configs
bound=5000 # -t 4 plus slack, in ms

# The configuration as the CLI prints it: CR removed, trailing blanks cut,
# blank lines at the end dropped.
normalise() {
    python3 -c '
import sys
lines = [l.rstrip(" \t\r") for l in open(sys.argv[1], "rb").read().decode("latin-1").split("\n")]
while lines and lines[-1] == "":
    lines.pop()
sys.stdout.write("\n".join(lines) + "\n")' "$1"
}

# one NAME VENDOR FILE [SERVER ARGS...] -- [CHECK ARGS...]
one() {
    local name=$1 vendor=$2 file=$3
    shift 3
    local server=() check=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        server+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    check=("$@")
    local port
    port=$(pr_free_tcp_port)
    cli_start "$port" "$vendor" --config "$file" --log "$PR_TMP/log-$port" "${server[@]}"
    rm -rf "$PR_TMP/saved"
    mkdir -p "$PR_TMP/saved"
    ssh_check --ssh "alice@127.0.0.1:$port" --password-file "$PR_TMP/password" \
        --known-hosts "$SSH_KH" --accept-new-hostkey -t 4 --format json \
        --save-config "$PR_TMP/saved" "${check[@]}"
    pr_stop "$CLI_PID"
    if [ "$RC" -eq 3 ] || [ "$MS" -gt "$bound" ]; then
        pr_fail "$name: exit $RC in $MS ms: $(head -c 300 "$ERR")"
        return
    fi
    cp "$OUT" "$PR_TMP/ssh.json"
    pr_expect_eq "$name: JSON sources" "['ssh']" "$(pr_json "$PR_TMP/ssh.json" 'd["switches"][0]["sources"]')"
    "$PORTREADY" check --config "$file" --format json "${check[@]}" >"$PR_TMP/config.json" 2>/dev/null || true
    ssh_same_ports "$name" "$PR_TMP/ssh.json" "$PR_TMP/config.json"
    local saved="$PR_TMP/saved/127.0.0.1.cfg"
    if [ ! -f "$saved" ]; then
        pr_fail "$name: --save-config wrote no $saved"
        return
    fi
    "$PORTREADY" check --config "$saved" --format json >"$PR_TMP/saved.json" 2>/dev/null || true
    pr_expect_eq "$name: ports of the saved configuration" "$(ssh_ports "$PR_TMP/ssh.json")" \
        "$(ssh_ports "$PR_TMP/saved.json")"
    if python3 - "$saved" <(normalise "$file") <<'PY'; then
import sys
saved = open(sys.argv[1], "rb").read()
want = open(sys.argv[2], "rb").read()
sys.exit(0 if saved.endswith(want) and len(saved) - len(want) < 400 else 1)
PY
        pr_pass "$name: the saved configuration is the served file"
    else
        pr_fail "$name: the saved configuration differs from the served file: $(diff <(normalise "$file") "$saved" | head -8)"
    fi
    LAST_LOG="$PR_TMP/log-$port"
}

# Configurations in the project (always there).
one "Junos set, shell, driver told by the prompt" junos "$DATA/junos/e1-1.set"
pr_expect_eq "Junos shell: paging off, then the configuration" \
    "set cli screen-length 0|set cli screen-width 0|show configuration | display set" \
    "$(paste -sd'|' "$LAST_LOG")"
one "Junos set, --driver juniper: exec channel" junos "$DATA/junos/e1-1.set" -- --driver juniper
pr_expect_eq "Junos exec: one command" "show configuration | display set" "$(paste -sd'|' "$LAST_LOG")"
one "Junos, exec refused: the shell on the same connection" junos "$DATA/junos/e1-1.set" \
    --exec no -- --driver juniper
one "IOS-XE running-config" ios "$DATA/iosxe/rack.cli"
pr_expect_eq "IOS: terminal length 0, then the configuration" \
    "terminal length 0|show running-config" "$(paste -sd'|' "$LAST_LOG")"
one "IOS, pager ignoring terminal length 0 (every 7 lines)" ios "$DATA/iosxe/rack.cli" \
    --ignore-paging --page-lines 7
one "IOS, no echo, ANSI colours and cursor moves" ios "$DATA/iosxe/rack.cli" --no-echo --ansi \
    --ignore-paging --page-lines 5
one "IOS, a 200 kB banner, keyboard-interactive login" ios "$DATA/iosxe/rack.cli" \
    --banner-bytes 200000 --kbdint-only
one "EOS running-config, --driver cisco" eos "$DATA/merge/rack12-c-eos.conf" -- --driver cisco
one "EOS, pager ignoring terminal length 0" eos "$DATA/merge/rack12-c-eos.conf" --ignore-paging \
    --page-lines 3

# Real configurations nobody here wrote (../shared/fixtures).
if [ -d "$FX" ]; then
    for f in tgmanage__e1-1.tg23.gathering.org.conf tgmanage__e1.noc.tg23.gathering.org.conf \
        tgmanage__d1.roof.tg23.gathering.org.conf tgmanage__d3.floor.tg23.gathering.org.conf \
        tgmanage__distro3_clean_generated.conf scale__ex4200-example.conf \
        ciscoconfparse2__sample_03.junos; do
        one "Junos $f, pager ignoring screen-length" junos "$FX/$f" --ignore-paging --page-lines 40
        one "Junos $f, exec" junos "$FX/$f" -- --driver juniper
    done
    one "NX-OS sample_01, NX-OS pager every 30 lines" nxos "$FX/ciscoconfparse2__sample_01.nxos" \
        --ignore-paging --page-lines 30 --ansi
    one "NX-OS sample_01, paging off" nxos "$FX/ciscoconfparse2__sample_01.nxos"
    for f in batfish__arista_interface_show_run_all batfish__arista_interface_show_run_all_3; do
        one "EOS $f, pager every 20 lines" eos "$FX/$f" --ignore-paging --page-lines 20
    done
    one "IOS-style NX-OS text on an IOS CLI, no echo" ios "$FX/ciscoconfparse2__sample_01.nxos" \
        --no-echo
else
    echo "no shared fixtures at $PR_FIXTURES (a user's clone): real configurations skipped"
fi
pr_done
