/* SPDX-License-Identifier: BSD-3-Clause */
/* A growing text buffer, for output whose size is not known beforehand
 * (a configuration block for every port of a switch).
 *
 * Ownership: the buffer owns data; pr_strbuf_free() releases it and accepts
 * a zeroed buffer; pr_strbuf_take() hands it to the caller. */
#ifndef PR_UTIL_STRBUF_H
#define PR_UTIL_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct pr_strbuf {
    char *data; /* NUL-terminated once anything is added; NULL before */
    size_t len, cap;
    bool failed; /* an append ran out of memory: the text is incomplete */
};

/* Appends len bytes of text (a failed append sets failed and keeps what
 * was there). */
void pr_strbuf_add(struct pr_strbuf *b, const char *text, size_t len);

/* Appends printf-style text. */
void pr_strbuf_addf(struct pr_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The text, or NULL when empty or failed; the buffer is zeroed. */
char *pr_strbuf_take(struct pr_strbuf *b);

void pr_strbuf_free(struct pr_strbuf *b);

#endif
