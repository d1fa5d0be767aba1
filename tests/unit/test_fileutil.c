/* SPDX-License-Identifier: BSD-3-Clause */
/* pr_read_file: whole files, the size cap, and an allocator that fails.
 * This test is linked with -Wl,--wrap=realloc (tests/CMakeLists.txt), so
 * every realloc() of the library goes through __wrap_realloc below, which
 * fails on demand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/fileutil.h"

void *__real_realloc(void *ptr, size_t size);
void *__wrap_realloc(void *ptr, size_t size);

/* realloc() to more than this many bytes fails; 0: never. */
static size_t fail_realloc_above;

void *__wrap_realloc(void *ptr, size_t size)
{
    if (fail_realloc_above > 0 && size > fail_realloc_above)
        return NULL;
    return __real_realloc(ptr, size);
}

static char path[256];

static int make_file(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/portready-fileutil.XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    /* 1 MiB of configuration-like lines: several reallocs to read. */
    static char line[64];
    for (int i = 0; i < 20000; i++) {
        int n =
            snprintf(line, sizeof line, "set interfaces ge-0/0/%05d description %20s\n", i, "x");
        if (write(fd, line, (size_t)n) != n) {
            close(fd);
            return -1;
        }
    }
    close(fd);
    return 0;
}

static int remove_file(void **state)
{
    (void)state;
    fail_realloc_above = 0;
    unlink(path);
    return 0;
}

static void whole_file(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    struct pr_error err = {0};
    assert_int_equal(pr_read_file(path, PR_CONFIG_MAX_BYTES, &text, &len, &err), 0);
    assert_true(len > 1000000);
    assert_int_equal(strlen(text), len);
    assert_non_null(strstr(text, "ge-0/0/19999"));
    free(text);
}

/* The allocator gives up half-way: an error, not the first half. */
static void failing_realloc_is_an_error(void **state)
{
    (void)state;
    char *text = (char *)"untouched";
    size_t len = 1;
    struct pr_error err = {0};
    fail_realloc_above = 300000;
    int rc = pr_read_file(path, PR_CONFIG_MAX_BYTES, &text, &len, &err);
    fail_realloc_above = 0;
    assert_int_equal(rc, -1);
    assert_null(text);
    assert_int_equal(len, 0);
    assert_int_equal(err.code, PR_ERR_INTERNAL);
    assert_non_null(strstr(err.msg, "out of memory"));
    assert_non_null(strstr(err.msg, path));
}

static void larger_than_the_cap(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    struct pr_error err = {0};
    assert_int_equal(pr_read_file(path, 100000, &text, &len, &err), -1);
    assert_null(text);
    assert_int_equal(err.code, PR_ERR_INPUT);
    assert_non_null(strstr(err.msg, "larger than"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(whole_file, make_file, remove_file),
        cmocka_unit_test_setup_teardown(failing_realloc_is_an_error, make_file, remove_file),
        cmocka_unit_test_setup_teardown(larger_than_the_cap, make_file, remove_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
