/* SPDX-License-Identifier: BSD-3-Clause */
#include "report/report_clean.h"

#include <string.h>

size_t report_utf8_len(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80)
        return 1;
    size_t n;
    unsigned cp;
    if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        n = 2;
        cp = p[0] & 0x1f;
    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        n = 3;
        cp = p[0] & 0x0f;
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        n = 4;
        cp = p[0] & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0; /* also the terminating NUL */
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

void report_clean_line(char *dst, size_t len, const char *src)
{
    size_t o = 0;
    for (const char *p = src; *p != '\0';) {
        size_t n = report_utf8_len(p);
        if (n > 1) {
            if (o + n >= len)
                break;
            memcpy(dst + o, p, n);
            o += n;
            p += n;
            continue;
        }
        if (o + 1 >= len)
            break;
        unsigned char u = (unsigned char)*p;
        char c = n == 0 ? '?' : *p;
        if (n == 1 && (u < 0x20 || u == 0x7f))
            c = ' ';
        else if (c == '|')
            c = '/';
        dst[o++] = c;
        p++;
    }
    dst[o] = '\0';
}
