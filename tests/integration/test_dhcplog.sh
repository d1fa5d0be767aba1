#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready dhcp-log on the logs in tests/data/dhcplog (written by
# make-logs.py there; each case's lines are listed in that script): every
# verdict, both timestamp styles, interleaved clients, relayed lines, dhcpd
# restarts, malformed and overlong lines, standard input, --mac, --since,
# exit codes, usage errors and --help.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
export TZ=UTC
data=$PR_SOURCE_DIR/tests/data/dhcplog
out=$PR_TMP/out.json

# run ARGS...: runs portready dhcp-log, stdout to $out, exit code in $rc
run() {
    rc=0
    "$PORTREADY" dhcp-log "$@" >"$out" 2>"$PR_TMP/err" || rc=$?
}
verdicts='" ".join(c["mac"] + "=" + c["verdict"] for c in d["dhcp"])'
client() { # client MAC KEY: one key of one client's JSON object
    pr_json "$out" "[c for c in d['dhcp'] if c['mac'] == '$1'][0]['$2']"
}

# Both timestamp styles, same cases, same verdicts (in order of first line).
expected="3c:ec:ef:10:20:01=complete 3c:ec:ef:10:20:02=no-request 3c:ec:ef:10:20:03=no-offer"
expected+=" 3c:ec:ef:10:20:04=no-offer 3c:ec:ef:10:20:05=no-offer b8:ca:3a:00:00:06=nak"
expected+=" 52:54:00:00:00:07=slow-renew 52:54:00:00:00:08=renew-failed 52:54:00:00:00:09=complete"
expected+=" 00:25:90:aa:bb:10=complete 00:25:90:aa:bb:11=no-ack"
for style in classic rfc3339; do
    run --format json "$data/classes-$style.log"
    pr_expect_eq "$style: exit 2 (failed handshakes)" 2 "$rc"
    pr_expect_eq "$style: verdicts" "$expected" "$(pr_json "$out" "$verdicts")"
    # 62 lines: 3 from systemd/in.tftpd/kernel, the DHCPACK-to (INFORM) line is noise
    pr_expect_eq "$style: line counts" "62 58 4 0 0" \
        "$(pr_json "$out" '" ".join(str(d["summary"][k]) for k in ("lines","dhcpd_lines","other_lines","malformed","overlong"))')"
    # slow-renew: ACK at +31 s, DISCOVERs from +35 s, ACK at +64 s: gap 4, round 29
    pr_expect_eq "$style: slow-renew round" "4.0 29.0 29.0" \
        "$(pr_json "$out" "' '.join('%.1f' % x for x in ([c for c in d['dhcp'] if c['mac']=='52:54:00:00:00:07'][0]['retry_round'][k] for k in ('gap_s','round_s')))") $(printf '%.1f' "$(client 52:54:00:00:00:07 time_to_ack_s)")"
    # renew-failed: ACK at +70.5, DISCOVERs at +73.5, +77.5, +85.5: gap 3, round 12
    pr_expect_eq "$style: renew-failed round" "3.0 12.0 False" \
        "$(pr_json "$out" "' '.join(str(round(v, 1)) if not isinstance(v, bool) else str(v) for v in ([c for c in d['dhcp'] if c['mac']=='52:54:00:00:00:08'][0]['retry_round'][k] for k in ('gap_s','round_s','completed')))")"
    pr_expect_eq "$style: relayed no-offer" "10.30.0.1 None network 10.30.0.0/24: no free leases" \
        "$(client 3c:ec:ef:10:20:03 relay) $(client 3c:ec:ef:10:20:03 interface) $(client 3c:ec:ef:10:20:03 dhcpd_reason)"
    pr_expect_eq "$style: reason line attached by proximity" "network 10.40.0.0/24: no free leases" \
        "$(client 3c:ec:ef:10:20:04 dhcpd_reason)"
    pr_expect_eq "$style: no reason given" "None" "$(client 3c:ec:ef:10:20:05 dhcpd_reason)"
    pr_expect_eq "$style: nak evidence" "2 wrong network" \
        "$(pr_json "$out" "len([c for c in d['dhcp'] if c['mac']=='b8:ca:3a:00:00:06'][0]['evidence'])") $(client b8:ca:3a:00:00:06 dhcpd_reason)"
    pr_expect_eq "$style: summary" "11 3 1 3" \
        "$(pr_json "$out" '" ".join(str(x) for x in (d["summary"]["clients"], d["summary"]["verdicts"]["complete"], d["summary"]["verdicts"]["slow-renew"], d["summary"]["verdicts"]["no-offer"]))')"
done
# Fractions of RFC 3339 are kept: DISCOVER 10:00:01.100, ACK 10:00:01.910.
run --format json "$data/classes-rfc3339.log"
pr_expect_eq "rfc3339: fractional time to ACK" "0.81 2024-05-14T08:00:01.100000Z" \
    "$(client 3c:ec:ef:10:20:01 time_to_ack_s) $(client 3c:ec:ef:10:20:01 first_discover)"
# Classic stamps are whole seconds: 10:00:01 -> 10:00:01.
run --format json "$data/classes-classic.log"
pr_expect_eq "classic: whole seconds" "0.0" "$(client 3c:ec:ef:10:20:01 time_to_ack_s)"

# dhcpd restarts: banner with a new pid (1402), then only a new pid (1533).
run --format json "$data/restart.log"
pr_expect_eq "restart: count" "2" "$(pr_json "$out" 'd["summary"]["dhcpd_restarts"]')"
pr_expect_eq "restart: verdicts" "3c:ec:ef:10:30:01=complete 3c:ec:ef:10:30:02=no-offer 3c:ec:ef:10:30:03=complete" \
    "$(pr_json "$out" "$verdicts")"
# 10:30:01 DISCOVERed at 10:00:00 (old dhcpd) and 10:00:04 (new one), ACK at
# 10:00:04 (+4.4 s, whole seconds in classic stamps)
pr_expect_eq "restart: handshake across it" "4.0 2" \
    "$(printf '%.1f' "$(client 3c:ec:ef:10:30:01 time_to_ack_s)") $(client 3c:ec:ef:10:30:01 discovers)"
# both attempts were open when dhcpd restarted; 10:30:01's completed afterwards
pr_expect_eq "restart: open attempt marked" "True True" \
    "$(client 3c:ec:ef:10:30:02 dhcpd_restarted) $(client 3c:ec:ef:10:30:01 dhcpd_restarted)"

# Malformed and overlong lines are skipped and counted, never fatal.
bad=$PR_TMP/bad.log
{
    echo "May 14 10:00:00 pxe01 dhcpd[812]: DHCPDISCOVER from 3c:ec:ef:10:20:01 via eth0"
    echo "garbage without a stamp"
    printf 'May 14 10:00:00 pxe01 dhcpd[812]: DHCPOFFER on 10.0.0.1 \001\377 to 3c:ec:ef:10:20:01 via eth0\n'
    python3 -c 'print("May 14 10:00:00 pxe01 dhcpd[812]: DHCPDISCOVER from 3c:ec:ef:10:20:02 via eth0 " + "x" * 20000)'
    echo "May 14 10:00:01 pxe01 dhcpd[812]: DHCPOFFER on 10.0.0.1 to 3c:ec:ef:10:20:01 via eth0"
    echo "May 14 10:00:0"
    echo "May 14 10:00:01 pxe01 dhcpd[812]: DHCPREQUEST for 10.0.0.1 (10.0.0.2) from 3c:ec:ef:10:20:01 via eth0"
    printf '\n\n'
    echo "May 14 10:00:01 pxe01 dhcpd[812]: DHCPACK on 10.0.0.1 to 3c:ec:ef:10:20:01 via eth0"
} >"$bad"
run --format json "$bad"
pr_expect_eq "malformed: exit 0, one complete client" "0 3c:ec:ef:10:20:01=complete" "$rc $(pr_json "$out" "$verdicts")"
# garbage, the broken OFFER, the cut stamp: 3 malformed; the 20 kB line: 1
# overlong; 10 lines in all (2 of them empty)
pr_expect_eq "malformed: counted" "3 1 10" \
    "$(pr_json "$out" '" ".join(str(d["summary"][k]) for k in ("malformed","overlong","lines"))')"

# Standard input gives the same result as the file.
rc=0
"$PORTREADY" dhcp-log --format json - <"$data/classes-rfc3339.log" >"$out" || rc=$?
pr_expect_eq "stdin: exit and verdicts" "2 $expected" "$rc $(pr_json "$out" "$verdicts")"

# --mac in its three forms, and exit codes 0, 1, 2.
for form in 52:54:00:00:00:07 52-54-00-00-00-07 5254.0000.0007 52:54:0:0:0:7; do
    run --format json --mac "$form" "$data/classes-classic.log"
    pr_expect_eq "--mac $form: slow only, exit 1" "1 52:54:00:00:00:07=slow-renew" "$rc $(pr_json "$out" "$verdicts")"
done
run --mac 3C:EC:EF:10:20:01 --format json "$data/classes-classic.log"
pr_expect_eq "--mac complete: exit 0" "0 3c:ec:ef:10:20:01=complete" "$rc $(pr_json "$out" "$verdicts")"
run --mac 3c:ec:ef:99:99:99 --format json "$data/classes-classic.log"
pr_expect_eq "--mac never seen: not-seen, exit 2" "2 3c:ec:ef:99:99:99=not-seen" "$rc $(pr_json "$out" "$verdicts")"
pr_expect_eq "not-seen suggests a capture" "True" "$(pr_json "$out" "'udp port 67' in d['dhcp'][0]['reason']")"

# --since: from 10:01:00 (+02:00) on, the cases starting at +63 s and later.
run --format json --since 2024-05-14T10:01:00+02:00 "$data/classes-rfc3339.log"
pr_expect_eq "--since: later clients only" "52:54:00:00:00:07=complete 52:54:00:00:00:08=renew-failed 52:54:00:00:00:09=complete 00:25:90:aa:bb:10=complete 00:25:90:aa:bb:11=no-ack" \
    "$(pr_json "$out" "$verdicts")"
# CLASSES in make-logs.py has 31 dhcpd lines stamped before +60 s
pr_expect_eq "--since: counted" "31" "$(pr_json "$out" 'd["summary"]["before_since"]')"

# A handshake across New Year (classic stamps have no year): 2 s, not -1 year.
newyear=$PR_TMP/newyear.log
printf '%s\n' \
    "Dec 31 23:59:59 pxe01 dhcpd[812]: DHCPDISCOVER from 52:54:00:00:00:07 via eth0" \
    "Jan  1 00:00:00 pxe01 dhcpd[812]: DHCPOFFER on 10.20.0.57 to 52:54:00:00:00:07 via eth0" \
    "Jan  1 00:00:01 pxe01 dhcpd[812]: DHCPREQUEST for 10.20.0.57 (10.20.0.2) from 52:54:00:00:00:07 via eth0" \
    "Jan  1 00:00:01 pxe01 dhcpd[812]: DHCPACK on 10.20.0.57 to 52:54:00:00:00:07 via eth0" >"$newyear"
run --format json "$newyear"
pr_expect_eq "new year: complete in 2 s" "0 complete 2.0" "$rc $(client 52:54:00:00:00:07 verdict) $(client 52:54:00:00:00:07 time_to_ack_s)"

# Text output: verdict, reason, time, evidence, summary; no colour in a file.
run "$data/classes-classic.log"
text=$(cat "$out")
pr_expect_eq "text: slow-renew line" "1" "$(grep -c '^52:54:00:00:00:07  slow-renew  via eth0  10.20.0.57$' "$out")"
pr_expect_eq "text: measured time" "1" "$(grep -c 'first DISCOVER to ACK: 29.0 s' "$out")"
pr_expect_eq "text: points to portready check" "True" "$([[ $text == *"portready check"* ]] && echo True || echo False)"
pr_expect_eq "text: summary" "1" "$(grep -c '^11 clients: 3 complete, 1 slow-renew, 3 no-offer, 1 no-request, 1 no-ack, 1 nak, 1 renew-failed$' "$out")"
pr_expect_eq "text: no escape codes in a file" "0" "$(grep -c $'\033' "$out" || true)"
# On a terminal: colour, unless NO_COLOR.
script -qec "'$PORTREADY' dhcp-log --mac 3c:ec:ef:10:20:01 '$data/classes-classic.log'" /dev/null >"$PR_TMP/tty" || true
pr_expect_eq "tty: green verdict" "1" "$(grep -c $'\033\\[32mcomplete' "$PR_TMP/tty" || true)"
NO_COLOR=1 script -qec "'$PORTREADY' dhcp-log --mac 3c:ec:ef:10:20:01 '$data/classes-classic.log'" /dev/null >"$PR_TMP/tty" || true
pr_expect_eq "tty with NO_COLOR: plain" "0" "$(grep -c $'\033' "$PR_TMP/tty" || true)"

# Unreadable input: exit 3 with the file named.
run "$PR_TMP/missing.log"
pr_expect_eq "missing file: exit 3" "3 1" "$rc $(grep -c "cannot open $PR_TMP/missing.log" "$PR_TMP/err")"
run "$PR_TMP"
pr_expect_eq "directory: exit 3" "3" "$rc"
printf 'May 14 10:00:00 pxe01 sshd[99]: Accepted publickey for root\n' >"$PR_TMP/auth.log"
run "$PR_TMP/auth.log"
pr_expect_eq "no DHCP server's line: exit 3" "3 1" "$rc $(grep -c 'no line of dhcpd, dnsmasq or Kea' "$PR_TMP/err")"

# Usage errors: stderr with a hint, exit 3. (No FILE at all is standard
# input, or a usage error on a terminal: test_small_slips.sh.)
for args in "--mac nonsense x.log" "--since yesterday x.log" "--format xml x.log" \
    "--exit-after 5 x.log" "a.log b.log" "--bogus x.log" "--mac"; do
    # shellcheck disable=SC2086
    run $args
    pr_expect_eq "usage error '$args': exit 3 with hint" "3 1 0" \
        "$rc $(grep -c "Try 'portready dhcp-log --help'" "$PR_TMP/err") $(wc -c <"$out")"
done

# --help: stdout, exit 0, every option listed.
run --help
pr_expect_eq "--help: exit 0" "0" "$rc"
for opt in --mac --since --follow --exit-after --format --help; do
    pr_expect_eq "--help lists $opt" "yes" \
        "$(grep -qE -- "^ +(-[a-z], )?$opt( |$)" "$out" && echo yes || echo no)"
done

pr_done
