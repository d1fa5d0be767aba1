/* SPDX-License-Identifier: BSD-3-Clause */
#include "model/facts.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pr_fact_set(struct pr_fact *fact, int64_t value, const char *evidence_fmt, ...)
{
    /* Formatted aside first: the arguments may quote fact->evidence. */
    char text[PR_EVIDENCE_MAX];
    va_list ap;
    va_start(ap, evidence_fmt);
    vsnprintf(text, sizeof text, evidence_fmt, ap);
    va_end(ap);
    fact->known = true;
    fact->impossible = false;
    fact->value = value;
    memcpy(fact->evidence, text, sizeof text);
}

void pr_fact_unknown(struct pr_fact *fact, const char *why_fmt, ...)
{
    char text[PR_EVIDENCE_MAX] = "";
    if (why_fmt != NULL) {
        va_list ap;
        va_start(ap, why_fmt);
        vsnprintf(text, sizeof text, why_fmt, ap);
        va_end(ap);
    }
    fact->known = false;
    fact->impossible = false;
    fact->value = 0;
    memcpy(fact->evidence, text, sizeof text);
}

void pr_fact_impossible(struct pr_fact *fact, const char *why_fmt, ...)
{
    char text[PR_EVIDENCE_MAX] = "";
    va_list ap;
    va_start(ap, why_fmt);
    vsnprintf(text, sizeof text, why_fmt, ap);
    va_end(ap);
    pr_fact_unknown(fact, "%s", text);
    fact->impossible = true;
}

const char pr_enum_invalid[] = "invalid";

const char *pr_if_status_name(int64_t status)
{
    switch (status) {
    case PR_IF_UP:
        return "up";
    case PR_IF_DOWN:
        return "down";
    case PR_IF_TESTING:
        return "testing";
    case PR_IF_UNKNOWN:
        return "unknown";
    case PR_IF_DORMANT:
        return "dormant";
    case PR_IF_NOT_PRESENT:
        return "notPresent";
    case PR_IF_LOWER_LAYER_DOWN:
        return "lowerLayerDown";
    }
    return pr_enum_invalid;
}

const char *pr_stp_state_name(int64_t state)
{
    switch (state) {
    case PR_STP_DISABLED:
        return "disabled";
    case PR_STP_BLOCKING:
        return "blocking";
    case PR_STP_LISTENING:
        return "listening";
    case PR_STP_LEARNING:
        return "learning";
    case PR_STP_FORWARDING:
        return "forwarding";
    case PR_STP_BROKEN:
        return "broken";
    case PR_STP_DISCARDING:
        return "discarding";
    }
    return pr_enum_invalid;
}

const char *pr_edge_name(int64_t edge)
{
    switch (edge) {
    case PR_EDGE_NO:
        return "no";
    case PR_EDGE_YES:
        return "yes";
    case PR_EDGE_AUTO:
        return "auto";
    }
    return pr_enum_invalid;
}

const char *pr_stp_mode_name(int64_t mode)
{
    switch (mode) {
    case PR_MODE_OFF:
        return "off";
    case PR_MODE_STP:
        return "stp";
    case PR_MODE_RSTP:
        return "rstp";
    case PR_MODE_MSTP:
        return "mstp";
    case PR_MODE_PVST:
        return "pvst";
    case PR_MODE_RAPID_PVST:
        return "rapid-pvst";
    case PR_MODE_VSTP:
        return "vstp";
    }
    return pr_enum_invalid;
}

bool pr_fact_is(const struct pr_fact *fact, int64_t value)
{
    return fact->known && fact->value == value;
}

void pr_facts_edge_from_admin_oper(struct pr_port_facts *facts, const struct pr_fact *admin_edge,
                                   const struct pr_fact *oper_edge, const struct pr_fact *auto_edge)
{
    if (oper_edge != NULL && oper_edge->known)
        facts->oper_edge = *oper_edge;
    bool up = pr_fact_is(&facts->oper_status, PR_IF_UP);
    if (admin_edge != NULL && !admin_edge->known && admin_edge->evidence[0] != '\0') {
        /* The admin value was answered but cannot be used: the operational
         * value is no stand-in for it. An impossible value stays one. */
        if (admin_edge->impossible)
            pr_fact_impossible(&facts->edge, "%s", admin_edge->evidence);
        else
            pr_fact_unknown(&facts->edge, "%s", admin_edge->evidence);
        return;
    }
    if (admin_edge == NULL || !admin_edge->known) {
        /* Only the operational value: trust it while the port is up. */
        if (up && oper_edge != NULL && oper_edge->known) {
            pr_fact_set(&facts->edge, oper_edge->value ? PR_EDGE_YES : PR_EDGE_NO,
                        "%s (admin edge not exposed; judged by the operational value)",
                        oper_edge->evidence);
        } else if (auto_edge != NULL && pr_fact_is(auto_edge, 1)) {
            pr_fact_set(&facts->edge, PR_EDGE_AUTO, "%s", auto_edge->evidence);
        }
        return;
    }
    if (admin_edge->value) {
        pr_fact_set(&facts->edge, PR_EDGE_YES, "%s", admin_edge->evidence);
        return;
    }
    /* Admin edge false. */
    if (up && oper_edge != NULL && pr_fact_is(oper_edge, 1)) {
        pr_fact_set(&facts->edge, PR_EDGE_AUTO, "%s; %s (made edge by auto-detection)",
                    admin_edge->evidence, oper_edge->evidence);
        return;
    }
    if (auto_edge != NULL && pr_fact_is(auto_edge, 1)) {
        pr_fact_set(&facts->edge, PR_EDGE_AUTO, "%s; %s", admin_edge->evidence,
                    auto_edge->evidence);
        return;
    }
    pr_fact_set(&facts->edge, PR_EDGE_NO, "%s", admin_edge->evidence);
}
