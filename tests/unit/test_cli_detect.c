/* SPDX-License-Identifier: BSD-3-Clause */
/* What the dialects' detect() functions share (cli_detect.c): the line
 * scan (indentation counted, trailing blanks and carriage returns off,
 * blank lines and lines with a NUL byte passed over, long lines cut), a
 * score each kind of line adds to once with the line that names it, and
 * the telling words summed over the first MiB. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cli_detect.h"

struct seen {
    size_t n;
    char line[8][256];
    unsigned indent[8], lineno[8];
};

static void record(void *ctx, const char *line, unsigned indent, unsigned lineno)
{
    struct seen *s = ctx;
    assert_true(s->n < 8);
    strcpy(s->line[s->n], line);
    s->indent[s->n] = indent;
    s->lineno[s->n++] = lineno;
}

static void lines_are_cut_trimmed_and_numbered(void **state)
{
    (void)state;
    char text[512] = "  a line  \r\n\n\tx\nbad";
    size_t len = strlen(text);
    /* line 4: "bad", a NUL, "line": passed over */
    memcpy(text + len, "\0line\n", 6);
    len += 6;
    /* line 5: 300 'y's, cut to 255 */
    memset(text + len, 'y', 300);
    len += 300;
    memcpy(text + len, "\nend", 4);
    len += 4;
    struct seen s = {0};
    cli_scan_lines(text, len, record, &s);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.line[0], "a line");
    assert_int_equal(s.indent[0], 2);
    assert_int_equal(s.lineno[0], 1);
    assert_string_equal(s.line[1], "x"); /* line 2 is blank */
    assert_int_equal(s.indent[1], 1);
    assert_int_equal(s.lineno[1], 3);
    assert_int_equal(strlen(s.line[2]), 255);
    assert_int_equal(strspn(s.line[2], "y"), 255);
    assert_int_equal(s.lineno[2], 5);
    assert_string_equal(s.line[3], "end"); /* no newline after it */
    assert_int_equal(s.lineno[3], 6);
    /* len bounds the scan: the first 5 bytes, "  a l", are line 1 only. */
    struct seen first = {0};
    cli_scan_lines(text, 5, record, &first);
    assert_int_equal(first.n, 1);
    assert_string_equal(first.line[0], "a l");
}

static void a_kind_counts_once_and_a_decisive_line_names_the_dialect(void **state)
{
    (void)state;
    struct cli_score sc = {0};
    cli_score_add(&sc, 3, 10, false, "interface 1/1/1", 4);
    cli_score_add(&sc, 3, 10, false, "interface 1/1/2", 7); /* kind 3 again: nothing */
    cli_score_add(&sc, 4, 5, false, "exit", 8);
    assert_int_equal(sc.points, 15);
    assert_string_equal(sc.evidence, "line 4: interface 1/1/1");
    cli_score_add(&sc, 0, 20, true, "ver 08.0.95", 9);
    cli_score_add(&sc, 31, 1, false, "stack unit 1", 10);
    assert_int_equal(sc.points, 36); /* 10 + 5 + 20 + 1 */
    assert_string_equal(sc.evidence, "line 9: ver 08.0.95");
    char ev[64] = "x";
    assert_int_equal(cli_score_result(&sc, 30, ev, sizeof ev), 36);
    assert_string_equal(ev, "line 9: ver 08.0.95");
    assert_int_equal(cli_score_result(&sc, 40, ev, sizeof ev), 0);
    assert_string_equal(ev, "");
    assert_int_equal(cli_score_result(&sc, 36, NULL, 0), 36);
    assert_true(cli_has_prefix("interface 1/1/1", "interface "));
    assert_false(cli_has_prefix("int", "interface"));
}

static void marks_are_summed_from_the_first_mebibyte(void **state)
{
    (void)state;
    static const struct cli_mark marks[] = {{"abc", 20}, {"def", 10}};
    char ev[16] = "x";
    /* def (10) and abc (20): 30, the first mark of the list found is abc. */
    assert_int_equal(cli_marks_score("..def..abc..def", 15, marks, 2, 30, ev, sizeof ev), 30);
    assert_string_equal(ev, "abc");
    /* def alone: 10 < 30: 0, no evidence. */
    assert_int_equal(cli_marks_score("..def..", 7, marks, 2, 30, ev, sizeof ev), 0);
    assert_string_equal(ev, "");
    assert_int_equal(cli_marks_score("..def..", 7, marks, 2, 10, NULL, 0), 10);
    /* A mark that starts at byte 1 MiB is not read; one ending there is. */
    size_t mib = (size_t)1 << 20;
    char *big = malloc(mib + 3);
    assert_non_null(big);
    memset(big, '.', mib + 3);
    memcpy(big + mib, "abc", 3);
    assert_int_equal(cli_marks_score(big, mib + 3, marks, 2, 1, ev, sizeof ev), 0);
    memcpy(big + mib - 3, "def", 3);
    assert_int_equal(cli_marks_score(big, mib + 3, marks, 2, 1, ev, sizeof ev), 10);
    assert_string_equal(ev, "def");
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_are_cut_trimmed_and_numbered),
        cmocka_unit_test(a_kind_counts_once_and_a_decisive_line_names_the_dialect),
        cmocka_unit_test(marks_are_summed_from_the_first_mebibyte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
