/* SPDX-License-Identifier: BSD-3-Clause */
/* The CLI output cleaner: line ends, overwriting carriage returns,
 * backspaces, ANSI escapes, each pager style CLIs use (Cisco, Junos, the
 * "-- MORE --" of Dell/FS/Ruckus, ProCurve's full-screen one and its
 * "Press any key to continue"), prompts, echo, the lines above a prompt,
 * refused commands, and that cutting the bytes anywhere changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ssh/cli_clean.h"

/* Patterns as a dialect table gives them (the tests may name vendors;
 * lib/ssh never does). */
static const char *const prompts[] = {
    "^[A-Za-z0-9._/:-]+(\\([A-Za-z0-9._/-]+\\))?[>#]$",
    "^[A-Za-z0-9._-]+@[A-Za-z0-9._:-]+[>#%]$",
    NULL,
};
static const char *const pagers[] = {
    "^ *--[ ]?[Mm][Oo][Rr][Ee][ ]?-- *$",
    "^---\\(more( [0-9]+%)?\\)---$",
    "^-- MORE --, next page: Space.*$",
    "^Press any key to continue$",
    NULL,
};
static const char *const above[] = {"^\\{(master|backup|linecard)(:[0-9]+)?\\}$", "^\\[edit.*\\]$",
                                    NULL};
static const char *const errors[] = {"^% ?(Invalid|Incomplete|Ambiguous|Unknown|Authorization)",
                                     "^(error|syntax error|unknown command)", NULL};

struct fixture {
    struct pr_cli_patterns pat;
    struct pr_cli_clean clean;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    struct pr_error err = {0};
    if (f == NULL || pr_cli_patterns_compile(&f->pat, prompts, pagers, above, errors, &err) != 0)
        return -1;
    pr_cli_clean_init(&f->clean);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    pr_cli_clean_free(&f->clean);
    pr_cli_patterns_free(&f->pat);
    free(f);
    return 0;
}

static void feed(struct fixture *f, const char *bytes)
{
    assert_int_equal(pr_cli_clean_feed(&f->clean, bytes, strlen(bytes)), 0);
}

/* Completed text and partial line as they stand. */
static void expect_text(struct fixture *f, const char *text, const char *partial)
{
    size_t len;
    const char *p = pr_cli_clean_partial(&f->clean, &len);
    assert_string_equal(p, partial);
    assert_int_equal(f->clean.line_start + len, f->clean.len);
    char *done = strndup(f->clean.text != NULL ? f->clean.text : "", f->clean.line_start);
    assert_string_equal(done, text);
    free(done);
}

static char *output(struct fixture *f, size_t mark, const char *command)
{
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(pr_cli_clean_output(&f->clean, mark, command, &f->pat, &out, &len), 0);
    assert_int_equal(strlen(out), len);
    return out;
}

static void test_line_ends(void **state)
{
    struct fixture *f = *state;
    feed(f, "one\r\ntwo\n\rthree\r\r\nfour\nfive");
    expect_text(f, "one\ntwo\nthree\nfour\n", "five");
}

static void test_carriage_return_overwrites(void **state)
{
    struct fixture *f = *state;
    feed(f, "abcdef\rxy\nq\r");
    expect_text(f, "xy\n", "q");
    feed(f, "z\n"); /* the lone CR took effect once the next byte came */
    expect_text(f, "xy\nz\n", "");
}

static void test_backspace(void **state)
{
    struct fixture *f = *state;
    /* "\b \b" erasing, a backspace at the start of a line, and a UTF-8
     * character (two bytes) erased whole. */
    feed(f, "abc\b \b\bX\n\b\bok\n\xc3\xa9t\xc3\xa9\b\n");
    expect_text(f, "aX\nok\n\xc3\xa9t\n", "");
}

static void test_ansi_escapes(void **state)
{
    struct fixture *f = *state;
    feed(f, "\x1b[1mbold\x1b[0m \x1b[38;5;208mcolour\x1b[m\r\n"
            "\x1b]0;sw1: title\x07text\x1b]2;other\x1b\\ more\r\n"
            "\x1b(B\x1b"
            "7\x1b"
            "8\x1b=\x1b>plain\x1b[?25l\x1b[?25h\r\n"
            "\x1bPdevice control\x1b\\dcs gone\r\n");
    expect_text(f, "bold colour\ntext more\nplain\ndcs gone\n", "");
}

static void test_erase_line_escapes(void **state)
{
    struct fixture *f = *state;
    feed(f, "junk\x1b[2Kkept\r\nmore junk\x1b[1Gnew\x1b[K\r\nabc\x1b[Kdef\n");
    expect_text(f, "kept\nnew\nabcdef\n", "");
}

static void test_controls_dropped(void **state)
{
    struct fixture *f = *state;
    static const char bytes[] = "a\0b\x07"
                                "c\x7f"
                                "d\x01\x02\x1f\te\x80\xff\n";
    assert_int_equal(pr_cli_clean_feed(&f->clean, bytes, sizeof bytes - 1), 0);
    expect_text(f, "abcd\te\x80\xff\n", "");
}

/* IOS: " --More-- " then, after the space, backspaces over it. */
static void test_pager_cisco(void **state)
{
    struct fixture *f = *state;
    feed(f, "interface Gi1/0/1\r\n --More-- ");
    assert_true(pr_cli_clean_take_pager(&f->clean, &f->pat));
    assert_false(pr_cli_clean_take_pager(&f->clean, &f->pat));
    feed(f, "\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b shutdown\r\n");
    expect_text(f, "interface Gi1/0/1\n shutdown\n", "");
}

/* NX-OS: the pager in reverse video, erased with CR and erase-to-end. */
static void test_pager_nxos(void **state)
{
    struct fixture *f = *state;
    feed(f, "vlan 100\r\n\x1b[7m--More--\x1b[m");
    assert_true(pr_cli_clean_take_pager(&f->clean, &f->pat));
    feed(f, "\r\x1b[K  name pxe\r\n");
    expect_text(f, "vlan 100\n  name pxe\n", "");
}

static void test_pager_junos(void **state)
{
    struct fixture *f = *state;
    feed(f, "set interfaces ge-0/0/1 unit 0\r\n---(more 45%)---");
    assert_true(pr_cli_clean_take_pager(&f->clean, &f->pat));
    feed(f, "\r                                        \rset protocols rstp\r\n---(more)---");
    assert_true(pr_cli_clean_take_pager(&f->clean, &f->pat));
    feed(f, "\r            \rset vlans pxe vlan-id 100\r\n");
    expect_text(
        f, "set interfaces ge-0/0/1 unit 0\nset protocols rstp\nset vlans pxe vlan-id 100\n", "");
}

static void test_pager_more_next_page(void **state)
{
    struct fixture *f = *state;
    feed(f, "interface ethernet 1/1/1\r\n-- MORE --, next page: Space, next line: Enter, quit: "
            "Control-C");
    assert_true(pr_cli_clean_take_pager(&f->clean, &f->pat));
    feed(f, "\r                                                               \r"
            " switchport access vlan 100\r\n");
    expect_text(f, "interface ethernet 1/1/1\n switchport access vlan 100\n", "");
}

/* ProCurve: full-screen cursor addressing around its pager, and "Press
 * any key to continue" before the first prompt. */
static void test_pager_procurve(void **state)
{
    struct fixture *f = *state;
    feed(f, "\x1b[1;24r\x1b[24;1HHP J9148A Switch 2910al-48G-PoE\r\n\r\nPress any key to continue");
    assert_true(pr_cli_clean_take_pager(&f->clean, &f->pat));
    feed(f, "\x1b[2J\x1b[?7l\x1b[3;23r\x1b[?6l\x1b[24;1H\x1b[?25h\x1b[24;1Hsw1#");
    char prompt[64];
    assert_true(pr_cli_clean_prompt(&f->clean, &f->pat, prompt, sizeof prompt));
    assert_string_equal(prompt, "sw1#");
    pr_cli_clean_discard(&f->clean);
    size_t mark = pr_cli_clean_mark(&f->clean);
    pr_cli_clean_drop_partial(&f->clean);
    feed(f, "show running-config\r\n\x1b[24;1H\r\nRunning configuration:\r\n"
            "; J9148A Configuration Editor\r\n\x1b[24;1H\x1b[2K-- MORE --, next page: Space, "
            "next line: Enter, quit: Control-C");
    assert_true(pr_cli_clean_take_pager(&f->clean, &f->pat));
    feed(f, "\x1b[24;1H\x1b[2Khostname \"sw1\"\r\n\x1b[24;1H\x1b[2Ksw1# ");
    assert_true(pr_cli_clean_prompt(&f->clean, &f->pat, prompt, sizeof prompt));
    char *out = output(f, mark, "show running-config");
    assert_string_equal(
        out, "\nRunning configuration:\n; J9148A Configuration Editor\nhostname \"sw1\"\n");
    free(out);
}

static void test_prompts(void **state)
{
    struct fixture *f = *state;
    struct {
        const char *partial;
        const char *prompt; /* NULL: not a prompt */
    } cases[] = {
        {"sw1#", "sw1#"},
        {"sw1>", "sw1>"},
        {"sw1(config-if)#", "sw1(config-if)#"},
        {"alice@e1-1> ", "alice@e1-1>"},
        {"alice@e1-1# ", "alice@e1-1#"},
        {"sw1# hostname", NULL},
        {"description uplink#", NULL},
        {"##########", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pr_cli_clean_free(&f->clean);
        pr_cli_clean_init(&f->clean);
        feed(f, "banner line\r\n");
        feed(f, cases[i].partial);
        char prompt[64] = "";
        bool is = pr_cli_clean_prompt(&f->clean, &f->pat, prompt, sizeof prompt);
        if (cases[i].prompt == NULL) {
            if (is)
                fail_msg("'%s' taken for a prompt", cases[i].partial);
        } else {
            if (!is)
                fail_msg("'%s' not taken for a prompt", cases[i].partial);
            assert_string_equal(prompt, cases[i].prompt);
        }
    }
}

/* A prompt longer than any real one is not looked at. */
static void test_long_partial_is_no_prompt(void **state)
{
    struct fixture *f = *state;
    char line[PR_CLI_PROMPT_MAX + 10];
    memset(line, 'a', sizeof line - 2);
    line[sizeof line - 2] = '#';
    line[sizeof line - 1] = '\0';
    feed(f, line);
    assert_false(pr_cli_clean_prompt(&f->clean, &f->pat, NULL, 0));
}

static void test_output_echo_and_above_prompt(void **state)
{
    struct fixture *f = *state;
    const char *command = "show configuration | display set";
    size_t mark = pr_cli_clean_mark(&f->clean);
    feed(f, "show configuration | display set \r\n"
            "set system host-name e1-1   \r\n"
            "---(more)---\r\n"
            "set protocols rstp interface ge-0/0/1 edge\r\n"
            "\r\n{master:0}\r\nalice@e1-1> ");
    char *out = output(f, mark, command);
    assert_string_equal(out,
                        "set system host-name e1-1\nset protocols rstp interface ge-0/0/1 edge\n");
    free(out);
}

/* A device that redraws the prompt with the echo; one that does not echo
 * (its first line is output and stays). */
static void test_output_echo_forms(void **state)
{
    struct fixture *f = *state;
    size_t mark = pr_cli_clean_mark(&f->clean);
    feed(f, "sw1#terminal length 0\r\nsw1#");
    char *out = output(f, mark, "terminal length 0");
    assert_string_equal(out, "");
    free(out);
    pr_cli_clean_discard(&f->clean);
    pr_cli_clean_drop_partial(&f->clean);
    mark = pr_cli_clean_mark(&f->clean);
    feed(f, "\r\nBuilding configuration...\r\n\r\nhostname sw1\r\nend\r\n\r\nsw1#");
    out = output(f, mark, "show running-config");
    assert_string_equal(out, "\nBuilding configuration...\n\nhostname sw1\nend\n");
    free(out);
}

static void test_refused_command(void **state)
{
    struct fixture *f = *state;
    char line[80];
    const char *text = "\n% Invalid input detected at '^' marker.\n";
    assert_true(pr_cli_output_error(text, strlen(text), &f->pat, line, sizeof line));
    assert_string_equal(line, "% Invalid input detected at '^' marker.");
    text = "                                ^\nsyntax error, expecting <command>.\n";
    assert_true(pr_cli_output_error(text, strlen(text), &f->pat, line, sizeof line));
    assert_string_equal(line, "syntax error, expecting <command>.");
    text = "hostname sw1\n!\nend\n% Invalid later on is configuration text\n";
    assert_false(pr_cli_output_error(text, strlen(text), &f->pat, line, sizeof line));
    assert_false(pr_cli_output_error("", 0, &f->pat, line, sizeof line));
}

/* The same bytes cut at every place give the same text. */
static void test_chunking(void **state)
{
    struct fixture *f = *state;
    const char *bytes = "\x1b]0;t\x07"
                        "a\r\nb\x1b[1mc\x1b[0m\r\n --More-- \b\b\b\b\b\b\b\b\b\b          "
                        "\b\b\b\b\b\b\b\b\b\bd\rE\r\n\xc3\xa9\b\x1b(Bz\r\n";
    feed(f, bytes);
    char *whole = strdup(f->clean.text);
    size_t n = strlen(bytes);
    for (size_t cut = 0; cut <= n; cut++) {
        struct pr_cli_clean c;
        pr_cli_clean_init(&c);
        assert_int_equal(pr_cli_clean_feed(&c, bytes, cut), 0);
        assert_int_equal(pr_cli_clean_feed(&c, bytes + cut, n - cut), 0);
        assert_string_equal(c.text, whole);
        pr_cli_clean_free(&c);
    }
    struct pr_cli_clean c;
    pr_cli_clean_init(&c);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(pr_cli_clean_feed(&c, bytes + i, 1), 0);
    assert_string_equal(c.text, whole);
    pr_cli_clean_free(&c);
    free(whole);
}

static void test_bad_pattern(void **state)
{
    (void)state;
    static const char *const bad[] = {"^(unclosed", NULL};
    struct pr_cli_patterns p;
    struct pr_error err = {0};
    assert_int_equal(pr_cli_patterns_compile(&p, bad, NULL, NULL, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "^(unclosed"));
    pr_cli_patterns_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_line_ends, setup, teardown),
        cmocka_unit_test_setup_teardown(test_carriage_return_overwrites, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backspace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ansi_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_erase_line_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_controls_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pager_cisco, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pager_nxos, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pager_junos, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pager_more_next_page, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pager_procurve, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prompts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_partial_is_no_prompt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_output_echo_and_above_prompt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_output_echo_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused_command, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chunking, setup, teardown),
        cmocka_unit_test(test_bad_pattern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
