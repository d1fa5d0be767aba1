/* SPDX-License-Identifier: BSD-3-Clause */
/* The Monitoring Plugins output format (the development guidelines, as
 * check_nwc_health and GLPlugin print it), for Nagios, Icinga, Checkmk:
 *
 *   PORTREADY CRITICAL - 2 of 27 ports not ready: rack12-a 1/1/3 stp-not-edge,
 *       rack12-b Gi1/0/5 err-disabled; 1 switch unreadable: ... | 'ports'=27;;;0; ...
 *   rack12-a 1/1/3 srv12-03: not-ready, blackout 30 s: stp-not-edge
 *   ...
 *
 * (the first line is one line). STATE is the name of the exit code, which
 * the same rules decide (rules_exit_code), so the two always agree. The
 * summary names the worst ports first: not ready, then unknown, then with
 * warnings; the lines after it (the long output) give every such port and
 * every unreadable switch, worst first. Audits stream switches in, so the
 * writer keeps what it names until end(), at most NAGIOS_KEPT ports of
 * each kind. Names from a switch are cleaned (report_clean_line): they
 * cannot break a line or start the perfdata. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "report/report_clean.h"
#include "util/grow.h"
#include "util/strutil.h"

#define NAGIOS_KEPT  100 /* long-output lines kept per kind */
#define NAGIOS_NAMED 5   /* ports the status line names */
#define NAGIOS_LINE  4096

struct nagios_entry {
    char where[2 * PR_NAME_MAX + 2]; /* "switch port", or the switch alone */
    char server[PR_NAME_MAX];
    char first[32];                /* the finding that names it in the summary */
    char detail[PR_ERROR_MSG_MAX]; /* its findings, or the switch's error */
    bool blackout_known;
    int64_t blackout;
    bool not_read; /* a switch the run was cut short before (or while) reading */
};

struct nagios_list {
    struct nagios_entry *items;
    size_t n, cap;
    unsigned dropped; /* past NAGIOS_KEPT */
};

enum { KIND_NOT_READY, KIND_UNKNOWN, KIND_WARNING, KIND_UNREADABLE, N_KINDS };

struct nagios_state {
    struct nagios_list kinds[N_KINDS];
    unsigned not_read; /* switches the run stopped before or while reading */
    bool blackout_known;
    int64_t blackout_max;
    char first_port_error[PR_ERROR_MSG_MAX]; /* the first PORT that names no port */
};

static int nagios_begin(const struct report_options *opts, void **state, struct pr_error *err)
{
    (void)opts;
    struct nagios_state *st = calloc(1, sizeof *st);
    *state = st;
    if (st == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory starting the plugin report");
    return 0;
}

/* A new entry at the end of list, or NULL when it is full (counted) or out
 * of memory. */
static struct nagios_entry *add_entry(struct nagios_list *list)
{
    if (list->n >= NAGIOS_KEPT) {
        list->dropped++;
        return NULL;
    }
    void *items = list->items;
    if (pr_grow(&items, &list->cap, list->n, sizeof *list->items, 16) != 0) {
        list->dropped++;
        return NULL;
    }
    list->items = items;
    struct nagios_entry *e = &list->items[list->n++];
    memset(e, 0, sizeof *e);
    return e;
}

static void add_port(struct nagios_state *st, const struct pr_switch *sw,
                     const struct pr_port *port)
{
    int kind = port->verdict == PR_VERDICT_NOT_READY ? KIND_NOT_READY
               : port->verdict == PR_VERDICT_UNKNOWN ? KIND_UNKNOWN
                                                     : KIND_WARNING;
    struct nagios_entry *e = add_entry(&st->kinds[kind]);
    if (e == NULL)
        return;
    char where[sizeof e->where];
    snprintf(where, sizeof where, "%s %s", sw->name, port->name);
    report_clean_line(e->where, sizeof e->where, where);
    report_clean_line(e->server, sizeof e->server, port->server);
    e->blackout_known = port->expected_blackout_s.known;
    e->blackout = port->expected_blackout_s.value;
    /* The summary names a port by its most severe finding that explains
     * the verdict: critical for not ready, warning for warnings. */
    enum pr_severity want = kind == KIND_NOT_READY ? PR_SEV_CRITICAL : PR_SEV_WARNING;
    for (size_t i = 0; i < port->n_findings; i++) {
        const struct pr_finding *f = &port->findings[i];
        if (f->severity == PR_SEV_INFO)
            continue;
        if (e->first[0] == '\0' && (f->severity == want || kind == KIND_UNKNOWN))
            pr_strlcpy(e->first, pr_finding_id_name(f->id), sizeof e->first);
        pr_strlcatf(e->detail, sizeof e->detail, "%s%s", e->detail[0] ? ", " : "",
                    pr_finding_id_name(f->id));
    }
}

static void nagios_write_switch(const struct report_options *opts, void *state,
                                const struct pr_switch *sw)
{
    (void)opts;
    struct nagios_state *st = state;
    if (st == NULL)
        return;
    if (sw->error.code == PR_ERR_INTERRUPTED)
        st->not_read++;
    if (sw->n_port_errors > 0 && st->first_port_error[0] == '\0')
        report_clean_line(st->first_port_error, sizeof st->first_port_error, sw->port_errors[0]);
    if (sw->error.code != PR_OK) {
        struct nagios_entry *e = add_entry(&st->kinds[KIND_UNREADABLE]);
        if (e != NULL) {
            e->not_read = sw->error.code == PR_ERR_INTERRUPTED;
            report_clean_line(e->where, sizeof e->where, sw->name);
            report_clean_line(e->detail, sizeof e->detail, sw->error.msg);
        }
    }
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *port = &sw->ports[i];
        if (port->expected_blackout_s.known &&
            (!st->blackout_known || port->expected_blackout_s.value > st->blackout_max)) {
            st->blackout_known = true;
            st->blackout_max = port->expected_blackout_s.value;
        }
        if (port->verdict != PR_VERDICT_READY)
            add_port(st, sw, port);
    }
}

static const char *state_name(enum pr_exit code)
{
    switch (code) {
    case PR_EXIT_READY:
        return "OK";
    case PR_EXIT_WARNING:
        return "WARNING";
    case PR_EXIT_NOT_READY:
        return "CRITICAL";
    case PR_EXIT_UNKNOWN:
        return "UNKNOWN";
    }
    return "UNKNOWN";
}

/* "N of M ports WHAT: a x, b y and K more", naming up to *budget ports. */
static void port_part(char *line, size_t len, const struct nagios_list *list, unsigned count,
                      unsigned ports, const char *what, unsigned *budget)
{
    if (count == 0)
        return;
    pr_strlcatf(line, len, "%s%u of %u port%s %s", line[0] ? "; " : "", count, ports,
                ports == 1 ? "" : "s", what);
    unsigned named = 0;
    for (size_t i = 0; i < list->n && named < *budget; i++, named++) {
        const struct nagios_entry *e = &list->items[i];
        pr_strlcatf(line, len, "%s%s%s%s", named ? ", " : ": ", e->where, e->first[0] ? " " : "",
                    e->first);
    }
    if (named > 0 && count > named)
        pr_strlcatf(line, len, " and %u more", count - named);
    *budget -= named;
}

static void status_line(char *line, size_t len, const struct nagios_state *st,
                        const struct pr_summary *s)
{
    line[0] = '\0';
    if (s->cut_short != NULL) {
        pr_strlcatf(line, len, "%s", s->cut_short);
        if (st->not_read > 0)
            pr_strlcatf(line, len, ": %u of %u switch%s not read", st->not_read, s->switches,
                        s->switches == 1 ? "" : "es");
    }
    unsigned budget = NAGIOS_NAMED;
    port_part(line, len, &st->kinds[KIND_NOT_READY], s->not_ready, s->ports, "not ready", &budget);
    port_part(line, len, &st->kinds[KIND_UNKNOWN], s->unknown, s->ports, "unknown", &budget);
    port_part(line, len, &st->kinds[KIND_WARNING], s->warning, s->ports, "with warnings", &budget);
    /* Switches the run never read are said above already. */
    bool said = s->cut_short != NULL;
    unsigned unreadable = s->unreadable;
    if (said)
        unreadable -= st->not_read <= unreadable ? st->not_read : unreadable;
    if (unreadable > 0) {
        pr_strlcatf(line, len, "%s%u switch%s unreadable", line[0] ? "; " : "", unreadable,
                    unreadable == 1 ? "" : "es");
        const struct nagios_list *list = &st->kinds[KIND_UNREADABLE];
        unsigned named = 0;
        for (size_t i = 0; i < list->n && named < 3; i++) {
            const struct nagios_entry *e = &list->items[i];
            if (said && e->not_read)
                continue;
            if (named == 0)
                pr_strlcatf(line, len, ": %s (%s)", e->where, e->detail);
            else
                pr_strlcatf(line, len, ", %s", e->where);
            named++;
        }
        if (named > 0 && unreadable > named)
            pr_strlcatf(line, len, " and %u more", unreadable - named);
    }
    if (s->unchecked > 0) {
        pr_strlcatf(line, len, "%s%u port%s unchecked", line[0] ? "; " : "", s->unchecked,
                    s->unchecked == 1 ? "" : "s");
        if (st->first_port_error[0])
            pr_strlcatf(line, len, " (%s)", st->first_port_error);
    }
    if (s->portless > 0)
        pr_strlcatf(line, len, "%s%u switch%s without a switch port", line[0] ? "; " : "",
                    s->portless, s->portless == 1 ? "" : "es");
    if (line[0] == '\0') {
        if (s->ports == 0)
            pr_strlcatf(line, len, "no port judged");
        else
            pr_strlcatf(line, len, "%u of %u port%s ready", s->ready, s->ports,
                        s->ports == 1 ? "" : "s");
    }
}

static void print_perfdata(FILE *out, const struct nagios_state *st, const struct pr_summary *s,
                           const struct rules_thresholds *t)
{
    fprintf(out, " | 'ports'=%u;;;0; 'ready'=%u;;;0;%u 'warning'=%u;;;0;%u 'not_ready'=%u;;;0;%u",
            s->ports, s->ready, s->ports, s->warning, s->ports, s->not_ready, s->ports);
    fprintf(out,
            " 'unknown'=%u;;;0;%u 'switches'=%u;;;0; 'unreadable'=%u;;;0;%u 'unchecked'=%u;;;0;",
            s->unknown, s->ports, s->switches, s->unreadable, s->switches, s->unchecked);
    /* No value at all is no datum (the guidelines' "U" trips parsers). */
    if (st->blackout_known)
        fprintf(out, " 'blackout_max'=%" PRId64 "s;%s;%s;0;", st->blackout_max,
                t != NULL && t->warning.set ? t->warning.text : "",
                t != NULL && t->critical.set ? t->critical.text : "");
}

static void print_entries(FILE *out, const struct nagios_list *list, const char *verdict)
{
    for (size_t i = 0; i < list->n; i++) {
        const struct nagios_entry *e = &list->items[i];
        if (verdict == NULL) {
            fprintf(out, "%s: %s: %s\n", e->where, e->not_read ? "not read" : "unreadable",
                    e->detail);
            continue;
        }
        fprintf(out, "%s%s%s: %s, blackout ", e->where, e->server[0] ? " " : "", e->server,
                verdict);
        if (e->blackout_known)
            fprintf(out, "%" PRId64 " s", e->blackout);
        else
            fputs("unknown", out);
        fprintf(out, "%s%s\n", e->detail[0] ? ": " : "", e->detail);
    }
    if (list->dropped > 0)
        fprintf(out, "and %u more %s\n", list->dropped,
                verdict == NULL ? "unreadable switches" : verdict);
}

static int nagios_end(const struct report_options *opts, void *state, const struct pr_summary *s,
                      struct pr_error *err)
{
    struct nagios_state *st = state;
    if (st == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "the plugin report was never started");
    static const char *const names[N_KINDS] = {"not-ready", "unknown", "warning", NULL};
    char line[NAGIOS_LINE];
    status_line(line, sizeof line, st, s);
    fprintf(opts->out, "PORTREADY %s - %s", state_name(rules_exit_code(s)), line);
    print_perfdata(opts->out, st, s, opts->thresholds);
    fputc('\n', opts->out);
    for (int k = 0; k < N_KINDS; k++) {
        print_entries(opts->out, &st->kinds[k], names[k]);
        free(st->kinds[k].items);
    }
    free(st);
    return report_flush(opts->out, err);
}

static void nagios_write_failure(FILE *out, const char *message)
{
    char clean[PR_ERROR_MSG_MAX];
    report_clean_line(clean, sizeof clean, message);
    fprintf(out, "PORTREADY UNKNOWN - %s\n", clean);
    fflush(out);
}

const struct report_writer report_writer_nagios = {
    .name = "nagios",
    .begin = nagios_begin,
    .write_switch = nagios_write_switch,
    .end = nagios_end,
    .write_failure = nagios_write_failure,
};
