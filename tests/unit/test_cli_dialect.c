/* SPDX-License-Identifier: BSD-3-Clause */
/* The read pipeline of the line-oriented dialects (cli_dialect.c), over a
 * toy dialect whose model keeps its lines and whose fill() adds one port a
 * line: a text it does not recognise is refused with its origin, the
 * comment lines never reach build(), note() sees the raw text, a failed
 * fill() frees the model and leaves the switch's as it was, a second read
 * frees the first model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cli_detect.h"
#include "cli/cli_dialect.h"

struct toy_model {
    struct cli_text *lines;
    size_t raw_len; /* what note() saw */
};

static int n_freed;

static int toy_detect(const char *text, size_t len, char *evidence, size_t evidence_len)
{
    static const struct cli_mark marks[] = {{"toy-os", 30}};
    return cli_marks_score(text, len, marks, 1, 30, evidence, evidence_len);
}

static int toy_build(struct cli_text *lines, void **model, struct pr_error *err)
{
    struct toy_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(lines);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->lines = lines;
    *model = m;
    return 0;
}

static void toy_note(void *model, const char *text, size_t len)
{
    (void)text;
    ((struct toy_model *)model)->raw_len = len;
}

static int toy_fill(const void *model, struct pr_switch *sw, struct pr_error *err)
{
    const struct toy_model *m = model;
    for (size_t i = 0; i < m->lines->n_lines; i++) {
        if (strcmp(m->lines->lines[i].text, "fail") == 0)
            return pr_error_set(err, PR_ERR_INPUT, "line %u fails", m->lines->lines[i].lineno);
        if (pr_switch_add_port(sw, m->lines->lines[i].text, err) == NULL)
            return -1;
    }
    return 0;
}

static void toy_free(void *model)
{
    struct toy_model *m = model;
    if (m == NULL)
        return;
    n_freed++;
    cli_text_free(m->lines);
    free(m);
}

static const struct cli_dialect toy = {
    .refusal = "not a toy configuration",
    .detect = toy_detect,
    .comment = '!',
    .build = toy_build,
    .note = toy_note,
    .fill = toy_fill,
    .free = toy_free,
};

/* Another dialect: its model is not toy's. */
static void other_free(void *model)
{
    (void)model;
}

static const struct cli_dialect other = {.free = other_free};

static void refuses_what_it_does_not_recognise(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "s", "h");
    struct pr_error err = {0};
    const char *text = "hostname s\ninterface 1\n";
    assert_int_equal(cli_dialect_read(&toy, text, strlen(text), "s.cfg", &sw, &err), -1);
    assert_int_equal(err.code, PR_ERR_UNSUPPORTED);
    assert_string_equal(err.msg, "s.cfg: not a toy configuration");
    /* No origin: "configuration"; no text: refused the same way. */
    assert_int_equal(cli_dialect_read(&toy, text, strlen(text), NULL, &sw, &err), -1);
    assert_string_equal(err.msg, "configuration: not a toy configuration");
    assert_int_equal(cli_dialect_read(&toy, NULL, 0, "none", &sw, &err), -1);
    assert_string_equal(err.msg, "none: not a toy configuration");
    assert_int_equal(sw.n_ports, 0);
    assert_null(sw.driver_priv);
    pr_switch_free(&sw);
}

static void reads_lines_into_ports_and_keeps_the_model(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "s", "h");
    struct pr_error err = {0};
    /* Lines: "toy-os", "! a comment" (dropped: the comment character),
     * "", "eth1", "eth2": three significant lines, three ports. */
    const char *text = "toy-os\n! a comment\n\neth1\neth2\n";
    assert_int_equal(cli_dialect_read(&toy, text, strlen(text), "t.cfg", &sw, &err), 0);
    assert_int_equal(sw.n_ports, 3);
    assert_string_equal(sw.ports[0].name, "toy-os");
    assert_string_equal(sw.ports[1].name, "eth1");
    assert_string_equal(sw.ports[2].name, "eth2");
    const struct toy_model *m = cli_dialect_model(&toy, &sw);
    assert_non_null(m);
    assert_ptr_equal(m, sw.driver_priv);
    assert_int_equal(m->raw_len, strlen(text)); /* 29 bytes, note() saw them all */
    assert_null(cli_dialect_model(&other, &sw));
    assert_null(cli_dialect_model(&toy, NULL));
    n_freed = 0;
    pr_switch_free(&sw);
    assert_int_equal(n_freed, 1);
}

static void a_failed_fill_frees_its_model_and_keeps_the_switchs(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "s", "h");
    struct pr_error err = {0};
    const char *first = "toy-os\neth1\n";
    assert_int_equal(cli_dialect_read(&toy, first, strlen(first), "a.cfg", &sw, &err), 0);
    const void *kept = sw.driver_priv;
    n_freed = 0;
    /* read_as does not detect: the text has no toy-os line and is read. */
    const char *bad = "eth2\nfail\n";
    assert_int_equal(cli_dialect_read_as(&toy, bad, strlen(bad), "b.cfg", &sw, &err), -1);
    assert_string_equal(err.msg, "line 2 fails");
    assert_int_equal(n_freed, 1); /* b.cfg's model */
    assert_ptr_equal(sw.driver_priv, kept);
    /* A read that succeeds frees the model it replaces. */
    const char *second = "eth3\n";
    assert_int_equal(cli_dialect_read_as(&toy, second, strlen(second), NULL, &sw, &err), 0);
    assert_int_equal(n_freed, 2); /* a.cfg's model */
    assert_ptr_not_equal(sw.driver_priv, kept);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(refuses_what_it_does_not_recognise),
        cmocka_unit_test(reads_lines_into_ports_and_keeps_the_model),
        cmocka_unit_test(a_failed_fill_frees_its_model_and_keeps_the_switchs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
