# Helpers for the --ssh integration tests (sourced after lib.sh, never
# run): start the test CLI server, run portready check --ssh, check its
# outcome, compare ports with --config of the same text.

: "${PR_TOOLS_DIR:?PR_TOOLS_DIR must point at the built test tools}"
CLI_SERVER="$PR_TOOLS_DIR/pr_cli_server"
[ -x "$CLI_SERVER" ] || pr_skip "the test CLI server is not built"
command -v ssh-keygen >/dev/null || pr_skip "ssh-keygen is not installed"

# Credentials every test uses; the password is a value no message may show.
SSH_PASSWORD="pw-$$-Kv27q"
printf '%s\n' "$SSH_PASSWORD" >"$PR_TMP/password"
printf 'wrong-%s\n' "$$" >"$PR_TMP/wrong-password"
chmod 600 "$PR_TMP/password" "$PR_TMP/wrong-password"
SSH_KH="$PR_TMP/known_hosts"

# cli_start PORT VENDOR [EXTRA ARGS...]: the test CLI server on
# 127.0.0.1:PORT, user "alice" (password) and "carol" (the key in
# $PR_TMP/id_carol.pub, if any), host key $PR_TMP/hostkey-PORT unless
# --hostkey is among the extra args; waits for "ready", sets CLI_PID.
cli_start() {
    local port=$1 vendor=$2
    shift 2
    local out="$PR_TMP/cli-$port.out"
    local keys=() hostkey=(--hostkey "$PR_TMP/hostkey-$port")
    [ -f "$PR_TMP/id_carol.pub" ] && keys=(--key-user carol --authorized-keys "$PR_TMP/id_carol.pub")
    case " $* " in *" --hostkey "*) hostkey=() ;; esac
    "$CLI_SERVER" --port "$port" --vendor "$vendor" --user alice --password-file "$PR_TMP/password" \
        "${hostkey[@]}" "${keys[@]}" "$@" >"$out" 2>"$PR_TMP/cli-$port.err" &
    CLI_PID=$!
    PR_PIDS+=("$CLI_PID")
    local i
    for i in $(seq 1 100); do
        grep -q '^ready$' "$out" 2>/dev/null && return 0
        kill -0 "$CLI_PID" 2>/dev/null || break
        sleep 0.05
    done
    echo "test CLI server did not come up on 127.0.0.1:$port" >&2
    cat "$PR_TMP/cli-$port.err" >&2
    return 1
}

# ssh_check ARGS...: runs portready check; sets RC, OUT, ERR and MS (wall
# time in milliseconds).
ssh_check() {
    OUT="$PR_TMP/check.out"
    ERR="$PR_TMP/check.err"
    local start end
    start=$(date +%s%N)
    set +e
    "$PORTREADY" check "$@" >"$OUT" 2>"$ERR"
    RC=$?
    set -e
    end=$(date +%s%N)
    MS=$(((end - start) / 1000000))
}

# ssh_expect_error WHAT PATTERN BOUND_MS: the last check exited 3 within
# BOUND_MS, its error (stderr) matches PATTERN (grep -E), and neither
# output holds the password.
ssh_expect_error() {
    local what=$1 pattern=$2 bound=$3
    if [ "$RC" -ne 3 ]; then
        pr_fail "$what: expected exit 3, got $RC (stderr: $(head -c 400 "$ERR"))"
        return
    fi
    if ! grep -Eq -- "$pattern" "$ERR"; then
        pr_fail "$what: error does not match /$pattern/: $(head -c 400 "$ERR")"
        return
    fi
    if grep -qF -- "$SSH_PASSWORD" "$OUT" "$ERR"; then
        pr_fail "$what: the password appears in the output"
        return
    fi
    if [ "$MS" -gt "$bound" ]; then
        pr_fail "$what: took ${MS} ms, more than the ${bound} ms bound"
        return
    fi
    pr_pass "$what in ${MS} ms ($(head -c 200 "$ERR"))"
}

# ssh_ports JSON: the ports of the first switch, evidence line numbers
# replaced by N (a CLI header such as "Building configuration..." moves
# them), one canonical JSON line.
ssh_ports() {
    python3 - "$1" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
sw = d["switches"][0]
print(re.sub(r"line [0-9]+", "line N", json.dumps(sw["ports"], sort_keys=True)))
PY
}

# ssh_same_ports WHAT GOT_JSON WANT_JSON: the two documents' ports are the
# same and there are some.
ssh_same_ports() {
    local what=$1 got want
    got=$(ssh_ports "$2")
    want=$(ssh_ports "$3")
    local n
    n=$(pr_json "$3" 'len(d["switches"][0]["ports"])')
    if [ "$n" -eq 0 ]; then
        pr_fail "$what: the --config reading has no ports to compare"
    elif [ "$got" == "$want" ]; then
        pr_pass "$what: $n ports equal to --config"
    else
        pr_fail "$what: ports differ from --config: $(diff <(echo "$got" | python3 -m json.tool) <(echo "$want" | python3 -m json.tool) | head -20)"
    fi
}
