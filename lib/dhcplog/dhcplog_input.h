/* SPDX-License-Identifier: BSD-3-Clause */
/* Reads a log file or standard input into a splitter: once to the end, or
 * following it as it grows, like `tail -F`: when the file is renamed away
 * (logrotate) the rest of the old file is read and the new file at the
 * same path is opened; when it is truncated in place (copytruncate) it is
 * read again from the start. */
#ifndef PR_DHCPLOG_INPUT_H
#define PR_DHCPLOG_INPUT_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "dhcplog/dhcplog_reader.h"
#include "util/error.h"

struct dhcplog_input_options {
    bool follow;
    int64_t follow_ms;                 /* following: stop after this long; 0 never */
    const volatile sig_atomic_t *stop; /* following: stop when it becomes non-zero; may be NULL */
    int poll_ms;                       /* following: how often to look for growth (0: 100) */
};

/* path "-" is standard input. Returns 0, or -1 with err naming the file
 * when it cannot be opened or read. */
int dhcplog_input_read(const char *path, struct dhcplog_splitter *sp,
                       const struct dhcplog_input_options *options, struct pr_error *err);

#endif
