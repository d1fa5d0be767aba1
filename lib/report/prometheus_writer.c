/* SPDX-License-Identifier: BSD-3-Clause */
/* Prometheus's text exposition format (version 0.0.4), for node_exporter's
 * textfile collector: every sample of a metric family together under its
 * HELP and TYPE lines, no timestamps. Audits stream switches in, so each
 * family collects its samples in memory until end().
 *
 * Label values are escaped as the format wants (backslash, double quote,
 * newline) and kept valid UTF-8: an invalid byte or another control
 * character from a switch becomes U+FFFD. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/report.h"
#include "report/report_clean.h"
#include "util/safe_text.h"

enum {
    FAM_VERDICT,
    FAM_BLACKOUT,
    FAM_FINDING,
    FAM_SWITCH_UP,
    N_FAMILIES,
};

static const struct {
    const char *name;
    const char *help;
} families[N_FAMILIES] = {
    [FAM_VERDICT] = {"portready_port_verdict",
                     "The port's verdict as a state set: 1 for the verdict it has, 0 for the "
                     "others (ready, warning, not-ready, unknown)."},
    [FAM_BLACKOUT] = {"portready_port_expected_blackout_seconds",
                      "Seconds the port is predicted to block traffic after link-up (absent when "
                      "unknown)."},
    [FAM_FINDING] = {"portready_port_finding",
                     "A finding on the port (always 1), by its catalogue id and severity."},
    [FAM_SWITCH_UP] = {"portready_switch_up",
                       "Whether the switch could be read (1) or not (0, its ports are absent)."},
};

struct prom_state {
    FILE *fam[N_FAMILIES];
    char *buf[N_FAMILIES];
    size_t len[N_FAMILIES];
    struct timespec start;
};

/* The label value text, escaped and valid UTF-8. */
static void label_value(FILE *out, const char *text)
{
    static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
    for (const char *p = text; *p != '\0';) {
        size_t n = pr_utf8_len(p);
        unsigned char c = (unsigned char)*p;
        if (n > 1) {
            fwrite(p, 1, n, out);
            p += n;
            continue;
        }
        p++;
        if (n == 0)
            fputs(replacement, out);
        else if (c == '\\')
            fputs("\\\\", out);
        else if (c == '"')
            fputs("\\\"", out);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20 || c == 0x7f)
            fputs(replacement, out);
        else
            fputc(c, out);
    }
}

static void label(FILE *out, const char *name, const char *value, bool first)
{
    fprintf(out, "%s%s=\"", first ? "{" : ",", name);
    label_value(out, value);
    fputc('"', out);
}

static void free_state(struct prom_state *st)
{
    for (int i = 0; i < N_FAMILIES; i++) {
        if (st->fam[i] != NULL)
            fclose(st->fam[i]);
        free(st->buf[i]);
    }
    free(st);
}

static int prom_begin(const struct report_options *opts, void **state, struct pr_error *err)
{
    (void)opts;
    struct prom_state *st = calloc(1, sizeof *st);
    *state = st;
    if (st == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory starting the metrics");
    clock_gettime(CLOCK_MONOTONIC, &st->start);
    for (int i = 0; i < N_FAMILIES; i++) {
        st->fam[i] = open_memstream(&st->buf[i], &st->len[i]);
        if (st->fam[i] == NULL) {
            free_state(st);
            *state = NULL;
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory starting the metrics");
        }
    }
    return 0;
}

static void port_labels(FILE *out, const struct pr_switch *sw, const struct pr_port *port)
{
    label(out, "switch", sw->name, true);
    label(out, "port", port->name, false);
}

static void prom_write_switch(const struct report_options *opts, void *state,
                              const struct pr_switch *sw)
{
    (void)opts;
    struct prom_state *st = state;
    if (st == NULL)
        return;
    FILE *up = st->fam[FAM_SWITCH_UP];
    fputs(families[FAM_SWITCH_UP].name, up);
    label(up, "switch", sw->name, true);
    fprintf(up, "} %d\n", sw->error.code == PR_OK ? 1 : 0);

    static const enum pr_verdict verdicts[] = {PR_VERDICT_READY, PR_VERDICT_WARNING,
                                               PR_VERDICT_NOT_READY, PR_VERDICT_UNKNOWN};
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *port = &sw->ports[i];
        FILE *v = st->fam[FAM_VERDICT];
        for (size_t k = 0; k < sizeof verdicts / sizeof verdicts[0]; k++) {
            fputs(families[FAM_VERDICT].name, v);
            port_labels(v, sw, port);
            label(v, "server", port->server, false);
            label(v, "verdict", pr_verdict_name(verdicts[k]), false);
            fprintf(v, "} %d\n", port->verdict == verdicts[k] ? 1 : 0);
        }
        if (port->expected_blackout_s.known) {
            FILE *b = st->fam[FAM_BLACKOUT];
            fputs(families[FAM_BLACKOUT].name, b);
            port_labels(b, sw, port);
            fprintf(b, "} %lld\n", (long long)port->expected_blackout_s.value);
        }
        for (size_t k = 0; k < port->n_findings; k++) {
            const struct pr_finding *f = &port->findings[k];
            FILE *out = st->fam[FAM_FINDING];
            fputs(families[FAM_FINDING].name, out);
            port_labels(out, sw, port);
            label(out, "id", pr_finding_id_name(f->id), false);
            label(out, "severity", pr_severity_name(f->severity), false);
            fputs("} 1\n", out);
        }
    }
}

static int prom_end(const struct report_options *opts, void *state, const struct pr_summary *s,
                    struct pr_error *err)
{
    (void)s;
    struct prom_state *st = state;
    if (st == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "the metrics were never started");
    FILE *out = opts->out;
    bool lost = false;
    for (int i = 0; i < N_FAMILIES; i++) {
        lost |= fflush(st->fam[i]) != 0;
        fprintf(out, "# HELP %s %s\n# TYPE %s gauge\n", families[i].name, families[i].help,
                families[i].name);
        if (st->len[i] > 0)
            fwrite(st->buf[i], 1, st->len[i], out);
    }
    struct timespec end, wall;
    clock_gettime(CLOCK_MONOTONIC, &end);
    clock_gettime(CLOCK_REALTIME, &wall);
    double duration =
        (double)(end.tv_sec - st->start.tv_sec) + (double)(end.tv_nsec - st->start.tv_nsec) / 1e9;
    fprintf(out,
            "# HELP portready_audit_duration_seconds How long the run took, from its start to "
            "its report.\n"
            "# TYPE portready_audit_duration_seconds gauge\n"
            "portready_audit_duration_seconds %.3f\n",
            duration);
    fprintf(out,
            "# HELP portready_audit_timestamp_seconds When the run ended, in seconds since the "
            "Unix epoch.\n"
            "# TYPE portready_audit_timestamp_seconds gauge\n"
            "portready_audit_timestamp_seconds %lld.%03ld\n",
            (long long)wall.tv_sec, wall.tv_nsec / 1000000);
    free_state(st);
    if (lost)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory collecting the metrics");
    return report_flush(out, err);
}

const struct report_writer report_writer_prometheus = {
    .name = "prometheus",
    .begin = prom_begin,
    .write_switch = prom_write_switch,
    .end = prom_end,
    .write_failure = NULL,
};
