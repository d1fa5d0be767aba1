/* SPDX-License-Identifier: BSD-3-Clause */
#include "rules/summary.h"

#include <string.h>

void rules_summarize(const struct pr_switch *switches, size_t n_switches, struct pr_summary *out)
{
    memset(out, 0, sizeof *out);
    out->switches = (unsigned)n_switches;
    for (size_t s = 0; s < n_switches; s++) {
        const struct pr_switch *sw = &switches[s];
        if (sw->error.code != PR_OK)
            out->unreadable++;
        out->uplinks += (unsigned)sw->n_uplinks;
        out->unchecked += sw->unchecked;
        /* Read, but not one switch port on it: in an audit the other
         * switches' ready ports must not make it look fine. */
        if (sw->error.code == PR_OK && sw->n_ports == 0 && sw->n_uplinks == 0 && sw->unchecked == 0)
            out->portless++;
        for (size_t p = 0; p < sw->n_ports; p++) {
            out->ports++;
            switch (sw->ports[p].verdict) {
            case PR_VERDICT_READY:
                out->ready++;
                break;
            case PR_VERDICT_WARNING:
                out->warning++;
                break;
            case PR_VERDICT_NOT_READY:
                out->not_ready++;
                break;
            case PR_VERDICT_UNKNOWN:
                out->unknown++;
                break;
            }
        }
    }
}

enum pr_exit rules_exit_code(const struct pr_summary *summary)
{
    if (summary->cut_short != NULL)
        return PR_EXIT_UNKNOWN; /* what was not read may block anything */
    if (summary->not_ready > 0)
        return PR_EXIT_NOT_READY;
    if (summary->unreadable > 0 || summary->unknown > 0 || summary->unchecked > 0 ||
        summary->portless > 0)
        return PR_EXIT_UNKNOWN;
    if (summary->ports == 0)
        return PR_EXIT_UNKNOWN; /* nothing judged is not success */
    if (summary->warning > 0)
        return PR_EXIT_WARNING;
    return PR_EXIT_READY;
}
