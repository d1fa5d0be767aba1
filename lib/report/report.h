/* SPDX-License-Identifier: BSD-3-Clause */
/* Output writers for check and audit: one interface, several formats. A
 * writer gets the switches one at a time (so an audit can print as results
 * arrive in order) and the summary at the end. */
#ifndef PR_REPORT_H
#define PR_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/switch.h"
#include "util/error.h"
#include "rules/summary.h"
#include "rules/threshold.h"

struct report_options {
    FILE *out;
    bool color;   /* ANSI colour (text only) */
    bool fix;     /* print fix snippets (text; JSON always carries them) */
    bool verbose; /* text: info findings and every fact */
    bool quiet;   /* text: only the not-ready ports and the summary */
    /* text: how to print the fixes (a command line without secrets), shown
     * under "fix first"; NULL: none */
    const char *fix_hint;
    /* nagios: the --warning/--critical ranges, shown in the perfdata; NULL
     * or unset: none (the ports carry their effect already) */
    const struct rules_thresholds *thresholds;
    /* JSON (docs/json.md): when the run (an audit's round) started, Unix
     * ns of the wall clock, 0 unknown (null); the round of `audit` (1 without
     * --repeat; 0: a command without rounds, no "round" key); the error
     * that stopped the run, NULL none ("error": null). The command may set
     * error after begin(): end() writes it. */
    int64_t timestamp_ns;
    unsigned round;
    const struct pr_error *error;
};

/* begin() sets *state (freed by end(), which is called after every
 * successful begin()); it returns -1 with err set when it cannot start
 * (PR_ERR_INTERNAL: out of memory). end() writes the summary, flushes
 * opts->out and returns -1 (PR_ERR_IO, naming the system's reason) when any
 * part of the report could not be written: a report that did not reach
 * its reader is an error, never a silent success. */
struct report_writer {
    const char *name; /* "text", "json", "nagios", "prometheus" */
    int (*begin)(const struct report_options *opts, void **state, struct pr_error *err);
    void (*write_switch)(const struct report_options *opts, void *state,
                         const struct pr_switch *sw);
    int (*end)(const struct report_options *opts, void *state, const struct pr_summary *summary,
               struct pr_error *err);
    /* A run that failed before it could report (bad arguments, a bad
     * inventory): what this format prints on out instead, the message
     * being the error the command also prints to stderr. NULL: nothing. */
    void (*write_failure)(FILE *out, const char *message);
    /* Optional (NULL: the writer needs the switch itself at its turn).
     * write_ahead() writes sw's part of the report into out, on any thread,
     * byte for byte as write_switch() would, and sets *tally to what the
     * state takes in at the switch's turn (NULL: nothing); -1 when out of
     * memory. take_ahead() is that turn, before the part is copied to
     * opts->out: the state takes in tally (freeing it) and writes what
     * comes before the part; tally NULL only frees nothing. */
    int (*write_ahead)(const struct report_options *opts, const struct pr_switch *sw, FILE *out,
                       void **tally);
    void (*take_ahead)(const struct report_options *opts, void *state, void *tally);
    void (*free_tally)(void *tally);
};

/* A switch's part of the report written ahead of its turn (the audit
 * writes each switch as soon as it is judged, then frees the switch and
 * keeps only this until the switches before it are printed).
 * report_write_ahead() returns NULL when the writer cannot write ahead or
 * memory ran out (then write_switch() at the turn, as usual);
 * report_put_ahead() writes the part at its turn and frees it;
 * report_ahead_free() frees one never put (NULL accepted). */
struct report_ahead;
struct report_ahead *report_write_ahead(const struct report_writer *w,
                                        const struct report_options *opts,
                                        const struct pr_switch *sw);
void report_put_ahead(const struct report_writer *w, const struct report_options *opts, void *state,
                      struct report_ahead *ahead);
void report_ahead_free(const struct report_writer *w, struct report_ahead *ahead);

/* Flushes out and checks its error flag: 0, or -1 with PR_ERR_IO ("cannot
 * write the report: REASON"). For writers' end(). */
int report_flush(FILE *out, struct pr_error *err);

extern const struct report_writer report_writer_text;
extern const struct report_writer report_writer_json;
/* The Monitoring Plugins format: one status line "PORTREADY STATE -
 * summary | perfdata" (STATE is the exit code's name), then a line per
 * port that is not ready. */
extern const struct report_writer report_writer_nagios;
/* Prometheus's text exposition format, for node_exporter's textfile
 * collector. */
extern const struct report_writer report_writer_prometheus;

/* One judged port as the writers print it in a switch's report, for the
 * commands that report ports of several switches their own way (locate):
 * its JSON object, or its text lines (the findings' fixes with opts->fix). */
struct json_out;
void report_json_port(struct json_out *j, const struct pr_port *port);
void report_text_port(const struct report_options *opts, const struct pr_port *port);

/* "READY", "WARNING", "NOT READY", "UNKNOWN": a verdict as the text
 * report writes it. */
const char *report_verdict_label(enum pr_verdict v);

/* Every writer, ending with NULL. */
extern const struct report_writer *const report_writers[];

/* By name; NULL when unknown. */
const struct report_writer *report_writer_find(const char *name);

/* Every writer's name, for messages: "text, json" (truncated to fit
 * buf). */
void report_writer_names(char *buf, size_t buf_len);

#endif
