/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>
#include <time.h>

#include "bootlog/bootlog_fetch.h"
#include "bootlog/bootlog_scan.h"

static bool digits(struct bl_scan *s, int n, int *out)
{
    if (s->end - s->p < n)
        return false;
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = s->p[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    s->p += n;
    *out = v;
    return true;
}

/* Days from 1970-01-01 to year-month-day (month 1-12), by timegm(); the
 * last date is kept, as an access log's lines share their date. */
static int64_t days_of(int year, int month, int day)
{
    static _Thread_local struct {
        int year, month, day;
        int64_t days;
    } last;
    if (last.year != year || last.month != month || last.day != day) {
        struct tm tm = {.tm_year = year - 1900, .tm_mon = month - 1, .tm_mday = day};
        last.year = year;
        last.month = month;
        last.day = day;
        last.days = (int64_t)timegm(&tm) / 86400;
    }
    return last.days;
}

static int month_number(const char *p)
{
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    for (int i = 0; i < 12; i++) {
        if (memcmp(names + 3 * i, p, 3) == 0)
            return i + 1;
    }
    return 0;
}

/* "02/Dec/2026:00:10:01 +0000" (Apache's and nginx's %d/%b/%Y:%H:%M:%S %z). */
static bool access_time(struct bl_scan *s, int64_t *out_us)
{
    int day, year, hour, min, sec, off_h, off_m;
    if (!digits(s, 2, &day) || !BL_LIT(s, "/") || s->end - s->p < 4)
        return false;
    int month = month_number(s->p);
    s->p += 3;
    if (month == 0 || !BL_LIT(s, "/") || !digits(s, 4, &year) || !BL_LIT(s, ":") ||
        !digits(s, 2, &hour) || !BL_LIT(s, ":") || !digits(s, 2, &min) || !BL_LIT(s, ":") ||
        !digits(s, 2, &sec) || !BL_LIT(s, " ") || s->p == s->end)
        return false;
    char sign = *s->p++;
    if ((sign != '+' && sign != '-') || !digits(s, 2, &off_h) || !digits(s, 2, &off_m))
        return false;
    if (day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60 || off_m > 59)
        return false;
    int64_t t = days_of(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
    int64_t off = off_h * 3600 + off_m * 60;
    t -= sign == '+' ? off : -off;
    *out_us = t * DHCPLOG_US_PER_S;
    return true;
}

enum bootlog_fetch_kind bootlog_http_parse(const char *text, size_t len, struct bootlog_fetch *out)
{
    memset(out, 0, sizeof *out);
    out->kind = BOOTLOG_FETCH_NONE;
    struct bl_scan s = {text, text + len};
    if (!bl_ipv4(&s, &out->ip) || !BL_LIT(&s, " "))
        return out->kind;
    out->program = "http";
    out->kind = BOOTLOG_FETCH_MALFORMED;
    /* "IDENT USER [": the user may hold blanks; the stamp starts at the
     * first '['. */
    const char *skip;
    bl_until(&s, '[', &skip);
    if (!BL_LIT(&s, "[") || !access_time(&s, &out->time_us) || !BL_LIT(&s, "] \""))
        return out->kind;
    /* The request line, up to the '"' before " STATUS": nginx writes a
     * '"' inside it as \x22, Apache as \". */
    const char *req = s.p, *close = NULL;
    for (const char *q = s.p; q < s.end; q++) {
        if (*q == '"' && q[-1] != '\\' && s.end - q >= 5 && q[1] == ' ' && q[2] >= '0' &&
            q[2] <= '9') {
            close = q;
            break;
        }
    }
    if (close == NULL)
        return out->kind;
    s.p = close + 2;
    if (!digits(&s, 3, &out->status) || (s.p < s.end && *s.p != ' '))
        return out->kind;
    struct bl_scan r = {req, close};
    if (!BL_LIT(&r, "GET "))
        return out->kind = BOOTLOG_FETCH_NOISE; /* HEAD, POST, "-", a TLS hello... */
    const char *path;
    size_t n = bl_until(&r, ' ', &path);
    const char *query = memchr(path, '?', n);
    out->file = path;
    out->file_len = query != NULL ? (size_t)(query - path) : n;
    if (out->file_len == 0)
        return out->kind;
    return out->kind = BOOTLOG_FETCH_HTTP;
}
