/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared helpers of the unit tests of a configuration dialect whose fixes
 * are appended to the text (header-only: each test_*.c is its own
 * executable): read a real file into a switch and judge it, check a fact,
 * prove every fix by applying it and judging the port again, and prove
 * the switch's whole --fix block at once with uplinks left as they were.
 * A dialect is its reader, snippet writer and applier. */
#ifndef DIALECT_TEST_UTIL_H
#define DIALECT_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/roles.h"
#include "core/survey.h"
#include "driver.h"
#include "rules/rules.h"

struct dt_dialect {
    const struct pr_driver *driver;
    int (*read)(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                struct pr_error *err);
    int (*apply)(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                 struct pr_error *err);
    char comment; /* the dialect's comment character: a fix of comments only is advice */
    /* The findings whose fix may be advice only (besides auto-negotiation). */
    enum pr_finding_id advice_ok[4];
    size_t n_advice_ok;
};

static inline char *dt_slurp(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[size] = '\0';
    *len = (size_t)size;
    return buf;
}

static inline void dt_read(const struct dt_dialect *d, struct pr_switch *sw, const char *text,
                           size_t len, const char *name)
{
    pr_switch_init(sw, name, name);
    struct pr_error err = {0};
    if (d->read(text, len, name, sw, &err) != 0)
        fail_msg("%s: %s", name, err.msg);
    rules_judge_switch(sw);
}

/* Reads dir/name (skipping the test when a shared fixture is absent) and
 * judges every port; the caller frees the text. */
static inline char *dt_load(const struct dt_dialect *d, const char *dir, const char *name,
                            bool fixture, struct pr_switch *sw, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s", dir, name);
    char *text = dt_slurp(path, len);
    if (text == NULL && fixture) {
        print_message("fixture %s absent (../shared not here): skipped\n", path);
        skip();
    }
    if (text == NULL)
        fail_msg("cannot read %s", path);
    dt_read(d, sw, text, *len, name);
    return text;
}

static inline struct pr_port *dt_port(struct pr_switch *sw, const char *name)
{
    struct pr_port *p = pr_switch_find_name(sw, name);
    if (p == NULL)
        fail_msg("no port %s", name);
    return p;
}

static inline bool dt_has(const struct pr_port *p, enum pr_finding_id id)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id)
            return true;
    }
    return false;
}

static inline void dt_fact(const struct pr_fact *f, int64_t value)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
}

static inline void dt_unknown(const struct pr_fact *f)
{
    if (f->known)
        fail_msg("fact = %lld (%s), expected unknown", (long long)f->value, f->evidence);
}

/* The fix of finding id on port; fails when the port has no such finding. */
static inline const char *dt_fix(const struct dt_dialect *d, struct pr_switch *sw,
                                 const char *port_name, enum pr_finding_id id)
{
    static char fix[PR_FIX_MAX];
    struct pr_port *p = dt_port(sw, port_name);
    rules_judge_port(sw, p);
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id) {
            d->driver->snippet(sw, p, &p->findings[i], fix, sizeof fix);
            return fix;
        }
    }
    fail_msg("%s has no %s finding", port_name, pr_finding_id_name(id));
    return NULL;
}

static inline bool dt_is_advice(const struct dt_dialect *d, const char *fix)
{
    for (const char *l = fix; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
        if (*l != d->comment && *l != '\n')
            return false;
    }
    return true;
}

static inline bool dt_advice_ok(const struct dt_dialect *d, enum pr_finding_id id)
{
    if (id == PR_F_AUTONEG_ON)
        return true;
    for (size_t i = 0; i < d->n_advice_ok; i++) {
        if (d->advice_ok[i] == id)
            return true;
    }
    return false;
}

struct dt_count {
    unsigned files, ports, findings, proven, advised;
    unsigned per_id[PR_F_COUNT]; /* proven, by finding */
};

/* Applies the fix of each finding of each port to text, reads the result
 * and judges the same port again: the finding must be gone. Advice (a fix
 * of comments only) is counted, not applied, for the findings the dialect
 * allows it for. */
static inline void dt_rejudge_all(const struct dt_dialect *d, const char *name, const char *text,
                                  size_t len, int64_t expect_vlan, struct dt_count *count)
{
    struct pr_switch sw;
    dt_read(d, &sw, text, len, name);
    count->ports += (unsigned)sw.n_ports;
    for (size_t i = 0; i < sw.n_ports; i++) {
        struct pr_port *p = &sw.ports[i];
        p->expect_vlan = expect_vlan;
        rules_judge_port(&sw, p);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            count->findings++;
            char fix[PR_FIX_MAX];
            d->driver->snippet(&sw, p, f, fix, sizeof fix);
            if (dt_is_advice(d, fix)) {
                if (!dt_advice_ok(d, f->id) || fix[0] != d->comment)
                    fail_msg("%s %s %s: no configuration fix (\"%s\")", name, p->name,
                             pr_finding_id_name(f->id), fix);
                count->advised++;
                continue;
            }
            char *applied;
            size_t applied_len;
            struct pr_error err = {0};
            if (d->apply(text, len, fix, &applied, &applied_len, &err) != 0)
                fail_msg("apply: %s", err.msg);
            struct pr_switch again;
            pr_switch_init(&again, name, name);
            if (d->read(applied, applied_len, name, &again, &err) != 0)
                fail_msg("%s after applying \"%s\": %s", name, fix, err.msg);
            struct pr_port *q = pr_switch_find_name(&again, p->name);
            if (q == NULL)
                fail_msg("%s: port %s gone after applying \"%s\"", name, p->name, fix);
            q->expect_vlan = expect_vlan;
            rules_judge_port(&again, q);
            if (dt_has(q, f->id))
                fail_msg("%s %s: %s still there after applying\n%s", name, p->name,
                         pr_finding_id_name(f->id), fix);
            count->proven++;
            count->per_id[f->id]++;
            pr_switch_free(&again);
            free(applied);
        }
    }
    pr_switch_free(&sw);
}

/* Whether every fact of a and b (value, known, evidence) is the same. */
static inline bool dt_same_facts(const struct pr_port *a, const struct pr_port *b, char *why,
                                 size_t len)
{
    const struct pr_fact *fa = (const struct pr_fact *)&a->facts;
    const struct pr_fact *fb = (const struct pr_fact *)&b->facts;
    size_t n = offsetof(struct pr_port_facts, err_disabled_cause) / sizeof(struct pr_fact);
    for (size_t k = 0; k < n; k++) {
        if (fa[k].known != fb[k].known || (fa[k].known && fa[k].value != fb[k].value) ||
            strcmp(fa[k].evidence, fb[k].evidence) != 0) {
            snprintf(why, len, "fact %zu: %d/%lld \"%s\" became %d/%lld \"%s\"", k, fa[k].known,
                     (long long)fa[k].value, fa[k].evidence, fb[k].known, (long long)fb[k].value,
                     fb[k].evidence);
            return false;
        }
    }
    return true;
}

/* Every third port stands in for an uplink (a configuration shows no
 * neighbour; a LAG's other members follow it): the switch's --fix block,
 * applied at once, closes every finding it carries on the other ports and
 * leaves every uplink reading exactly as it reads after the block's
 * switch-wide part alone (a protocol change, marked disruptive, moves
 * every port). Returns the findings closed. */
static inline unsigned dt_block_and_uplinks(const struct dt_dialect *d, const char *name,
                                            const char *text, size_t len, int64_t expect_vlan,
                                            unsigned *uplinks)
{
    struct pr_switch sw;
    dt_read(d, &sw, text, len, name);
    for (size_t i = 0; i < sw.n_ports; i++) {
        sw.ports[i].expect_vlan = expect_vlan;
        if (i % 3 == 1)
            pr_role_add_signal(&sw.ports[i].role, PR_ROLE_UPLINK, "the test's uplink",
                               "every third port stands in for an LLDP bridge neighbour");
    }
    roles_assign(&sw);
    rules_judge_switch(&sw);
    survey_write_fixes(d->driver, &sw);
    const char *block = sw.fix.text ? sw.fix.text : "";
    if (sw.fix.text != NULL)
        assert_true(sw.fix.paste);
    char *applied;
    size_t applied_len;
    struct pr_error err = {0};
    if (d->apply(text, len, block, &applied, &applied_len, &err) != 0)
        fail_msg("apply: %s", err.msg);
    struct pr_switch again;
    pr_switch_init(&again, name, name);
    if (d->read(applied, applied_len, name, &again, &err) != 0)
        fail_msg("%s after applying the block: %s\n%s", name, err.msg, block);
    /* The uplinks' reference: the text with the switch-wide part only. */
    struct pr_switch base;
    pr_switch_init(&base, name, name);
    char *base_text = NULL;
    size_t base_len = 0;
    if (d->apply(text, len, sw.fix.switch_wide ? sw.fix.switch_wide : "", &base_text, &base_len,
                 &err) != 0 ||
        d->read(base_text, base_len, name, &base, &err) != 0)
        fail_msg("%s with the switch-wide part: %s", name, err.msg);
    unsigned fixed = 0;
    for (size_t i = 0; i < sw.n_ports; i++) {
        const struct pr_port *p = &sw.ports[i];
        struct pr_port *q = pr_switch_find_name(&again, p->name);
        if (q == NULL)
            fail_msg("%s: port %s gone after the block", name, p->name);
        q->expect_vlan = expect_vlan;
        char why[PR_EVIDENCE_MAX * 3];
        if (p->role.role == PR_ROLE_UPLINK) {
            (*uplinks)++;
            const struct pr_port *ref = pr_switch_find_name(&base, p->name);
            if (ref == NULL || !dt_same_facts(ref, q, why, sizeof why))
                fail_msg("%s: the block changed uplink %s: %s\n%s", name, p->name, why, block);
            continue;
        }
        rules_judge_port(&again, q);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            if (!pr_driver_fix_in_block(p, f) || dt_is_advice(d, f->fix))
                continue;
            if (dt_has(q, f->id))
                fail_msg("%s %s %s: still there after the block\n%s", name, p->name,
                         pr_finding_id_name(f->id), block);
            fixed++;
        }
    }
    free(applied);
    free(base_text);
    pr_switch_free(&base);
    pr_switch_free(&again);
    pr_switch_free(&sw);
    return fixed;
}

/* Every fix of every port of each file (dir/name; absent: skipped) proven
 * one by one and as the switch's whole block, without an expected VLAN and
 * with expect_vlan; the counts printed under label and checked: each
 * finding proven or advice, at least one proven, at least one uplink. */
static inline void dt_prove_files(const struct dt_dialect *const *d, const char *const *dirs,
                                  const char *const *names, size_t n, int64_t expect_vlan,
                                  const char *label)
{
    struct dt_count c;
    memset(&c, 0, sizeof c);
    unsigned fixed = 0, uplinks = 0;
    for (size_t i = 0; i < n; i++) {
        char path[512];
        size_t len = 0;
        snprintf(path, sizeof path, "%s%s", dirs[i], names[i]);
        char *text = dt_slurp(path, &len);
        if (text == NULL) {
            print_message("%s absent: skipped\n", path);
            skip();
        }
        c.files++;
        for (int pass = 0; pass < 2; pass++) {
            int64_t v = pass == 0 ? -1 : expect_vlan;
            dt_rejudge_all(d[i], names[i], text, len, v, &c);
            fixed += dt_block_and_uplinks(d[i], names[i], text, len, v, &uplinks);
        }
        free(text);
    }
    print_message("%s: %u files, %u ports judged twice, %u findings: %u proven gone, %u advice; "
                  "%u closed by the blocks at once, %u uplinks untouched\n",
                  label, c.files, c.ports / 2, c.findings, c.proven, c.advised, fixed, uplinks);
    assert_int_equal(c.findings, c.proven + c.advised);
    assert_true(c.proven > 0);
    assert_true(uplinks > 0);
}

#endif
