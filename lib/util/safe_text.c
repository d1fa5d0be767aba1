/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/safe_text.h"

#include <string.h>

size_t pr_utf8_len(const char *s)
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

bool pr_utf8_is_control(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 1)
        return p[0] < 0x20 || p[0] == 0x7f;
    return n == 2 && p[0] == 0xc2 && p[1] < 0xa0; /* U+0080 to U+009F */
}

void pr_text_safe(char *dst, size_t len, const char *src)
{
    /* dst may be src: o never passes the read position. */
    size_t o = 0;
    for (const char *p = src; *p != '\0';) {
        size_t n = pr_utf8_len(p);
        if (n > 0 && !pr_utf8_is_control(p, n)) {
            if (o + n >= len)
                break;
            memmove(dst + o, p, n);
            o += n;
            p += n;
            continue;
        }
        if (o + 1 >= len)
            break;
        dst[o++] = '?';
        p += n > 0 ? n : 1; /* a C1 control's two bytes become one '?' */
    }
    dst[o] = '\0';
}

void pr_text_make_safe(char *s)
{
    pr_text_safe(s, strlen(s) + 1, s);
}

void pr_text_make_safe_lines(char *s)
{
    char *line = s, *out = s;
    for (;;) {
        char *nl = strchr(line, '\n');
        if (nl != NULL)
            *nl = '\0';
        size_t n = strlen(line);
        pr_text_safe(out, n + 1, line);
        out += strlen(out);
        if (nl == NULL)
            break;
        *out++ = '\n';
        line = nl + 1;
    }
    *out = '\0';
}
