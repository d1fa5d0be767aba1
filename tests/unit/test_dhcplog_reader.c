/* SPDX-License-Identifier: BSD-3-Clause */
/* The line splitter: lines across chunk boundaries, CR LF, a last line
 * without newline, and lines over the limit skipped and counted however
 * they are chunked. Also a whole file through dhcplog_input_read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dhcplog/dhcplog_input.h"
#include "dhcplog/dhcplog_reader.h"

struct collected {
    char text[4096];
    size_t lines;
    size_t overlong;
};

static int on_line(void *ctx, const char *line, size_t len)
{
    struct collected *c = ctx;
    strncat(c->text, line, len);
    strcat(c->text, "|");
    c->lines++;
    return 0;
}

static void on_overlong(void *ctx)
{
    ((struct collected *)ctx)->overlong++;
}

/* Feeds input in chunks of chunk bytes through a splitter with max_line. */
static void split(const char *input, size_t chunk, size_t max_line, struct collected *c)
{
    memset(c, 0, sizeof *c);
    struct dhcplog_splitter sp;
    assert_int_equal(dhcplog_splitter_init(&sp, max_line, on_line, on_overlong, c, NULL), 0);
    size_t len = strlen(input);
    for (size_t at = 0; at < len; at += chunk)
        assert_int_equal(
            dhcplog_splitter_feed(&sp, input + at, len - at < chunk ? len - at : chunk), 0);
    assert_int_equal(dhcplog_splitter_flush(&sp), 0);
    dhcplog_splitter_free(&sp);
}

static void lines_whatever_the_chunks(void **state)
{
    (void)state;
    const char *input = "one\r\ntwo\n\nthree";
    for (size_t chunk = 1; chunk <= 16; chunk++) {
        struct collected c;
        split(input, chunk, 16, &c);
        /* CR dropped, the empty line kept (the tracker ignores it), last line flushed */
        assert_string_equal(c.text, "one|two||three|");
        assert_int_equal(c.overlong, 0);
    }
}

static void overlong_lines_are_skipped(void **state)
{
    (void)state;
    /* limit 8: "12345678" fits, "123456789" (9) does not, nor the 40-byte one */
    const char *input = "12345678\n123456789\nok\n"
                        "0123456789012345678901234567890123456789\nend";
    for (size_t chunk = 1; chunk <= 50; chunk++) {
        struct collected c;
        split(input, chunk, 8, &c);
        assert_string_equal(c.text, "12345678|ok|end|");
        assert_int_equal(c.overlong, 2);
    }
    /* a CR after a line of exactly the limit is not part of the line */
    struct collected c;
    split("12345678\r\n", 3, 8, &c);
    assert_string_equal(c.text, "12345678|");
    assert_int_equal(c.overlong, 0);
    /* an overlong last line without newline */
    split("ok\n0123456789", 4, 8, &c);
    assert_string_equal(c.text, "ok|");
    assert_int_equal(c.overlong, 1);
}

static void whole_file_through_input(void **state)
{
    (void)state;
    char path[] = "/tmp/portready-dhcplog-reader.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char text[] = "a\nb\nc";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    struct collected c = {0};
    struct dhcplog_splitter sp;
    assert_int_equal(dhcplog_splitter_init(&sp, 64, on_line, on_overlong, &c, NULL), 0);
    struct dhcplog_input_options o = {0};
    struct pr_error err = {0};
    assert_int_equal(dhcplog_input_read(path, &sp, &o, &err), 0);
    assert_string_equal(c.text, "a|b|c|");
    unlink(path);
    /* a missing file and a directory are errors naming the path */
    assert_int_equal(dhcplog_input_read(path, &sp, &o, &err), -1);
    assert_int_equal(err.code, PR_ERR_IO);
    assert_non_null(strstr(err.msg, path));
    assert_int_equal(dhcplog_input_read("/tmp", &sp, &o, &err), -1);
    assert_non_null(strstr(err.msg, "/tmp"));
    dhcplog_splitter_free(&sp);
}

/* Each line's offset in the input, as the splitter says while handing it. */
struct offsets {
    const struct dhcplog_splitter *sp;
    uint64_t at[8];
    size_t n;
};

static int on_line_offset(void *ctx, const char *line, size_t len)
{
    struct offsets *o = ctx;
    (void)line;
    (void)len;
    if (o->n < 8)
        o->at[o->n++] = o->sp->line_offset;
    return 0;
}

static void line_offsets_whatever_the_chunks(void **state)
{
    (void)state;
    /* "one\r\n" at 0, "two\n" at 5, "\n" at 9, an overlong line at 10
     * (skipped: 20 x's and its newline, 21 bytes), "four" at 31, flushed */
    char input[64];
    snprintf(input, sizeof input, "one\r\ntwo\n\n%s\nfour", "xxxxxxxxxxxxxxxxxxxx");
    size_t len = strlen(input);
    for (size_t chunk = 1; chunk <= 40; chunk++) {
        struct offsets o = {0};
        struct dhcplog_splitter sp;
        o.sp = &sp;
        assert_int_equal(dhcplog_splitter_init(&sp, 16, on_line_offset, NULL, &o, NULL), 0);
        for (size_t at = 0; at < len; at += chunk)
            assert_int_equal(
                dhcplog_splitter_feed(&sp, input + at, len - at < chunk ? len - at : chunk), 0);
        assert_int_equal(dhcplog_splitter_flush(&sp), 0);
        dhcplog_splitter_free(&sp);
        assert_int_equal(o.n, 4);
        assert_int_equal(o.at[0], 0);
        assert_int_equal(o.at[1], 5);
        assert_int_equal(o.at[2], 9);
        assert_int_equal(o.at[3], 31);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_whatever_the_chunks),
        cmocka_unit_test(overlong_lines_are_skipped),
        cmocka_unit_test(whole_file_through_input),
        cmocka_unit_test(line_offsets_whatever_the_chunks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
