/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_time.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char month_names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads exactly n digits at text[*pos]; false when they are not there. */
static bool digits(const char *text, size_t len, size_t *pos, int n, int *out)
{
    if (*pos + (size_t)n > len)
        return false;
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = text[*pos + (size_t)i];
        if (!is_digit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    *pos += (size_t)n;
    *out = v;
    return true;
}

static bool expect(const char *text, size_t len, size_t *pos, char c)
{
    if (*pos >= len || text[*pos] != c)
        return false;
    (*pos)++;
    return true;
}

/* ".ffffff" (any number of digits, the first six kept) at text[*pos]. */
static int64_t fraction_us(const char *text, size_t len, size_t *pos)
{
    if (*pos + 1 >= len || text[*pos] != '.' || !is_digit(text[*pos + 1]))
        return 0;
    (*pos)++;
    int64_t us = 0;
    int kept = 0;
    while (*pos < len && is_digit(text[*pos])) {
        if (kept < 6) {
            us = us * 10 + (text[*pos] - '0');
            kept++;
        }
        (*pos)++;
    }
    while (kept++ < 6)
        us *= 10;
    return us;
}

static bool valid_clock(int mo, int d, int h, int mi, int s)
{
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60;
}

/* Epoch seconds of a local date and time; mktime once per local hour. */
static int64_t local_to_epoch(struct dhcplog_clock *clock, int y, int mo, int d, int h, int mi,
                              int s)
{
    int64_t key = (int64_t)y * 1000000 + mo * 10000 + d * 100 + h;
    if (clock == NULL || clock->cache_key != key) {
        struct tm tm = {0};
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_isdst = -1;
        int64_t base = (int64_t)mktime(&tm);
        if (clock == NULL)
            return base + mi * 60 + s;
        clock->cache_key = key;
        clock->cache_s = base;
    }
    return clock->cache_s + mi * 60 + s;
}

static int local_year(int64_t us)
{
    time_t t = (time_t)(us / DHCPLOG_US_PER_S);
    struct tm tm;
    localtime_r(&t, &tm);
    return tm.tm_year + 1900;
}

void dhcplog_clock_init(struct dhcplog_clock *clock, int64_t now_us)
{
    memset(clock, 0, sizeof *clock);
    clock->now_us = now_us;
    clock->cache_key = -1;
}

/* "Mmm dd HH:MM:SS[.ffffff]", the day space- or zero-padded. */
static size_t parse_classic(struct dhcplog_clock *clock, const char *text, size_t len,
                            int64_t *out_us)
{
    if (len < 15)
        return 0;
    int mo = 0;
    for (int i = 0; i < 12; i++) {
        if (memcmp(text, month_names + 3 * i, 3) == 0) {
            mo = i + 1;
            break;
        }
    }
    if (mo == 0 || text[3] != ' ')
        return 0;
    size_t pos = 4;
    int d = 0;
    if (text[pos] == ' ')
        pos++;
    if (!is_digit(text[pos]))
        return 0;
    d = text[pos++] - '0';
    if (pos < len && is_digit(text[pos]))
        d = d * 10 + (text[pos++] - '0');
    int h, mi, s;
    if (!expect(text, len, &pos, ' ') || !digits(text, len, &pos, 2, &h) ||
        !expect(text, len, &pos, ':') || !digits(text, len, &pos, 2, &mi) ||
        !expect(text, len, &pos, ':') || !digits(text, len, &pos, 2, &s))
        return 0;
    if (!valid_clock(mo, d, h, mi, s))
        return 0;
    int64_t frac = fraction_us(text, len, &pos);

    int year;
    if (!clock->have_year) {
        year = local_year(clock->now_us);
        int64_t t = local_to_epoch(NULL, year, mo, d, h, mi, s);
        if (t > clock->now_us / DHCPLOG_US_PER_S + 86400)
            year--;
        clock->have_year = true;
        clock->year = year;
        clock->last_month = mo;
    } else if (clock->last_month == 12 && mo == 1) {
        year = ++clock->year;
        clock->last_month = mo;
    } else if (clock->last_month == 1 && mo == 12) {
        year = clock->year - 1; /* a late December line after New Year */
    } else {
        year = clock->year;
        clock->last_month = mo;
    }
    *out_us = local_to_epoch(clock, year, mo, d, h, mi, s) * DHCPLOG_US_PER_S + frac;
    return pos;
}

size_t dhcplog_time_parse_rfc3339(const char *text, size_t len, int64_t *out_us)
{
    size_t pos = 0;
    int y, mo, d, h, mi, s;
    if (!digits(text, len, &pos, 4, &y) || !expect(text, len, &pos, '-') ||
        !digits(text, len, &pos, 2, &mo) || !expect(text, len, &pos, '-') ||
        !digits(text, len, &pos, 2, &d))
        return 0;
    if (pos >= len || (text[pos] != 'T' && text[pos] != 't'))
        return 0;
    pos++;
    if (!digits(text, len, &pos, 2, &h) || !expect(text, len, &pos, ':') ||
        !digits(text, len, &pos, 2, &mi) || !expect(text, len, &pos, ':') ||
        !digits(text, len, &pos, 2, &s))
        return 0;
    if (!valid_clock(mo, d, h, mi, s))
        return 0;
    int64_t frac = fraction_us(text, len, &pos);
    int64_t epoch;
    if (pos < len && (text[pos] == 'Z' || text[pos] == 'z')) {
        pos++;
        epoch = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    } else if (pos < len && (text[pos] == '+' || text[pos] == '-')) {
        int sign = text[pos] == '-' ? -1 : 1;
        pos++;
        int oh, om;
        if (!digits(text, len, &pos, 2, &oh))
            return 0;
        if (pos < len && text[pos] == ':')
            pos++;
        if (!digits(text, len, &pos, 2, &om) || oh > 23 || om > 59)
            return 0;
        epoch = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
                sign * (oh * 3600 + om * 60);
    } else {
        epoch = local_to_epoch(NULL, y, mo, d, h, mi, s);
    }
    *out_us = epoch * DHCPLOG_US_PER_S + frac;
    return pos;
}

size_t dhcplog_time_parse_local(struct dhcplog_clock *clock, const char *text, size_t len,
                                int64_t *out_us)
{
    size_t pos = 0;
    int y, mo, d, h, mi, s;
    if (!digits(text, len, &pos, 4, &y) || !expect(text, len, &pos, '-') ||
        !digits(text, len, &pos, 2, &mo) || !expect(text, len, &pos, '-') ||
        !digits(text, len, &pos, 2, &d) || !expect(text, len, &pos, ' ') ||
        !digits(text, len, &pos, 2, &h) || !expect(text, len, &pos, ':') ||
        !digits(text, len, &pos, 2, &mi) || !expect(text, len, &pos, ':') ||
        !digits(text, len, &pos, 2, &s) || !valid_clock(mo, d, h, mi, s))
        return 0;
    int64_t frac = fraction_us(text, len, &pos);
    *out_us = local_to_epoch(clock, y, mo, d, h, mi, s) * DHCPLOG_US_PER_S + frac;
    return pos;
}

size_t dhcplog_time_parse(struct dhcplog_clock *clock, const char *text, size_t len,
                          int64_t *out_us)
{
    if (len > 0 && is_digit(text[0]))
        return dhcplog_time_parse_rfc3339(text, len, out_us);
    return parse_classic(clock, text, len, out_us);
}

int dhcplog_since_parse(const char *text, int64_t now_us, int64_t *out_us, struct pr_error *err)
{
    size_t len = strlen(text);
    /* A duration before now: digits and one unit. */
    size_t n = 0;
    while (n < len && is_digit(text[n]))
        n++;
    if (n > 0 && n <= 9 && n + 1 == len) {
        long long v = 0;
        for (size_t i = 0; i < n; i++)
            v = v * 10 + (text[i] - '0');
        long long unit = 0;
        switch (text[n]) {
        case 's':
            unit = 1;
            break;
        case 'm':
            unit = 60;
            break;
        case 'h':
            unit = 3600;
            break;
        case 'd':
            unit = 86400;
            break;
        default:
            break;
        }
        if (unit != 0) {
            *out_us = now_us - (int64_t)v * unit * DHCPLOG_US_PER_S;
            return 0;
        }
    }
    /* HH:MM[:SS] today, local time. */
    size_t pos = 0;
    int h, mi, s = 0;
    if ((len == 5 || len == 8) && digits(text, len, &pos, 2, &h) && expect(text, len, &pos, ':') &&
        digits(text, len, &pos, 2, &mi) &&
        (len == 5 || (expect(text, len, &pos, ':') && digits(text, len, &pos, 2, &s))) && h <= 23 &&
        mi <= 59 && s <= 59) {
        time_t t = (time_t)(now_us / DHCPLOG_US_PER_S);
        struct tm tm;
        localtime_r(&t, &tm);
        tm.tm_hour = h;
        tm.tm_min = mi;
        tm.tm_sec = s;
        tm.tm_isdst = -1;
        *out_us = (int64_t)mktime(&tm) * DHCPLOG_US_PER_S;
        return 0;
    }
    int64_t us;
    if (len > 0 && dhcplog_time_parse_rfc3339(text, len, &us) == len) {
        *out_us = us;
        return 0;
    }
    return pr_error_set(err, PR_ERR_USAGE,
                        "--since '%s' is not a time: give RFC 3339 (2024-05-14T10:00:00+02:00), "
                        "HH:MM[:SS] for today, or a duration like 90s, 10m, 2h, 1d",
                        text);
}

void dhcplog_time_format(int64_t us, char *buf, size_t buf_len)
{
    int64_t s = us / DHCPLOG_US_PER_S, frac = us % DHCPLOG_US_PER_S;
    if (frac < 0) {
        frac += DHCPLOG_US_PER_S;
        s--;
    }
    time_t t = (time_t)s;
    struct tm tm;
    gmtime_r(&t, &tm);
    if (frac != 0)
        snprintf(buf, buf_len, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (long long)frac);
    else
        snprintf(buf, buf_len, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int64_t dhcplog_time_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * DHCPLOG_US_PER_S + ts.tv_nsec / 1000;
}
