# Helpers for the tests that judge the shared switch recordings (sourced
# after lib.sh, never run). Each assertion compares one line that sums up a
# port, so the expectation written beside it reads like the raw data:
#
#   VERDICT ids=ID,ID bo=BLACKOUT edge=E stp=STATE oper=OPER vlan=V lacp=0|1 speed=MBPS
#
# "-" stands for null (unknown) and for an empty finding list. Each port's
# role (server, uplink, unknown) and the switch's uplinks left out are lines
# of their own (fx_role, fx_uplinks).

# fx_check OUT WHERE DRIVER [PORT...]: runs `portready check` on WHERE (a
# --walk file, or "live:HOST:PORT:COMMUNITY") with DRIVER, JSON into
# $PR_TMP/OUT.json, exit code into $PR_TMP/OUT.rc, and the summary lines
# (one python run per check, not one per assertion) into $PR_TMP/OUT.sum.
fx_check() {
    local out=$1 where=$2 driver=$3
    shift 3
    local rc=0
    if [[ $where == live:* ]]; then
        local rest=${where#live:}
        local host=${rest%:*} community=${rest##*:}
        "$PORTREADY" check -v 2c -c "$community" -t 1 -r 0 --driver "$driver" --format json \
            "$host" "$@" >"$PR_TMP/$out.json" 2>"$PR_TMP/$out.err" || rc=$?
    else
        "$PORTREADY" check --walk "$where" --driver "$driver" --format json "$@" \
            >"$PR_TMP/$out.json" 2>"$PR_TMP/$out.err" || rc=$?
    fi
    echo "$rc" >"$PR_TMP/$out.rc"
    python3 - "$PR_TMP/$out.json" >"$PR_TMP/$out.sum" <<'EOF'
import json, sys
def v(x):
    if x is None:
        return "-"
    if x is True:
        return "1"
    if x is False:
        return "0"
    return str(x)
try:
    sw = json.load(open(sys.argv[1]))["switches"][0]
except (ValueError, IndexError, KeyError):
    print("switch\tno JSON")
    sys.exit(0)
s = sw["stp"]
print(f'switch\tdriver={sw["driver"]} mode={v(s["mode"])} fd={v(s["forward_delay_s"])} '
      f'maxage={v(s["max_age_s"])}')
for port in sw["ports"]:
    f = port["facts"]
    ids = ",".join(x["id"] for x in port["findings"]) or "-"
    print(f'port {port["name"]}\t{port["verdict"]} ids={ids} bo={v(port["expected_blackout_s"])} '
          f'edge={v(f["edge"])} stp={v(f["stp_state"])} oper={v(f["oper_status"])} '
          f'vlan={v(f["access_vlan"])} lacp={v(f["lacp_member"])} speed={v(f["speed_mbps"])}')
    print(f'role {port["name"]}\t{port["role"]}')
print("uplinks\t" + (" ".join(u["name"] for u in sw["uplinks"]) or "-"))
EOF
}

# fx_port OUT PORT: the summary line of PORT from the check OUT.
fx_port() {
    local line
    line=$(awk -F '\t' -v want="port $2" '$1 == want { print; exit }' "$PR_TMP/$1.sum")
    if [ -n "$line" ]; then echo "${line#*$'\t'}"; else echo "no port $2"; fi
}

# fx_role OUT PORT: the role of PORT (server, uplink, unknown).
fx_role() {
    local line
    line=$(awk -F '\t' -v want="role $2" '$1 == want { print; exit }' "$PR_TMP/$1.sum")
    if [ -n "$line" ]; then echo "${line#*$'\t'}"; else echo "no port $2"; fi
}

# fx_uplinks OUT: the names of the uplinks left out, space-separated ("-": none).
fx_uplinks() {
    local line
    line=$(grep -m1 $'^uplinks\t' "$PR_TMP/$1.sum" || true)
    echo "${line#*$'\t'}"
}

# fx_expect_role OUT PORT ROLE / fx_expect_uplinks OUT NAMES.
fx_expect_role() {
    pr_expect_eq "$1: $2 role" "$3" "$(fx_role "$1" "$2")"
}
fx_expect_uplinks() {
    pr_expect_eq "$1: uplinks left out" "$2" "$(fx_uplinks "$1")"
}

# fx_switch OUT: "driver=D mode=M fd=S maxage=S" of the switch.
fx_switch() {
    local line
    line=$(grep -m1 $'^switch\t' "$PR_TMP/$1.sum" || true)
    echo "${line#*$'\t'}"
}

# fx_names OUT: every port name of the check OUT, one per line.
fx_names() {
    grep '^port ' "$PR_TMP/$1.sum" | cut -f1 | cut -c6-
}

# fx_expect_port OUT PORT EXPECTED: asserts the summary line of PORT.
fx_expect_port() {
    pr_expect_eq "$1: $2" "$3" "$(fx_port "$1" "$2")"
}

# fx_expect_switch OUT EXPECTED / fx_expect_rc OUT EXPECTED.
fx_expect_switch() {
    pr_expect_eq "$1: switch" "$2" "$(fx_switch "$1")"
}
fx_expect_rc() {
    pr_expect_eq "$1: exit code" "$2" "$(cat "$PR_TMP/$1.rc")"
}
