# SPDX-License-Identifier: BSD-3-Clause
# The peer of `portready dhcp-log` for bench/dhcplog-peers: the same rules
# (lib/dhcplog/dhcplog_track.c and dhcplog_verdict.c) written in awk, on
# ISC dhcpd's syslog with classic stamps ("Mon DD HH:MM:SS host dhcpd[PID]:
# MESSAGE"): the handshake lines grouped per MAC into attempts (a new one
# on a DISCOVER after an ACK or NAK, a REQUEST after an ACK, or 120 s of
# silence), the chainload round after a lease (within 60 s), slow-renew
# (a round of 10 s or more, or the chain's first round starting 7 s or more
# after its lease), the evidence lines (the attempt's first, its ACK, its
# last 12), and at the end one verdict per client with its evidence, then
# the counts. Runs with mawk and gawk alike (POSIX awk, no extensions).
#
#   awk -f bench/dhcplog-classify.awk LOG
function now_s(   hms) {
    split($3, hms, ":")
    return $2 * 86400 + hms[1] * 3600 + hms[2] * 60 + hms[3]
}
function opens(m, kind, t) {
    if (!(m in c_open)) return 1
    if (t - c_last[m] > 120) return 1
    if (kind == "D" && (c_acks[m] > 0 || c_naks[m] > 0)) return 1
    return kind == "R" && c_acks[m] > 0
}
function start(m, kind, t,   round, blackout, chained) {
    if (m in c_open) {
        if ((m in p_open) && p_acks[m] > 0 && c_acks[m] > 0 && c_disc[m] > 0 &&
            c_fd[m] >= p_ack[m] && c_fd[m] - p_ack[m] <= 60) {
            round = c_ack[m] - c_fd[m]
            if (round >= 10 && round > slow[m]) slow[m] = round
            blackout = c_fd[m] - p_ack[m]
            if (rounds[m] == 1 && blackout >= 7 && blackout > late[m]) late[m] = blackout
        }
        chained = c_acks[m] > 0 && kind == "D" && t >= c_ack[m] && t - c_ack[m] <= 60
        if (chained) rounds[m]++
        else { slow[m] = 0; late[m] = 0; rounds[m] = 0 }
        p_open[m] = 1; p_acks[m] = c_acks[m]; p_ack[m] = c_ack[m]
        p_disc[m] = c_disc[m]; p_fd[m] = c_fd[m]; p_first_t[m] = c_first[m]
        p_first[m] = e_first[m]; p_ackline[m] = e_ack[m]
    } else {
        order[++clients] = m
    }
    c_open[m] = 1; c_first[m] = t; c_last[m] = t
    c_disc[m] = 0; c_off[m] = 0; c_req[m] = 0; c_acks[m] = 0; c_naks[m] = 0
    c_fd[m] = 0; c_ack[m] = 0; c_nak[m] = 0; c_lines[m] = 0; e_ack[m] = ""
}
function verdict(m,   chained, gap, round, blackout) {
    chained = (m in p_open) && p_acks[m] > 0 && c_disc[m] > 0 && c_fd[m] >= p_ack[m] &&
              c_fd[m] - p_ack[m] <= 60
    if (chained) {
        gap = c_fd[m] - p_ack[m]
        round = (c_acks[m] > 0 ? c_ack[m] : c_last[m]) - c_fd[m]
        blackout = rounds[m] == 1 ? gap : -1
    }
    if (c_naks[m] > 0 && (c_acks[m] == 0 || c_nak[m] > c_ack[m])) return "nak"
    if (c_acks[m] > 0 && chained) {
        if (round >= 10 || blackout >= 7 || slow[m] > 0 || late[m] > 0) return "slow-renew"
        return "complete"
    }
    if (c_acks[m] > 0) return slow[m] > 0 || late[m] > 0 ? "slow-renew" : "complete"
    if (chained) return "renew-failed"
    if (c_disc[m] == 0) return "no-ack"
    if (c_off[m] == 0) return "no-offer"
    if (c_req[m] == 0) return "no-request"
    return "no-ack"
}
{
    lines++
    if ($5 !~ /^dhcpd/) { other++; next }
    dhcpd++
    if ($6 == "DHCPDISCOVER") { kind = "D"; m = $8 }
    else if ($6 == "DHCPOFFER") { kind = "O"; m = $10 }
    else if ($6 == "DHCPREQUEST") { kind = "R"; m = ($9 == "from") ? $10 : $11 }
    else if ($6 == "DHCPACK" && $7 == "on") { kind = "A"; m = $10 }
    else if ($6 == "DHCPNAK") { kind = "N"; m = $10 }
    else next
    t = now_s()
    if (opens(m, kind, t)) start(m, kind, t)
    handshakes++
    if (t > c_last[m]) c_last[m] = t
    if (kind == "D") { if (c_disc[m] == 0) c_fd[m] = t; c_disc[m]++ }
    else if (kind == "O") c_off[m]++
    else if (kind == "R") c_req[m]++
    else if (kind == "A") { if (c_acks[m] == 0) { c_ack[m] = t; e_ack[m] = $0 }; c_acks[m]++ }
    else { c_naks[m]++; c_nak[m] = t }
    n = c_lines[m]++
    if (n == 0) e_first[m] = $0
    ring[m, n % 12] = $0
}
END {
    for (i = 1; i <= clients; i++) {
        m = order[i]
        v = verdict(m)
        count[v]++
        print m, v
        if (slow[m] > 0 || late[m] > 0 || (m in p_open)) { print "  " p_first[m]; print "  " p_ackline[m] }
        n = c_lines[m]
        if (n > 12) { print "  " e_first[m]; print "  ... " (n - 13) " more lines ..." }
        for (j = (n > 12 ? n - 12 : 0); j < n; j++) print "  " ring[m, j % 12]
    }
    printf "%d clients:", clients
    split("complete slow-renew no-offer no-request no-ack nak renew-failed", names, " ")
    for (i = 1; i <= 7; i++) printf " %s=%d", names[i], count[names[i]]
    printf "\n%d lines, %d from dhcpd, %d other, %d handshake lines\n", lines, dhcpd, other, handshakes
}
