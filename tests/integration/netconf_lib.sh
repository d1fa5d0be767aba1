# Helpers for the NETCONF integration tests (sourced after lib.sh, never
# run): start the test server, run the fetch tool, check its outcome.

: "${PR_TOOLS_DIR:?PR_TOOLS_DIR must point at the built test tools}"
NC_SERVER="$PR_TOOLS_DIR/pr_netconf_server"
NC_GET="$PR_TOOLS_DIR/pr_netconf_get"
NC_DATA="$PR_SOURCE_DIR/tests/data/netconf"
[ -x "$NC_SERVER" ] && [ -x "$NC_GET" ] || pr_skip "NETCONF test tools not built"
[ -r /usr/share/yuma/modules/ietf/ietf-netconf@2011-06-01.yang ] ||
    pr_skip "libyuma-base is not installed (ietf-netconf YANG module)"
command -v ssh-keygen >/dev/null || pr_skip "ssh-keygen is not installed"

# Credentials every test uses; the password is a value no message may show.
NC_PASSWORD="pw-$$-Zq81x"
printf '%s\n' "$NC_PASSWORD" >"$PR_TMP/password"
printf 'wrong-%s\n' "$$" >"$PR_TMP/wrong-password"
chmod 600 "$PR_TMP/password" "$PR_TMP/wrong-password"

# nc_re TEXT: TEXT escaped for grep -E (fingerprints hold '+' and '/').
nc_re() {
    printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'
}

# nc_server_start PORT MODE [EXTRA ARGS...]: starts the test server on
# 127.0.0.1:PORT with user "alice" (password) and "carol" (the public key
# in $PR_TMP/id_carol.pub if it exists), waits for its "ready" line and
# sets NC_SERVER_PID.
nc_server_start() {
    local port=$1 mode=$2
    shift 2
    local out="$PR_TMP/server-$port.out"
    local keys=()
    [ -f "$PR_TMP/id_carol.pub" ] && keys=(--key-user carol --authorized-keys "$PR_TMP/id_carol.pub")
    "$NC_SERVER" --port "$port" --mode "$mode" --user alice --password-file "$PR_TMP/password" \
        "${keys[@]}" "$@" >"$out" 2>"$PR_TMP/server-$port.err" &
    NC_SERVER_PID=$!
    PR_PIDS+=("$NC_SERVER_PID")
    local i
    for i in $(seq 1 100); do
        grep -q '^ready$' "$out" 2>/dev/null && return 0
        kill -0 "$NC_SERVER_PID" 2>/dev/null || break
        sleep 0.05
    done
    echo "test server did not come up on 127.0.0.1:$port" >&2
    cat "$PR_TMP/server-$port.err" >&2
    return 1
}

# nc_get ARGS...: runs the fetch tool; sets NC_RC, NC_OUT (stdout file),
# NC_ERR (stderr file) and NC_MS (wall time in milliseconds).
nc_get() {
    NC_OUT="$PR_TMP/get.out"
    NC_ERR="$PR_TMP/get.err"
    local start end
    start=$(date +%s%N)
    set +e
    "$NC_GET" "$@" >"$NC_OUT" 2>"$NC_ERR"
    NC_RC=$?
    set -e
    end=$(date +%s%N)
    NC_MS=$(((end - start) / 1000000))
}

# nc_expect_ok WHAT: the last fetch succeeded.
nc_expect_ok() {
    if [ "$NC_RC" -eq 0 ]; then
        pr_pass "$1"
    else
        pr_fail "$1: exit $NC_RC, stderr: $(cat "$NC_ERR")"
    fi
}

# nc_expect_error WHAT PATTERN [BOUND_MS]: the last fetch failed with exit
# 3, an error matching PATTERN (grep -E), nothing on stdout, no password
# in the message, and within BOUND_MS when given.
nc_expect_error() {
    local what=$1 pattern=$2 bound=${3:-}
    if [ "$NC_RC" -ne 3 ]; then
        pr_fail "$what: expected exit 3, got $NC_RC (stderr: $(cat "$NC_ERR"))"
        return
    fi
    if ! grep -Eq "$pattern" "$NC_ERR"; then
        pr_fail "$what: error does not match /$pattern/: $(cat "$NC_ERR")"
        return
    fi
    if [ -s "$NC_OUT" ]; then
        pr_fail "$what: something was fetched: $(head -c 200 "$NC_OUT")"
        return
    fi
    if grep -qF "$NC_PASSWORD" "$NC_ERR"; then
        pr_fail "$what: the password appears in the error"
        return
    fi
    if [ -n "$bound" ] && [ "$NC_MS" -gt "$bound" ]; then
        pr_fail "$what: took ${NC_MS} ms, more than the ${bound} ms bound"
        return
    fi
    pr_pass "$what ($(head -c 160 "$NC_ERR"))"
}
