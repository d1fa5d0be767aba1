#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Walk files are bounded: a file, device or pipe larger than the cap stops
# with "larger than N bytes", a device of zeros stops at once, and a large
# recording is held in a small multiple of its size.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

cap=268435456 # PR_SNMP_WALK_MAX_BYTES, as the man page gives it

# run NAME ARGS...: runs check, keeps stdout/stderr/exit code/peak RSS (KiB).
run() {
    local name=$1
    shift
    set +e
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$PR_TMP/$name.rss" "$PORTREADY" check "$@" \
            >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    else
        "$PORTREADY" check "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    fi
    echo $? >"$PR_TMP/$name.rc"
    set -e
}
rc() { cat "$PR_TMP/$1.rc"; }
rss_kib() { tail -n 1 "$PR_TMP/$1.rss"; }
err_has() {
    if grep -q -- "$2" "$PR_TMP/$1.err"; then pr_pass "$1: stderr says '$2'"; else
        pr_fail "$1: stderr lacks '$2': $(head -c 300 "$PR_TMP/$1.err")"; fi
}

# Sanitizers reserve terabytes of address space and take more memory.
sanitized=false
pr_sanitized && sanitized=true

# A portready that reads without a bound would grow until the allocator
# gives up on the endless cases: bound its address space, where that does
# not break the sanitizers.
limit_memory() {
    $sanitized || ulimit -v 4000000
}

# A regular file over the cap: refused before it is read (sparse, so it
# costs no disk).
truncate -s 300M "$PR_TMP/huge.snmprec"
run huge --walk "$PR_TMP/huge.snmprec"
pr_expect_eq "file over the cap: exit 3" 3 "$(rc huge)"
err_has huge "larger than $cap bytes"

# A pipe that goes on past the cap (comment lines, so nothing is kept):
# counted as it is read.
(
    limit_memory
    yes '# a comment line, repeated past the walk-file cap of portready check --walk' |
        head -c 400000000 | run pipe --walk /dev/stdin || true
)
pr_expect_eq "pipe over the cap: exit 3" 3 "$(rc pipe)"
err_has pipe "larger than $cap bytes"

# A device that never ends: zeros are not text, so it stops at once.
(
    limit_memory
    run zero --walk /dev/zero
)
pr_expect_eq "/dev/zero: exit 3" 3 "$(rc zero)"
err_has zero "/dev/zero:1: NUL byte in line"

# A 20 MB recording (a switch with a large forwarding table) is held in a
# small multiple of its size. The store of old took about five times it.
python3 - "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" "$PR_TMP/fdb.snmprec" <<'EOF'
import sys
base = open(sys.argv[1]).read()
with open(sys.argv[2], "w") as out:
    out.write(base)
    n, i = len(base), 0
    while n < 20_000_000:
        line = "1.3.6.1.2.1.17.7.1.2.2.1.2.%d.0.80.86.%d.%d.%d|2|%d\n" % (
            1 + i // 65536, (i >> 16) & 255, (i >> 8) & 255, i & 255, 1 + i % 12)
        out.write(line)
        n += len(line)
        i += 1
EOF
run fdb --walk "$PR_TMP/fdb.snmprec" --format json
run plain --walk "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" --format json
pr_expect_eq "20 MB recording: judged (exit 2, as the lab recording alone)" "$(rc plain)" "$(rc fdb)"
pr_expect_eq "20 MB recording: same verdicts as the lab recording alone" \
    "$(pr_json "$PR_TMP/plain.out" '[p["verdict"] for p in d["switches"][0]["ports"]]')" \
    "$(pr_json "$PR_TMP/fdb.out" '[p["verdict"] for p in d["switches"][0]["ports"]]')"
if [ ! -s "$PR_TMP/fdb.rss" ]; then
    pr_pass "20 MB recording: memory not measured (no /usr/bin/time)"
elif $sanitized; then
    pr_pass "20 MB recording: memory not judged under sanitizers ($(rss_kib fdb) KiB)"
else
    size_kib=$(($(stat -c %s "$PR_TMP/fdb.snmprec") / 1024))
    extra=$(($(rss_kib fdb) - $(rss_kib plain)))
    if [ "$extra" -lt "$size_kib" ]; then
        pr_pass "20 MB recording: $extra KiB beyond the lab recording's, less than the file's $size_kib KiB"
    else
        pr_fail "20 MB recording: $extra KiB beyond the lab recording's, not less than the file's $size_kib KiB"
    fi
fi

pr_done
