/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared helpers of the Junos unit tests (header-only: each test_*.c is
 * its own executable). */
#ifndef JUNOS_TEST_UTIL_H
#define JUNOS_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "juniper/junos_config.h"
#include "model/switch.h"
#include "rules/rules.h"

/* Reads text into a fresh switch; fails the test on an error. */
static inline void jt_load(struct pr_switch *sw, const char *text)
{
    struct pr_error err = {0};
    pr_switch_init(sw, "sw", "test");
    int rc = junos_config_read(text, strlen(text), "test", sw, &err);
    if (rc != 0)
        fail_msg("junos_config_read: %s", err.msg);
}

static inline struct pr_port *jt_port(struct pr_switch *sw, const char *name)
{
    struct pr_port *port = pr_switch_find_name(sw, name);
    if (port == NULL)
        fail_msg("no port %s", name);
    return port;
}

static inline void jt_fact(const struct pr_fact *fact, int64_t value)
{
    if (!fact->known)
        fail_msg("fact unknown (%s), expected %lld", fact->evidence, (long long)value);
    if (fact->value != value)
        fail_msg("fact %lld (%s), expected %lld", (long long)fact->value, fact->evidence,
                 (long long)value);
}

static inline void jt_unknown(const struct pr_fact *fact)
{
    if (fact->known)
        fail_msg("fact known as %lld (%s), expected unknown", (long long)fact->value,
                 fact->evidence);
}

static inline void jt_evidence(const struct pr_fact *fact, const char *needle)
{
    if (strstr(fact->evidence, needle) == NULL)
        fail_msg("evidence \"%s\" lacks \"%s\"", fact->evidence, needle);
}

static inline bool jt_has_finding(const struct pr_port *port, enum pr_finding_id id)
{
    for (size_t i = 0; i < port->n_findings; i++) {
        if (port->findings[i].id == id)
            return true;
    }
    return false;
}

static inline char *jt_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    *len = 0;
    size_t cap = 1 << 20;
    char *buf = malloc(cap + 1);
    size_t n = buf ? fread(buf, 1, cap, f) : 0;
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    *len = n;
    return buf;
}

#endif
