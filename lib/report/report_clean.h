/* SPDX-License-Identifier: BSD-3-Clause */
/* Bytes from a switch, a file or an inventory on their way into a
 * monitoring format: valid UTF-8 only, and nothing that could end a line
 * or a field early. */
#ifndef PR_REPORT_CLEAN_H
#define PR_REPORT_CLEAN_H

#include <stddef.h>

/* The length (1 to 4) of the valid UTF-8 sequence at s, or 0 when s does
 * not start one (a stray continuation byte, an overlong form, a surrogate,
 * a code point past U+10FFFF, a sequence cut by the end of the string). */
size_t report_utf8_len(const char *s);

/* Copies src into dst (len > 0, always terminated, cut at a character
 * boundary) for a plugin's output line: control characters become spaces,
 * '|' (where the perfdata begins) becomes '/', invalid UTF-8 becomes '?'. */
void report_clean_line(char *dst, size_t len, const char *src);

#endif
