#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# audit --shard K/N: for N from 1 to 6, the N shards of a 40-switch
# inventory (recordings) hold every switch exactly once between them;
# a switch stays in its shard when others are added to the inventory;
# the shards' summaries add up to the whole audit's.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

# A small recording, read in a millisecond: one port, up, STP off on it
# (dot1dStpPortEnable.1 = disabled(2)), so ready.
A="$PR_TMP/sw.snmprec"
printf '%s\n' '1.3.6.1.2.1.1.1.0|4|test switch' '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.32473.1' \
    '1.3.6.1.2.1.2.2.1.2.1|4|Ethernet1' '1.3.6.1.2.1.2.2.1.3.1|2|6' \
    '1.3.6.1.2.1.2.2.1.7.1|2|1' '1.3.6.1.2.1.2.2.1.8.1|2|1' \
    '1.3.6.1.2.1.17.1.4.1.2.1|2|1' '1.3.6.1.2.1.17.2.15.1.4.1|2|2' >"$A"
# inventory FILE COUNT: COUNT switches on that recording.
inventory() {
    echo "switches:" >"$1"
    for i in $(seq 1 "$2"); do
        echo "  - {name: rack$i-a, walk: $A}" >>"$1"
    done
}
inventory "$PR_TMP/inv40.yaml" 40
inventory "$PR_TMP/inv50.yaml" 50

# names INVENTORY SHARD: the switch names the shard audits, one per line.
names() {
    set +e
    "$PORTREADY" audit --format json --shard "$2" "$1" >"$PR_TMP/shard.json" 2>/dev/null
    set -e
    pr_json "$PR_TMP/shard.json" '"\n".join(s["name"] for s in d["switches"])' | sed '/^$/d'
}

"$PORTREADY" audit --format json "$PR_TMP/inv40.yaml" >"$PR_TMP/all.json" 2>/dev/null || true
pr_json "$PR_TMP/all.json" '"\n".join(s["name"] for s in d["switches"])' | sort >"$PR_TMP/all.names"
pr_expect_eq "the whole inventory" 40 "$(wc -l <"$PR_TMP/all.names")"
for n in 1 2 3 4 5 6; do
    : >"$PR_TMP/union"
    for k in $(seq 1 "$n"); do
        names "$PR_TMP/inv40.yaml" "$k/$n" >"$PR_TMP/s$k-$n"
        cat "$PR_TMP/s$k-$n" >>"$PR_TMP/union"
    done
    pr_expect_eq "N=$n: each switch in exactly one shard" "$(cat "$PR_TMP/all.names")" \
        "$(sort "$PR_TMP/union")"
    pr_expect_eq "N=$n: no switch twice" 0 "$(sort "$PR_TMP/union" | uniq -d | wc -l)"
done
# 40 switches in 4 shards: none empty, none with more than half.
for k in 1 2 3 4; do
    c=$(wc -l <"$PR_TMP/s$k-4")
    [ "$c" -ge 1 ] && [ "$c" -le 20 ] && pr_pass "shard $k/4 holds $c switches" ||
        pr_fail "shard $k/4 holds $c switches"
done
# Ten more switches: the first forty keep their shards.
for k in 1 2 3 4; do
    names "$PR_TMP/inv50.yaml" "$k/4" | grep -vxE 'rack(4[1-9]|50)-a' >"$PR_TMP/t$k" || true
    pr_expect_eq "shard $k/4: no switch moved when ten were added" "$(cat "$PR_TMP/s$k-4")" \
        "$(cat "$PR_TMP/t$k")"
done
# The summaries add up; each shard's exit status is its own verdict.
total=0
for k in 1 2 3; do
    set +e
    "$PORTREADY" audit --format json --shard "$k/3" "$PR_TMP/inv40.yaml" >"$PR_TMP/p$k.json" 2>/dev/null
    rc=$?
    set -e
    pr_expect_eq "shard $k/3: exit 0, every port ready" 0 "$rc"
    total=$((total + $(pr_json "$PR_TMP/p$k.json" 'd["summary"]["ports"]')))
done
pr_expect_eq "the shards' ports add up" "$(pr_json "$PR_TMP/all.json" 'd["summary"]["ports"]')" "$total"
# A shard with no switch: nothing judged, exit 3, said on stderr.
printf 'switches:\n  - {name: rack1-a, walk: %s}\n' "$A" >"$PR_TMP/one.yaml"
empty=""
for k in 1 2; do
    [ -z "$(names "$PR_TMP/one.yaml" "$k/2")" ] && empty=$k
done
set +e
"$PORTREADY" audit --shard "$empty/2" "$PR_TMP/one.yaml" >/dev/null 2>"$PR_TMP/empty.err"
rc=$?
set -e
pr_expect_eq "empty shard: exit 3" 3 "$rc"
grep -q "shard $empty/2 holds none of the 1 switches" "$PR_TMP/empty.err" && pr_pass "empty shard: said" ||
    pr_fail "empty shard: $(cat "$PR_TMP/empty.err")"
for bad in 0/2 3/2 2 a/b; do
    set +e
    "$PORTREADY" audit --shard "$bad" "$PR_TMP/one.yaml" >/dev/null 2>&1
    rc=$?
    set -e
    pr_expect_eq "--shard $bad: refused" 3 "$rc"
done
pr_done
