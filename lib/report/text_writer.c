/* SPDX-License-Identifier: BSD-3-Clause */
/* Human-readable report, grouped by switch. Ports keep the switch's order,
 * as operators read them against the faceplate; a switch-wide finding is
 * said once in the switch's header; info findings only with --verbose;
 * every line fits TEXT_WIDTH columns. The summary ends the report, then
 * "fix first": what blocks the most ports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/fix_first.h"
#include "report/report.h"
#include "report/text_wrap.h"
#include "util/strutil.h"

struct text_state {
    struct fix_first fix_first;
};

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

const char *report_verdict_label(enum pr_verdict v)
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
    struct text_state *st = calloc(1, sizeof *st);
    *state = st;
    if (st == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory starting the report");
    return 0;
}

/* A finding that comes from the switch, not the port (model/switch.h). */
static bool switch_wide(const struct pr_port *port, const struct pr_finding *f)
{
    return pr_finding_is_switch_wide(port, f);
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

/* With --fix, the fixes are printed once, merged, in the block that ends
 * the switch (switch-wide ones marked as disruptive); with the finding
 * itself only when the switch has no block (inline_fix). */
static void print_finding(const struct report_options *opts, const struct pr_finding *f,
                          bool inline_fix)
{
    FILE *out = opts->out;
    int used =
        fprintf(out, "      %s%-8s %s%s: ", col(opts, severity_color(f->severity)),
                pr_severity_name(f->severity), pr_finding_id_name(f->id), col(opts, C_RESET));
    /* Colour codes take no columns. */
    size_t shown = used > 0 ? (size_t)used : 0;
    if (opts->color)
        shown -= strlen(col(opts, severity_color(f->severity))) + strlen(C_RESET);
    text_wrap(out, shown, 15, f->message);
    if (f->evidence[0]) {
        fprintf(out, "               %sevidence: ", col(opts, C_DIM));
        text_wrap(out, 25, 25, f->evidence);
        fputs(col(opts, C_RESET), out);
    }
    if (inline_fix && f->fix[0]) {
        fprintf(out, "               fix:\n");
        print_indented(out, "                 ", f->fix);
    }
}

/* "survives: pxe-rom, anaconda; fails: ipxe, debian-installer; unknown: ..." */
static void print_clients(FILE *out, const struct pr_port *port)
{
    static const enum pr_client_outcome order[] = {PR_CLIENT_SURVIVES, PR_CLIENT_FAILS,
                                                   PR_CLIENT_UNKNOWN};
    char line[256] = "";
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        const char *sep = line[0] ? "; " : "";
        for (size_t i = 0; i < port->n_clients; i++) {
            if (port->clients[i].outcome != order[k])
                continue;
            if (sep != NULL)
                pr_strlcatf(line, sizeof line, "%s%s: ", sep, pr_client_outcome_name(order[k]));
            else
                pr_strlcatf(line, sizeof line, ", ");
            pr_strlcatf(line, sizeof line, "%s", port->clients[i].name);
            sep = NULL;
        }
    }
    if (line[0]) {
        fputs("      ", out);
        text_wrap(out, 6, 8, line);
    }
}

static void print_port(const struct report_options *opts, const struct pr_port *port,
                       bool inline_fix)
{
    FILE *out = opts->out;
    char blackout[48];
    if (port->expected_blackout_s.known)
        snprintf(blackout, sizeof blackout, "blackout %llds",
                 (long long)port->expected_blackout_s.value);
    else
        snprintf(blackout, sizeof blackout, "blackout ?");
    /* The server's name from the inventory, else the port's description. */
    char who[32], name[32];
    text_ellipsize(who, sizeof who,
                   port->server[0] ? port->server : (port->alias[0] ? port->alias : "-"), 24);
    text_ellipsize(name, sizeof name, port->name, 24);
    fprintf(out, "  %s%-9s%s  %-14s %-24s %s\n", col(opts, verdict_color(port->verdict)),
            report_verdict_label(port->verdict), col(opts, C_RESET), name, who, blackout);
    print_clients(out, port);
    for (size_t i = 0; i < port->n_findings; i++) {
        const struct pr_finding *f = &port->findings[i];
        if (f->severity == PR_SEV_INFO && !opts->verbose)
            continue;
        if (switch_wide(port, f)) {
            fprintf(out, "      %s%-8s %s%s (switch-wide, above)\n",
                    col(opts, severity_color(f->severity)), pr_severity_name(f->severity),
                    pr_finding_id_name(f->id), col(opts, C_RESET));
            continue;
        }
        print_finding(opts, f, inline_fix);
    }
    if (opts->verbose)
        print_facts(out, &port->facts);
}

/* The switch-wide finding once, in the header: its edge-port variant (a
 * warning) where there is one, with the number of ports it touches. */
static void print_switch_wide(const struct report_options *opts, const struct pr_switch *sw,
                              bool inline_fix)
{
    const struct pr_finding *shown = NULL;
    unsigned ports = 0;
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *port = &sw->ports[i];
        for (size_t k = 0; k < port->n_findings; k++) {
            const struct pr_finding *f = &port->findings[k];
            if (!switch_wide(port, f))
                continue;
            ports++;
            if (shown == NULL ||
                (shown->severity != PR_SEV_WARNING && f->severity == PR_SEV_WARNING))
                shown = f;
        }
    }
    if (shown == NULL)
        return;
    fprintf(opts->out, "  switch-wide, on %u port%s:\n", ports, ports == 1 ? "" : "s");
    print_finding(opts, shown, inline_fix);
}

/* "uplinks left out: Ethernet12 (LLDP neighbour spine1, bridge), ..." */
static void print_uplinks(const struct report_options *opts, const struct pr_switch *sw)
{
    if (sw->n_uplinks == 0)
        return;
    size_t len = 1;
    for (size_t i = 0; i < sw->n_uplinks; i++)
        len += strlen(sw->uplinks[i].name) + strlen(sw->uplinks[i].reason) + 8;
    char *line = malloc(len);
    if (line == NULL)
        return;
    line[0] = '\0';
    for (size_t i = 0; i < sw->n_uplinks; i++) {
        const struct pr_uplink *u = &sw->uplinks[i];
        size_t used = strlen(line);
        snprintf(line + used, len - used, "%s%s (%s)", i ? ", " : "", u->name, u->reason);
    }
    fputs("  uplinks left out: ", opts->out);
    text_wrap(opts->out, 21, 4, line);
    free(line);
}

/* The block of configuration for every finding of the switch, as the
 * driver merged it: ready to paste. */
static void print_fix_block(const struct report_options *opts, const struct pr_switch *sw)
{
    if (!opts->fix || sw->fix.text == NULL)
        return;
    fprintf(opts->out, "  fix, %s%s:\n",
            sw->fix.paste ? "ready to paste in configuration mode"
                          : "as advice (no vendor syntax known)",
            sw->fix.switch_wide != NULL ? "; the switch-wide part first, disruptive" : "");
    print_indented(opts->out, "    ", sw->fix.text);
}

static bool has_not_ready(const struct pr_switch *sw)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (sw->ports[i].verdict == PR_VERDICT_NOT_READY)
            return true;
    }
    return false;
}

static void text_print_switch(const struct report_options *opts, const struct pr_switch *sw);

static void text_write_switch(const struct report_options *opts, void *state,
                              const struct pr_switch *sw)
{
    struct text_state *st = state;
    if (st != NULL && fix_first_add(&st->fix_first, sw, NULL) != 0)
        fix_first_free(&st->fix_first); /* advice only: drop it rather than mislead */
    text_print_switch(opts, sw);
}

/* The tally of a switch written ahead: its "fix first" line, if any. */
static int text_write_ahead(const struct report_options *opts, const struct pr_switch *sw,
                            FILE *out, void **tally)
{
    struct fix_first *ff = calloc(1, sizeof *ff);
    if (ff == NULL || fix_first_add(ff, sw, NULL) != 0) {
        free(ff);
        return -1;
    }
    *tally = ff;
    struct report_options ahead = *opts;
    ahead.out = out;
    text_print_switch(&ahead, sw);
    return 0;
}

static void text_free_tally(void *tally)
{
    fix_first_free(tally);
    free(tally);
}

static void text_take_ahead(const struct report_options *opts, void *state, void *tally)
{
    (void)opts;
    struct text_state *st = state;
    if (st != NULL && tally != NULL && fix_first_take(&st->fix_first, tally, NULL) != 0)
        fix_first_free(&st->fix_first);
    if (tally != NULL)
        text_free_tally(tally);
}

static void text_print_switch(const struct report_options *opts, const struct pr_switch *sw)
{
    if (opts->quiet && sw->error.code == PR_OK && !has_not_ready(sw) && sw->n_port_errors == 0)
        return;
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
        fprintf(out, "  %sUNREADABLE%s ", col(opts, C_RED), col(opts, C_RESET));
        text_wrap(out, 13, 13, sw->error.msg);
        fprintf(out, "\n");
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
    bool inline_fix = opts->fix && sw->fix.text == NULL;
    print_uplinks(opts, sw);
    print_switch_wide(opts, sw, inline_fix);
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (!opts->quiet || sw->ports[i].verdict == PR_VERDICT_NOT_READY)
            print_port(opts, &sw->ports[i], inline_fix);
    }
    /* A PORT that matched nothing (the others are judged above), or no
     * switch port at all: an error line of the block, never UNREADABLE. */
    for (size_t i = 0; i < sw->n_port_errors; i++) {
        fprintf(out, "  %s%-9s%s  ", col(opts, C_RED), "ERROR", col(opts, C_RESET));
        text_wrap(out, 13, 13, sw->port_errors[i]);
    }
    print_fix_block(opts, sw);
    fprintf(out, "\n");
}

static int text_end(const struct report_options *opts, void *state, const struct pr_summary *s,
                    struct pr_error *err)
{
    struct text_state *st = state;
    fprintf(opts->out, "Summary: %u switch%s", s->switches, s->switches == 1 ? "" : "es");
    if (s->unreadable)
        fprintf(opts->out, " (%s%u unreadable%s)", col(opts, C_RED), s->unreadable,
                col(opts, C_RESET));
    fprintf(opts->out, ", %u port%s: %u ready, %u warning, %u not ready, %u unknown", s->ports,
            s->ports == 1 ? "" : "s", s->ready, s->warning, s->not_ready, s->unknown);
    if (s->uplinks)
        fprintf(opts->out, "; %u uplink%s left out", s->uplinks, s->uplinks == 1 ? "" : "s");
    /* Ports asked for and never judged: no such port, or an unreadable
     * switch's listed ones. */
    if (s->unchecked)
        fprintf(opts->out, "; %s%u unchecked%s", col(opts, C_RED), s->unchecked,
                col(opts, C_RESET));
    if (s->portless)
        fprintf(opts->out, "; %s%u switch%s without a switch port%s", col(opts, C_RED), s->portless,
                s->portless == 1 ? "" : "es", col(opts, C_RESET));
    fputc('\n', opts->out);
    if (st != NULL) {
        if (!opts->fix)
            fix_first_print(&st->fix_first, opts->out, opts->fix_hint);
        fix_first_free(&st->fix_first);
        free(st);
    }
    return report_flush(opts->out, err);
}

const struct report_writer report_writer_text = {
    .name = "text",
    .begin = text_begin,
    .write_switch = text_write_switch,
    .end = text_end,
    .write_ahead = text_write_ahead,
    .take_ahead = text_take_ahead,
    .free_tally = text_free_tally,
};

void report_text_port(const struct report_options *opts, const struct pr_port *port)
{
    print_port(opts, port, opts->fix);
}
