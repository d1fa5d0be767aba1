/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared helpers of the aruba driver's unit tests (header-only: each
 * test_*.c is its own executable): read a configuration into a switch and
 * judge it, look a port up, check a fact, and prove a fix by applying it
 * to the text and judging the port again. */
#ifndef ARUBA_TEST_UTIL_H
#define ARUBA_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aruba/aruba.h"
#include "rules/rules.h"

/* Reads text into sw and judges every port (no expected VLAN); fails the
 * test when the text is refused. */
static inline void at_read(struct pr_switch *sw, const char *text, size_t len, const char *name)
{
    pr_switch_init(sw, name, name);
    struct pr_error err = {0};
    if (aruba_config_read(text, len, name, sw, &err) != 0)
        fail_msg("%s: %s", name, err.msg);
    rules_judge_switch(sw);
}

static inline void at_load(struct pr_switch *sw, const char *text)
{
    at_read(sw, text, strlen(text), "test.cfg");
}

static inline struct pr_port *at_port(struct pr_switch *sw, const char *name)
{
    struct pr_port *p = pr_switch_find_name(sw, name);
    if (p == NULL)
        fail_msg("no port %s", name);
    return p;
}

static inline bool at_has(const struct pr_port *p, enum pr_finding_id id)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id)
            return true;
    }
    return false;
}

static inline void at_fact(const struct pr_fact *f, int64_t value)
{
    if (!f->known || f->value != value)
        fail_msg("fact %s %lld (%s), expected %lld", f->known ? "=" : "unknown",
                 (long long)f->value, f->evidence, (long long)value);
}

static inline void at_unknown(const struct pr_fact *f)
{
    if (f->known)
        fail_msg("fact = %lld (%s), expected unknown", (long long)f->value, f->evidence);
}

static inline void at_contains(const char *text, const char *needle)
{
    if (strstr(text, needle) == NULL)
        fail_msg("\"%s\" lacks \"%s\"", text, needle);
}

/* The fix of finding id on port; fails when the port has no such finding. */
static inline const char *at_fix(struct pr_switch *sw, const char *port_name, enum pr_finding_id id)
{
    static char fix[PR_FIX_MAX];
    struct pr_port *p = at_port(sw, port_name);
    rules_judge_port(sw, p);
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id) {
            aruba_snippet(sw, p, &p->findings[i], fix, sizeof fix);
            return fix;
        }
    }
    fail_msg("%s has no %s finding", port_name, pr_finding_id_name(id));
    return NULL;
}

struct at_count {
    unsigned files, ports, findings, proven, advised;
    unsigned per_id[PR_F_COUNT];
};

/* Applies the fix of each finding of each port to text, reads the result
 * and judges the same port again: the finding must be gone. Advice (a
 * fix that is only comments) is counted, not applied; it is allowed for
 * auto-negotiation only (the port's rate is not in the configuration). */
static inline void at_rejudge_all(const char *name, const char *text, size_t len,
                                  int64_t expect_vlan, char comment, struct at_count *count)
{
    struct pr_switch sw;
    at_read(&sw, text, len, name);
    count->ports += (unsigned)sw.n_ports;
    for (size_t i = 0; i < sw.n_ports; i++) {
        struct pr_port *p = &sw.ports[i];
        p->expect_vlan = expect_vlan;
        rules_judge_port(&sw, p);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            count->findings++;
            char fix[PR_FIX_MAX];
            aruba_snippet(&sw, p, f, fix, sizeof fix);
            bool advice = true;
            for (const char *l = fix; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
                if (*l != comment && *l != '\n')
                    advice = false;
            }
            if (advice && f->id == PR_F_AUTONEG_ON && fix[0] == comment) {
                count->advised++;
                continue;
            }
            if (advice)
                fail_msg("%s %s %s: no configuration fix (\"%s\")", name, p->name,
                         pr_finding_id_name(f->id), fix);
            char *applied;
            size_t applied_len;
            struct pr_error err = {0};
            if (aruba_config_apply(text, len, fix, &applied, &applied_len, &err) != 0)
                fail_msg("apply: %s", err.msg);
            struct pr_switch again;
            pr_switch_init(&again, name, name);
            if (aruba_config_read(applied, applied_len, name, &again, &err) != 0)
                fail_msg("%s after applying \"%s\": %s", name, fix, err.msg);
            struct pr_port *q = pr_switch_find_name(&again, p->name);
            if (q == NULL)
                fail_msg("%s: port %s gone after applying \"%s\"", name, p->name, fix);
            q->expect_vlan = expect_vlan;
            rules_judge_port(&again, q);
            if (at_has(q, f->id))
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

#endif
