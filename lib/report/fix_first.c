/* SPDX-License-Identifier: BSD-3-Clause */
#include "report/fix_first.h"

#include <stdlib.h>
#include <string.h>

#include "report/text_wrap.h"
#include "util/grow.h"
#include "util/strutil.h"

#define FIX_FIRST_SWITCHES 5

static int append(struct fix_first *ff, const struct fix_first_switch *tally, struct pr_error *err)
{
    void *items = ff->switches;
    if (pr_grow(&items, &ff->cap, ff->n, sizeof *ff->switches, 8) != 0)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory tallying findings");
    ff->switches = items;
    ff->switches[ff->n++] = *tally;
    return 0;
}

int fix_first_add(struct fix_first *ff, const struct pr_switch *sw, struct pr_error *err)
{
    struct fix_first_switch tally = {.blocked = 0};
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *port = &sw->ports[i];
        if (port->verdict != PR_VERDICT_NOT_READY)
            continue;
        tally.blocked++;
        for (size_t k = 0; k < port->n_findings; k++) {
            if (port->findings[k].severity == PR_SEV_CRITICAL)
                tally.by_finding[port->findings[k].id]++;
        }
    }
    if (tally.blocked == 0)
        return 0;
    pr_strlcpy(tally.name, sw->name, sizeof tally.name);
    return append(ff, &tally, err);
}

int fix_first_take(struct fix_first *ff, const struct fix_first *from, struct pr_error *err)
{
    for (size_t i = 0; i < from->n; i++) {
        if (append(ff, &from->switches[i], err) != 0)
            return -1;
    }
    return 0;
}

static int by_blocked_desc(const void *a, const void *b)
{
    const struct fix_first_switch *x = a, *y = b;
    if (x->blocked != y->blocked)
        return x->blocked < y->blocked ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* "stp-not-edge 3 ports, link-down 2" for one switch, most ports first. */
static void finding_list(const struct fix_first_switch *sw, char *buf, size_t len)
{
    bool used[PR_F_COUNT] = {false};
    buf[0] = '\0';
    for (;;) {
        int best = -1;
        for (int id = 0; id < PR_F_COUNT; id++) {
            if (!used[id] && sw->by_finding[id] > 0 &&
                (best < 0 || sw->by_finding[id] > sw->by_finding[best]))
                best = id;
        }
        if (best < 0)
            return;
        used[best] = true;
        pr_strlcatf(buf, len, "%s%s %u port%s", buf[0] ? ", " : "",
                    pr_finding_id_name((enum pr_finding_id)best), sw->by_finding[best],
                    sw->by_finding[best] == 1 ? "" : "s");
    }
}

void fix_first_print(const struct fix_first *ff, FILE *out, const char *fix_hint)
{
    if (ff->n == 0)
        return;
    struct fix_first_switch *sorted = malloc(ff->n * sizeof *sorted);
    if (sorted == NULL)
        return; /* advice only: the report itself is complete */
    memcpy(sorted, ff->switches, ff->n * sizeof *sorted);
    qsort(sorted, ff->n, sizeof *sorted, by_blocked_desc);
    fprintf(out, "Fix first (what blocks the most ports):\n");
    size_t shown = ff->n < FIX_FIRST_SWITCHES ? ff->n : FIX_FIRST_SWITCHES;
    for (size_t i = 0; i < shown; i++) {
        char list[512];
        finding_list(&sorted[i], list, sizeof list);
        char name[32];
        text_ellipsize(name, sizeof name, sorted[i].name, 20);
        int used = fprintf(out, "  %-20s %u not ready: ", name, sorted[i].blocked);
        text_wrap(out, used > 0 ? (size_t)used : 0, 6, list);
    }
    if (ff->n > shown)
        fprintf(out, "  and %zu more switch%s\n", ff->n - shown, ff->n - shown == 1 ? "" : "es");
    if (fix_hint != NULL)
        fprintf(out, "  %s\n", fix_hint);
    free(sorted);
}

void fix_first_free(struct fix_first *ff)
{
    if (ff == NULL)
        return;
    free(ff->switches);
    ff->switches = NULL;
    ff->n = ff->cap = 0;
}
