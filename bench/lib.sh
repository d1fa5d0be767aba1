# shellcheck shell=bash
# Shared helpers for the bench scripts (sourced, never run). Every script
# starts its own snmpsim agents on 127.0.0.1 and stops exactly those on exit.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PR_SOURCE_DIR=$(cd "$BENCH_DIR/.." && pwd)
PORTREADY=${PORTREADY:-$PR_SOURCE_DIR/build/cmd/portready/portready}
# Generated racks and snmpsim's index caches are kept here between runs.
BENCH_WORK=${BENCH_WORK:-/tmp/portready-bench-$(id -u)}
BENCH_BASE_PORT=${BENCH_BASE_PORT:-24000}

BENCH_PIDS=()

bench_cleanup() {
    local pid
    for pid in "${BENCH_PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    for pid in "${BENCH_PIDS[@]:-}"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
}
trap bench_cleanup EXIT

bench_need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 ||
            { echo "bench: '$tool' is missing (run scripts/deps)" >&2; exit 2; }
    done
    [ -x "$PORTREADY" ] ||
        { echo "bench: no portready binary at $PORTREADY (run scripts/build build)" >&2; exit 2; }
}

# bench_rack N: generates (once) a rack of N switches; prints its folder.
bench_rack() {
    local n=$1
    local dir="$BENCH_WORK/rack-$n-$BENCH_BASE_PORT"
    local stamp
    stamp=$(sha1sum "$BENCH_DIR/make-rack.py" | cut -c1-12)
    if [ ! -f "$dir/.stamp" ] || [ "$(cat "$dir/.stamp")" != "$stamp" ]; then
        rm -rf "$dir"
        mkdir -p "$dir"
        python3 "$BENCH_DIR/make-rack.py" --switches "$n" --base-port "$BENCH_BASE_PORT" "$dir"
        echo "$stamp" >"$dir/.stamp"
    fi
    echo "$dir"
}

BENCH_SIM_PIDS=()

# bench_sim_start RACK_DIR N PROCS MAX_VARBINDS: serves switch i of the rack
# on 127.0.0.1:BASE+i-1, the N endpoints split over PROCS snmpsimd
# processes (each with its own share of the recordings and its own index
# cache). Waits until every endpoint answers.
bench_sim_start() {
    local rack=$1 n=$2 procs=$3 maxvb=$4
    local p i
    BENCH_SIM_PIDS=()
    chmod a+rx "$BENCH_WORK" "$rack" "$rack/data"
    for ((p = 0; p < procs; p++)); do
        local share="$rack/sim-$procs-$p"
        mkdir -p "$share/data" "$share/cache"
        local endpoints=()
        for ((i = p + 1; i <= n; i += procs)); do
            local name
            name=$(printf 'leaf%03d' "$i")
            [ -e "$share/data/$name.snmprec" ] || ln "$rack/data/$name.snmprec" "$share/data/"
            endpoints+=("--agent-udpv4-endpoint=127.0.0.1:$((BENCH_BASE_PORT + i - 1))")
        done
        chmod -R a+rwX "$share"
        snmpsimd --data-dir="$share/data" --cache-dir="$share/cache" "${endpoints[@]}" \
            --max-varbinds="$maxvb" --process-user=nobody --process-group=nogroup \
            --logging-method=null >"$share/snmpsimd.log" 2>&1 &
        BENCH_SIM_PIDS+=($!)
        BENCH_PIDS+=($!)
    done
    for ((i = 1; i <= n; i++)); do
        local name tries=0
        name=$(printf 'leaf%03d' "$i")
        until snmpget -v2c -c "$name" -t 0.5 -r 0 -On "127.0.0.1:$((BENCH_BASE_PORT + i - 1))" \
            .1.3.6.1.2.1.1.3.0 >/dev/null 2>&1; do
            tries=$((tries + 1))
            if [ "$tries" -gt 240 ]; then
                echo "bench: snmpsim does not answer for $name" >&2
                cat "$rack"/sim-"$procs"-*/snmpsimd.log >&2
                exit 2
            fi
            sleep 0.25
        done
    done
}

bench_sim_stop() {
    local pid
    for pid in "${BENCH_SIM_PIDS[@]:-}"; do
        [ -n "$pid" ] || continue
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    BENCH_SIM_PIDS=()
}

# CPU seconds (user + system) the agents have used so far.
bench_sim_cpu() {
    local total=0 pid
    local hz
    hz=$(getconf CLK_TCK)
    for pid in "${BENCH_SIM_PIDS[@]:-}"; do
        [ -r "/proc/$pid/stat" ] || continue
        local ticks
        ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        total=$((total + ticks))
    done
    awk -v t="$total" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }'
}

# bench_time OUT_PREFIX CMD...: runs CMD under /usr/bin/time -v; leaves
# OUT_PREFIX.time (GNU time's report), .out and .err. Returns CMD's status.
bench_time() {
    local prefix=$1
    shift
    /usr/bin/time -v -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err"
}

# bench_field FILE.time NAME: wall seconds, user, sys or maxrss_kb.
bench_field() {
    local f=$1 what=$2
    case $what in
    wall)
        awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i];
            printf "%.2f", s }' "$f" ;;
    cpu)
        awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END { printf "%.2f", u + s }' "$f" ;;
    maxrss_kb)
        awk -F': ' '/Maximum resident set size/ {print $2}' "$f" ;;
    esac
}

# The median of the numbers given.
bench_median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {
        if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

bench_load() {
    cut -d' ' -f1-3 /proc/loadavg
}
