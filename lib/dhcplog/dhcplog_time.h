/* SPDX-License-Identifier: BSD-3-Clause */
/* Timestamps of syslog lines and of the --since option.
 *
 * All times are int64_t microseconds since the Unix epoch (UTC). Classic
 * syslog stamps ("May 14 10:21:03") are local time without a year: the
 * year is inferred by struct dhcplog_clock (see dhcplog_clock_init). RFC
 * 3339 stamps as journald and rsyslog write them
 * ("2024-05-14T10:21:03.123456+02:00") carry their own offset; their
 * fractional seconds are kept to the microsecond.
 *
 * No allocation: every struct here is owned by the caller. */
#ifndef PR_DHCPLOG_TIME_H
#define PR_DHCPLOG_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

#define DHCPLOG_US_PER_S 1000000LL

/* Year inference and a cache of local-time conversions for classic stamps. */
struct dhcplog_clock {
    int64_t now_us;    /* "now" for the year of the first classic stamp */
    bool have_year;    /* a classic stamp has been seen */
    int year;          /* year of the latest classic stamp */
    int last_month;    /* month (1-12) of the latest classic stamp */
    int64_t cache_key; /* year*1000000 + month*10000 + day*100 + hour, or -1 */
    int64_t cache_s;   /* epoch seconds of that local hour */
};

/* now_us: the current time (tests pass a fixed one). The first classic
 * stamp takes the year of now_us, or the year before when that would put
 * it more than a day in the future (a December log read in January).
 * Later stamps keep that year, move to the next one when the month goes
 * from December to January, and take the previous year for a stray
 * December line after January (lines slightly out of order). */
void dhcplog_clock_init(struct dhcplog_clock *clock, int64_t now_us);

/* Parses the timestamp at the start of text[0..len) (classic or RFC 3339)
 * and stores it in *out_us. Returns the number of characters consumed (the
 * stamp only, not the blank after it), or 0 when text does not start with
 * a valid stamp. */
size_t dhcplog_time_parse(struct dhcplog_clock *clock, const char *text, size_t len,
                          int64_t *out_us);

/* Parses an RFC 3339 date-time (offset optional: local time without one)
 * at the start of text[0..len); returns characters consumed or 0. */
size_t dhcplog_time_parse_rfc3339(const char *text, size_t len, int64_t *out_us);

/* Kea's own stamps, "2026-12-01 21:26:09.354": local time, converted
 * through clock's cache of local hours. Returns characters consumed or 0. */
size_t dhcplog_time_parse_local(struct dhcplog_clock *clock, const char *text, size_t len,
                                int64_t *out_us);

/* The --since argument: an RFC 3339 date-time, "HH:MM[:SS]" (today, local
 * time) or a duration before now ("90s", "10m", "2h", "1d"). */
int dhcplog_since_parse(const char *text, int64_t now_us, int64_t *out_us, struct pr_error *err);

/* Writes us as RFC 3339 in UTC ("2024-05-14T08:21:03Z", with .ffffff
 * only when the fraction is not zero) into buf (at least 32 bytes). */
void dhcplog_time_format(int64_t us, char *buf, size_t buf_len);

/* The current time in microseconds (CLOCK_REALTIME). */
int64_t dhcplog_time_now(void);

#endif
