/* SPDX-License-Identifier: BSD-3-Clause */
#include "report/report_clean.h"

#include <string.h>

#include "util/safe_text.h"

void report_clean_line(char *dst, size_t len, const char *src)
{
    size_t o = 0;
    for (const char *p = src; *p != '\0';) {
        size_t n = pr_utf8_len(p);
        if (n > 1 && !pr_utf8_is_control(p, n)) {
            if (o + n >= len)
                break;
            memcpy(dst + o, p, n);
            o += n;
            p += n;
            continue;
        }
        if (o + 1 >= len)
            break;
        char c = n == 0 ? '?' : *p;
        if (n > 0 && pr_utf8_is_control(p, n))
            c = ' ';
        else if (c == '|')
            c = '/';
        dst[o++] = c;
        p += n > 1 ? n : 1;
    }
    dst[o] = '\0';
}
