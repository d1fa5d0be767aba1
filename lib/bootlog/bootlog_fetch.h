/* SPDX-License-Identifier: BSD-3-Clause */
/* The lines of the servers a PXE boot fetches its files from, taken apart:
 *
 * TFTP, in syslog framing (classic or RFC 3339 stamp, with or without the
 * host, as dnsmasq writes its own --log-facility file):
 *   in.tftpd[PID]: RRQ from IP filename FILE      tftpd-hpa (tftpd.c, -v)
 *   dnsmasq-tftp[PID]: sent FILE to IP            dnsmasq (tftp.c)
 *   dnsmasq-tftp[PID]: file FILE not found[ for IP]
 *   dnsmasq-tftp[PID]: failed sending FILE to IP
 * HTTP, the combined (and common) access log format of nginx and Apache:
 *   IP - USER [02/Dec/2026:00:10:01 +0000] "GET /PATH HTTP/1.1" STATUS BYTES "REF" "AGENT"
 *
 * A parsed line points into the caller's text: nothing is allocated. */
#ifndef PR_BOOTLOG_FETCH_H
#define PR_BOOTLOG_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dhcplog/dhcplog_time.h"

enum bootlog_fetch_kind {
    BOOTLOG_FETCH_NONE,           /* not a line of a TFTP or HTTP server */
    BOOTLOG_FETCH_MALFORMED,      /* a TFTP server's or access log's line that does not parse */
    BOOTLOG_FETCH_NOISE,          /* a TFTP server's line of no interest */
    BOOTLOG_FETCH_TFTP_REQUEST,   /* tftpd-hpa's RRQ */
    BOOTLOG_FETCH_TFTP_SENT,      /* dnsmasq: the whole file went out */
    BOOTLOG_FETCH_TFTP_NOT_FOUND, /* dnsmasq: no such file */
    BOOTLOG_FETCH_TFTP_FAILED,    /* dnsmasq: the transfer broke off */
    BOOTLOG_FETCH_HTTP,           /* one access log line: method, path, status */
};

struct bootlog_fetch {
    enum bootlog_fetch_kind kind;
    const char *program; /* static: "tftpd-hpa", "dnsmasq" or "http" */
    int64_t time_us;
    uint32_t ip;      /* the client's address (host order); 0 when the line names none */
    const char *file; /* the file or the request's path (without the query) */
    size_t file_len;
    int status; /* HTTP status; 0 for TFTP */
};

/* A TFTP server's syslog line. Returns the kind (also in out->kind);
 * BOOTLOG_FETCH_NONE for another program's line or a line without a
 * syslog stamp. clock supplies the year of classic stamps. */
enum bootlog_fetch_kind bootlog_tftp_parse(struct dhcplog_clock *clock, const char *text,
                                           size_t len, struct bootlog_fetch *out);

/* An access log line. BOOTLOG_FETCH_NONE when the line does not start
 * with an IPv4 address and " "; MALFORMED when it does and the rest is
 * not the common or combined format. */
enum bootlog_fetch_kind bootlog_http_parse(const char *text, size_t len, struct bootlog_fetch *out);

/* Whether text[0..len) is in a form the TFTP parser reads: cheap, so
 * that a DHCP server's line is parsed once. */
bool bootlog_tftp_candidate(const char *text, size_t len);

#endif
