/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared helpers of the aruba driver's unit tests (header-only: each
 * test_*.c is its own executable): dialect_test_util.h's over the aruba
 * driver's two dialects (one reader tells them apart; the comment
 * character says what a fix of advice only starts with), and a fix's text
 * checked for a statement. */
#ifndef ARUBA_TEST_UTIL_H
#define ARUBA_TEST_UTIL_H

#include "dialect_test_util.h"

#include "aruba/aruba.h"

static const struct dt_dialect at_cx = {
    .driver = &pr_driver_aruba,
    .read = aruba_config_read,
    .apply = aruba_config_apply,
    .comment = '!',
};

static const struct dt_dialect at_pc = {
    .driver = &pr_driver_aruba,
    .read = aruba_config_read,
    .apply = aruba_config_apply,
    .comment = ';',
};

/* Reads text into sw and judges every port (no expected VLAN); fails the
 * test when the text is refused. */
static inline void at_read(struct pr_switch *sw, const char *text, size_t len, const char *name)
{
    dt_read(&at_cx, sw, text, len, name);
}

static inline void at_load(struct pr_switch *sw, const char *text)
{
    at_read(sw, text, strlen(text), "test.cfg");
}

static inline void at_contains(const char *text, const char *needle)
{
    if (strstr(text, needle) == NULL)
        fail_msg("\"%s\" lacks \"%s\"", text, needle);
}

/* The fix of finding id on port; fails when the port has no such finding. */
static inline const char *at_fix(struct pr_switch *sw, const char *port_name, enum pr_finding_id id)
{
    return dt_fix(&at_cx, sw, port_name, id);
}

/* dt_rejudge_all() in the dialect whose comment character is comment:
 * advice is allowed for auto-negotiation only (the port's rate is not in
 * the configuration). */
static inline void at_rejudge_all(const char *name, const char *text, size_t len,
                                  int64_t expect_vlan, char comment, struct dt_count *count)
{
    dt_rejudge_all(comment == '!' ? &at_cx : &at_pc, name, text, len, expect_vlan, count);
}

#endif
