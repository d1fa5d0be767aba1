/* SPDX-License-Identifier: BSD-3-Clause */
/* Timestamps of dhcpd syslog lines and of --since. All expectations in
 * UTC (TZ is set to UTC before the tests); epoch values computed by hand
 * with calendar.timegm and written beside each assertion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "dhcplog/dhcplog_time.h"

#define S(x) ((int64_t)(x)*DHCPLOG_US_PER_S)

static int64_t parse(struct dhcplog_clock *c, const char *text)
{
    int64_t us = -1;
    size_t n = dhcplog_time_parse(c, text, strlen(text), &us);
    assert_true(n > 0);
    return us;
}

static void classic_takes_year_of_now(void **state)
{
    (void)state;
    struct dhcplog_clock c;
    dhcplog_clock_init(&c, S(1717200000)); /* now 2024-06-01T00:00:00Z */
    /* 2024-05-14 10:21:03 UTC = 1715682063 */
    assert_int_equal(parse(&c, "May 14 10:21:03 host dhcpd: x"), S(1715682063));
    /* the stamp is 15 characters, the blank after it is not consumed */
    int64_t us;
    assert_int_equal(dhcplog_time_parse(&c, "May 14 10:21:03 host", 20, &us), 15);
}

static void classic_in_the_future_is_last_year(void **state)
{
    (void)state;
    struct dhcplog_clock c;
    dhcplog_clock_init(&c, S(1717200000)); /* now 2024-06-01 */
    /* Jun 5 would be 4 days ahead: 2023-06-05 08:00:00 = 1685952000 */
    assert_int_equal(parse(&c, "Jun  5 08:00:00"), S(1685952000));
}

static void classic_wraps_december_to_january(void **state)
{
    (void)state;
    struct dhcplog_clock c;
    dhcplog_clock_init(&c, S(1735776000)); /* now 2025-01-02, the log spans New Year */
    /* 2024-12-31 23:59:59 = 1735689599; 2025-01-01 00:00:01 = 1735689601 */
    assert_int_equal(parse(&c, "Dec 31 23:59:59"), S(1735689599));
    assert_int_equal(parse(&c, "Jan  1 00:00:01"), S(1735689601));
    /* a late December line after New Year stays in 2024, and January
     * stays in 2025 afterwards (not 2026) */
    assert_int_equal(parse(&c, "Dec 31 23:59:58"), S(1735689598));
    assert_int_equal(parse(&c, "Jan  1 00:00:02"), S(1735689602));
}

static void classic_follow_across_new_year(void **state)
{
    (void)state;
    struct dhcplog_clock c;
    dhcplog_clock_init(&c, S(1735686000)); /* now 2024-12-31T23:00:00, following */
    assert_int_equal(parse(&c, "Dec 31 23:59:59"), S(1735689599)); /* 59 min ahead: 2024 */
    assert_int_equal(parse(&c, "Jan  1 00:00:01"), S(1735689601)); /* then 2025 */
}

static void classic_fraction_and_padding(void **state)
{
    (void)state;
    struct dhcplog_clock c;
    dhcplog_clock_init(&c, S(1717200000));
    assert_int_equal(parse(&c, "May 14 10:21:03.250"), S(1715682063) + 250000);
    /* a zero-padded day reads like a space-padded one: May 4 = May 14 - 10 days */
    assert_int_equal(parse(&c, "May 04 10:21:03"), S(1715682063 - 10 * 86400));
    assert_int_equal(parse(&c, "May  4 10:21:03"), S(1715682063 - 10 * 86400));
}

static void rfc3339_offsets_and_fractions(void **state)
{
    (void)state;
    struct dhcplog_clock c;
    dhcplog_clock_init(&c, S(1717200000));
    /* 10:21:03+02:00 = 08:21:03Z = 1715674863 */
    assert_int_equal(parse(&c, "2024-05-14T10:21:03.123456+02:00"), S(1715674863) + 123456);
    assert_int_equal(parse(&c, "2024-05-14T10:21:03+0200"), S(1715674863));
    assert_int_equal(parse(&c, "2024-05-14T08:21:03Z"), S(1715674863));
    /* nanoseconds are cut to microseconds */
    assert_int_equal(parse(&c, "2024-05-14T08:21:03.123456789Z"), S(1715674863) + 123456);
    /* 10:21:03-05:00 = 15:21:03Z = 1715700063 */
    assert_int_equal(parse(&c, "2024-05-14T10:21:03-05:00"), S(1715700063));
}

static void bad_stamps_are_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "May 32 10:00:00 x",
        "Foo 14 10:00:00 x",
        "May 14 10:21",
        "May 14 24:00:00 x",
        "2024-13-01T00:00:00Z",
        "2024-05-14T25:00:00Z",
        "2024-05-14 10:00:00Z",
        "2024-05-14T10:00:00+2",
        "14 May 10:00:00",
    };
    struct dhcplog_clock c;
    dhcplog_clock_init(&c, S(1717200000));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t us;
        assert_int_equal(dhcplog_time_parse(&c, bad[i], strlen(bad[i]), &us), 0);
    }
}

static void since_forms(void **state)
{
    (void)state;
    int64_t now = S(1717200000) + S(12 * 3600); /* 2024-06-01T12:00:00Z */
    int64_t us;
    struct pr_error err = {0};
    assert_int_equal(dhcplog_since_parse("10m", now, &us, &err), 0);
    assert_int_equal(us, now - S(600));
    assert_int_equal(dhcplog_since_parse("2h", now, &us, &err), 0);
    assert_int_equal(us, now - S(7200));
    assert_int_equal(dhcplog_since_parse("90s", now, &us, &err), 0);
    assert_int_equal(us, now - S(90));
    assert_int_equal(dhcplog_since_parse("1d", now, &us, &err), 0);
    assert_int_equal(us, now - S(86400));
    /* today at 10:30 (UTC) = 2024-06-01 10:30:00 = 1717237800 */
    assert_int_equal(dhcplog_since_parse("10:30", now, &us, &err), 0);
    assert_int_equal(us, S(1717237800));
    assert_int_equal(dhcplog_since_parse("10:30:15", now, &us, &err), 0);
    assert_int_equal(us, S(1717237815));
    assert_int_equal(dhcplog_since_parse("2024-05-14T10:21:03+02:00", now, &us, &err), 0);
    assert_int_equal(us, S(1715674863));
}

static void since_refuses_nonsense(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "yesterday", "10x", "25:00", "10:60", "m", "2024-05-14T10:21:03+02:00junk"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t us = 7;
        struct pr_error err = {0};
        assert_int_equal(dhcplog_since_parse(bad[i], S(1717200000), &us, &err), -1);
        assert_int_equal(err.code, PR_ERR_USAGE);
        assert_non_null(strstr(err.msg, "--since"));
        assert_int_equal(us, 7);
    }
}

static void format_utc(void **state)
{
    (void)state;
    char buf[40];
    dhcplog_time_format(S(1715674863) + 123456, buf, sizeof buf);
    assert_string_equal(buf, "2024-05-14T08:21:03.123456Z");
    dhcplog_time_format(S(1715674863), buf, sizeof buf);
    assert_string_equal(buf, "2024-05-14T08:21:03Z");
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(classic_takes_year_of_now),
        cmocka_unit_test(classic_in_the_future_is_last_year),
        cmocka_unit_test(classic_wraps_december_to_january),
        cmocka_unit_test(classic_follow_across_new_year),
        cmocka_unit_test(classic_fraction_and_padding),
        cmocka_unit_test(rfc3339_offsets_and_fractions),
        cmocka_unit_test(bad_stamps_are_refused),
        cmocka_unit_test(since_forms),
        cmocka_unit_test(since_refuses_nonsense),
        cmocka_unit_test(format_utc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
