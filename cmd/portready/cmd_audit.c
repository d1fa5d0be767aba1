/* SPDX-License-Identifier: BSD-3-Clause */
/* portready audit [OPTIONS] INVENTORY */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_common.h"
#include "cli_json.h"
#include "commands.h"
#include "core/audit_run.h"
#include "core/inventory.h"
#include "report/report.h"
#include "rules/rules.h"
#include "rules/summary.h"
#include "util/secret.h"
#include "util/strutil.h"
#include "util/walltime.h"

#define OPT_JOBS   'j'
#define OPT_REPEAT 3005

#define AUDIT_DEFAULT_JOBS 32

static const char audit_usage[] =
    "Usage: portready audit [OPTIONS] INVENTORY\n"
    "\n"
    "Audits every server-facing port of a rack: every switch the inventory (YAML)\n"
    "lists, read concurrently. A switch that cannot be read is reported with its\n"
    "error and never stops the others.\n"
    "\n"
    "Options:\n"
    "  -j, --jobs N           switches read at once (default 32; an inventory of\n"
    "                         recordings and configurations only: at most one per CPU)\n"
    "  --fix                  print the configuration that fixes each finding\n"
    "  --format text|json     output format (default text)\n"
    "  --verbose              every fact with its evidence, info findings too\n"
    "  -q, --quiet            only the not-ready ports and the summary\n"
    "  --color WHEN           auto|always|never (default auto: on a terminal, not\n"
    "                         with NO_COLOR set or TERM=dumb)\n"
    "  --stats                SNMP requests per switch and in all, to stderr\n"
    "  --repeat N             audit N rounds in a row (soak, monitoring): a full\n"
    "                         report per round; JSON: one document per round\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 every port ready, 1 warnings only, 2 at least one port not\n"
    "ready, 3 unknown (a switch could not be read, a listed port does not exist,\n"
    "bad inventory or arguments).\n"
    "With --repeat, the worst round's status.\n"
    "\n"
    "Ctrl-C (SIGINT) or SIGTERM stops the audit: the switches being read finish,\n"
    "the others are reported as interrupted before they were read, and the exit\n"
    "status is 3. A second Ctrl-C ends it at once.\n";

struct audit_args {
    unsigned jobs;
    unsigned repeat;
    struct cli_report_args report;
    const char *inventory;
};

struct audit_output {
    const struct report_writer *writer;
    struct report_options ropts;
    void *state;
    struct pr_summary summary;
    bool progress;
    bool stats;
    unsigned long requests;
    unsigned interrupted; /* switches not read because of a signal */
};

/* Its own options; the output and help options are cli_common.c's. */
static const struct cli_option audit_options[] = {
    {"jobs", OPT_JOBS, required_argument, 0},
    {"repeat", OPT_REPEAT, required_argument, 0},
    {NULL, 0, 0, 0},
};

static int parse_args(int argc, char **argv, struct audit_args *a, struct pr_error *err)
{
    struct cli_parser p = {
        .groups = CLI_REPORT | CLI_FORMAT | CLI_HELP,
        .options = audit_options,
        .wording = CLI_WORDING_SURVEY,
        .report = &a->report,
    };
    int opt;
    long long n;
    while ((opt = cli_next_option(&p, argc, argv, err)) > 0) {
        switch (opt) {
        case OPT_JOBS:
            if (!pr_parse_int(optarg, 1, 1024, &n))
                return pr_error_set(err, PR_ERR_USAGE,
                                    "--jobs takes a number from 1 to 1024, not '%s'", optarg);
            a->jobs = (unsigned)n;
            break;
        case OPT_REPEAT:
            if (!pr_parse_int(optarg, 1, 1000000, &n))
                return pr_error_set(err, PR_ERR_USAGE,
                                    "--repeat takes a number of rounds from 1, not '%s'", optarg);
            a->repeat = (unsigned)n;
            break;
        }
    }
    if (opt != CLI_END)
        return opt == CLI_WANTS_HELP ? 1 : -1;
    if (optind >= argc)
        return pr_error_set(err, PR_ERR_USAGE, "no INVENTORY file given");
    if (optind + 1 < argc)
        return pr_error_set(err, PR_ERR_USAGE, "one INVENTORY file only ('%s' is extra)",
                            argv[optind + 1]);
    a->inventory = argv[optind];
    return 0;
}

/* NETCONF options of an inventory switch: its host, the netconf map's
 * port (830 by default), user, key and password. */
static int netconf_from_inventory(const struct inventory_switch *isw, struct netconf_options *nc,
                                  struct pr_error *err)
{
    netconf_options_init(nc);
    if (netconf_target_parse(isw->host, nc, err) != 0) {
        pr_error_prefix(err, "%s: netconf host", isw->name);
        return -1;
    }
    nc->port = isw->netconf.port > 0 ? isw->netconf.port : NETCONF_DEFAULT_PORT;
    pr_strlcpy(nc->user, isw->netconf.user, sizeof nc->user);
    pr_strlcpy(nc->ssh_key, isw->netconf.key, sizeof nc->ssh_key);
    pr_strlcpy(nc->password, isw->netconf.password, sizeof nc->password);
    if (isw->snmp.timeout_s > 0)
        nc->timeout_s = isw->snmp.timeout_s > 10 ? isw->snmp.timeout_s : 10;
    return 0;
}

/* net-snmp keeps one set of localized keys per SNMPv3 user and agent for
 * the whole process: two entries for the same agent and user with
 * different passphrases would read with each other's keys. Refused, naming
 * both entries (never the passphrases). */
static int v3_conflict(const struct inventory *inv, struct pr_error *err)
{
    for (size_t i = 0; i < inv->n_switches; i++) {
        const struct inventory_switch *a = &inv->switches[i];
        if (a->snmp.version != PR_SNMP_V3 || a->host[0] == '\0' || a->walk[0] != '\0')
            continue;
        for (size_t k = i + 1; k < inv->n_switches; k++) {
            const struct inventory_switch *b = &inv->switches[k];
            if (b->snmp.version != PR_SNMP_V3 || strcmp(a->host, b->host) != 0 ||
                strcmp(a->snmp.user, b->snmp.user) != 0 || b->walk[0] != '\0')
                continue;
            if (strcmp(a->snmp.auth_pass, b->snmp.auth_pass) != 0 ||
                strcmp(a->snmp.priv_pass, b->snmp.priv_pass) != 0 ||
                strcmp(a->snmp.auth_proto, b->snmp.auth_proto) != 0 ||
                strcmp(a->snmp.priv_proto, b->snmp.priv_proto) != 0)
                return pr_error_set(
                    err, PR_ERR_USAGE,
                    "switches '%s' (line %d) and '%s' (line %d) use SNMPv3 user '%s' on the same "
                    "agent %s with different credentials; one process keeps one key set per "
                    "user and agent: audit them in separate runs",
                    a->name, a->line, b->name, b->line, a->snmp.user, a->host);
        }
    }
    return 0;
}

/* The survey of one inventory switch. */
static void spec_from_inventory(const struct inventory_switch *isw, struct survey_spec *spec,
                                struct survey_port *ports, const struct netconf_options *nc)
{
    memset(spec, 0, sizeof *spec);
    spec->name = isw->name;
    spec->snmp = &isw->snmp;
    spec->driver = isw->driver[0] ? isw->driver : "auto";
    spec->expect_vlan = isw->expect_vlan;
    if (isw->walk[0])
        spec->walk_path = isw->walk;
    if (isw->config[0])
        spec->config_path = isw->config;
    if (nc != NULL && spec->config_path == NULL)
        spec->netconf = nc;
    bool offline = spec->walk_path != NULL || spec->config_path != NULL || spec->netconf != NULL;
    if (isw->host[0] && spec->walk_path == NULL && (!offline || isw->snmp_given))
        spec->host = isw->host;
    for (size_t i = 0; i < isw->n_ports; i++) {
        ports[i].name = isw->ports[i].name;
        ports[i].server = isw->ports[i].server[0] ? isw->ports[i].server : NULL;
        ports[i].expect_vlan = isw->ports[i].expect_vlan;
    }
    spec->ports = ports;
    spec->n_ports = isw->n_ports;
}

static void on_progress(void *user, size_t done, size_t total, size_t failed)
{
    struct audit_output *out = user;
    if (!out->progress)
        return;
    fprintf(stderr, "\rportready audit: %zu/%zu switches read", done, total);
    if (failed)
        fprintf(stderr, ", %zu unreadable", failed);
    fprintf(stderr, "\033[K");
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

static void on_result(void *user, size_t index, const struct pr_switch *sw)
{
    (void)index;
    struct audit_output *out = user;
    struct pr_summary one;
    rules_summarize(sw, 1, &one);
    out->summary.switches += one.switches;
    out->summary.unreadable += one.unreadable;
    out->summary.ports += one.ports;
    out->summary.ready += one.ready;
    out->summary.warning += one.warning;
    out->summary.not_ready += one.not_ready;
    out->summary.unknown += one.unknown;
    out->summary.unchecked += one.unchecked;
    out->requests += sw->pr_snmp_requests;
    out->interrupted += sw->error.code == PR_ERR_INTERRUPTED;
    if (out->stats)
        fprintf(stderr, "portready: %s: %lu SNMP requests\n", sw->name, sw->pr_snmp_requests);
    /* The progress line goes before the report's text reaches a terminal
     * it shares; on_progress draws it again. */
    if (out->progress) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    out->writer->write_switch(&out->ropts, out->state, sw);
    fflush(out->ropts.out);
}

/* Set by SIGINT/SIGTERM: audit_run() surveys no further switch. */
static volatile sig_atomic_t audit_stop;

static void audit_on_signal(int sig)
{
    (void)sig;
    audit_stop = 1;
}

/* The handler is reset once it has run, so a second Ctrl-C ends the
 * process at once. */
static void audit_catch_signals(struct sigaction *old_int, struct sigaction *old_term)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = audit_on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    audit_stop = 0;
    sigaction(SIGINT, &sa, old_int);
    sigaction(SIGTERM, &sa, old_term);
}

static void summary_add(struct pr_summary *all, const struct pr_summary *one)
{
    all->switches += one->switches;
    all->unreadable += one->unreadable;
    all->ports += one->ports;
    all->ready += one->ready;
    all->warning += one->warning;
    all->not_ready += one->not_ready;
    all->unknown += one->unknown;
    all->unchecked += one->unchecked;
}

/* A failure before the first round: on stderr, and as the round's JSON
 * document when JSON was asked. */
static int audit_fail(bool json, const char *hint, const struct pr_error *err)
{
    if (json)
        cli_report_error_doc(1, err);
    return cmd_fail(hint, "audit: %s", err->msg);
}

int cmd_audit(int argc, char **argv)
{
    struct audit_args a = {
        .jobs = AUDIT_DEFAULT_JOBS, .repeat = 1, .report = {.writer = &report_writer_text}};
    struct pr_error err = {0};
    int parsed = parse_args(argc, argv, &a, &err);
    if (parsed == 1) {
        fputs(audit_usage, stdout);
        return PR_EXIT_READY;
    }
    bool json = cli_wants_json(argc, argv) || a.report.writer == &report_writer_json;
    if (parsed != 0)
        return audit_fail(json, "Try 'portready audit --help'.", &err);

    struct inventory inv = {0};
    if (inventory_load(a.inventory, &inv, &err) != 0)
        return audit_fail(json, NULL, &err);
    for (size_t i = 0; i < inv.n_warnings; i++)
        fprintf(stderr, "portready: warning: %s\n", inv.warnings[i]);
    /* What the inventory leaves unset comes from net-snmp's snmp.conf, then
     * portready's defaults, for every switch read from a live agent. */
    for (size_t i = 0; i < inv.n_switches; i++) {
        struct inventory_switch *isw = &inv.switches[i];
        bool offline = isw->walk[0] || isw->config[0] || isw->netconf.given;
        if (isw->host[0] && !isw->walk[0] && (!offline || isw->snmp_given))
            pr_snmp_options_from_netsnmp(&isw->snmp, isw->snmp_set);
    }
    if (v3_conflict(&inv, &err) != 0) {
        inventory_free(&inv);
        return audit_fail(json, NULL, &err);
    }

    size_t total_ports = 0;
    for (size_t i = 0; i < inv.n_switches; i++)
        total_ports += inv.switches[i].n_ports;
    struct survey_spec *specs = calloc(inv.n_switches ? inv.n_switches : 1, sizeof *specs);
    struct survey_port *ports = calloc(total_ports ? total_ports : 1, sizeof *ports);
    struct netconf_options *netconf = calloc(inv.n_switches ? inv.n_switches : 1, sizeof *netconf);
    if (specs == NULL || ports == NULL || netconf == NULL) {
        free(specs);
        free(ports);
        free(netconf);
        inventory_free(&inv);
        return audit_fail(json, NULL, cli_error(&err, PR_ERR_INTERNAL, "out of memory"));
    }
    size_t port_offset = 0;
    for (size_t i = 0; i < inv.n_switches; i++) {
        const struct inventory_switch *isw = &inv.switches[i];
        if (isw->netconf.given && netconf_from_inventory(isw, &netconf[i], &err) != 0) {
            free(specs);
            free(ports);
            free(netconf);
            inventory_free(&inv);
            return audit_fail(json, NULL, &err);
        }
        spec_from_inventory(isw, &specs[i], ports + port_offset,
                            isw->netconf.given ? &netconf[i] : NULL);
        port_offset += inv.switches[i].n_ports;
    }

    /* The inventory's path is no secret: the hint can name it. */
    char fix_hint[PR_ERROR_MSG_MAX];
    snprintf(fix_hint, sizeof fix_hint, "Print the fixes: portready audit --fix %s", a.inventory);
    struct audit_output out = {
        .writer = a.report.writer,
        .ropts = {.out = stdout,
                  .color = a.report.writer == &report_writer_text &&
                           cli_use_color(stdout, a.report.color),
                  .fix = a.report.fix,
                  .verbose = a.report.verbose,
                  .quiet = a.report.quiet,
                  .fix_hint = fix_hint},
        .progress = cli_show_progress(stderr),
        .stats = a.report.stats,
    };
    /* Each round is a complete report (JSON: a document of its own), so a
     * reader can act on every round as it ends. */
    struct sigaction old_int, old_term;
    audit_catch_signals(&old_int, &old_term);
    struct pr_summary all = {0};
    int rc = 0;
    struct pr_error out_err = {0}, stop_err = {0};
    bool written = true;
    for (unsigned round = 1; round <= a.repeat && rc == 0; round++) {
        if (a.repeat > 1 && a.report.writer == &report_writer_text)
            printf("%sRound %u of %u\n", round > 1 ? "\n" : "", round, a.repeat);
        memset(&out.summary, 0, sizeof out.summary);
        out.requests = 0;
        out.interrupted = 0;
        out.ropts.timestamp_ns = pr_wall_now_ns();
        out.ropts.round = round;
        out.ropts.error = NULL;
        if (out.writer->begin(&out.ropts, &out.state, &out_err) != 0) {
            written = false;
            break;
        }
        rc = audit_run(specs, inv.n_switches, a.jobs, &audit_stop, on_result, on_progress, &out,
                       &err);
        /* The round's document says why it is incomplete. */
        if (rc != 0)
            out.ropts.error = &err;
        else if (audit_stop)
            out.ropts.error =
                cli_error(&stop_err, PR_ERR_INTERRUPTED, "interrupted: %u of %u switches not read",
                          out.interrupted, out.summary.switches);
        if (out.writer->end(&out.ropts, out.state, &out.summary, &out_err) != 0) {
            written = false;
            break;
        }
        summary_add(&all, &out.summary);
        if (a.report.stats)
            fprintf(stderr, "portready: %lu SNMP requests to %u switches\n", out.requests,
                    out.summary.switches);
        if (audit_stop)
            break;
    }
    bool interrupted = audit_stop != 0;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);

    free(specs);
    free(ports);
    secret_wipe(netconf, inv.n_switches * sizeof *netconf);
    free(netconf);
    inventory_free(&inv);
    if (!written)
        return cmd_fail(NULL, "audit: %s", out_err.msg);
    if (rc != 0)
        return cmd_fail(NULL, "audit: %s", err.msg);
    if (interrupted)
        return cmd_fail(NULL, "audit: interrupted: %u of %u switches not read", out.interrupted,
                        out.summary.switches);
    return rules_exit_code(&all);
}
