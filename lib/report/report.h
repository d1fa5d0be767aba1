/* SPDX-License-Identifier: BSD-3-Clause */
/* Output writers for check and audit: one interface, several formats. A
 * writer gets the switches one at a time (so an audit can print as results
 * arrive in order) and the summary at the end. */
#ifndef PR_REPORT_H
#define PR_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/switch.h"
#include "rules/summary.h"

struct report_options {
    FILE *out;
    bool color;   /* ANSI colour (text only) */
    bool fix;     /* print fix snippets (text; JSON always carries them) */
    bool verbose; /* text: evidence of info findings and every fact */
};

struct report_writer {
    const char *name; /* "text", "json" */
    void (*begin)(const struct report_options *opts, void **state);
    void (*write_switch)(const struct report_options *opts, void *state,
                         const struct pr_switch *sw);
    void (*end)(const struct report_options *opts, void *state, const struct pr_summary *summary);
};

extern const struct report_writer report_writer_text;
extern const struct report_writer report_writer_json;

/* By name; NULL when unknown. */
const struct report_writer *report_writer_find(const char *name);

/* Every writer's name, for messages: "text, json" (truncated to fit
 * buf). */
void report_writer_names(char *buf, size_t buf_len);

#endif
