#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# A report that cannot be written is an error: check and audit, text and
# JSON, to /dev/full (every write fails with ENOSPC) exit 3 with a message
# naming why, whatever the verdicts; the same runs to a real file exit with
# the verdicts' code.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

walk="$PR_SOURCE_DIR/lab/data/rack12-a.snmprec"
cat >"$PR_TMP/rack.yaml" <<YAML
switches:
  - name: rack12-a
    walk: $walk
YAML

for fmt in text json; do
    set +e
    "$PORTREADY" check --walk "$walk" --format "$fmt" >"$PR_TMP/ok.$fmt" 2>"$PR_TMP/ok.$fmt.err"
    ok_rc=$?
    "$PORTREADY" check --walk "$walk" --format "$fmt" >/dev/full 2>"$PR_TMP/full.$fmt.err"
    full_rc=$?
    "$PORTREADY" audit --format "$fmt" "$PR_TMP/rack.yaml" >/dev/full 2>"$PR_TMP/afull.$fmt.err"
    afull_rc=$?
    set -e
    # rack12-a's recording has not-ready ports: exit 2 when the report is written.
    pr_expect_eq "check $fmt to a file: exit 2 (verdicts)" 2 "$ok_rc"
    pr_expect_eq "check $fmt to /dev/full: exit 3" 3 "$full_rc"
    pr_expect_eq "audit $fmt to /dev/full: exit 3" 3 "$afull_rc"
    for f in full afull; do
        if grep -q "cannot write the report: No space left on device" "$PR_TMP/$f.$fmt.err"; then
            pr_pass "$f $fmt: stderr names the reason"
        else
            pr_fail "$f $fmt: stderr lacks the reason: $(cat "$PR_TMP/$f.$fmt.err")"
        fi
    done
done
pr_done
