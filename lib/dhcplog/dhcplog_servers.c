/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_servers.h"

/* Trailing blanks and dots off [p, end): the reason text, or NULL. */
static void set_reason(struct dhcplog_line *out, const char *p, const char *end)
{
    while (p < end && *p == ' ')
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '.'))
        end--;
    if (end > p) {
        out->reason = p;
        out->reason_len = (size_t)(end - p);
    }
}

static const struct {
    const char *name;
    enum dhcplog_kind kind;
} dnsmasq_kinds[] = {
    {"DHCPDISCOVER(", DHCPLOG_DISCOVER}, {"DHCPOFFER(", DHCPLOG_OFFER},
    {"DHCPREQUEST(", DHCPLOG_REQUEST},   {"DHCPACK(", DHCPLOG_ACK},
    {"DHCPNAK(", DHCPLOG_NAK},           {"DHCPDECLINE(", DHCPLOG_DECLINE},
    {"DHCPRELEASE(", DHCPLOG_RELEASE},
};

enum dhcplog_kind dhcplog_dnsmasq_message(struct cursor *c, struct dhcplog_line *out)
{
    /* --log-dhcp: "1125079317 DHCPDISCOVER(...)". */
    const char *p = c->p;
    while (p < c->end && *p >= '0' && *p <= '9')
        p++;
    if (p > c->p && p < c->end && *p == ' ')
        c->p = p + 1;
    if (left(c) < 4 || memcmp(c->p, "DHCP", 4) != 0)
        return take(c, "started, version ") ? DHCPLOG_START : DHCPLOG_NOISE;
    enum dhcplog_kind kind = DHCPLOG_NOISE;
    for (size_t i = 0; i < sizeof dnsmasq_kinds / sizeof dnsmasq_kinds[0]; i++) {
        if (take(c, dnsmasq_kinds[i].name)) {
            kind = dnsmasq_kinds[i].kind;
            break;
        }
    }
    if (kind == DHCPLOG_NOISE)
        return DHCPLOG_NOISE; /* DHCPINFORM, "DHCP, IP range ...", ... */
    if (!take_name(c, ')', out->via, sizeof out->via) || !take(c, ") "))
        return DHCPLOG_MALFORMED;
    /* An address first, except in a DISCOVER without a requested one. */
    struct cursor save = *c;
    if (!take_ipv4(c, &out->ip) || !take(c, " ")) {
        if (kind != DHCPLOG_DISCOVER)
            return DHCPLOG_MALFORMED;
        *c = save;
        out->ip = 0;
    }
    if (!take_mac(c, &out->mac))
        return DHCPLOG_MALFORMED;
    if (kind == DHCPLOG_DISCOVER || kind == DHCPLOG_NAK || kind == DHCPLOG_REQUEST)
        set_reason(out, c->p, c->end);
    if (kind == DHCPLOG_DISCOVER)
        out->ip = 0; /* the address it asks for is not an offer */
    return kind;
}

/* "[hwtype=N MAC]" */
static bool take_kea_hw(struct cursor *c, uint64_t *mac)
{
    if (!take(c, " [hwtype="))
        return false;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
        c->p++;
    return take(c, " ") && take_mac(c, mac) && take(c, "]");
}

/* Moves c just past the first occurrence of literal; false when none. */
static bool skip_past(struct cursor *c, const char *literal)
{
    size_t n = strlen(literal);
    const char *at = memmem(c->p, left(c), literal, n);
    if (at == NULL)
        return false;
    c->p = at + n;
    return true;
}

static void take_kea_interface(struct cursor *c, struct dhcplog_line *out)
{
    struct cursor i = *c;
    if (skip_past(&i, " on interface "))
        take_name(&i, ' ', out->via, sizeof out->via);
}

static enum dhcplog_kind kea_received(struct cursor *c, struct dhcplog_line *out)
{
    if (!take_kea_hw(c, &out->mac) || !skip_past(c, ": "))
        return DHCPLOG_MALFORMED;
    enum dhcplog_kind kind = take(c, "DHCPDISCOVER ")  ? DHCPLOG_DISCOVER
                             : take(c, "DHCPREQUEST ") ? DHCPLOG_REQUEST
                             : take(c, "DHCPDECLINE ") ? DHCPLOG_DECLINE
                             : take(c, "DHCPRELEASE ") ? DHCPLOG_RELEASE
                                                       : DHCPLOG_NOISE;
    if (kind != DHCPLOG_NOISE)
        take_kea_interface(c, out);
    return kind;
}

static enum dhcplog_kind kea_lease(struct cursor *c, struct dhcplog_line *out,
                                   enum dhcplog_kind kind)
{
    if (take_kea_hw(c, &out->mac) && skip_past(c, ": lease ") && take_ipv4(c, &out->ip))
        return kind;
    return DHCPLOG_MALFORMED;
}

enum dhcplog_kind dhcplog_kea_message(struct cursor *c, struct dhcplog_line *out)
{
    /* "INFO  [kea-dhcp4.leases/3258.139957826159104] CODE", after Kea's own
     * stamp when its stdout went to the journal. */
    if (left(c) > 24 && c->p[4] == '-' && c->p[10] == ' ' && c->p[13] == ':' && c->p[19] == '.')
        c->p += 24;
    while (c->p < c->end && *c->p != ' ' && *c->p != '[')
        c->p++;
    while (c->p < c->end && *c->p == ' ')
        c->p++;
    if (!take(c, "["))
        return DHCPLOG_NOISE;
    const char *close = memchr(c->p, ']', left(c));
    if (close == NULL)
        return DHCPLOG_NOISE;
    const char *slash = memchr(c->p, '/', (size_t)(close - c->p));
    if (slash != NULL && out->pid < 0) {
        long pid = 0;
        for (const char *p = slash + 1; p < close && *p >= '0' && *p <= '9' && pid < 100000000; p++)
            pid = pid * 10 + (*p - '0');
        out->pid = pid;
    }
    c->p = close + 1;
    if (!take(c, " "))
        return DHCPLOG_NOISE;
    if (take(c, "DHCP4_PACKET_RECEIVED"))
        return kea_received(c, out);
    if (take(c, "DHCP4_LEASE_ADVERT"))
        return kea_lease(c, out, DHCPLOG_OFFER);
    if (take(c, "DHCP4_LEASE_ALLOC"))
        return kea_lease(c, out, DHCPLOG_ACK);
    if (take(c, "DHCP4_PACKET_SEND")) {
        if (!take_kea_hw(c, &out->mac))
            return DHCPLOG_MALFORMED;
        struct cursor n = *c;
        if (!skip_past(&n, "trying to send packet DHCPNAK "))
            return DHCPLOG_NOISE;
        take_kea_interface(c, out);
        return DHCPLOG_NAK;
    }
    if (left(c) > 27 && memcmp(c->p, "ALLOC_ENGINE_V4_ALLOC_FAIL ", 27) == 0) {
        c->p += 26;
        /* Why the DISCOVER before it got no OFFER: "failed to allocate an
         * IPv4 address after N attempt(s)". */
        struct cursor r = *c;
        if (take_kea_hw(&r, &out->mac) && skip_past(&r, ": "))
            set_reason(out, r.p, r.end);
        out->mac = 0;
        return out->reason != NULL ? DHCPLOG_REASON : DHCPLOG_NOISE;
    }
    if (take(c, "DHCP4_STARTING"))
        return DHCPLOG_START;
    return DHCPLOG_NOISE;
}
