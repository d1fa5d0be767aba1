/* SPDX-License-Identifier: BSD-3-Clause */
/* portready time's pure logic: statistics, verdicts and causes, the summary
 * over bounces and outages, exit codes, the one-line timelines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "timer/timer_report.h"
#include "timer/timer_run.h"

#define MS INT64_C(1000000)
#define S  INT64_C(1000000000)

static void test_stats(void **state)
{
    (void)state;
    int64_t odd[] = {40, 10, 30};
    int64_t mn, md, mx;
    timer_stats(odd, 3, &mn, &md, &mx);
    assert_int_equal(mn, 10);
    assert_int_equal(md, 30);
    assert_int_equal(mx, 40);
    /* Even count: mean of the two middle values, (20 + 30) / 2. */
    int64_t even[] = {30, 10, 40, 20};
    timer_stats(even, 4, &mn, &md, &mx);
    assert_int_equal(md, 25);
    int64_t one[] = {7};
    timer_stats(one, 1, &mn, &md, &mx);
    assert_int_equal(mn + md + mx, 21);
}

static void test_verdict_thresholds(void **state)
{
    (void)state;
    assert_int_equal(timer_verdict_for(0), TIMER_READY);
    assert_int_equal(timer_verdict_for(2 * S), TIMER_READY); /* at most 2 s */
    assert_int_equal(timer_verdict_for(2 * S + 1), TIMER_WARNING);
    assert_int_equal(timer_verdict_for(10 * S), TIMER_WARNING); /* at most 10 s */
    assert_int_equal(timer_verdict_for(10 * S + 1), TIMER_NOT_READY);
    assert_int_equal(timer_verdict_for(TIMER_NONE), TIMER_UNKNOWN);
    assert_string_equal(timer_verdict_name(TIMER_NOT_READY), "not-ready");
}

static struct timer_bounce bounce(int64_t up, int64_t carrier, int64_t reply)
{
    struct timer_bounce b;
    memset(&b, 0, sizeof b);
    b.down_ns = up - 5 * S;
    b.up_ns = up;
    b.carrier_up_ns = carrier;
    b.first_arp_reply_ns = TIMER_NONE;
    b.first_reply_ns = reply;
    return b;
}

static void test_causes(void **state)
{
    (void)state;
    struct timer_bounce b = bounce(100 * S, 100 * S + 5 * MS, 100 * S + 300 * MS);
    assert_null(timer_cause_for(&b)); /* ready */
    /* 30.4 s: within 3 s of 2 x 15 s forward delay. */
    b = bounce(0, 2 * MS, 30400 * MS);
    assert_non_null(strstr(timer_cause_for(&b), "2 x 15 s"));
    /* 49 s: within 3 s of 20 s max age + 2 x 15 s. */
    b = bounce(0, 2 * MS, 49 * S);
    assert_non_null(strstr(timer_cause_for(&b), "max-age"));
    /* 4 s, carrier at once: the switch held traffic. */
    b = bounce(0, 1 * MS, 4 * S);
    assert_non_null(strstr(timer_cause_for(&b), "held traffic"));
    /* 6 s of which the carrier took 5 s: the link itself. */
    b = bounce(0, 5 * S, 6 * S);
    assert_non_null(strstr(timer_cause_for(&b), "link itself"));
    b = bounce(0, 1 * MS, TIMER_NONE);
    assert_non_null(strstr(timer_cause_for(&b), "never answered"));
}

static void add_bounce(struct timer_run *run, int64_t reach)
{
    struct pr_error err;
    struct timer_bounce *b = timer_run_add_bounce(run, &err);
    assert_non_null(b);
    b->down_ns = 0;
    b->up_ns = 5 * S;
    b->carrier_up_ns = 5 * S + 1 * MS;
    b->first_reply_ns = reach == TIMER_NONE ? TIMER_NONE : 5 * S + reach;
}

static void test_summary_and_exit(void **state)
{
    (void)state;
    struct timer_run run;
    timer_run_init(&run, TIMER_MODE_LOCAL);
    run.count = 3;
    add_bounce(&run, 4010 * MS);
    add_bounce(&run, 4030 * MS);
    add_bounce(&run, 1500 * MS);
    struct timer_summary s;
    struct pr_error err;
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(s.answered, 3);
    assert_int_equal(s.min_ns, 1500 * MS);
    assert_int_equal(s.median_ns, 4010 * MS);
    assert_int_equal(s.max_ns, 4030 * MS);
    /* The slowest bounce (4.03 s) decides: warning, exit 1. */
    assert_int_equal(s.verdict, TIMER_WARNING);
    assert_int_equal(timer_exit_code(&run, &s), 1);
    /* One bounce without an answer makes the whole run unknown: exit 3. */
    add_bounce(&run, TIMER_NONE);
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(s.measured, 4);
    assert_int_equal(s.answered, 3);
    assert_int_equal(s.verdict, TIMER_UNKNOWN);
    assert_int_equal(timer_exit_code(&run, &s), 3);
    timer_run_free(&run);

    /* 31 s: not ready, exit 2. */
    timer_run_init(&run, TIMER_MODE_LOCAL);
    add_bounce(&run, 31 * S);
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(timer_exit_code(&run, &s), 2);
    /* Interrupted: exit 3 whatever was measured. */
    run.interrupted = true;
    assert_int_equal(timer_exit_code(&run, &s), 3);
    timer_run_free(&run);
    timer_run_free(&run); /* a freed run can be freed again */
}

static void test_watch_summary(void **state)
{
    (void)state;
    struct timer_run run;
    timer_run_init(&run, TIMER_MODE_WATCH);
    struct pr_error err;
    struct timer_outage *o = timer_run_add_outage(&run, &err);
    o->last_reply_ns = 1000 * MS;
    o->first_lost_sent_ns = 1010 * MS;
    o->first_reply_ns = 6045 * MS;
    struct timer_summary s;
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(s.median_ns, 5035 * MS); /* first lost probe -> first reply */
    /* The thresholds of a bounce: a 5.035 s outage is a warning... */
    assert_int_equal(s.verdict, TIMER_WARNING);
    assert_non_null(strstr(s.cause, "includes the time the link was held down"));
    assert_non_null(strstr(s.cause, "includes the time the link was held down"));
    assert_int_equal(timer_exit_code(&run, &s), 1);
    /* ...unless the bouncing side held the link down 4 s of it. */
    run.down_for_s = 4;
    assert_int_equal(timer_outage_blackout_ns(&run, o), 1035 * MS);
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(s.verdict, TIMER_READY);
    assert_null(s.cause);
    assert_int_equal(timer_exit_code(&run, &s), 0);
    run.down_for_s = 6; /* never below 0 */
    assert_int_equal(timer_outage_blackout_ns(&run, o), 0);
    run.down_for_s = 1;
    o->first_reply_ns = 32045 * MS; /* 1 s down, then 30 s: STP forward delay */
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(s.verdict, TIMER_NOT_READY);
    assert_non_null(strstr(s.cause, "2 x 15 s"));
    assert_int_equal(timer_exit_code(&run, &s), 2);
    o = timer_run_add_outage(&run, &err);
    o->first_lost_sent_ns = 9 * S; /* never ended */
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(s.verdict, TIMER_UNKNOWN);
    assert_int_equal(timer_exit_code(&run, &s), 3);
    timer_run_free(&run);
}

static void test_text_lines(void **state)
{
    (void)state;
    struct timer_run run;
    timer_run_init(&run, TIMER_MODE_LOCAL);
    run.count = 2;
    run.arp = true;
    struct pr_error err;
    struct timer_bounce *b = timer_run_add_bounce(&run, &err);
    b->down_ns = 10 * S;
    b->up_ns = 15 * S;                       /* down 5.00 s */
    b->carrier_up_ns = 15 * S + 120000;      /* +0.12 ms -> "0.1 ms" */
    b->first_arp_reply_ns = 19040 * MS;      /* carrier -> ARP: 4039.88 ms -> "4039.9 ms" */
    b->first_reply_ns = 19040 * MS + 300000; /* up -> reply: 4040.3 ms */
    b->restored_addresses = 1;
    b->restored_routes = 2;
    char line[512];
    timer_text_bounce(&run, 0, line, sizeof line);
    assert_string_equal(line, "bounce 1/2: down 5.00 s | up -> carrier 0.1 ms | carrier -> ARP "
                              "reply 4039.9 ms | up -> first reply 4040.3 ms | warning | put "
                              "back 1 address, 2 routes");
    b->first_reply_ns = TIMER_NONE;
    b->restored_addresses = b->restored_routes = 0;
    timer_text_bounce(&run, 0, line, sizeof line);
    assert_string_equal(line, "bounce 1/2: down 5.00 s | up -> carrier 0.1 ms | carrier -> ARP "
                              "reply 4039.9 ms | up -> first reply - | unknown");
    timer_run_free(&run);

    timer_run_init(&run, TIMER_MODE_WATCH);
    struct timer_outage *o = timer_run_add_outage(&run, &err);
    o->last_reply_ns = 1000 * MS;
    o->first_lost_sent_ns = 1008 * MS;
    o->first_reply_ns = 6044 * MS;
    o->lost = 1;
    timer_text_outage(&run, 0, line, sizeof line);
    assert_string_equal(line, "outage 1: last reply -> first lost probe 8.0 ms | first lost "
                              "probe -> first reply 5036.0 ms | 1 probe lost | warning");
    run.down_for_s = 5;
    timer_text_outage(&run, 0, line, sizeof line);
    assert_string_equal(line, "outage 1: last reply -> first lost probe 8.0 ms | first lost "
                              "probe -> first reply 5036.0 ms | 1 probe lost | less --down-for "
                              "5.00 s: 36.0 ms | ready");
    timer_run_free(&run);
}

/* summary text: the verdict line of timer_text_summary, read back. */
static void verdict_line(const struct timer_run *run, char *out, size_t len)
{
    struct timer_summary s;
    struct pr_error err;
    assert_int_equal(timer_summarize(run, &s, &err), 0);
    char text[2048] = "";
    FILE *f = fmemopen(text, sizeof text - 1, "w");
    assert_non_null(f);
    timer_text_summary(f, run, &s);
    fclose(f);
    const char *line = strstr(text, "verdict: ");
    assert_non_null(line);
    snprintf(out, len, "%.*s", (int)strcspn(line, "\n"), line);
}

/* A run cut short (something not put back, interrupted) answers nothing for
 * sure: the run's verdict is unknown beside exit 3, and the line says why
 * before what was measured. */
static void test_cut_short_verdict(void **state)
{
    (void)state;
    struct timer_run run;
    timer_run_init(&run, TIMER_MODE_LOCAL);
    snprintf(run.iface, sizeof run.iface, "eth0");
    run.count = 1;
    add_bounce(&run, 300 * MS); /* 0.3 s: ready */
    struct timer_summary s;
    struct pr_error err;
    char line[1024], reason[TIMER_REASON_LEN];
    verdict_line(&run, line, sizeof line);
    assert_string_equal(line, "verdict: ready");

    run.not_restored = 1;
    snprintf(run.not_restored_what, sizeof run.not_restored_what,
             "route 198.18.0.0/24 table 101 via 10.77.0.1 dev eth0");
    assert_int_equal(timer_summarize(&run, &s, &err), 0);
    assert_int_equal(s.measured_verdict, TIMER_READY);
    assert_int_equal(s.verdict, TIMER_UNKNOWN);
    assert_int_equal(timer_exit_code(&run, &s), 3);
    verdict_line(&run, line, sizeof line);
    assert_string_equal(line, "verdict: unknown: eth0 was not restored: 1 of what it had is "
                              "missing; measured: ready");
    /* The JSON summary's cause is the same words. */
    timer_verdict_reason(&run, &s, reason, sizeof reason);
    assert_string_equal(reason, "eth0 was not restored: 1 of what it had is missing; measured: "
                                "ready");

    /* A slow bounce keeps its cause after the measured verdict. */
    timer_run_free(&run);
    timer_run_init(&run, TIMER_MODE_LOCAL);
    snprintf(run.iface, sizeof run.iface, "eth0");
    add_bounce(&run, 4 * S); /* 4 s, carrier at once: warning, held traffic */
    run.not_restored = 2;
    verdict_line(&run, line, sizeof line);
    assert_string_equal(line, "verdict: unknown: eth0 was not restored: 2 of what it had are "
                              "missing; measured: warning: the switch held traffic after the link "
                              "came up (STP forward delay on a port that is not edge, LACP without "
                              "fallback, port security)");

    /* Interrupted after a ready bounce: what was measured so far. */
    run.not_restored = 0;
    run.interrupted = true;
    run.bounces[0].first_reply_ns = 5 * S + 10 * MS;
    verdict_line(&run, line, sizeof line);
    assert_string_equal(line, "verdict: unknown: interrupted: the measurement is incomplete; "
                              "measured so far: ready");
    /* Interrupted while waiting: the bounce cut short never answered, and
     * that is no "never answered within --timeout". */
    run.bounces[0].first_reply_ns = TIMER_NONE;
    verdict_line(&run, line, sizeof line);
    assert_string_equal(line, "verdict: unknown: interrupted: the measurement is incomplete");

    /* A switch port not enabled again is named as the port of the switch. */
    timer_run_free(&run);
    timer_run_init(&run, TIMER_MODE_SWITCH);
    snprintf(run.sw, sizeof run.sw, "10.0.0.2");
    snprintf(run.port, sizeof run.port, "Gi1/0/12");
    add_bounce(&run, 300 * MS);
    run.not_restored = 1;
    verdict_line(&run, line, sizeof line);
    assert_string_equal(line, "verdict: unknown: port Gi1/0/12 of 10.0.0.2 was not restored: 1 of "
                              "what it had is missing; measured: ready");
    timer_run_free(&run);
}

static void test_probes_window(void **state)
{
    (void)state;
    struct timer_probes p = {0};
    struct pr_error err;
    for (uint32_t i = 0; i < 1000; i++)
        assert_int_equal(timer_probes_add(&p, TIMER_PROBE_ICMP, i, i * MS, false, &err), i);
    assert_int_equal(p.v[999].reply_ns, TIMER_NONE);
    timer_probes_drop_front(&p, 990);
    assert_int_equal(p.n, 10);
    assert_int_equal(p.v[0].seq, 990);
    timer_probes_drop_front(&p, 50);
    assert_int_equal(p.n, 0);
    timer_probes_free(&p);
    timer_probes_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats),         cmocka_unit_test(test_verdict_thresholds),
        cmocka_unit_test(test_causes),        cmocka_unit_test(test_summary_and_exit),
        cmocka_unit_test(test_watch_summary), cmocka_unit_test(test_text_lines),
        cmocka_unit_test(test_probes_window), cmocka_unit_test(test_cut_short_verdict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
