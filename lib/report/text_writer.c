/* SPDX-License-Identifier: BSD-3-Clause */
/* Human-readable report: grouped by switch, worst ports first within a
 * switch is NOT done (ports keep the switch's order, as operators read them
 * against the faceplate); the summary ends the report. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

#define C_RESET  "\033[0m"
#define C_BOLD   "\033[1m"
#define C_RED    "\033[31m"
#define C_YELLOW "\033[33m"
#define C_GREEN  "\033[32m"
#define C_DIM    "\033[2m"

static const char *col(const struct report_options *opts, const char *code)
{
    return opts->color ? code : "";
}

static const char *verdict_color(enum pr_verdict v)
{
    switch (v) {
    case PR_VERDICT_READY:
        return C_GREEN;
    case PR_VERDICT_WARNING:
        return C_YELLOW;
    case PR_VERDICT_NOT_READY:
        return C_RED;
    case PR_VERDICT_UNKNOWN:
        return C_DIM;
    }
    return "";
}

static const char *verdict_label(enum pr_verdict v)
{
    switch (v) {
    case PR_VERDICT_READY:
        return "READY";
    case PR_VERDICT_WARNING:
        return "WARNING";
    case PR_VERDICT_NOT_READY:
        return "NOT READY";
    case PR_VERDICT_UNKNOWN:
        return "UNKNOWN";
    }
    return "?";
}

static const char *severity_color(enum pr_severity s)
{
    switch (s) {
    case PR_SEV_CRITICAL:
        return C_RED;
    case PR_SEV_WARNING:
        return C_YELLOW;
    case PR_SEV_INFO:
        return C_DIM;
    }
    return "";
}

static int text_begin(const struct report_options *opts, void **state, struct pr_error *err)
{
    (void)opts;
    (void)err;
    *state = NULL;
    return 0;
}

/* Prints a multi-line snippet indented. */
static void print_indented(FILE *out, const char *indent, const char *text)
{
    const char *line = text;
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        fprintf(out, "%s%.*s\n", indent, (int)len, line);
        if (nl == NULL)
            break;
        line = nl + 1;
    }
}

static void print_fact_line(FILE *out, const char *name, const struct pr_fact *fact,
                            const char *value)
{
    if (fact->known)
        fprintf(out, "        %-14s %-12s %s\n", name, value, fact->evidence);
    else
        fprintf(out, "        %-14s %-12s %s\n", name, "unknown",
                fact->evidence[0] ? fact->evidence : "no source exposes it");
}

static void print_facts(FILE *out, const struct pr_port_facts *f)
{
    char num[32];
    print_fact_line(out, "admin", &f->admin_status, pr_if_status_name(f->admin_status.value));
    print_fact_line(out, "oper", &f->oper_status, pr_if_status_name(f->oper_status.value));
    print_fact_line(out, "stp state", &f->stp_state, pr_stp_state_name(f->stp_state.value));
    print_fact_line(out, "edge", &f->edge, pr_edge_name(f->edge.value));
    print_fact_line(out, "lacp member", &f->lacp_member, f->lacp_member.value ? "yes" : "no");
    print_fact_line(out, "lacp fallback", &f->lacp_fallback, f->lacp_fallback.value ? "yes" : "no");
    print_fact_line(out, "autoneg", &f->autoneg, f->autoneg.value ? "on" : "off");
    snprintf(num, sizeof num, "%lld", (long long)f->speed_mbps.value);
    print_fact_line(out, "speed Mb/s", &f->speed_mbps, num);
    snprintf(num, sizeof num, "%lld", (long long)f->access_vlan.value);
    print_fact_line(out, "vlan", &f->access_vlan, num);
    print_fact_line(
        out, "err-disabled", &f->err_disabled,
        f->err_disabled.value ? (f->err_disabled_cause[0] ? f->err_disabled_cause : "yes") : "no");
    print_fact_line(out, "bpdu guard", &f->bpdu_guard, f->bpdu_guard.value ? "on" : "off");
}

static void print_port(const struct report_options *opts, const struct pr_port *port)
{
    FILE *out = opts->out;
    char blackout[48];
    if (port->expected_blackout_s.known)
        snprintf(blackout, sizeof blackout, "blackout %llds",
                 (long long)port->expected_blackout_s.value);
    else
        snprintf(blackout, sizeof blackout, "blackout ?");
    /* The server's name from the inventory, else the port's description. */
    const char *who = port->server[0] ? port->server : (port->alias[0] ? port->alias : "-");
    fprintf(out, "  %s%-9s%s  %-14s %-24.24s %s\n", col(opts, verdict_color(port->verdict)),
            verdict_label(port->verdict), col(opts, C_RESET), port->name, who, blackout);
    for (size_t i = 0; i < port->n_findings; i++) {
        const struct pr_finding *f = &port->findings[i];
        if (f->severity == PR_SEV_INFO && !opts->verbose && !opts->fix) {
            fprintf(out, "      %sinfo     %s%s\n", col(opts, C_DIM), pr_finding_id_name(f->id),
                    col(opts, C_RESET));
            continue;
        }
        fprintf(out, "      %s%-8s %s%s: %s\n", col(opts, severity_color(f->severity)),
                pr_severity_name(f->severity), pr_finding_id_name(f->id), col(opts, C_RESET),
                f->message);
        if (f->evidence[0])
            fprintf(out, "               %sevidence: %s%s\n", col(opts, C_DIM), f->evidence,
                    col(opts, C_RESET));
        if (opts->fix && f->fix[0]) {
            fprintf(out, "               fix:\n");
            print_indented(out, "                 ", f->fix);
        }
    }
    if (opts->verbose)
        print_facts(out, &port->facts);
}

static void text_write_switch(const struct report_options *opts, void *state,
                              const struct pr_switch *sw)
{
    (void)state;
    FILE *out = opts->out;
    fprintf(out, "%s%s%s  %s", col(opts, C_BOLD), sw->name, col(opts, C_RESET), sw->host);
    if (sw->driver_name != NULL)
        fprintf(out, "  driver %s", sw->driver_name);
    if (sw->n_sources > 0) {
        fprintf(out, " (");
        for (size_t i = 0; i < sw->n_sources; i++)
            fprintf(out, "%s%s", i ? ", " : "", sw->sources[i]);
        fprintf(out, ")");
    }
    fprintf(out, "\n");
    if (sw->error.code != PR_OK) {
        fprintf(out, "  %sUNREADABLE%s %s\n\n", col(opts, C_RED), col(opts, C_RESET),
                sw->error.msg);
        return;
    }
    fprintf(out, "  spanning tree: %s",
            sw->stp.mode.known ? pr_stp_mode_name(sw->stp.mode.value) : "unknown");
    if (sw->stp.forward_delay_s.known)
        fprintf(out, ", forward delay %llds", (long long)sw->stp.forward_delay_s.value);
    if (sw->stp.max_age_s.known)
        fprintf(out, ", max age %llds", (long long)sw->stp.max_age_s.value);
    fprintf(out, "\n");
    if (opts->verbose) {
        if (sw->stp.mode.evidence[0])
            fprintf(out, "    mode: %s\n", sw->stp.mode.evidence);
        if (sw->stp.forward_delay_s.evidence[0])
            fprintf(out, "    forward delay: %s\n", sw->stp.forward_delay_s.evidence);
    }
    for (size_t i = 0; i < sw->n_ports; i++)
        print_port(opts, &sw->ports[i]);
    fprintf(out, "\n");
}

static int text_end(const struct report_options *opts, void *state, const struct pr_summary *s,
                    struct pr_error *err)
{
    (void)state;
    fprintf(opts->out, "Summary: %u switch%s", s->switches, s->switches == 1 ? "" : "es");
    if (s->unreadable)
        fprintf(opts->out, " (%s%u unreadable%s)", col(opts, C_RED), s->unreadable,
                col(opts, C_RESET));
    fprintf(opts->out, ", %u port%s: %u ready, %u warning, %u not ready, %u unknown\n", s->ports,
            s->ports == 1 ? "" : "s", s->ready, s->warning, s->not_ready, s->unknown);
    return report_flush(opts->out, err);
}

const struct report_writer report_writer_text = {
    .name = "text",
    .begin = text_begin,
    .write_switch = text_write_switch,
    .end = text_end,
};
