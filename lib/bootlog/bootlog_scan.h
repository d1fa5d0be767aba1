/* SPDX-License-Identifier: BSD-3-Clause */
/* A read position in a log line that is not NUL-terminated, and the few
 * tokens the TFTP and HTTP lines share. Private to lib/bootlog. */
#ifndef PR_BOOTLOG_SCAN_H
#define PR_BOOTLOG_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct bl_scan {
    const char *p;
    const char *end;
};

static inline bool bl_lit(struct bl_scan *s, const char *literal, size_t n)
{
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, literal, n) != 0)
        return false;
    s->p += n;
    return true;
}

#define BL_LIT(s, literal) bl_lit((s), (literal), sizeof(literal) - 1)

/* A dotted-quad IPv4 address (host order), no more digits or dots after it. */
static inline bool bl_ipv4(struct bl_scan *s, uint32_t *out)
{
    const char *p = s->p;
    uint32_t ip = 0;
    for (int part = 0; part < 4; part++) {
        if (part > 0) {
            if (p >= s->end || *p != '.')
                return false;
            p++;
        }
        unsigned v = 0, digits = 0;
        while (p < s->end && *p >= '0' && *p <= '9' && digits < 4) {
            v = v * 10 + (unsigned)(*p++ - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || v > 255)
            return false;
        ip = ip << 8 | v;
    }
    if (p < s->end && ((*p >= '0' && *p <= '9') || *p == '.'))
        return false;
    s->p = p;
    *out = ip;
    return true;
}

/* Up to the next c (not taken), or the end: its start and length. */
static inline size_t bl_until(struct bl_scan *s, char c, const char **start)
{
    *start = s->p;
    const char *at = memchr(s->p, c, (size_t)(s->end - s->p));
    s->p = at != NULL ? at : s->end;
    return (size_t)(s->p - *start);
}

#endif
