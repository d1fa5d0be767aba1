/* SPDX-License-Identifier: BSD-3-Clause */
/* Small string helpers shared by every module. */
#ifndef PR_STRUTIL_H
#define PR_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Copies with truncation; always NUL-terminates (dst_len > 0). Returns
 * strlen(src). */
size_t pr_strlcpy(char *dst, const char *src, size_t dst_len);

/* Appends printf-style text at the end of buf, truncating; never
 * overflows. */
void pr_strlcatf(char *buf, size_t buf_len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Case-insensitive ASCII comparison. */
bool pr_str_ieq(const char *a, const char *b);

/* Levenshtein distance, case-insensitive, capped at 255. */
unsigned pr_str_distance(const char *a, const char *b);

/* Parses a whole decimal integer in [min, max]; false on anything else. */
bool pr_parse_int(const char *text, long long min, long long max, long long *out);

#endif
