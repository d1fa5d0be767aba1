/* SPDX-License-Identifier: BSD-3-Clause */
/* A read position in a log line that is not NUL-terminated, and the
 * tokens every server's messages share (literals, IPv4 addresses, MACs).
 * Private to lib/dhcplog. */
#ifndef PR_DHCPLOG_CURSOR_H
#define PR_DHCPLOG_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dhcplog/dhcplog_mac.h"

/* A read position in a line that is not NUL-terminated. */
struct cursor {
    const char *p;
    const char *end;
};

static inline size_t left(const struct cursor *c)
{
    return (size_t)(c->end - c->p);
}

static inline bool take(struct cursor *c, const char *literal)
{
    size_t n = strlen(literal);
    if (left(c) < n || memcmp(c->p, literal, n) != 0)
        return false;
    c->p += n;
    return true;
}

static inline bool take_ipv4(struct cursor *c, uint32_t *out)
{
    uint32_t ip = 0;
    const char *p = c->p;
    for (int part = 0; part < 4; part++) {
        if (part > 0) {
            if (p >= c->end || *p != '.')
                return false;
            p++;
        }
        unsigned v = 0;
        int n = 0;
        while (p < c->end && *p >= '0' && *p <= '9' && n < 4) {
            v = v * 10 + (unsigned)(*p - '0');
            p++;
            n++;
        }
        if (n == 0 || n > 3 || v > 255)
            return false;
        ip = ip << 8 | v;
    }
    if (p < c->end && ((*p >= '0' && *p <= '9') || *p == '.'))
        return false;
    c->p = p;
    *out = ip;
    return true;
}

static inline bool take_mac(struct cursor *c, uint64_t *out)
{
    size_t n = dhcplog_mac_scan(c->p, left(c), out);
    c->p += n;
    return n > 0;
}

/* Copies the token at c, up to a blank or stop (not included), into dst
 * (dst_len bytes); false when it is empty or does not fit. */
static inline bool take_name(struct cursor *c, char stop, char *dst, size_t dst_len)
{
    const char *start = c->p;
    while (c->p < c->end && *c->p != stop && *c->p != ' ')
        c->p++;
    size_t n = (size_t)(c->p - start);
    if (n == 0 || n >= dst_len)
        return false;
    memcpy(dst, start, n);
    dst[n] = '\0';
    return true;
}

#endif
