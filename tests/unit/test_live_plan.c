/* SPDX-License-Identifier: BSD-3-Clause */
/* The GETBULK plan and the agent's budget (lib/snmp/live_plan.c): which
 * columns a request carries and how many rows each, what a short answer
 * tells of the cap, and how many varbinds a column still needs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "snmp/live_plan.h"
#include "snmp/live_rows.h"

/* A column not begun needs one varbind as far as anyone knows (it may be
 * empty); one with rows told needs the rest and the end marker. */
static void test_need(void **state)
{
    (void)state;
    assert_int_equal(live_plan_need(0, 56, 64), 1);
    /* 56 rows told, 1 seen: 55 rows and the varbind past the end. */
    assert_int_equal(live_plan_need(1, 56, 64), 56);
    /* All 56 seen: only the end marker is left. */
    assert_int_equal(live_plan_need(56, 56, 64), 1);
    /* Past the count (ifStackStatus is not one row per interface): the
     * guess, 64 rows, of which 60 were seen. */
    assert_int_equal(live_plan_need(60, 56, 64), 5);
    /* Past the guess too: twice what was seen (2 * 70 - 70 + 1). */
    assert_int_equal(live_plan_need(70, 56, 64), 71);
    /* No count: the guess. */
    assert_int_equal(live_plan_need(1, 0, 64), 64);
}

/* The bench switch's second request: 9 interface columns of 55 rows and
 * the end (56 each), 7 bridge-port columns of 47, ifStackStatus and 7
 * more guessed at 56, under a cap of 64. Every plan of r = 4 and 16
 * columns fills the answer with rows still needed (64 useful, nothing past
 * an end), the fewest repetitions that do: the 16 neediest columns, in
 * request order. */
static void test_pick_fills_the_answer(void **state)
{
    (void)state;
    size_t need[24];
    for (size_t i = 0; i < 24; i++)
        need[i] = i < 9 ? 56 : i < 16 ? 47 : 56;
    size_t pick[24], reps = 0;
    size_t k = live_plan_pick(need, 24, 64, pick, &reps);
    assert_int_equal(reps, 4);
    assert_int_equal(k, 16);
    /* The 17 columns of need 56 (0-8, 16-23) before those of 47, ties in
     * request order: 0-8 and 16-22. */
    size_t want[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 21, 22};
    for (size_t i = 0; i < 16; i++)
        assert_int_equal(pick[i], want[i]);
}

/* Columns about to end: three need 1 (their end markers), one needs 40.
 * r = 1 gives 4 useful varbinds; r = 40 for the long one alone gives 40;
 * r = 16 for all four gives 16 + 3 = 19. The long one alone, 40 rows. */
static void test_pick_long_last_column(void **state)
{
    (void)state;
    size_t need[4] = {1, 40, 1, 1};
    size_t pick[4], reps = 0;
    size_t k = live_plan_pick(need, 4, 64, pick, &reps);
    /* r = 40 with k = min(4, 64 / 40) = 1: 40 useful; r = 21 with k = 3:
     * 21 + 1 + 1 = 23; r = 40 wins, nothing run past an end. */
    assert_int_equal(k, 1);
    assert_int_equal(pick[0], 1);
    assert_int_equal(reps, 40);
}

/* Ties: need 8 each for 8 columns under 64: r = 8 and k = 8 gives 64;
 * r = 1..7 give k * r < 64. One plan, r = 8. With 16 columns of need 8,
 * r = 4 (16 columns) and r = 8 (8 columns) both fill 64: the fewer
 * repetitions, so more columns advance together. */
static void test_pick_ties(void **state)
{
    (void)state;
    size_t need[16], pick[16], reps = 0;
    for (size_t i = 0; i < 16; i++)
        need[i] = 8;
    assert_int_equal(live_plan_pick(need, 8, 64, pick, &reps), 8);
    assert_int_equal(reps, 8);
    assert_int_equal(live_plan_pick(need, 16, 64, pick, &reps), 16);
    assert_int_equal(reps, 4);
    assert_int_equal(live_plan_pick(need, 0, 64, pick, &reps), 0);
    assert_int_equal(live_plan_pick(need, 16, 0, pick, &reps), 0);
}

/* The first request of a fetch: 41 columns, none begun (need 1 each):
 * one row of every column, 41 varbinds. */
static void test_pick_first_request(void **state)
{
    (void)state;
    size_t need[41], pick[41], reps = 0;
    for (size_t i = 0; i < 41; i++)
        need[i] = 1;
    assert_int_equal(live_plan_pick(need, 41, 64, pick, &reps), 41);
    assert_int_equal(reps, 1);
    assert_int_equal(pick[40], 40);
}

/* The budget before any short answer: 64, then twice the most an answer
 * held (an agent without a cap is found out), never above 1000. */
static void test_budget_grows_until_capped(void **state)
{
    (void)state;
    struct live_budget b = {0};
    assert_int_equal(live_budget_get(&b), 64);
    live_budget_learn(&b, 41, 1, 41); /* 41 x 1 answered whole */
    assert_int_equal(live_budget_get(&b), 82);
    live_budget_learn(&b, 2, 41, 82);
    assert_int_equal(live_budget_get(&b), 164);
    live_budget_learn(&b, 10, 90, 900);
    assert_int_equal(live_budget_get(&b), 1000);
}

/* snmpsim (cap 64) answers 2 columns x 41 with 32 rows each: 64 held,
 * the cap is 64 to 2 * 33 - 1 = 65; the roundest of 64 and 65 is 64.
 * snmpd (cap 100) answers 15 x 8 with 6 rows each: 90 held, the cap is
 * 90 to 15 * 7 - 1 = 104; the roundest number there is 100. */
static void test_budget_learns_the_cap(void **state)
{
    (void)state;
    struct live_budget sim = {0};
    live_budget_learn(&sim, 41, 1, 41);
    live_budget_learn(&sim, 2, 41, 64);
    assert_int_equal(sim.proven, 64);
    assert_int_equal(sim.bound, 65);
    assert_int_equal(live_budget_get(&sim), 64);
    struct live_budget snmpd = {0};
    live_budget_learn(&snmpd, 15, 8, 90);
    assert_int_equal(snmpd.bound, 104);
    assert_int_equal(live_budget_get(&snmpd), 100);
    /* 100 proves too many: 12 columns x 8 answered with 7 rows each (84):
     * the cap is below 12 * 8 = 96, at most 95; 90 held before, so the
     * range is 90-95 and its roundest number 90. */
    live_budget_learn(&snmpd, 12, 8, 84);
    assert_int_equal(snmpd.bound, 95);
    assert_int_equal(live_budget_get(&snmpd), 90);
}

/* An agent that cuts the message by its bytes: 64 x 4 asked, 37 held
 * (not whole rows): the cap is about 37. */
static void test_budget_byte_cut(void **state)
{
    (void)state;
    struct live_budget b = {0};
    live_budget_learn(&b, 16, 4, 37);
    assert_int_equal(b.bound, 37);
    assert_int_equal(live_budget_get(&b), 37);
}

/* tooBig for 16 x 4: half of 64 next, and the proven figure no higher. */
static void test_budget_halve(void **state)
{
    (void)state;
    struct live_budget b = {.proven = 64};
    live_budget_halve(&b, 16, 4);
    assert_int_equal(live_budget_get(&b), 32);
    live_budget_halve(&b, 1, 1);
    assert_int_equal(live_budget_get(&b), 1);
}

/* Which count tells which table's rows: ifNumber for ifTable and ifXTable
 * columns, dot1dBaseNumPorts for the bridge-port tables; nothing for a
 * column of another table or for the entry itself. */
static void test_counts_rows(void **state)
{
    (void)state;
    struct live_counts c = {.rows = {56, 47}};
    const uint32_t if_descr[] = {1, 3, 6, 1, 2, 1, 2, 2, 1, 2};
    const uint32_t if_alias[] = {1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 18};
    const uint32_t stp_state[] = {1, 3, 6, 1, 2, 1, 17, 2, 15, 1, 3};
    const uint32_t pvid[] = {1, 3, 6, 1, 2, 1, 17, 7, 1, 4, 5, 1, 1};
    const uint32_t stack[] = {1, 3, 6, 1, 2, 1, 31, 1, 2, 1, 3};
    const uint32_t if_entry[] = {1, 3, 6, 1, 2, 1, 2, 2, 1};
    assert_int_equal(live_counts_rows(&c, if_descr, 10), 56);
    assert_int_equal(live_counts_rows(&c, if_alias, 11), 56);
    assert_int_equal(live_counts_rows(&c, stp_state, 11), 47);
    assert_int_equal(live_counts_rows(&c, pvid, 13), 47);
    assert_int_equal(live_counts_rows(&c, stack, 11), 0);
    assert_int_equal(live_counts_rows(&c, if_entry, 9), 0);
    size_t len;
    const uint32_t *oid = live_count_oid(0, &len);
    assert_int_equal(len, 9);
    assert_int_equal(oid[7], 1); /* 1.3.6.1.2.1.2.1.0 */
    oid = live_count_oid(1, &len);
    assert_int_equal(len, 10);
    assert_int_equal(oid[8], 2); /* 1.3.6.1.2.1.17.1.2.0 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_need),
        cmocka_unit_test(test_pick_fills_the_answer),
        cmocka_unit_test(test_pick_long_last_column),
        cmocka_unit_test(test_pick_ties),
        cmocka_unit_test(test_pick_first_request),
        cmocka_unit_test(test_budget_grows_until_capped),
        cmocka_unit_test(test_budget_learns_the_cap),
        cmocka_unit_test(test_budget_byte_cut),
        cmocka_unit_test(test_budget_halve),
        cmocka_unit_test(test_counts_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
