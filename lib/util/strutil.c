/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/strutil.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t pr_strlcpy(char *dst, const char *src, size_t dst_len)
{
    size_t len = strlen(src);
    if (dst_len == 0)
        return len;
    size_t n = len < dst_len - 1 ? len : dst_len - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    return len;
}

void pr_strlcatf(char *buf, size_t buf_len, const char *fmt, ...)
{
    size_t used = strnlen(buf, buf_len);
    if (used + 1 >= buf_len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, buf_len - used, fmt, ap);
    va_end(ap);
}

bool pr_str_ieq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

unsigned pr_str_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 255;
    unsigned row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned diag = row[0];
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned up = row[j];
            unsigned cost =
                tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            unsigned best = diag + cost;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb] > 255 ? 255 : row[lb];
}

bool pr_parse_int(const char *text, long long min, long long max, long long *out)
{
    if (text == NULL || *text == '\0')
        return false;
    char *end = NULL;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || value < min || value > max)
        return false;
    *out = value;
    return true;
}
