/* SPDX-License-Identifier: BSD-3-Clause */
/* Splits bytes into lines for the dhcp-log reader, without copying a line
 * more than once and without ever holding more than one line: a line
 * longer than max_line is skipped (and reported) instead of grown into.
 * A '\r' before the newline is dropped; a last line without a newline is
 * handed over by dhcplog_splitter_flush.
 *
 * The splitter owns its buffer: init allocates, dhcplog_splitter_free
 * frees (NULL-safe). */
#ifndef PR_DHCPLOG_READER_H
#define PR_DHCPLOG_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/error.h"

#define DHCPLOG_LINE_MAX 8192 /* longer syslog lines are skipped and counted */

/* Gets each line (not NUL-terminated, no newline); returns -1 to stop
 * with an error (memory), 0 to go on. */
typedef int (*dhcplog_line_fn)(void *ctx, const char *line, size_t len);
typedef void (*dhcplog_overlong_fn)(void *ctx);

struct dhcplog_splitter {
    char *buf;
    size_t len, cap, max_line;
    bool discarding; /* inside an overlong line: drop until its newline */
    bool failed;     /* a callback returned -1 */
    dhcplog_line_fn on_line;
    dhcplog_overlong_fn on_overlong;
    void *ctx;
    uint64_t base;        /* offset in the input of buf[0] */
    uint64_t line_offset; /* during on_line: offset in the input of the line's first byte */
};

int dhcplog_splitter_init(struct dhcplog_splitter *sp, size_t max_line, dhcplog_line_fn on_line,
                          dhcplog_overlong_fn on_overlong, void *ctx, struct pr_error *err);
void dhcplog_splitter_free(struct dhcplog_splitter *sp);

/* Hands n bytes over; returns -1 when a callback failed. */
int dhcplog_splitter_feed(struct dhcplog_splitter *sp, const char *data, size_t n);

/* One read(2) from fd into the splitter: bytes read, 0 at end of file,
 * -1 with errno set (or with sp->failed when a callback failed). */
ssize_t dhcplog_splitter_read(struct dhcplog_splitter *sp, int fd);

/* Hands over the last line when it has no newline; returns -1 when the
 * callback failed. */
int dhcplog_splitter_flush(struct dhcplog_splitter *sp);

/* Forgets a partial line (the file it came from was truncated). */
void dhcplog_splitter_drop(struct dhcplog_splitter *sp);

#endif
