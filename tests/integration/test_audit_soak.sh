#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Soak: one process audits a rack of 20 simulated switches 20 times
# (audit --repeat 20). Every round reports the same thing, and the
# process's resident memory and open file descriptors stay flat: sampled
# from /proc while it runs, the second half of the run never goes beyond the
# first half (plus allocator slack for memory).
#
# The rack: the three lab recordings (lab/data: rack12-a generic RSTP,
# rack12-b PVST+ with its per-VLAN files, rack12-c MSTP/LACP) copied under
# 20 community names sw01..sw20 and served by one snmpsim agent.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
command -v snmpsimd >/dev/null || pr_skip "snmpsim not installed"

PORT=26300
ROUNDS=20
DATA="$PR_TMP/rack"
mkdir -p "$DATA"
lab=(rack12-a rack12-b rack12-c)
{
    echo "defaults:"
    echo "  snmp: {version: 2c, timeout: 5, retries: 3}" # a loaded runner: every round must read every switch
    echo "  expect_vlan: 100"
    echo "switches:"
} >"$PR_TMP/rack.yaml"
for i in $(seq 1 20); do
    name=$(printf 'sw%02d' "$i")
    src=${lab[$(((i - 1) % 3))]}
    cp "$PR_SOURCE_DIR/lab/data/$src.snmprec" "$DATA/$name.snmprec"
    for ctx in "$PR_SOURCE_DIR/lab/data/$src"@*.snmprec; do
        [ -f "$ctx" ] || continue
        cp "$ctx" "$DATA/$name@${ctx##*@}"
    done
    echo "  - {name: $name, host: 127.0.0.1:$PORT, snmp: {community: $name}}" >>"$PR_TMP/rack.yaml"
done
pr_snmpsim_start "$DATA" $PORT sw20

# Under AddressSanitizer, freed memory is held back (256 MB by default) and
# RSS grows until that quarantine is full, leak or no leak: a small one
# lets the RSS reach its level early (the caller's options still win).
ASAN_OPTIONS="quarantine_size_mb=8${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    "$PORTREADY" audit --format json --repeat $ROUNDS "$PR_TMP/rack.yaml" >"$PR_TMP/soak.json" \
    2>"$PR_TMP/soak.err" &
audit=$!
PR_PIDS+=("$audit")
: >"$PR_TMP/samples"
while kill -0 "$audit" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$audit/status" 2>/dev/null || true)
    fds=$(ls "/proc/$audit/fd" 2>/dev/null | wc -l || true)
    [ -n "$rss" ] && echo "$rss $fds" >>"$PR_TMP/samples"
    sleep 0.2
done
RC=0
wait "$audit" || RC=$?

# The lab's verdicts include not-ready ports (lab/README.md), every round.
pr_expect_eq "soak: exit 2 (not-ready ports, no unreadable switch)" 2 "$RC"
python3 - "$PR_TMP/soak.json" $ROUNDS >"$PR_TMP/rounds" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
dec = json.JSONDecoder()
docs, pos = [], 0
while pos < len(text):
    if text[pos].isspace():
        pos += 1
        continue
    doc, pos = dec.raw_decode(text, pos)
    docs.append(doc)
print(len(docs))
first = json.dumps(docs[0]["switches"], sort_keys=True)
print(sum(json.dumps(d["switches"], sort_keys=True) == first for d in docs))
s = docs[0]["summary"]
print(s["switches"], s["unreadable"], s["ports"])
EOF
pr_expect_eq "soak: one JSON document per round" $ROUNDS "$(sed -n 1p "$PR_TMP/rounds")"
pr_expect_eq "soak: every round reports the same switches, ports and verdicts" $ROUNDS \
    "$(sed -n 2p "$PR_TMP/rounds")"
read -r switches unreadable ports < <(sed -n 3p "$PR_TMP/rounds")
pr_expect_eq "soak: 20 switches read, none unreadable" "20 0" "$switches $unreadable"

n=$(wc -l <"$PR_TMP/samples")
if [ "$n" -lt 10 ]; then
    pr_fail "soak: only $n samples of /proc (the run was too short to judge)"
else
    half=$((n / 2))
    read -r rss1 fds1 < <(awk -v h="$half" 'NR <= h { if ($1 > r) r = $1; if ($2 > f) f = $2 }
        END { print r, f }' "$PR_TMP/samples")
    read -r rss2 fds2 < <(awk -v h="$half" 'NR > h { if ($1 > r) r = $1; if ($2 > f) f = $2 }
        END { print r, f }' "$PR_TMP/samples")
    echo "# $n samples; first half: max RSS $rss1 kB, max fds $fds1; second half: max RSS $rss2 kB, max fds $fds2; $ports ports per round"
    # Slack for the allocator: 10 % or 2 MB, whichever is more.
    slack=$((rss1 / 10 > 2048 ? rss1 / 10 : 2048))
    if [ "$rss2" -le $((rss1 + slack)) ]; then
        pr_pass "soak: RSS flat (max $rss1 kB, then $rss2 kB)"
    else
        pr_fail "soak: RSS grew from $rss1 kB to $rss2 kB"
    fi
    if [ "$fds2" -le "$fds1" ]; then
        pr_pass "soak: open file descriptors flat (max $fds1, then $fds2)"
    else
        pr_fail "soak: open file descriptors grew from $fds1 to $fds2"
    fi
fi

pr_done
