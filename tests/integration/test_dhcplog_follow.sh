#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready dhcp-log --follow while the log grows, is rotated (renamed away
# and recreated, as logrotate does) and truncated in place (copytruncate),
# and while reading a pipe; stopped by --exit-after and by SIGTERM.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
export TZ=UTC

log=$PR_TMP/syslog
out=$PR_TMP/out
L() { # L SECONDS MESSAGE: one dhcpd line at 10:00:SECONDS
    printf 'May 14 10:00:%02d pxe01 dhcpd[812]: %s\n' "$1" "$2"
}
handshake() { # handshake SECONDS MAC IP
    L "$1" "DHCPDISCOVER from $2 via eth0"
    L "$1" "DHCPOFFER on $3 to $2 via eth0"
    L "$1" "DHCPREQUEST for $3 (10.20.0.2) from $2 via eth0"
    L "$1" "DHCPACK on $3 to $2 via eth0"
}

# 1. Growth, rotation by rename, truncation; --exit-after ends it.
L 1 "DHCPDISCOVER from aa:00:00:00:00:01 via eth0" >"$log"
"$PORTREADY" dhcp-log --follow --exit-after 8 --format json "$log" >"$out.json" 2>"$out.err" &
pid=$!
PR_PIDS+=("$pid")
sleep 1
# the rest of client 01's handshake arrives while following, a partial line first
printf 'May 14 10:00:02 pxe01 dhcpd[812]: DHCPOFFER on 10.20.0.1 ' >>"$log"
sleep 0.5
printf 'to aa:00:00:00:00:01 via eth0\n' >>"$log"
{
    L 2 "DHCPREQUEST for 10.20.0.1 (10.20.0.2) from aa:00:00:00:00:01 via eth0"
    L 2 "DHCPACK on 10.20.0.1 to aa:00:00:00:00:01 via eth0"
    L 3 "DHCPDISCOVER from aa:00:00:00:00:02 via eth0"
} >>"$log"
sleep 0.5
# logrotate: rename; the old writer still appends to the renamed file
# (client 02's OFFER) before the new file appears
mv "$log" "$log.1"
L 4 "DHCPOFFER on 10.20.0.2 to aa:00:00:00:00:02 via eth0" >>"$log.1"
sleep 0.3
handshake 5 aa:00:00:00:00:03 10.20.0.3 >"$log"
sleep 0.5
# copytruncate: the same file emptied, then written from the start (a
# moment later: like tail -F, a truncation is seen as the file shrinking)
: >"$log"
sleep 0.5
handshake 6 aa:00:00:00:00:04 10.20.0.4 >>"$log"
rc=0
wait "$pid" || rc=$?
pr_expect_eq "rotation: exit 2 (client 02 never requested)" "2" "$rc"
pr_expect_eq "rotation: every client across both files" \
    "aa:00:00:00:00:01=complete aa:00:00:00:00:02=no-request aa:00:00:00:00:03=complete aa:00:00:00:00:04=complete" \
    "$(pr_json "$out.json" '" ".join(c["mac"] + "=" + c["verdict"] for c in d["dhcp"])')"
# 5 lines of the first file (the partial OFFER joined), 1 appended after the
# rename, 4 of the new file, 4 after the truncation: 14, none malformed
pr_expect_eq "rotation: lines" "14 0" \
    "$(pr_json "$out.json" '"%d %d" % (d["summary"]["lines"], d["summary"]["malformed"])')"

# 2. Text mode, live lines as handshakes settle; SIGTERM ends it.
handshake 10 bb:00:00:00:00:01 10.20.1.1 >"$log"
"$PORTREADY" dhcp-log --follow "$log" >"$out.txt" 2>"$out.err" &
pid=$!
PR_PIDS+=("$pid")
pr_wait_for_text "$out.txt" "bb:00:00:00:00:01 complete"
pr_expect_eq "live: first handshake printed" "1" "$(grep -c '^10:00:10 bb:00:00:00:00:01 complete 0.0 s 10.20.1.1 via eth0$' "$out.txt")"
{
    L 20 "DHCPREQUEST for 192.168.1.9 from bb:00:00:00:00:02 via eth0: wrong network."
    L 20 "DHCPNAK on 192.168.1.9 to bb:00:00:00:00:02 via eth0"
} >>"$log"
pr_wait_for_text "$out.txt" "bb:00:00:00:00:02 nak"
pr_expect_eq "live: NAK printed as it happens" "1" "$(grep -c '^10:00:20 bb:00:00:00:00:02 nak' "$out.txt")"
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pr_expect_eq "SIGTERM: report, exit 2 (a NAK)" "2" "$rc"
pr_expect_eq "SIGTERM: summary printed" "1" "$(grep -c '^2 clients: 1 complete, 1 nak$' "$out.txt")"

# 3. A pipe: following ends when the writer closes it.
rc=0
{
    handshake 30 cc:00:00:00:00:01 10.20.2.1
    sleep 1
    L 40 "DHCPDISCOVER from cc:00:00:00:00:02 via eth0"
} | "$PORTREADY" dhcp-log --follow --format json - >"$out.json" || rc=$?
pr_expect_eq "pipe: both clients, exit 2" "2 cc:00:00:00:00:01=complete cc:00:00:00:00:02=no-offer" \
    "$rc $(pr_json "$out.json" '" ".join(c["mac"] + "=" + c["verdict"] for c in d["dhcp"])')"

# 4. The log replaced by a file that never ends (a link to /dev/zero):
# each read step is bounded and looks at the stop flag, so --exit-after and
# SIGTERM still end it (before: drain() read /dev/zero forever, at 100 %
# CPU, and neither stopped it).
for how in exit-after sigterm; do
    handshake 50 dd:00:00:00:00:01 10.20.3.1 >"$log"
    extra=()
    [ "$how" = exit-after ] && extra=(--exit-after 2)
    start=$(date +%s%N)
    timeout -s KILL 30 "$PORTREADY" dhcp-log --follow "${extra[@]}" --format json "$log" \
        >"$out.json" 2>"$out.err" &
    pid=$!
    PR_PIDS+=("$pid")
    sleep 0.5
    rm -f "$log"
    ln -s /dev/zero "$log"
    if [ "$how" = sigterm ]; then
        sleep 1.5
        kill -TERM "$pid" # timeout hands it on to portready
    fi
    rc=0
    wait "$pid" || rc=$?
    ms=$((($(date +%s%N) - start) / 1000000))
    pr_expect_eq "/dev/zero, $how: stops with the report (exit 0, the handshake complete)" \
        "0 dd:00:00:00:00:01=complete" \
        "$rc $(pr_json "$out.json" '" ".join(c["mac"] + "=" + c["verdict"] for c in d["dhcp"])' 2>/dev/null)"
    if [ "$ms" -lt 10000 ]; then
        pr_pass "/dev/zero, $how: ended after $ms ms"
    else
        pr_fail "/dev/zero, $how: took $ms ms (killed at 30 s)"
    fi
    rm -f "$log"
done

pr_done
