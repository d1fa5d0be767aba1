/* SPDX-License-Identifier: BSD-3-Clause */
/* The drivers' CLI dialects: every one is complete and its patterns
 * compile; each family's real prompts and pagers are taken by its own
 * dialect, the Junos prompt by no IOS-style one and the other way round
 * (what lets the core tell families from the prompt), and a configuration
 * line is neither a prompt nor a pager. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "driver.h"
#include "ssh/cli_clean.h"

static const struct pr_driver *dialect_driver(const char *name)
{
    const struct pr_driver *d = pr_driver_find(name);
    assert_non_null(d);
    assert_non_null(d->cli);
    return d;
}

static void compile(const struct pr_cli_dialect *d, struct pr_cli_patterns *p)
{
    struct pr_error err = {0};
    if (pr_cli_patterns_compile(p, d->prompts, d->pagers, d->above_prompt, d->errors, &err) != 0)
        fail_msg("%s: %s", d->name, err.msg);
}

static bool is_prompt(const char *driver, const char *line)
{
    struct pr_cli_patterns p;
    compile(dialect_driver(driver)->cli, &p);
    bool is = pr_cli_line_matches(p.prompts, p.n_prompts, line, strlen(line));
    pr_cli_patterns_free(&p);
    return is;
}

static bool is_pager(const char *driver, const char *line)
{
    struct pr_cli_patterns p;
    compile(dialect_driver(driver)->cli, &p);
    bool is = pr_cli_line_matches(p.pagers, p.n_pagers, line, strlen(line));
    pr_cli_patterns_free(&p);
    return is;
}

static void test_every_dialect_complete(void **state)
{
    (void)state;
    const struct pr_driver *drivers[16];
    size_t n = pr_driver_cli_list(drivers, 16);
    assert_true(n >= 3);
    for (size_t i = 0; i < n && i < 16; i++) {
        const struct pr_cli_dialect *d = drivers[i]->cli;
        assert_non_null(d->name);
        assert_non_null(d->show_config);
        assert_non_null(d->show_version);
        assert_non_null(d->paging_off);
        assert_non_null(d->prompts);
        assert_non_null(d->prompts[0]);
        assert_non_null(d->pagers);
        assert_non_null(d->errors);
        /* A driver that reads CLI output reads configurations. */
        assert_non_null(drivers[i]->read_config);
        struct pr_cli_patterns p;
        compile(d, &p);
        pr_cli_patterns_free(&p);
    }
    /* generic-snmp reads no configuration, so no CLI. */
    assert_null(pr_driver_find("generic-snmp")->cli);
}

static void test_prompts(void **state)
{
    (void)state;
    assert_true(is_prompt("juniper", "alice@e1-1> "));
    assert_true(is_prompt("juniper", "alice@e1-1#"));
    assert_true(is_prompt("juniper", "root@sw:RE:0%"));
    assert_false(is_prompt("juniper", "sw1#"));
    const char *ios_style[] = {
        "sw1#", "sw1>", "sw1(config-if)#", "switch# ", "HP-E2910al-48G-PoE#", "TEST_SW123#"};
    for (size_t i = 0; i < sizeof ios_style / sizeof ios_style[0]; i++) {
        assert_true(is_prompt("cisco", ios_style[i]));
        assert_true(is_prompt("aruba", ios_style[i]));
    }
    assert_false(is_prompt("cisco", "alice@e1-1>"));
    assert_false(is_prompt("aruba", "alice@e1-1>"));
    const char *not_prompts[] = {"interface GigabitEthernet1/0/1",
                                 " description uplink#",
                                 "set protocols rstp interface ge-0/0/1 edge",
                                 "!",
                                 "#",
                                 ""};
    for (size_t i = 0; i < sizeof not_prompts / sizeof not_prompts[0]; i++) {
        assert_false(is_prompt("cisco", not_prompts[i]));
        assert_false(is_prompt("juniper", not_prompts[i]));
        assert_false(is_prompt("aruba", not_prompts[i]));
    }
}

static void test_pagers(void **state)
{
    (void)state;
    assert_true(is_pager("juniper", "---(more)---"));
    assert_true(is_pager("juniper", "---(more 45%)---"));
    assert_true(is_pager("cisco", " --More-- "));
    assert_true(is_pager("cisco", "--More--"));
    assert_true(
        is_pager("aruba", "-- MORE --, next page: Space, next line: Enter, quit: Control-C"));
    assert_true(is_pager("aruba", "Press any key to continue"));
    assert_false(is_pager("cisco", " description --More-- uplink"));
    assert_false(is_pager("juniper", "set interfaces ge-0/0/1 description more"));
}

/* What each family says when a command is refused. */
static void test_refusals(void **state)
{
    (void)state;
    struct {
        const char *driver, *text;
    } cases[] = {
        {"cisco", "      ^\n% Invalid input detected at '^' marker.\n"},
        {"cisco", "% Invalid input (privileged mode required)\n"},
        {"juniper", "                  ^\nsyntax error, expecting <command>.\n"},
        {"juniper", "error: permission denied\n"},
        {"aruba", "Invalid input: page\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct pr_cli_patterns p;
        compile(dialect_driver(cases[i].driver)->cli, &p);
        char line[120];
        if (!pr_cli_output_error(cases[i].text, strlen(cases[i].text), &p, line, sizeof line))
            fail_msg("%s: '%s' not taken for a refusal", cases[i].driver, cases[i].text);
        pr_cli_patterns_free(&p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_dialect_complete),
        cmocka_unit_test(test_prompts),
        cmocka_unit_test(test_pagers),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
