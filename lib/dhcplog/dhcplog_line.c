/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_line.h"

#include <stdio.h>
#include <string.h>

#include "dhcplog/dhcplog_mac.h"

/* A read position in a line that is not NUL-terminated. */
struct cursor {
    const char *p;
    const char *end;
};

static size_t left(const struct cursor *c)
{
    return (size_t)(c->end - c->p);
}

static bool take(struct cursor *c, const char *literal)
{
    size_t n = strlen(literal);
    if (left(c) < n || memcmp(c->p, literal, n) != 0)
        return false;
    c->p += n;
    return true;
}

static bool take_ipv4(struct cursor *c, uint32_t *out)
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

static bool take_mac(struct cursor *c, uint64_t *out)
{
    size_t n = dhcplog_mac_scan(c->p, left(c), out);
    c->p += n;
    return n > 0;
}

/* After the MAC: an optional " (client name)" then " via TOKEN", then an
 * optional ": reason". The client chooses its name, so the name is skipped
 * up to the last ") via " of the line rather than trusted. */
static bool take_via(struct cursor *c, struct dhcplog_line *out)
{
    if (left(c) >= 2 && c->p[0] == ' ' && c->p[1] == '(') {
        const char *found = NULL;
        for (const char *s = c->p; s != NULL && s < c->end;) {
            s = memmem(s, (size_t)(c->end - s), ") via ", 6);
            if (s == NULL)
                break;
            found = s;
            s++;
        }
        if (found == NULL)
            return false;
        c->p = found + 1;
    }
    if (!take(c, " via "))
        return false;
    const char *start = c->p;
    while (c->p < c->end && *c->p != ' ' && *c->p != ':')
        c->p++;
    size_t n = (size_t)(c->p - start);
    if (n == 0 || n >= DHCPLOG_VIA_MAX)
        return false;
    memcpy(out->via, start, n);
    out->via[n] = '\0';
    struct cursor v = {start, start + n};
    uint32_t relay;
    out->via_relay = take_ipv4(&v, &relay) && v.p == v.end;
    if (take(c, ": ")) {
        const char *end = c->end;
        while (end > c->p && (end[-1] == ' ' || end[-1] == '.'))
            end--;
        if (end > c->p) {
            out->reason = c->p;
            out->reason_len = (size_t)(end - c->p);
        }
    }
    return true;
}

static enum dhcplog_kind handshake(struct cursor *c, struct dhcplog_line *out)
{
    if (take(c, "DHCPDISCOVER from ")) {
        if (take_mac(c, &out->mac) && take_via(c, out))
            return DHCPLOG_DISCOVER;
        return DHCPLOG_MALFORMED;
    }
    if (take(c, "DHCPREQUEST for ")) {
        if (!take_ipv4(c, &out->ip))
            return DHCPLOG_MALFORMED;
        if (take(c, " (") && !(take_ipv4(c, &out->server) && take(c, ")")))
            return DHCPLOG_MALFORMED;
        if (take(c, " from ") && take_mac(c, &out->mac) && take_via(c, out))
            return DHCPLOG_REQUEST;
        return DHCPLOG_MALFORMED;
    }
    static const struct {
        const char *prefix;
        const char *middle;
        enum dhcplog_kind kind;
    } on_to[] = {
        {"DHCPOFFER on ", " to ", DHCPLOG_OFFER},
        {"DHCPACK on ", " to ", DHCPLOG_ACK},
        {"DHCPNAK on ", " to ", DHCPLOG_NAK},
        {"DHCPDECLINE of ", " from ", DHCPLOG_DECLINE},
        {"DHCPRELEASE of ", " from ", DHCPLOG_RELEASE},
    };
    for (size_t i = 0; i < sizeof on_to / sizeof on_to[0]; i++) {
        if (!take(c, on_to[i].prefix))
            continue;
        if (take_ipv4(c, &out->ip) && take(c, on_to[i].middle) && take_mac(c, &out->mac) &&
            take_via(c, out))
            return on_to[i].kind;
        return DHCPLOG_MALFORMED;
    }
    return DHCPLOG_NOISE; /* DHCPINFORM, "DHCPACK to IP (MAC)", leasequery... */
}

/* dhcpd lines without a MAC that explain why a DISCOVER got no OFFER. */
static const char *const reason_markers[] = {
    "no free leases",        "unknown network segment",  "No subnet declaration",
    "no subnet declaration", "Not configured to listen", "peer holds all free leases",
    "no permitted ranges",   "not authoritative",
};

static bool is_reason(const struct cursor *c)
{
    for (size_t i = 0; i < sizeof reason_markers / sizeof reason_markers[0]; i++) {
        if (memmem(c->p, left(c), reason_markers[i], strlen(reason_markers[i])) != NULL)
            return true;
    }
    return false;
}

static enum dhcplog_kind message(struct cursor *c, struct dhcplog_line *out)
{
    if (take(c, "message repeated ")) {
        unsigned n = 0;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9' && n < 100000)
            n = n * 10 + (unsigned)(*c->p++ - '0');
        if (n == 0 || !take(c, " times: [ "))
            return DHCPLOG_NOISE;
        if (c->end > c->p && c->end[-1] == ']')
            c->end--;
        out->repeated = n;
    }
    if (left(c) >= 4 && memcmp(c->p, "DHCP", 4) == 0)
        return handshake(c, out);
    if (take(c, "Internet Systems Consortium DHCP Server"))
        return DHCPLOG_START;
    if (is_reason(c)) {
        out->reason = c->p;
        out->reason_len = left(c);
        while (out->reason_len > 0 &&
               (c->p[out->reason_len - 1] == ' ' || c->p[out->reason_len - 1] == '.'))
            out->reason_len--;
        const char *via = memmem(c->p, left(c), " via ", 5);
        if (via != NULL) {
            const char *reason = out->reason;
            size_t reason_len = out->reason_len;
            struct cursor v = {via, c->end};
            take_via(&v, out); /* only for the interface or relay */
            out->reason = reason;
            out->reason_len = reason_len;
        }
        return DHCPLOG_REASON;
    }
    return DHCPLOG_NOISE;
}

enum dhcplog_kind dhcplog_line_parse(struct dhcplog_clock *clock, const char *text, size_t len,
                                     struct dhcplog_line *out)
{
    memset(out, 0, sizeof *out);
    out->pid = -1;
    out->repeated = 1;
    out->kind = DHCPLOG_MALFORMED;
    size_t n = dhcplog_time_parse(clock, text, len, &out->time_us);
    if (n == 0) {
        if (len >= 3 && memcmp(text, "-- ", 3) == 0) /* journalctl's "-- Boot ... --" */
            out->kind = DHCPLOG_OTHER;
        return out->kind;
    }
    struct cursor c = {text + n, text + len};
    if (!take(&c, " "))
        return out->kind;
    while (c.p < c.end && *c.p == ' ')
        c.p++;
    const char *host = c.p;
    while (c.p < c.end && *c.p != ' ')
        c.p++;
    if (c.p == host || !take(&c, " "))
        return out->kind;
    out->kind = DHCPLOG_OTHER;
    const char *tag = c.p;
    while (c.p < c.end && *c.p != '[' && *c.p != ':' && *c.p != ' ')
        c.p++;
    size_t tag_len = (size_t)(c.p - tag);
    if (tag_len < 5 || memcmp(tag, "dhcpd", 5) != 0)
        return out->kind;
    if (take(&c, "[")) {
        long pid = 0;
        while (c.p < c.end && *c.p >= '0' && *c.p <= '9' && pid < 100000000)
            pid = pid * 10 + (*c.p++ - '0');
        if (!take(&c, "]"))
            return out->kind;
        out->pid = pid;
    }
    if (!take(&c, ":"))
        return out->kind;
    while (c.p < c.end && *c.p == ' ')
        c.p++;
    out->kind = message(&c, out);
    if (out->kind == DHCPLOG_MALFORMED || out->kind == DHCPLOG_NOISE) {
        out->reason = NULL;
        out->reason_len = 0;
    }
    return out->kind;
}

void dhcplog_ip_format(uint32_t ip, char buf[16])
{
    snprintf(buf, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff);
}
