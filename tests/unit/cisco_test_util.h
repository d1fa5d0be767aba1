/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared helpers of the Cisco unit tests (header-only: each test_*.c is
 * its own executable). A test group surveys one recording written for it
 * (tests/data/cisco/) in its group setup and frees it in the teardown. */
#ifndef CISCO_TEST_UTIL_H
#define CISCO_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/survey.h"

/* Group setup: surveys the recording at walk_path (driver auto, no expected
 * VLAN) into sw, and leaves sw in *state for ct_teardown. Fails the setup
 * when the survey does. */
static inline int ct_survey(void **state, struct pr_switch *sw, const char *name,
                            const char *walk_path)
{
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    struct survey_spec spec = {
        .name = name,
        .walk_path = walk_path,
        .snmp = &opts,
        .driver = "auto",
        .expect_vlan = -1,
    };
    struct pr_error err = {0};
    assert_int_equal(survey_switch(&spec, sw, &err), 0);
    *state = sw;
    return 0;
}

/* Group teardown: frees the switch ct_survey filled (NULL when the setup
 * failed before it got there). */
static inline int ct_teardown(void **state)
{
    pr_switch_free(*state);
    return 0;
}

/* The port named name; fails the test when there is none. */
static inline const struct pr_port *ct_port(struct pr_switch *sw, const char *name)
{
    const struct pr_port *p = pr_switch_find_name(sw, name);
    assert_non_null(p);
    return p;
}

/* Whether the port has the finding id at severity sev. */
static inline bool ct_has(const struct pr_port *p, enum pr_finding_id id, enum pr_severity sev)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].id == id && p->findings[i].severity == sev)
            return true;
    }
    return false;
}

#endif
