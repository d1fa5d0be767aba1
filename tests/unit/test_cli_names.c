/* SPDX-License-Identifier: BSD-3-Clause */
/* The dialects' name index: every name added is found again, whatever its
 * case, after the index has doubled many times over; a name never added
 * is not; an empty index finds nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "cli/cli_names.h"

struct item {
    int tag;
    char name[24];
};

static const char *name_of(const void *item)
{
    return ((const struct item *)item)->name;
}

static void empty_index_finds_nothing(void **state)
{
    (void)state;
    struct cli_names ix = {.stride = sizeof(struct item), .name_of = name_of};
    struct item none[1] = {{0, ""}};
    assert_int_equal(cli_names_find(&ix, none, "GigabitEthernet1/0/1"), CLI_NAMES_NONE);
    cli_names_free(&ix);
}

static void every_name_found_after_growth(void **state)
{
    (void)state;
    enum { N = 10000 }; /* 64 doubled eight times: the index is rebuilt on each */
    struct item *items = calloc(N, sizeof *items);
    assert_non_null(items);
    struct cli_names ix = {.stride = sizeof *items, .name_of = name_of};
    struct pr_error err = {0};
    for (size_t k = 0; k < N; k++) {
        assert_int_equal(cli_names_reserve(&ix, items, k, &err), 0);
        items[k].tag = (int)k;
        snprintf(items[k].name, sizeof items[k].name, "GigabitEthernet%zu/0/%zu", k / 48, k % 48);
        cli_names_put(&ix, items, k);
    }
    assert_true(ix.cap >= N);
    char lower[24];
    for (size_t k = 0; k < N; k += 97) {
        snprintf(lower, sizeof lower, "gigabitethernet%zu/0/%zu", k / 48, k % 48);
        size_t at = cli_names_find(&ix, items, lower);
        assert_int_not_equal(at, CLI_NAMES_NONE);
        assert_int_equal(items[at].tag, (int)k);
    }
    /* 10000 / 48 = 208 rows: row 208 holds 16 ports (0..15), so /0/16 is absent. */
    assert_int_equal(cli_names_find(&ix, items, "GigabitEthernet208/0/16"), CLI_NAMES_NONE);
    assert_int_not_equal(cli_names_find(&ix, items, "GigabitEthernet208/0/15"), CLI_NAMES_NONE);
    cli_names_free(&ix);
    free(items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_index_finds_nothing),
        cmocka_unit_test(every_name_found_after_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
