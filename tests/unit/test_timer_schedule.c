/* SPDX-License-Identifier: BSD-3-Clause */
/* portready time's probe schedule: when the probes go every millisecond
 * instead of every --interval, and the BPDU parser that feeds it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "timer/timer_bpdu.h"
#include "timer/timer_schedule.h"

#define US INT64_C(1000)
#define MS INT64_C(1000000)
#define S  INT64_C(1000000000)

static void test_fixed_and_empty(void **state)
{
    (void)state;
    struct timer_schedule s;
    /* --fixed-interval: windows change nothing, every step is 10 ms. */
    timer_schedule_init(&s, 10 * MS, false);
    assert_true(timer_schedule_carrier(&s, 100 * MS));
    assert_false(timer_schedule_fine_at(&s, 120 * MS));
    assert_int_equal(timer_schedule_next(&s, 95 * MS), 105 * MS);
    assert_int_equal(timer_schedule_revise(&s, 105 * MS, 99 * MS), 105 * MS);
    /* Adaptive without windows: the same 10 ms steps. */
    timer_schedule_init(&s, 10 * MS, true);
    assert_int_equal(timer_schedule_next(&s, 95 * MS), 105 * MS);
    /* --interval 1 is fine already: windows do not make it faster. */
    timer_schedule_init(&s, 1 * MS, true);
    timer_schedule_carrier(&s, 0);
    assert_false(timer_schedule_fine_at(&s, 10 * MS));
    assert_int_equal(timer_schedule_next(&s, 10 * MS), 11 * MS);
}

static void test_carrier_window(void **state)
{
    (void)state;
    struct timer_schedule s;
    timer_schedule_init(&s, 10 * MS, true);
    timer_schedule_carrier(&s, 100 * MS); /* fine in [100 ms, 150 ms) */
    assert_false(timer_schedule_fine_at(&s, 100 * MS - 1));
    assert_true(timer_schedule_fine_at(&s, 100 * MS));
    assert_true(timer_schedule_fine_at(&s, 150 * MS - 1));
    assert_false(timer_schedule_fine_at(&s, 150 * MS));
    /* A tick due at 95 ms: the window opens at 100 ms, before 105 ms. */
    assert_int_equal(timer_schedule_next(&s, 95 * MS), 100 * MS);
    assert_int_equal(timer_schedule_next(&s, 100 * MS), 101 * MS);
    /* 149.5 ms is inside: 1 ms on; 150.5 ms is outside: 10 ms on. */
    assert_int_equal(timer_schedule_next(&s, 149 * MS + 500 * US), 150 * MS + 500 * US);
    assert_int_equal(timer_schedule_next(&s, 150 * MS + 500 * US), 160 * MS + 500 * US);
}

static void test_expect_lead(void **state)
{
    (void)state;
    struct timer_schedule s;
    timer_schedule_init(&s, 10 * MS, true);
    /* Lead: 2 x 10 ms + 1 % of 4 s = 20 + 40 = 60 ms. */
    assert_int_equal(timer_schedule_lead_ns(&s, 4 * S), 60 * MS);
    /* 30 s ahead (2 x 15 s): 20 + 300 = 320 ms. */
    assert_int_equal(timer_schedule_lead_ns(&s, 30 * S), 320 * MS);
    assert_int_equal(timer_schedule_lead_ns(&s, 0), 20 * MS);
    /* Forwarding expected at 4000 ms: fine in [3940 ms, 4120 ms). */
    timer_schedule_expect(&s, 4000 * MS, 4 * S);
    assert_false(timer_schedule_fine_at(&s, 3940 * MS - 1));
    assert_true(timer_schedule_fine_at(&s, 3940 * MS));
    assert_true(timer_schedule_fine_at(&s, 4120 * MS - 1));
    assert_false(timer_schedule_fine_at(&s, 4120 * MS));
    /* The answer came: coarse again, even inside the window. */
    timer_schedule_settle(&s);
    assert_false(timer_schedule_fine_at(&s, 4000 * MS));
    assert_int_equal(timer_schedule_next(&s, 4000 * MS), 4010 * MS);
    /* A new bounce forgets the window and the answer. */
    timer_schedule_reset(&s);
    assert_false(timer_schedule_fine_at(&s, 4000 * MS));
    assert_int_equal(timer_schedule_next(&s, 4000 * MS), 4010 * MS);
}

static void test_revise(void **state)
{
    (void)state;
    struct timer_schedule s;
    timer_schedule_init(&s, 10 * MS, true);
    timer_schedule_expect(&s, 4000 * MS, 4 * S); /* [3940, 4120) ms */
    /* Planned before the window opens: unchanged. */
    assert_int_equal(timer_schedule_revise(&s, 1005 * MS, 1000 * MS), 1005 * MS);
    /* Planned at 3945 ms, the window opens at 3940 ms: then. */
    assert_int_equal(timer_schedule_revise(&s, 3945 * MS, 3930 * MS), 3940 * MS);
    /* Open already (now 3950 ms), next coarse tick at 3955 ms: now. */
    assert_int_equal(timer_schedule_revise(&s, 3955 * MS, 3950 * MS), 3950 * MS);
    /* ... unless the next tick is within a fine step anyway. */
    assert_int_equal(timer_schedule_revise(&s, 3950 * MS + 500 * US, 3950 * MS),
                     3950 * MS + 500 * US);
    /* A window that is over changes nothing. */
    assert_int_equal(timer_schedule_revise(&s, 4125 * MS, 4120 * MS), 4125 * MS);
}

static void test_windows_full(void **state)
{
    (void)state;
    struct timer_schedule s;
    timer_schedule_init(&s, 10 * MS, true);
    for (int i = 0; i < TIMER_SCHEDULE_WINDOWS; i++)
        assert_true(timer_schedule_expect(&s, (i + 1) * S, S));
    assert_false(timer_schedule_expect(&s, 10 * S, S));
    assert_false(timer_schedule_carrier(&s, 0));
    assert_false(timer_schedule_fine_at(&s, 10 * S)); /* the dropped one */
}

/* A bounce on the lab's STP bridge (forward delay 2 s), at --interval 10:
 * link up at 0, carrier at 0.1 ms, a BPDU says 2 s: forwarding expected at
 * 0.1 ms + 4 s; the first reply comes at 4010 ms. */
static void test_bounce_ticks(void **state)
{
    (void)state;
    struct timer_schedule s;
    timer_schedule_init(&s, 10 * MS, true);
    int64_t carrier = 100 * US;
    timer_schedule_carrier(&s, carrier);
    int64_t forwarding = timer_schedule_stp_forwarding(carrier, 2 * S);
    assert_int_equal(forwarding, 4000 * MS + 100 * US);
    timer_schedule_expect(&s, forwarding, 4 * S); /* from 3940.1 ms */
    int ticks = 0;
    int64_t gap_near = 0; /* longest step once the window opened */
    int64_t due = 0, reply = 4010 * MS;
    while (due <= reply) {
        ticks++;
        int64_t next = timer_schedule_next(&s, due);
        if (due >= 3940 * MS + 100 * US && next - due > gap_near)
            gap_near = next - due;
        due = next;
    }
    /* Ticks up to the reply: the one at 0; 0.1 to 50.1 ms every 1 ms (51);
     * 60.1 to 3930.1 ms every 10 ms (388); 3940.1 to 4009.1 ms every 1 ms
     * (70): 510. A fixed 10 ms sends 402 (0 to 4010 ms). */
    assert_int_equal(ticks, 1 + 51 + 388 + 70);
    assert_int_equal(gap_near, 1 * MS);
    timer_schedule_settle(&s);
    assert_int_equal(timer_schedule_next(&s, reply), reply + 10 * MS);
}

/* A configuration BPDU after the LLC header, built by the layout in
 * docs/time.md: the root's timers max age 20 s (0x1400 / 256), hello 2 s
 * (0x0200), forward delay as given in 1/256 s. */
static size_t config_bpdu(uint8_t *buf, uint8_t version, uint8_t type, uint8_t flags,
                          uint16_t forward_delay)
{
    memset(buf, 0, 64);
    buf[0] = 0x42;
    buf[1] = 0x42;
    buf[2] = 0x03;
    uint8_t *b = buf + 3;
    b[2] = version;
    b[3] = type;
    b[4] = flags;
    b[5] = 0x80; /* root priority 32768 */
    b[17] = 0x80;
    b[25] = 0x80; /* port 0x8001 */
    b[26] = 0x01;
    b[29] = 0x14; /* max age */
    b[31] = 0x02; /* hello */
    b[33] = (uint8_t)(forward_delay >> 8);
    b[34] = (uint8_t)forward_delay;
    return 3 + 35 + (type == 0x02 ? 1 : 0); /* RST: the Version 1 Length octet */
}

static void test_bpdu_parse(void **state)
{
    (void)state;
    uint8_t buf[64];
    struct timer_bpdu bpdu;
    /* Legacy STP, forward delay 15 s = 0x0f00 / 256. */
    size_t n = config_bpdu(buf, 0, 0x00, 0x00, 0x0f00);
    assert_true(timer_bpdu_parse(buf, n, &bpdu));
    assert_int_equal(bpdu.forward_delay_ns, 15 * S);
    assert_false(bpdu.rapid);
    assert_false(bpdu.learning);
    /* The lab's 2 s = 0x0200; a flag byte of a legacy BPDU (TC, 0x01)
     * says nothing of the port state. */
    n = config_bpdu(buf, 0, 0x00, 0x21, 0x0200);
    assert_true(timer_bpdu_parse(buf, n, &bpdu));
    assert_int_equal(bpdu.forward_delay_ns, 2 * S);
    assert_false(bpdu.forwarding);
    /* RSTP: designated (0x0c) and learning (0x10) = 0x1c; then forwarding
     * too with agreement (0x7c, as a switch sends once it forwards). */
    n = config_bpdu(buf, 2, 0x02, 0x1c, 0x0f00);
    assert_true(timer_bpdu_parse(buf, n, &bpdu));
    assert_true(bpdu.rapid);
    assert_true(bpdu.learning);
    assert_false(bpdu.forwarding);
    assert_int_equal(bpdu.version, 2);
    n = config_bpdu(buf, 2, 0x02, 0x7c, 0x0f00);
    assert_true(timer_bpdu_parse(buf, n, &bpdu));
    assert_true(bpdu.forwarding);
    /* Not BPDUs: truncated, a TCN (type 0x80, 4 octets), another LLC
     * protocol, a protocol identifier other than 0, no forward delay, one
     * over 255 s. */
    n = config_bpdu(buf, 0, 0x00, 0, 0x0f00);
    assert_false(timer_bpdu_parse(buf, n - 1, &bpdu));
    uint8_t tcn[] = {0x42, 0x42, 0x03, 0x00, 0x00, 0x00, 0x80};
    assert_false(timer_bpdu_parse(tcn, sizeof tcn, &bpdu));
    buf[0] = 0xaa;
    assert_false(timer_bpdu_parse(buf, n, &bpdu));
    n = config_bpdu(buf, 0, 0x00, 0, 0x0f00);
    buf[4] = 0x01;
    assert_false(timer_bpdu_parse(buf, n, &bpdu));
    n = config_bpdu(buf, 0, 0x00, 0, 0x0000);
    assert_false(timer_bpdu_parse(buf, n, &bpdu));
    n = config_bpdu(buf, 0, 0x00, 0, 0xff01);
    assert_false(timer_bpdu_parse(buf, n, &bpdu));
    n = config_bpdu(buf, 0, 0x03, 0, 0x0f00); /* unknown type */
    assert_false(timer_bpdu_parse(buf, n, &bpdu));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_and_empty), cmocka_unit_test(test_carrier_window),
        cmocka_unit_test(test_expect_lead),     cmocka_unit_test(test_revise),
        cmocka_unit_test(test_windows_full),    cmocka_unit_test(test_bounce_ticks),
        cmocka_unit_test(test_bpdu_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
