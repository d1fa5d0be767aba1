/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (64 * 1024)

int dhcplog_splitter_init(struct dhcplog_splitter *sp, size_t max_line, dhcplog_line_fn on_line,
                          dhcplog_overlong_fn on_overlong, void *ctx, struct pr_error *err)
{
    memset(sp, 0, sizeof *sp);
    sp->max_line = max_line;
    sp->cap = max_line + 1 + READ_CHUNK;
    sp->buf = malloc(sp->cap);
    if (sp->buf == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    sp->on_line = on_line;
    sp->on_overlong = on_overlong;
    sp->ctx = ctx;
    return 0;
}

void dhcplog_splitter_free(struct dhcplog_splitter *sp)
{
    if (sp == NULL)
        return;
    free(sp->buf);
    sp->buf = NULL;
}

static void emit(struct dhcplog_splitter *sp, const char *line, size_t len)
{
    if (len > 0 && line[len - 1] == '\r')
        len--;
    if (len > sp->max_line) {
        if (sp->on_overlong != NULL)
            sp->on_overlong(sp->ctx);
        return;
    }
    if (sp->on_line(sp->ctx, line, len) != 0)
        sp->failed = true;
}

/* Hands over every complete line in the buffer and keeps the rest. */
static void split(struct dhcplog_splitter *sp, size_t scan_from)
{
    size_t start = 0;
    const char *nl;
    while (!sp->failed && (nl = memchr(sp->buf + scan_from, '\n', sp->len - scan_from)) != NULL) {
        size_t end = (size_t)(nl - sp->buf);
        if (sp->discarding) {
            sp->discarding = false; /* the overlong line ends here */
        } else {
            sp->line_offset = sp->base + start;
            emit(sp, sp->buf + start, end - start);
        }
        start = end + 1;
        scan_from = start;
    }
    size_t rest = sp->len - start;
    if (sp->discarding) {
        sp->base += sp->len;
        sp->len = 0;
    } else if (rest > sp->max_line + 1) { /* +1: a '\r' may still go */
        if (sp->on_overlong != NULL)
            sp->on_overlong(sp->ctx);
        sp->discarding = true;
        sp->base += sp->len;
        sp->len = 0;
    } else {
        memmove(sp->buf, sp->buf + start, rest);
        sp->base += start;
        sp->len = rest;
    }
}

int dhcplog_splitter_feed(struct dhcplog_splitter *sp, const char *data, size_t n)
{
    while (n > 0 && !sp->failed) {
        size_t room = sp->cap - sp->len;
        size_t chunk = n < room ? n : room;
        memcpy(sp->buf + sp->len, data, chunk);
        size_t old = sp->len;
        sp->len += chunk;
        split(sp, old);
        data += chunk;
        n -= chunk;
    }
    return sp->failed ? -1 : 0;
}

ssize_t dhcplog_splitter_read(struct dhcplog_splitter *sp, int fd)
{
    if (sp->failed)
        return -1;
    ssize_t n = read(fd, sp->buf + sp->len, sp->cap - sp->len);
    if (n <= 0)
        return n;
    size_t old = sp->len;
    sp->len += (size_t)n;
    split(sp, old);
    if (sp->failed) {
        errno = ENOMEM;
        return -1;
    }
    return n;
}

int dhcplog_splitter_flush(struct dhcplog_splitter *sp)
{
    if (!sp->discarding && sp->len > 0 && !sp->failed) {
        sp->line_offset = sp->base;
        emit(sp, sp->buf, sp->len);
    }
    sp->base += sp->len;
    sp->len = 0;
    sp->discarding = false;
    return sp->failed ? -1 : 0;
}

void dhcplog_splitter_drop(struct dhcplog_splitter *sp)
{
    sp->base = 0; /* read again from the start */
    sp->len = 0;
    sp->discarding = false;
}
