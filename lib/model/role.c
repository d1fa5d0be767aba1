/* SPDX-License-Identifier: BSD-3-Clause */
#include "model/role.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/strutil.h"

static int strength(enum pr_role says)
{
    return says == PR_ROLE_UPLINK ? 2 : says == PR_ROLE_SERVER ? 1 : 0;
}

static void add(struct pr_port_role *role, enum pr_role says, bool neighbour, const char *reason,
                const char *evidence_fmt, va_list ap)
{
    struct pr_role_signal *slot = NULL;
    /* The same thing said twice (an LLDP neighbour under two time marks,
     * the root port of several VLANs' trees) is one signal. */
    for (size_t i = 0; i < role->n_signals; i++) {
        if (role->signals[i].says == says &&
            strcmp(role->signals[i].reason, reason ? reason : "") == 0)
            return;
    }
    if (role->n_signals < PR_ROLE_SIGNALS_MAX) {
        slot = &role->signals[role->n_signals++];
    } else {
        /* The weakest signal held, if weaker than this one. */
        for (size_t i = 0; i < role->n_signals; i++) {
            if (strength(role->signals[i].says) < strength(says) &&
                (slot == NULL || strength(role->signals[i].says) < strength(slot->says)))
                slot = &role->signals[i];
        }
    }
    if (slot == NULL)
        return;
    memset(slot, 0, sizeof *slot);
    slot->says = says;
    slot->neighbour = neighbour;
    pr_strlcpy(slot->reason, reason ? reason : "", sizeof slot->reason);
    vsnprintf(slot->evidence, sizeof slot->evidence, evidence_fmt, ap);
}

void pr_role_add_signal(struct pr_port_role *role, enum pr_role says, const char *reason,
                        const char *evidence_fmt, ...)
{
    va_list ap;
    va_start(ap, evidence_fmt);
    add(role, says, false, reason, evidence_fmt, ap);
    va_end(ap);
}

void pr_role_add_neighbour(struct pr_port_role *role, enum pr_role says, const char *reason,
                           const char *evidence_fmt, ...)
{
    va_list ap;
    va_start(ap, evidence_fmt);
    add(role, says, true, reason, evidence_fmt, ap);
    va_end(ap);
}

const char *pr_role_name(enum pr_role role)
{
    switch (role) {
    case PR_ROLE_SERVER:
        return "server";
    case PR_ROLE_UPLINK:
        return "uplink";
    case PR_ROLE_UNKNOWN:
        return "unknown";
    }
    return "unknown";
}
