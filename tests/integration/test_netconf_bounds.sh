#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# NETCONF replies are bounded as they arrive: a 200 MB reply stops at the
# byte cap (64 MiB, or --netconf-max-bytes) in bounded memory; 40,000
# attributes on one element stop at the attribute bound within -t 5 (they
# took libxml2 and libyang half a minute once the reply had arrived); the
# same document from a file stops the same way at once. Replies within the
# bounds are read as before.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/netconf_lib.sh"

kh="$PR_TMP/known_hosts"
sanitized=false
pr_sanitized && sanitized=true

# check_nc NAME MODE TIMEOUT [SERVER ARGS...] [-- CHECK ARGS...]: starts a
# peer, runs `portready check --netconf` against it (at most 300 s), keeps
# stdout, stderr, exit code, seconds and peak RSS (KiB, 0 when unknown).
check_nc() {
    local name=$1 mode=$2 timeout=$3
    shift 3
    local server=() extra=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        server+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    extra=("$@")
    local port
    port=$(pr_free_tcp_port)
    nc_server_start "$port" "$mode" "${server[@]}"
    local start end time=()
    [ -x /usr/bin/time ] && time=(/usr/bin/time -f '%M' -o "$PR_TMP/$name.rss")
    start=$(date +%s%N)
    set +e
    timeout 300 "${time[@]}" "$PORTREADY" check --netconf "alice@127.0.0.1:$port" \
        --password-file "$PR_TMP/password" --known-hosts "$kh" --accept-new-hostkey \
        -t "$timeout" "${extra[@]}" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    echo $? >"$PR_TMP/$name.rc"
    set -e
    end=$(date +%s%N)
    echo $(((end - start) / 1000000)) >"$PR_TMP/$name.ms"
    [ -s "$PR_TMP/$name.rss" ] || echo 0 >"$PR_TMP/$name.rss"
    pr_stop "$NC_SERVER_PID"
}
rc() { cat "$PR_TMP/$1.rc"; }
ms() { cat "$PR_TMP/$1.ms"; }
rss_kib() { tail -n 1 "$PR_TMP/$1.rss"; }
err_has() {
    if grep -q -- "$2" "$PR_TMP/$1.err"; then pr_pass "$1: stderr says '$2'"; else
        pr_fail "$1: stderr lacks '$2': $(head -c 300 "$PR_TMP/$1.err")"; fi
}
within() { # within NAME MS WHAT
    if [ "$(ms "$1")" -le "$2" ]; then pr_pass "$1: $3 ($(ms "$1") ms)"; else
        pr_fail "$1: $3: took $(ms "$1") ms, more than $2"; fi
}

# A 200 MB reply under -t 120: stops at 64 MiB, in memory near that.
# Sanitizers make reading 64 MiB take longer than that: there the cap is
# 4 MiB.
if $sanitized; then
    check_nc big big-reply 120 --reply-bytes 200000000 -- --netconf-max-bytes 4194304
    pr_expect_eq "200 MB reply: exit 3" 3 "$(rc big)"
    err_has big "sent more than 4194304 bytes (--netconf-max-bytes)"
else
    check_nc big big-reply 120 --reply-bytes 200000000
    pr_expect_eq "200 MB reply: exit 3" 3 "$(rc big)"
    err_has big "sent more than 67108864 bytes (--netconf-max-bytes)"
fi
if $sanitized || [ "$(rss_kib big)" -eq 0 ]; then
    pr_pass "200 MB reply: memory not judged here ($(rss_kib big) KiB)"
elif [ "$(rss_kib big)" -lt $((256 * 1024)) ]; then
    pr_pass "200 MB reply: peak RSS $(rss_kib big) KiB, under 256 MiB"
else
    pr_fail "200 MB reply: peak RSS $(rss_kib big) KiB, not under 256 MiB"
fi

# --netconf-max-bytes lowers the cap.
check_nc capped big-reply 30 --reply-bytes 200000000 -- --netconf-max-bytes 1000000
pr_expect_eq "--netconf-max-bytes 1000000: exit 3" 3 "$(rc capped)"
err_has capped "sent more than 1000000 bytes"
within capped 10000 "stops soon after the first megabyte"

# A 2 MB reply is read and judged as before.
check_nc two-mb big-reply 60 --reply-bytes 2000000 -- --format json ge-0/0/1
pr_expect_eq "2 MB reply: read (ge-0/0/1 judged)" "True" \
    "$(pr_json "$PR_TMP/two-mb.out" 'd["switches"][0]["error"] is None and len(d["switches"][0]["ports"]) == 1')"

# 40,000 attributes on one element under -t 5: refused within the timeout.
check_nc attrs many-attributes 5 --attributes 40000
pr_expect_eq "40,000 attributes: exit 3" 3 "$(rc attrs)"
err_has attrs "element <interface> has more than 256 attributes"
within attrs 6000 "within -t 5"

# 256 attributes are still read.
check_nc attrs256 many-attributes 5 --attributes 256 -- --format json
pr_expect_eq "256 attributes: read" "True" \
    "$(pr_json "$PR_TMP/attrs256.out" 'd["switches"][0]["error"] is None')"

# The same document as a saved configuration: refused at once.
python3 - "$PR_TMP/attrs.xml" <<'EOF'
import sys
attrs = "".join(' a%d="%d"' % (i, i) for i in range(40000))
open(sys.argv[1], "w").write(
    '<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm"><interfaces><interface%s>'
    "<name>ge-0/0/1</name></interface></interfaces></configuration>\n" % attrs)
EOF
start=$(date +%s%N)
set +e
timeout 300 "$PORTREADY" check --config "$PR_TMP/attrs.xml" >"$PR_TMP/config.out" 2>"$PR_TMP/config.err"
echo $? >"$PR_TMP/config.rc"
set -e
echo $((($(date +%s%N) - start) / 1000000)) >"$PR_TMP/config.ms"
pr_expect_eq "--config with 40,000 attributes: exit 3" 3 "$(rc config)"
err_has config "line 1: element <interface> has more than 256 attributes"
within config 2000 "at once"

pr_done
