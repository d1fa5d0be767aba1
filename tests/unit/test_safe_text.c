/* SPDX-License-Identifier: BSD-3-Clause */
/* util/safe_text.h and the JSON strings built on it: hostile bytes written
 * for the test (escape sequences, C1 controls, bytes that are not UTF-8)
 * never reach a terminal or a JSON string as they came, real UTF-8 does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/json.h"
#include "util/safe_text.h"

static void test_utf8_len(void **state)
{
    (void)state;
    assert_int_equal(pr_utf8_len("a"), 1);
    assert_int_equal(pr_utf8_len("\xc3\xbc"), 2);         /* ü */
    assert_int_equal(pr_utf8_len("\xe6\x97\xa5"), 3);     /* 日 */
    assert_int_equal(pr_utf8_len("\xf0\x9f\x98\x80"), 4); /* U+1F600 */
    assert_int_equal(pr_utf8_len("\xff"), 0);
    assert_int_equal(pr_utf8_len("\x80"), 0);             /* stray continuation */
    assert_int_equal(pr_utf8_len("\xc0\xaf"), 0);         /* overlong '/' */
    assert_int_equal(pr_utf8_len("\xed\xa0\x80"), 0);     /* surrogate U+D800 */
    assert_int_equal(pr_utf8_len("\xf4\x90\x80\x80"), 0); /* past U+10FFFF */
    assert_int_equal(pr_utf8_len("\xe2\x82"), 0);         /* cut by the end */
    assert_true(pr_utf8_is_control("\x1b", 1));
    assert_true(pr_utf8_is_control("\x7f", 1));
    assert_true(pr_utf8_is_control("\xc2\x9b", 2)); /* C1 CSI */
    assert_false(pr_utf8_is_control("\xc2\xa0", 2));
    assert_false(pr_utf8_is_control("a", 1));
}

static void test_text_safe(void **state)
{
    (void)state;
    char out[128];
    /* ESC of a colour and of a title, BEL, C1 CSI, backspace, CR, LF: one
     * '?' each; the rest of the sequence is harmless text. */
    pr_text_safe(out, sizeof out,
                 "\x1b[31mred\x1b]0;t\x07 \xc2\x9b"
                 "2J\b\r\nx");
    assert_string_equal(out, "?[31mred?]0;t? ?2J???x");
    /* Bytes that are not UTF-8: one '?' per byte; UTF-8 kept. */
    pr_text_safe(out, sizeof out,
                 "\xff \xc0\xaf Gr\xc3\xbc\xc3\x9f"
                 "e \xe2\x82");
    assert_string_equal(out, "? ?? Gr\xc3\xbc\xc3\x9f"
                             "e ??");
    /* Cut at a character boundary, never inside ü. */
    pr_text_safe(out, 4, "ab\xc3\xbc");
    assert_string_equal(out, "ab");
    /* In place, and per line keeping the newlines. */
    char s[] = "a\x1b[0m\nb\xff\n";
    pr_text_make_safe_lines(s);
    assert_string_equal(s, "a?[0m\nb?\n");
    char t[] = "x\ny\x1b";
    pr_text_make_safe(t);
    assert_string_equal(t, "x?y?");
}

static void test_json_strings(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    json_write_escaped(out, "\x1b[1m\xc2\x9b\xff\xc0\xaf\xed\xa0\x80 \xc3\xbc\x7f\t\"\\");
    fclose(out);
    /* Invalid bytes are U+FFFD, controls (C0, DEL, C1) escaped, ü as is:
     * before, 0xff, the overlong and the surrogate went through raw
     * (invalid JSON) and U+009B raw. */
    assert_string_equal(text, "\"\\u001b[1m\\u009b\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd "
                              "\xc3\xbc\\u007f\\t\\\"\\\\\"");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_len),
        cmocka_unit_test(test_text_safe),
        cmocka_unit_test(test_json_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
