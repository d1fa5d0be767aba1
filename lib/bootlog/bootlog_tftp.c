/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "bootlog/bootlog_fetch.h"
#include "bootlog/bootlog_scan.h"

bool bootlog_tftp_candidate(const char *text, size_t len)
{
    /* The tag sits within the first 64 bytes of a syslog line: stamp
     * (32 at most), host, then "in.tftpd[" or "dnsmasq-tftp[". */
    size_t n = len < 96 ? len : 96;
    return memmem(text, n, "tftp", 4) != NULL;
}

/* "FILE to IP" at the end of the line (the file name may hold blanks:
 * the last " to " is the one). */
static bool file_to_ip(struct bl_scan *s, struct bootlog_fetch *out)
{
    const char *last = NULL;
    for (const char *q = s->p; q != NULL && q < s->end;) {
        q = memmem(q, (size_t)(s->end - q), " to ", 4);
        if (q == NULL)
            break;
        last = q++;
    }
    if (last == NULL || last == s->p)
        return false;
    out->file = s->p;
    out->file_len = (size_t)(last - s->p);
    struct bl_scan ip = {last + 4, s->end};
    return bl_ipv4(&ip, &out->ip) && ip.p == ip.end;
}

/* tftpd-hpa: "RRQ from IP filename FILE" (WRQ lines are noise). */
static enum bootlog_fetch_kind tftpd_hpa(struct bl_scan *s, struct bootlog_fetch *out)
{
    out->program = "tftpd-hpa";
    if (!BL_LIT(s, "RRQ from "))
        return BOOTLOG_FETCH_NOISE;
    if (!bl_ipv4(s, &out->ip) || !BL_LIT(s, " filename ") || s->p == s->end)
        return BOOTLOG_FETCH_MALFORMED;
    out->file = s->p;
    out->file_len = (size_t)(s->end - s->p);
    return BOOTLOG_FETCH_TFTP_REQUEST;
}

/* dnsmasq's TFTP messages. */
static enum bootlog_fetch_kind dnsmasq_tftp(struct bl_scan *s, struct bootlog_fetch *out)
{
    out->program = "dnsmasq";
    if (BL_LIT(s, "sent "))
        return file_to_ip(s, out) ? BOOTLOG_FETCH_TFTP_SENT : BOOTLOG_FETCH_MALFORMED;
    if (BL_LIT(s, "failed sending "))
        return file_to_ip(s, out) ? BOOTLOG_FETCH_TFTP_FAILED : BOOTLOG_FETCH_MALFORMED;
    if (BL_LIT(s, "file ")) {
        const char *nf = NULL;
        for (const char *q = s->p; q != NULL && q < s->end;) {
            q = memmem(q, (size_t)(s->end - q), " not found", 10);
            if (q == NULL)
                break;
            nf = q++;
        }
        if (nf == NULL || nf == s->p)
            return BOOTLOG_FETCH_NOISE;
        out->file = s->p;
        out->file_len = (size_t)(nf - s->p);
        struct bl_scan rest = {nf + 10, s->end};
        if (BL_LIT(&rest, " for ") && !(bl_ipv4(&rest, &out->ip) && rest.p == rest.end))
            return BOOTLOG_FETCH_MALFORMED;
        return BOOTLOG_FETCH_TFTP_NOT_FOUND;
    }
    return BOOTLOG_FETCH_NOISE;
}

enum bootlog_fetch_kind bootlog_tftp_parse(struct dhcplog_clock *clock, const char *text,
                                           size_t len, struct bootlog_fetch *out)
{
    memset(out, 0, sizeof *out);
    out->kind = BOOTLOG_FETCH_NONE;
    size_t n = dhcplog_time_parse(clock, text, len, &out->time_us);
    if (n == 0)
        return out->kind;
    struct bl_scan s = {text + n, text + len};
    while (s.p < s.end && *s.p == ' ')
        s.p++;
    /* The host, unless the first word is already the tag (a program's own
     * file: "dnsmasq-tftp[812]: ..."). */
    const char *word = s.p;
    while (s.p < s.end && *s.p != ' ')
        s.p++;
    if (s.p == word)
        return out->kind;
    if (s.p[-1] == ':')
        s.p = word;
    else
        while (s.p < s.end && *s.p == ' ')
            s.p++;
    const char *tag = s.p;
    while (s.p < s.end && *s.p != '[' && *s.p != ':' && *s.p != ' ')
        s.p++;
    size_t tag_len = (size_t)(s.p - tag);
    if (BL_LIT(&s, "[")) {
        while (s.p < s.end && *s.p >= '0' && *s.p <= '9')
            s.p++;
        if (!BL_LIT(&s, "]"))
            return out->kind;
    }
    if (!BL_LIT(&s, ":"))
        return out->kind;
    while (s.p < s.end && *s.p == ' ')
        s.p++;
    if (tag_len == 8 && memcmp(tag, "in.tftpd", 8) == 0)
        out->kind = tftpd_hpa(&s, out);
    else if (tag_len == 12 && memcmp(tag, "dnsmasq-tftp", 12) == 0)
        out->kind = dnsmasq_tftp(&s, out);
    return out->kind;
}
