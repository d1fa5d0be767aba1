#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Watch mode ends with a verdict and the exit codes of the other commands,
# judged with the thresholds of a bounce (ready within 2 s, warning up to
# 10 s, not-ready above, unknown when nothing answered): on the STP lab a
# 1 s bounce blacks the server out for 1 s + 4 s of listening and learning,
# a warning, with or without the bouncing side's --down-for taken off;
# with STP off a 3 s bounce is ready once its 3 s down are taken off, a
# warning when they are not. An address that never answers is unknown,
# and still one JSON document with its error. The wall-clock times of the
# bouncing side and of the watcher line up. Neither plot has a text
# covering another (the legend, "last reply", "first lost", "up",
# "carrier"...). docs/json.md's time examples have the keys of these runs.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
lab_start --stp on
boxes=$PR_SOURCE_DIR/tests/tools/pr_svg_text_boxes.py

# bounce DOWN_FOR NAME: two watchers on the peer (JSON with --down-for
# DOWN_FOR, text without), the server bouncing itself once; exit codes in
# rc_NAME_json, rc_NAME_text, rc_NAME_bounce.
bounce() {
    local down=$1 name=$2
    in_peer "$PORTREADY" time --watch 10.77.0.2 --timeout 30 --down-for "$down" --format json \
        --plot "$PR_TMP/$name-watch.svg" >"$PR_TMP/$name-watch.json" 2>"$PR_TMP/$name-watch.err" &
    local wj=$!
    in_peer "$PORTREADY" time --watch 10.77.0.2 --timeout 30 \
        >"$PR_TMP/$name-watch.txt" 2>"$PR_TMP/$name-watch-text.err" &
    local wt=$!
    sleep 1 # both have seen replies
    set +e
    in_srv "$PORTREADY" time --iface eth0 --yes --force --down-for "$down" --format json \
        --plot "$PR_TMP/$name-bounce.svg" >"$PR_TMP/$name-bounce.json" 2>"$PR_TMP/$name-bounce.err"
    eval "rc_${name}_bounce=$?"
    wait "$wj"
    eval "rc_${name}_json=$?"
    wait "$wt"
    eval "rc_${name}_text=$?"
    set -e
    cat "$PR_TMP/$name-watch.txt" "$PR_TMP/$name-watch.err" "$PR_TMP/$name-watch-text.err"
}

# STP on: 1 s down, then 4 s of listening and learning.
bounce 1 stp
pr_expect_eq "STP: the bounce is a warning (exit 1)" 1 "$rc_stp_bounce"
pr_expect_eq "STP, --down-for 1: exit 1" 1 "$rc_stp_json"
pr_expect_eq "STP, --down-for 1: verdicts of the summary and the outage" "warning warning" \
    "$(pr_json "$PR_TMP/stp-watch.json" '"%s %s" % (d["time"]["summary"]["verdict"], d["time"]["outages"][0]["verdict"])')"
pr_expect_eq "STP, --down-for 1: blackout = outage - 1 s" True \
    "$(pr_json "$PR_TMP/stp-watch.json" '(lambda o: abs(o["blackout_ms"] - (o["outage_ms"] - 1000)) < 0.01 and 3000 < o["blackout_ms"] < 6000)(d["time"]["outages"][0])')"
pr_expect_eq "STP, --down-for 1: the cause names what held traffic" True \
    "$(pr_json "$PR_TMP/stp-watch.json" '"held traffic" in d["time"]["summary"]["cause"]')"
pr_expect_eq "STP, text: exit 1" 1 "$rc_stp_text"
if grep -q ' | warning$' "$PR_TMP/stp-watch.txt" &&
    grep -q "^verdict: warning: the outage includes the time the link was held down: give the bouncing side's --down-for" "$PR_TMP/stp-watch.txt"; then
    pr_pass "STP, text: the outage's verdict, and the verdict line pointing at --down-for"
else
    pr_fail "STP, text: $(cat "$PR_TMP/stp-watch.txt")"
fi

# The two sides' wall-clock times line up: the watcher's first reply
# after the outage and the server's first reply after link-up come within
# a few probe intervals of each other (one clock, two processes), and
# each side's *_at keys are its *_ns offsets from the same start.
pr_expect_eq "wall clock: *_at - started_at = *_ns - started_ns (both sides)" True "$(
    python3 - "$PR_TMP/stp-watch.json" "$PR_TMP/stp-bounce.json" <<'PY'
import datetime, json, sys
def at(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=datetime.timezone.utc).timestamp()
ok = True
for path, kind, keys in ((sys.argv[1], "outages", ("last_reply", "first_lost_sent", "first_reply")),
                         (sys.argv[2], "bounces", ("down", "up", "carrier_up", "first_reply"))):
    t = json.load(open(path))["time"]
    for key in keys:
        e = t[kind][0]
        off = (e[key + "_ns"] - t["started_ns"]) / 1e9
        ok &= abs((at(e[key + "_at"]) - at(t["started_at"])) - off) < 2e-6
print(ok)
PY
)"
pr_expect_eq "wall clock: watcher's and server's first replies within 100 ms" True "$(
    python3 - "$PR_TMP/stp-watch.json" "$PR_TMP/stp-bounce.json" <<'PY'
import datetime, json, sys
def at(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=datetime.timezone.utc).timestamp()
w = json.load(open(sys.argv[1]))["time"]["outages"][0]["first_reply_at"]
b = json.load(open(sys.argv[2]))["time"]["bounces"][0]["first_reply_at"]
print(f"watcher {w}, server {b}", file=sys.stderr)
print(abs(at(w) - at(b)) < 0.1)
PY
)"

watch_labels=(--require "last reply" --require "first lost" --require "first reply")
bounce_labels=(--require down --require up --require carrier --require "first reply")
if python3 "$boxes" "$PR_TMP/stp-watch.svg" --require "answered late (held in a queue)" \
    "${watch_labels[@]}"; then
    pr_pass "watch plot: no text covers another"
else
    pr_fail "watch plot: texts overlap"
fi
if python3 "$boxes" "$PR_TMP/stp-bounce.svg" "${bounce_labels[@]}"; then
    pr_pass "bounce plot: no text covers another"
else
    pr_fail "bounce plot: texts overlap"
fi

# STP off (edge-like): a 3 s bounce is ready once its 3 s down are taken
# off; the whole 3 s outage is a warning.
"$LAB" stp "$LAB_PREFIX" off
"$LAB" wait-forwarding "$LAB_PREFIX" 15
bounce 3 edge
pr_expect_eq "edge: the bounce is ready (exit 0)" 0 "$rc_edge_bounce"
pr_expect_eq "edge, --down-for 3: ready, exit 0" "0 ready" \
    "$rc_edge_json $(pr_json "$PR_TMP/edge-watch.json" 'd["time"]["summary"]["verdict"]')"
pr_expect_eq "edge, without --down-for: the 3 s outage is a warning, exit 1" "1 1" \
    "$rc_edge_text $(grep -c '^verdict: warning' "$PR_TMP/edge-watch.txt")"

# Nobody has 10.77.0.99: no answer at all, exit 3, and the JSON document
# still comes, with the settings, no outage, verdict unknown and the error.
set +e
in_peer "$PORTREADY" time --watch 10.77.0.99 --timeout 1 --format json \
    >"$PR_TMP/none.json" 2>"$PR_TMP/none.err"
rc=$?
set -e
pr_expect_eq "no answer: exit 3" 3 "$rc"
pr_expect_eq "no answer: one document with the error" "timeout watch 10.77.0.99 0 unknown" \
    "$(pr_json "$PR_TMP/none.json" '" ".join(str(x) for x in (d["error"]["code"], d["time"]["mode"], d["time"]["target"], len(d["time"]["outages"]), d["time"]["summary"]["verdict"]))')"

# docs/json.md's time examples have exactly the keys of these real runs.
if python3 "$PR_SOURCE_DIR/tests/tools/pr_json_schema.py" examples "$PR_SOURCE_DIR/docs/json.md" \
    --real "$PR_TMP"/*-watch.json "$PR_TMP"/*-bounce.json "$PR_TMP/none.json" \
    time-bounce time-watch time-no-answer &&
    python3 "$PR_SOURCE_DIR/tests/tools/pr_json_schema.py" keys "$PR_TMP"/*-watch.json \
        "$PR_TMP"/*-bounce.json "$PR_TMP/none.json"; then
    pr_pass "time documents: snake_case keys; docs/json.md's examples have their keys"
else
    pr_fail "time documents and docs/json.md's examples"
fi
pr_done
