/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared helpers of the unit tests of a configuration dialect whose fixes
 * are appended to the text (header-only: each test_*.c is its own
 * executable): read a text into a switch and judge it, look a port up,
 * check a fact, prove every fix by applying it and judging the port again,
 * and prove the switch's whole --fix block. */
#ifndef CONFIG_TEST_UTIL_H
#define CONFIG_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "driver.h"
#include "rules/rules.h"
#include "util/fileutil.h"

struct ct_dialect {
    int (*read)(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                struct pr_error *err);
    void (*snippet)(const struct pr_switch *sw, const struct pr_port *port,
                    const struct pr_finding *finding, char *buf, size_t buf_len);
    int (*apply)(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                 struct pr_error *err);
    const struct pr_driver *driver;
    char comment; /* a fix that starts with it is advice, not configuration */
};

/* Reads text into sw and judges every port for expect_vlan (-1: none);
 * fails the test when the text is refused. */
static inline void ct_read(const struct ct_dialect *d, struct pr_switch *sw, const char *text,
                           size_t len, int64_t expect_vlan)
{
    pr_switch_init(sw, "test", "test");
    struct pr_error err = {0};
    if (d->read(text, len, "test.cfg", sw, &err) != 0)
        fail_msg("%s", err.msg);
    for (size_t i = 0; i < sw->n_ports; i++)
        sw->ports[i].expect_vlan = expect_vlan;
    rules_judge_switch(sw);
}

static inline struct pr_port *ct_port(struct pr_switch *sw, const char *name)
{
    struct pr_port *p = pr_switch_find_name(sw, name);
    if (p == NULL)
        fail_msg("no port %s", name);
    return p;
}

static inline bool ct_has(const struct pr_port *p, enum pr_finding_id id)
{
    for (size_t i = 0; i < p->n_findings; i++)
        if (p->findings[i].id == id)
            return true;
    return false;
}

static inline void ct_fact(const struct pr_fact *f, int64_t value)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
}

/* The fixture file configs/NAME as a malloc'd text; NULL (with a message)
 * when the fixtures are not here. */
static inline char *ct_fixture(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/configs/%s", PR_FIXTURES, name);
    char *text;
    struct pr_error err = {0};
    if (pr_read_file(path, 1 << 24, &text, len, &err) != 0) {
        print_message("fixture %s absent (../shared not here): skipped\n", path);
        return NULL;
    }
    return text;
}

struct ct_counts {
    unsigned ports, findings, proven;
};

/* Applies each finding's fix to the text, reads it again and judges the
 * same port: the finding must be gone. Fixes that are empty or advice
 * (nothing configuration can do) are counted as findings only. */
static inline void ct_rejudge_all(const struct ct_dialect *d, const char *text, size_t len,
                                  int64_t expect_vlan, struct ct_counts *c)
{
    struct pr_switch sw;
    ct_read(d, &sw, text, len, expect_vlan);
    c->ports += (unsigned)sw.n_ports;
    for (size_t i = 0; i < sw.n_ports; i++) {
        struct pr_port *p = &sw.ports[i];
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            c->findings++;
            char fix[PR_FIX_MAX];
            d->snippet(&sw, p, f, fix, sizeof fix);
            if (fix[0] == '\0' || fix[0] == d->comment)
                continue;
            char *applied;
            size_t applied_len;
            struct pr_error err = {0};
            assert_int_equal(d->apply(text, len, fix, &applied, &applied_len, &err), 0);
            struct pr_switch again;
            ct_read(d, &again, applied, applied_len, expect_vlan);
            if (ct_has(ct_port(&again, p->name), f->id))
                fail_msg("%s: %s is still there after\n%s", p->name, pr_finding_id_name(f->id),
                         fix);
            c->proven++;
            pr_switch_free(&again);
            free(applied);
        }
    }
    pr_switch_free(&sw);
}

/* The switch's whole block (merge_fixes over every finding's fix), applied
 * at once, leaves no finding but info ones (optional, not in the block). */
static inline void ct_block_closes(const struct ct_dialect *d, const char *text, size_t len,
                                   int64_t expect_vlan)
{
    struct pr_switch sw;
    ct_read(d, &sw, text, len, expect_vlan);
    for (size_t i = 0; i < sw.n_ports; i++)
        for (size_t k = 0; k < sw.ports[i].n_findings; k++)
            d->snippet(&sw, &sw.ports[i], &sw.ports[i].findings[k], sw.ports[i].findings[k].fix,
                       sizeof sw.ports[i].findings[k].fix);
    struct pr_fix_block block = {0};
    assert_int_equal(d->driver->merge_fixes(&sw, &block), 0);
    assert_non_null(block.text);
    assert_true(block.paste);
    char *applied;
    size_t applied_len;
    struct pr_error err = {0};
    assert_int_equal(d->apply(text, len, block.text, &applied, &applied_len, &err), 0);
    struct pr_switch again;
    ct_read(d, &again, applied, applied_len, expect_vlan);
    for (size_t i = 0; i < again.n_ports; i++)
        for (size_t k = 0; k < again.ports[i].n_findings; k++)
            if (again.ports[i].findings[k].severity != PR_SEV_INFO)
                fail_msg("%s: %s after the block\n%s", again.ports[i].name,
                         pr_finding_id_name(again.ports[i].findings[k].id), block.text);
    pr_switch_free(&again);
    free(applied);
    pr_fix_block_free(&block);
    pr_switch_free(&sw);
}

#endif
