/* SPDX-License-Identifier: BSD-3-Clause */
/* The logs of every server a PXE boot touches, merged into one timeline
 * per booting machine: DHCP lines (lib/dhcplog's parser: dhcpd, dnsmasq,
 * Kea in every framing it reads), TFTP lines and HTTP access log lines
 * (bootlog_fetch.h), each file read in turn, then merged by time, the
 * fetches joined to a MAC through the ACK that gave their address out
 * last, and each machine's boots judged (bootlog_stage.h).
 *
 * The timeline owns every event, name and client: bootlog_timeline_free. */
#ifndef PR_BOOTLOG_TIMELINE_H
#define PR_BOOTLOG_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "bootlog/bootlog_stage.h"
#include "dhcplog/dhcplog_time.h"
#include "util/error.h"

struct bootlog_stats {
    uint64_t lines;
    uint64_t dhcp_lines; /* lines of a DHCP server (handshakes or not) */
    uint64_t tftp_lines; /* lines of a TFTP server */
    uint64_t http_lines; /* access log lines */
    uint64_t other;      /* other programs' lines: ignored */
    uint64_t malformed;  /* skipped: no framing, or a server's line that does not parse */
    uint64_t overlong;   /* skipped: longer than DHCPLOG_LINE_MAX */
    uint64_t unjoined;   /* fetches of an address no ACK gave out */
};

struct bootlog_timeline {
    struct dhcplog_clock clock;
    struct bootlog_event *events;
    size_t n_events, cap_events;
    char *names; /* the fetched files' names, end to end */
    size_t names_len, cap_names;
    size_t *file_start; /* first event of each input file */
    size_t n_files;
    uint32_t line_no; /* of the file being read */
    struct bootlog_stats stats;
    struct bootlog_logs logs;
    struct bootlog_client *clients;
    size_t n_clients, cap_clients;
    const struct bootlog_event **order; /* every event, merged by time */
    int failed;                         /* out of memory while reading */
    struct {
        uint32_t off;
        uint16_t len;
        uint8_t named;
    } recent[4]; /* the last names seen and their stages: names repeat */
    unsigned recent_next;
};

void bootlog_timeline_init(struct bootlog_timeline *t, int64_t now_us);
void bootlog_timeline_free(struct bootlog_timeline *t);

/* Before each input file's first line; -1 when out of memory. */
int bootlog_timeline_begin_file(struct bootlog_timeline *t);

/* One line (no newline): the splitter's callback (dhcplog_reader.h);
 * ctx is the timeline. -1 when out of memory. */
int bootlog_timeline_line(void *ctx, const char *line, size_t len);
void bootlog_timeline_overlong(void *ctx);

/* After the last file: merge, join, group and judge. -1 with err when out
 * of memory. The clients are then in order of their first event. */
int bootlog_timeline_build(struct bootlog_timeline *t, struct pr_error *err);

#endif
