/* SPDX-License-Identifier: BSD-3-Clause */
/* util/json.h, the one JSON emitter every writer uses: commas, nesting,
 * escaping and the values that may be unknown (null). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "util/json.h"

static void test_values_or_null(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    struct json_out j;
    json_init(&j, out, false);
    json_begin_object(&j);
    json_key(&j, "n");
    json_int_or_null(&j, true, -7);
    json_key(&j, "none");
    json_int_or_null(&j, false, 5);
    json_key(&j, "s");
    json_double_or_null(&j, true, 4.0, 3);
    json_key(&j, "t");
    json_double_or_null(&j, false, 1.5, 3);
    json_key(&j, "a");
    json_begin_array(&j);
    json_int_or_null(&j, false, 0);
    json_double_or_null(&j, true, 0.25, 1);
    json_string(&j, "q\"\n");
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
    fclose(out);
    assert_string_equal(
        text, "{\"n\":-7,\"none\":null,\"s\":4.000,\"t\":null,\"a\":[null,0.2,\"q\\\"\\n\"]}\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values_or_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
