/* SPDX-License-Identifier: BSD-3-Clause */
/* "Fix first": which critical findings block the most ports, per switch,
 * tallied as the switches are written and printed after the summary.
 *
 * Ownership: a struct fix_first is the caller's; fix_first_free() releases
 * what fix_first_add() allocated. */
#ifndef PR_REPORT_FIX_FIRST_H
#define PR_REPORT_FIX_FIRST_H

#include <stdio.h>

#include "model/switch.h"
#include "util/error.h"

struct fix_first_switch {
    char name[PR_NAME_MAX];
    unsigned blocked;                /* ports not ready */
    unsigned by_finding[PR_F_COUNT]; /* not-ready ports carrying each critical finding */
};

struct fix_first {
    struct fix_first_switch *switches;
    size_t n, cap;
};

/* Tallies sw's not-ready ports (nothing when it has none). -1 with
 * PR_ERR_INTERNAL when out of memory. */
int fix_first_add(struct fix_first *ff, const struct pr_switch *sw, struct pr_error *err);

/* Appends from's tallies (kept by fix_first_add for one switch written
 * ahead of its turn) to ff, in order; from is left as it was. -1 with
 * PR_ERR_INTERNAL when out of memory. */
int fix_first_take(struct fix_first *ff, const struct fix_first *from, struct pr_error *err);

/* Prints "Fix first: ..." (up to five switches, most blocked ports first;
 * within a switch, findings by the number of ports they block), then
 * fix_hint on a line of its own when not NULL. Prints nothing when no port
 * is blocked. */
void fix_first_print(const struct fix_first *ff, FILE *out, const char *fix_hint);

void fix_first_free(struct fix_first *ff);

#endif
