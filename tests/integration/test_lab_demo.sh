#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# lab/demo, the README's first command, on a copy of lab/ and scripts/ (so
# its lab state is its own) and, as root, in a network namespace of its own
# (so its fixed ports 1161-1163 are free): it audits the lab (rack12-c's
# uplink left out), checks rack12-a with no port (its uplinks left out) and
# exits 0; --no-netns skips the namespace lab and is not passed to audit;
# other arguments are; its closing hint names plain `portready` when the
# portready on PATH is this version, and the binary it ran otherwise.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

tree="$PR_TMP/tree"
mkdir -p "$tree"
cp -r "$PR_SOURCE_DIR/lab" "$PR_SOURCE_DIR/scripts" "$tree/"
rm -rf "$tree/lab/.lab" "$tree/.lab"
chmod -R a+rX "$tree"

# Our own loopback as root; without root, only when the lab's ports are free.
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
    isolate=(unshare -n bash -c 'ip link set lo up && exec "$@"' _)
else
    for p in 1161 1162 1163; do
        python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(("127.0.0.1",int(sys.argv[1])))' "$p" 2>/dev/null ||
            pr_skip "not root and UDP port $p is in use: the demo's lab cannot start here"
    done
    isolate=()
fi

# A portready on PATH that is another version, and one that is this one.
mkdir -p "$PR_TMP/other" "$PR_TMP/same"
printf '#!/bin/sh\necho "portready 0.0.0-other"\n' >"$PR_TMP/other/portready"
chmod 755 "$PR_TMP/other/portready"
ln -s "$PORTREADY" "$PR_TMP/same/portready"

# demo NAME PATHDIR ARGS...: runs lab/demo of the copy; NAME.out, NAME.rc.
demo() {
    local name=$1 pathdir=$2
    shift 2
    set +e
    PATH="$pathdir:$PATH" PORTREADY="$PORTREADY" "${isolate[@]}" "$tree/lab/demo" "$@" \
        >"$PR_TMP/$name.out" 2>&1
    echo $? >"$PR_TMP/$name.rc"
    set -e
}

demo plain "$PR_TMP/other" --no-netns
pr_expect_eq "lab/demo --no-netns: exit 0" 0 "$(cat "$PR_TMP/plain.rc")"
grep -qF "portready exited with 2 (0 ready" "$PR_TMP/plain.out" &&
    pr_pass "the audit ran and found the lab's not-ready ports (exit 2)" ||
    pr_fail "the audit did not exit 2: $(tail -5 "$PR_TMP/plain.out")"
grep -qE "^rack12-a|rack12-a" "$PR_TMP/plain.out" && grep -qF "26 ports" "$PR_TMP/plain.out" &&
    pr_pass "the audit reports the lab's 26 ports" ||
    pr_fail "no audit report of 26 ports: $(grep -i ports "$PR_TMP/plain.out" | tail -3)"
# rack12-c lists no ports (its uplink Ethernet12 is left out); the check of
# rack12-a with no port leaves out 1/1/5 and 1/1/12.
grep -qF "uplinks left out: Ethernet12 (LLDP neighbour spine1, bridge, router" "$PR_TMP/plain.out" &&
    pr_pass "the audit leaves rack12-c's uplink out" || pr_fail "no 'uplinks left out: Ethernet12'"
grep -qF "uplinks left out: 1/1/5 (blocked by BPDUs" "$PR_TMP/plain.out" &&
    pr_pass "the check of rack12-a leaves its uplinks out" || pr_fail "no 'uplinks left out: 1/1/5'"
grep -qF -- "--no-netns" "$PR_TMP/plain.out" &&
    pr_fail "--no-netns reached portready: $(grep -F -- --no-netns "$PR_TMP/plain.out")" ||
    pr_pass "--no-netns is the demo's, not passed to audit"
grep -qF "network namespaces" "$PR_TMP/plain.out" &&
    pr_fail "--no-netns: the namespace lab ran" || pr_pass "--no-netns: no namespace lab"
pr_expect_eq "another version on PATH: the hint names the binary the demo ran" \
    "Try: $PORTREADY audit --fix lab/rack.yaml" "$(grep '^Try: ' "$PR_TMP/plain.out")"
[ -d "$tree/.lab" ] && pr_pass "the lab state is the copy's" || pr_fail "no .lab in the copy"
pids=$(cat "$tree"/.lab/*.pid 2>/dev/null || true)
pr_expect_eq "the lab is stopped at the end" "" "$pids"

demo same "$PR_TMP/same" --no-netns --format json
pr_expect_eq "lab/demo --no-netns --format json: exit 0" 0 "$(cat "$PR_TMP/same.rc")"
pr_expect_eq "this version on PATH: the hint names portready" \
    "Try: portready audit --fix lab/rack.yaml" "$(grep '^Try: ' "$PR_TMP/same.out")"
python3 - "$PR_TMP/same.out" <<'PY' && pr_pass "--format json reached audit" || pr_fail "--format json did not reach audit"
import json, sys
text = open(sys.argv[1]).read()
start = text.index("\n{") + 1
doc, _ = json.JSONDecoder().raw_decode(text[start:])
sys.exit(0 if doc["summary"]["ports"] == 26 and doc["summary"]["uplinks"] == 1 else 1)
PY
pr_done
