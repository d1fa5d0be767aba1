/* SPDX-License-Identifier: BSD-3-Clause */
/* A run's summary (counts of switches and ports by verdict) and the exit
 * code every command derives from it. */
#ifndef PR_RULES_SUMMARY_H
#define PR_RULES_SUMMARY_H

#include <stddef.h>

#include "model/exit.h"
#include "model/switch.h"

struct pr_summary {
    unsigned switches;
    unsigned unreadable;
    unsigned ports;
    unsigned ready;
    unsigned warning;
    unsigned not_ready;
    unsigned unknown;
    unsigned uplinks;   /* ports left out as uplinks (not among ports) */
    unsigned unchecked; /* asked for, never judged: no such port, or the switch unreadable */
    unsigned portless;  /* switches read that have no switch port at all (nothing to judge) */
    /* NULL when the run went to its end; else why it stopped short ("interrupted",
     * "the total timeout of 30 s expired"): a static or caller-owned string. */
    const char *cut_short;
};

void rules_summarize(const struct pr_switch *switches, size_t n_switches, struct pr_summary *out);

/* 3 when the run was cut short (a signal, --timeout-total), whatever was
 * read; else 2 if any port is not ready; else 3 if any switch is
 * unreadable or has no switch port, any port unknown or unchecked, or no
 * port was judged at all;
 * else 1 if any warning; else 0. */
enum pr_exit rules_exit_code(const struct pr_summary *summary);

#endif
