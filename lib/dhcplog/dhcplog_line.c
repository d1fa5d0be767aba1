/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_line.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "dhcplog/dhcplog_cursor.h"
#include "dhcplog/dhcplog_mac.h"
#include "dhcplog/dhcplog_servers.h"

/* After the MAC: an optional " (client name)" then " via TOKEN", then an
 * optional ": reason". The client chooses its name, so the name is skipped
 * up to the last ") via " of the line rather than trusted. */
static bool take_via(struct cursor *c, struct dhcplog_line *out)
{
    if (left(c) >= 2 && c->p[0] == ' ' && c->p[1] == '(') {
        /* From the end: the last ") via " of the line. */
        const char *found = NULL;
        for (const char *s = c->end; s > c->p;) {
            s = memrchr(c->p, ')', (size_t)(s - c->p));
            if (s == NULL)
                break;
            if ((size_t)(c->end - s) >= 6 && memcmp(s, ") via ", 6) == 0) {
                found = s;
                break;
            }
        }
        if (found == NULL)
            return false;
        c->p = found + 1;
    }
    if (!take(c, " via "))
        return false;
    const char *start = c->p;
    if (!take_name(c, ':', out->via, sizeof out->via))
        return false;
    struct cursor v = {start, c->p};
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

/* The program's message once its name is known: dhcpd, dnsmasq or Kea;
 * any other program's line is OTHER. */
static enum dhcplog_kind dispatch(const char *tag, size_t tag_len, struct cursor *c,
                                  struct dhcplog_line *out)
{
    enum dhcplog_kind kind;
    if (tag_len >= 5 && memcmp(tag, "dhcpd", 5) == 0) {
        out->program = "dhcpd";
        kind = message(c, out);
    } else if (tag_len >= 7 && memcmp(tag, "dnsmasq", 7) == 0) {
        out->program = "dnsmasq";
        kind = dhcplog_dnsmasq_message(c, out);
    } else if (tag_len >= 9 && memcmp(tag, "kea-dhcp4", 9) == 0) {
        out->program = "Kea";
        kind = dhcplog_kea_message(c, out);
    } else {
        return DHCPLOG_OTHER;
    }
    if (kind == DHCPLOG_MALFORMED || kind == DHCPLOG_NOISE) {
        out->reason = NULL;
        out->reason_len = 0;
    }
    return kind;
}

/* Kea's own file: "2026-12-01 21:26:09.354 INFO  [kea-dhcp4.leases/PID.TID] CODE ...",
 * local time. */
static bool kea_native(const char *text, size_t len)
{
    return len > 24 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' &&
           text[16] == ':' && text[19] == '.';
}

static enum dhcplog_kind parse_kea_native(struct dhcplog_clock *clock, const char *text, size_t len,
                                          struct dhcplog_line *out)
{
    if (dhcplog_time_parse_local(clock, text, len, &out->time_us) != 23)
        return out->kind;
    struct cursor c = {text + 23, text + len};
    if (!take(&c, " "))
        return out->kind;
    const char *bracket = memchr(c.p, '[', left(&c));
    if (bracket == NULL || (size_t)(c.end - bracket) < 10 ||
        memcmp(bracket + 1, "kea-dhcp4", 9) != 0)
        return out->kind = DHCPLOG_OTHER;
    out->kind = dispatch("kea-dhcp4", 9, &c, out);
    return out->kind;
}

/* The string value of "KEY":"..." in a journald JSON object, unescaped
 * into out->scratch when it has escapes. False when absent or not a
 * string (journald writes non-UTF-8 messages as arrays of bytes). */
static bool json_field(const char *text, size_t len, const char *key, struct dhcplog_line *out,
                       const char **value, size_t *value_len)
{
    size_t key_len = strlen(key);
    const char *at = memmem(text, len, key, key_len);
    if (at == NULL)
        return false;
    const char *p = at + key_len, *end = text + len;
    const char *start = p;
    bool escaped = false;
    while (p < end && *p != '"') {
        if (*p == '\\') {
            escaped = true;
            p++;
        }
        p++;
    }
    if (p >= end)
        return false;
    if (!escaped) {
        *value = start;
        *value_len = (size_t)(p - start);
        return true;
    }
    size_t n = 0;
    for (const char *q = start; q < p && n + 1 < sizeof out->scratch; q++) {
        char ch = *q;
        if (ch == '\\' && q + 1 < p) {
            q++;
            switch (*q) {
            case 'n':
                ch = '\n';
                break;
            case 't':
                ch = '\t';
                break;
            case 'u':
                ch = '?'; /* a control or non-ASCII character: not in what is matched */
                q += q + 4 < p ? 4 : 0;
                break;
            default:
                ch = *q; /* \" \\ \/ */
            }
        }
        out->scratch[n++] = ch;
    }
    *value = out->scratch;
    *value_len = n;
    return true;
}

/* journalctl -o json: one object a line. */
static enum dhcplog_kind parse_journal_json(const char *text, size_t len, struct dhcplog_line *out)
{
    const char *v, *tag, *msg;
    size_t v_len, tag_len, msg_len;
    if (!json_field(text, len, "\"__REALTIME_TIMESTAMP\":\"", out, &v, &v_len) || v_len == 0 ||
        v_len > 18)
        return out->kind;
    int64_t us = 0;
    for (size_t i = 0; i < v_len; i++) {
        if (v[i] < '0' || v[i] > '9')
            return out->kind;
        us = us * 10 + (v[i] - '0');
    }
    out->time_us = us;
    out->kind = DHCPLOG_OTHER;
    if (!json_field(text, len, "\"SYSLOG_IDENTIFIER\":\"", out, &tag, &tag_len))
        return out->kind;
    char tag_copy[32];
    if (tag_len >= sizeof tag_copy)
        return out->kind;
    memcpy(tag_copy, tag, tag_len); /* the message may reuse the scratch */
    if (json_field(text, len, "\"_PID\":\"", out, &v, &v_len) && v_len > 0 && v_len < 10) {
        long pid = 0;
        for (size_t i = 0; i < v_len && v[i] >= '0' && v[i] <= '9'; i++)
            pid = pid * 10 + (v[i] - '0');
        out->pid = pid;
    }
    if (!json_field(text, len, "\"MESSAGE\":\"", out, &msg, &msg_len))
        return out->kind;
    struct cursor c = {msg, msg + msg_len};
    out->kind = dispatch(tag_copy, tag_len, &c, out);
    return out->kind;
}

enum dhcplog_kind dhcplog_line_parse(struct dhcplog_clock *clock, const char *text, size_t len,
                                     struct dhcplog_line *out)
{
    memset(out, 0, offsetof(struct dhcplog_line, scratch));
    out->pid = -1;
    out->repeated = 1;
    out->kind = DHCPLOG_MALFORMED;
    size_t n = dhcplog_time_parse(clock, text, len, &out->time_us);
    if (n == 0) {
        if (len >= 3 && memcmp(text, "-- ", 3) == 0) /* journalctl's "-- Boot ... --" */
            out->kind = DHCPLOG_OTHER;
        else if (len > 0 && text[0] == '{')
            return parse_journal_json(text, len, out);
        else if (kea_native(text, len))
            return parse_kea_native(clock, text, len, out);
        return out->kind;
    }
    if (n == 10 && kea_native(text, len))
        return parse_kea_native(clock, text, len, out);
    struct cursor c = {text + n, text + len};
    if (!take(&c, " "))
        return out->kind;
    while (c.p < c.end && *c.p == ' ')
        c.p++;
    const char *host = c.p;
    while (c.p < c.end && *c.p != ' ')
        c.p++;
    if (c.p == host)
        return out->kind;
    if (c.p[-1] == ':') {
        /* No host: a program's own file ("dnsmasq-dhcp[812]: ..."). */
        c.p = host;
    } else if (!take(&c, " ")) {
        return out->kind;
    }
    out->kind = DHCPLOG_OTHER;
    const char *tag = c.p;
    while (c.p < c.end && *c.p != '[' && *c.p != ':' && *c.p != ' ')
        c.p++;
    size_t tag_len = (size_t)(c.p - tag);
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
    out->kind = dispatch(tag, tag_len, &c, out);
    return out->kind;
}

void dhcplog_ip_format(uint32_t ip, char buf[16])
{
    snprintf(buf, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff);
}
