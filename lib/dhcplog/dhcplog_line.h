/* SPDX-License-Identifier: BSD-3-Clause */
/* One log line of a DHCP server, taken apart: ISC dhcpd (below), dnsmasq
 * and Kea (dhcplog_servers.h), each in syslog framing (classic or RFC 3339
 * stamps, as journalctl -o short-iso writes too), in journalctl -o json
 * (one object a line: __REALTIME_TIMESTAMP, SYSLOG_IDENTIFIER, _PID,
 * MESSAGE), or in the server's own file (dnsmasq's "STAMP tag[pid]: ..."
 * without a host, Kea's "YYYY-MM-DD HH:MM:SS.mmm SEVERITY [logger] ...");
 * the framing is recognised per line.
 *
 * Header: "Mon DD HH:MM:SS host tag[pid]: message" or the same with an RFC
 * 3339 stamp. Messages of dhcpd that matter (server/dhcp.c of ISC DHCP):
 *   DHCPDISCOVER from MAC [(name)] via IF|RELAY[: reason]
 *   DHCPOFFER on IP to MAC [(name)] via IF|RELAY
 *   DHCPREQUEST for IP [(SERVER)] from MAC [(name)] via IF|RELAY[: reason]
 *   DHCPACK on IP to MAC [(name)] via IF|RELAY
 *   DHCPNAK on IP to MAC via IF|RELAY
 *   DHCPDECLINE of IP from MAC ... / DHCPRELEASE of IP from MAC ...
 * rsyslog's "message repeated N times: [ MESSAGE]" is unwrapped.
 *
 * The parsed line points into the caller's text (or its own scratch):
 * nothing is allocated. */
#ifndef PR_DHCPLOG_LINE_H
#define PR_DHCPLOG_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dhcplog/dhcplog_time.h"

enum dhcplog_kind {
    DHCPLOG_MALFORMED, /* no syslog header, or a dhcpd handshake line that does not parse */
    DHCPLOG_OTHER,     /* another program's line: ignored */
    DHCPLOG_NOISE,     /* a dhcpd line of no interest */
    DHCPLOG_REASON,    /* a dhcpd line without a MAC giving a reason not to offer */
    DHCPLOG_START,     /* dhcpd's start banner */
    DHCPLOG_DISCOVER,
    DHCPLOG_OFFER,
    DHCPLOG_REQUEST,
    DHCPLOG_ACK,
    DHCPLOG_NAK,
    DHCPLOG_DECLINE,
    DHCPLOG_RELEASE,
};

#define DHCPLOG_VIA_MAX 48

struct dhcplog_line {
    enum dhcplog_kind kind;
    const char *program; /* static: "dhcpd", "dnsmasq" or "Kea"; NULL for other programs */
    int64_t time_us;
    long pid;                  /* -1 when the tag has none */
    uint64_t mac;              /* handshake kinds only */
    uint32_t ip;               /* offered/requested/acked address (host order), 0 when none */
    uint32_t server;           /* DHCPREQUEST's "(SERVER)", 0 when none */
    unsigned repeated;         /* how many times the line counts (rsyslog repeats), at least 1 */
    char via[DHCPLOG_VIA_MAX]; /* interface or relay address, "" when none */
    bool via_relay;            /* via is an IPv4 address: a relay agent */
    const char *reason;        /* dhcpd's reason text, NULL when none */
    size_t reason_len;
    /* A journald JSON message with escapes, unescaped (reason may point
     * here); last, so that clearing a line stops before it. */
    char scratch[1024];
};

/* Parses text[0..len) (no newline). Returns the kind (also stored in
 * out->kind). clock supplies the year of classic stamps. */
enum dhcplog_kind dhcplog_line_parse(struct dhcplog_clock *clock, const char *text, size_t len,
                                     struct dhcplog_line *out);

/* "a.b.c.d" of a host-order address into buf (16 bytes). */
void dhcplog_ip_format(uint32_t ip, char buf[16]);

#endif
