/* SPDX-License-Identifier: BSD-3-Clause */
/* audit --shard K/N: every switch in exactly one of the N shards, the
 * union of the shards the whole inventory, a switch's shard fixed by its
 * name and N alone (adding a switch moves no other), and going from N to
 * N + 1 shards moving only about 1/(N + 1) of the switches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/shard.h"

#define N_NAMES 2000

static void name_of(char *buf, size_t len, size_t i)
{
    snprintf(buf, len, "rack%02zu-%c", i / 4, "abcd"[i % 4]);
}

static void test_each_switch_in_exactly_one_shard(void **state)
{
    (void)state;
    for (unsigned n = 1; n <= 7; n++) {
        unsigned per_shard[8] = {0};
        for (size_t i = 0; i < N_NAMES; i++) {
            char name[32];
            name_of(name, sizeof name, i);
            unsigned holders = 0;
            for (unsigned k = 1; k <= n; k++) {
                if (shard_holds(name, k, n)) {
                    holders++;
                    per_shard[k - 1]++;
                }
            }
            assert_int_equal(holders, 1);
            assert_true(shard_of(name, n) < n);
        }
        /* Balanced: each shard within 25 % of its fair part. */
        for (unsigned k = 0; k < n; k++) {
            double fair = (double)N_NAMES / n;
            assert_true(per_shard[k] > fair * 0.75 && per_shard[k] < fair * 1.25);
        }
    }
}

static void test_stable_and_consistent(void **state)
{
    (void)state;
    /* Fixed values: the split must not change between releases, or
     * workers on different versions would audit some switches twice. */
    assert_int_equal(shard_of("rack12-a", 2), 1);
    assert_int_equal(shard_of("rack12-c", 2), 0);
    assert_int_equal(shard_of("rack12-a", 16), 12);
    assert_int_equal(shard_of("rack12-b", 16), 4);
    assert_int_equal(shard_of("rack12-c", 16), 15);
    assert_int_equal(shard_of("anything", 1), 0);
    unsigned moved = 0;
    for (size_t i = 0; i < N_NAMES; i++) {
        char name[32];
        name_of(name, sizeof name, i);
        unsigned before = shard_of(name, 4), after = shard_of(name, 5);
        if (before != after) {
            moved++;
            /* A switch that moves goes to the new shard only. */
            assert_int_equal(after, 4);
        }
    }
    /* About a fifth moves (jump consistent hash), not most of them (modulo). */
    assert_true(moved > N_NAMES / 5 * 0.75 && moved < N_NAMES / 5 * 1.25);
}

static void test_parse(void **state)
{
    (void)state;
    unsigned k = 0, n = 0;
    struct pr_error err = {0};
    assert_int_equal(shard_parse("2/4", &k, &n, &err), 0);
    assert_int_equal(k, 2);
    assert_int_equal(n, 4);
    assert_int_equal(shard_parse("1/1", &k, &n, &err), 0);
    const char *bad[] = {"", "2", "/4", "2/", "0/4", "5/4", "a/b", "2/4/6", "-1/4", "1/10001"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (shard_parse(bad[i], &k, &n, &err) == 0)
            fail_msg("'%s' parsed", bad[i]);
        assert_int_equal(err.code, PR_ERR_USAGE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_switch_in_exactly_one_shard),
        cmocka_unit_test(test_stable_and_consistent),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
