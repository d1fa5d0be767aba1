/* SPDX-License-Identifier: BSD-3-Clause */
/* Wall-clock time for what portready prints: CLOCK_REALTIME in
 * nanoseconds since the Unix epoch, and ISO 8601 text in UTC
 * ("2024-05-14T10:21:03.123Z"), so documents of every command line up
 * with one another and with the logs they are read beside. Measurements
 * stay on CLOCK_MONOTONIC; this is only for saying when. */
#ifndef PR_WALLTIME_H
#define PR_WALLTIME_H

#include <stddef.h>
#include <stdint.h>

/* Long enough for any pr_wall_format() text. */
#define PR_WALL_TEXT_MAX 40

int64_t pr_wall_now_ns(void);

/* ISO 8601 UTC with `decimals` (0 to 9) digits of the second, "Z" at the
 * end. */
void pr_wall_format(int64_t unix_ns, int decimals, char *buf, size_t len);

#endif
