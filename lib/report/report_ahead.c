/* SPDX-License-Identifier: BSD-3-Clause */
/* A switch's part of the report, written ahead of its turn into memory
 * (report/report.h). */
#include <stdio.h>
#include <stdlib.h>

#include "report/report.h"

struct report_ahead {
    char *text; /* the part, written by open_memstream */
    size_t len;
    void *tally; /* the writer's; NULL: nothing */
};

struct report_ahead *report_write_ahead(const struct report_writer *w,
                                        const struct report_options *opts,
                                        const struct pr_switch *sw)
{
    if (w->write_ahead == NULL || w->take_ahead == NULL)
        return NULL;
    struct report_ahead *ahead = calloc(1, sizeof *ahead);
    if (ahead == NULL)
        return NULL;
    FILE *out = open_memstream(&ahead->text, &ahead->len);
    if (out == NULL) {
        free(ahead);
        return NULL;
    }
    int rc = w->write_ahead(opts, sw, out, &ahead->tally);
    /* The stream's buffer and length are only final once it is closed. */
    if (fclose(out) != 0 || rc != 0) {
        report_ahead_free(w, ahead);
        return NULL;
    }
    return ahead;
}

void report_put_ahead(const struct report_writer *w, const struct report_options *opts, void *state,
                      struct report_ahead *ahead)
{
    w->take_ahead(opts, state, ahead->tally);
    ahead->tally = NULL;
    fwrite(ahead->text, 1, ahead->len, opts->out); /* end() checks the stream's error */
    report_ahead_free(w, ahead);
}

void report_ahead_free(const struct report_writer *w, struct report_ahead *ahead)
{
    if (ahead == NULL)
        return;
    if (ahead->tally != NULL && w->free_tally != NULL)
        w->free_tally(ahead->tally);
    free(ahead->text);
    free(ahead);
}
