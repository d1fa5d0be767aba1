/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pr_strbuf_add(struct pr_strbuf *b, const char *text, size_t len)
{
    if (b->failed)
        return;
    if (len >= SIZE_MAX / 2 - b->len) {
        b->failed = true;
        return;
    }
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + len + 1)
            cap *= 2;
        char *data = realloc(b->data, cap);
        if (data == NULL) {
            b->failed = true;
            return;
        }
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, text, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void pr_strbuf_addf(struct pr_strbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        pr_strbuf_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    pr_strbuf_add(b, big, (size_t)n);
    free(big);
}

char *pr_strbuf_take(struct pr_strbuf *b)
{
    char *text = b->failed || b->len == 0 ? NULL : b->data;
    if (text == NULL)
        free(b->data);
    memset(b, 0, sizeof *b);
    return text;
}

void pr_strbuf_free(struct pr_strbuf *b)
{
    if (b == NULL)
        return;
    free(b->data);
    memset(b, 0, sizeof *b);
}
