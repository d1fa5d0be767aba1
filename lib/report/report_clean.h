/* SPDX-License-Identifier: BSD-3-Clause */
/* Bytes from a switch, a file or an inventory on their way into a
 * monitoring format: valid UTF-8 only, and nothing that could end a line
 * or a field early. */
#ifndef PR_REPORT_CLEAN_H
#define PR_REPORT_CLEAN_H

#include <stddef.h>

/* Copies src into dst (len > 0, always terminated, cut at a character
 * boundary) for a plugin's output line: control characters (util/safe_text.h)
 * become spaces,
 * '|' (where the perfdata begins) becomes '/', invalid UTF-8 becomes '?'. */
void report_clean_line(char *dst, size_t len, const char *src);

#endif
