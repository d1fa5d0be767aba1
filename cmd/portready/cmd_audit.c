/* SPDX-License-Identifier: BSD-3-Clause */
/* portready audit [OPTIONS] INVENTORY */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_common.h"
#include "cmd_locate.h"
#include "cmd_report.h"
#include "cli_json.h"
#include "commands.h"
#include "core/audit_run.h"
#include "core/inventory.h"
#include "core/shard.h"
#include "report/report.h"
#include "rules/rules.h"
#include "rules/summary.h"
#include "util/secret.h"
#include "util/strutil.h"
#include "util/walltime.h"

#define OPT_JOBS        'j'
#define OPT_REPEAT      3005
#define OPT_SHARD       3006
#define OPT_SAVE_CONFIG 3007
#define OPT_MAC         3008

#define AUDIT_DEFAULT_JOBS 32

static const char audit_usage[] =
    "Usage: portready audit [OPTIONS] INVENTORY\n"
    "\n"
    "Audits every server-facing port of a rack: every switch the inventory (YAML)\n"
    "lists, read concurrently. A switch that lists no ports is judged on every\n"
    "physical port but its uplinks, which are listed. A switch that cannot be read\n"
    "is reported with its error and never stops the others.\n"
    "\n"
    "Options:\n"
    "  -j, --jobs N           switches read at once (default 32; an inventory of\n"
    "                         recordings and configurations only: at most one per CPU)\n"
    "  --fix                  end each switch with the configuration that fixes every\n"
    "                         finding, one block ready to paste (uplinks never in it)\n"
    "  --all-ports            switches listing no ports: judge the uplinks too\n"
    "  --format FORMAT        text (default), json, nagios (a monitoring plugin's\n"
    "                         status line, long output and perfdata) or prometheus\n"
    "                         (the text exposition format, for node_exporter)\n"
    "  --verbose              every fact with its evidence, info findings too\n"
    "  -q, --quiet            only the not-ready ports and the summary\n"
    "  --color WHEN           auto|always|never (default auto: on a terminal, not\n"
    "                         with NO_COLOR set or TERM=dumb)\n"
    "  --stats                SNMP requests and varbinds received per switch, and\n"
    "                         the requests in all, to stderr\n"
    "  --save-config DIR      keep each configuration read over NETCONF or SSH as\n"
    "                         DIR/NAME.cfg (NAME: the switch)\n"
    "  --repeat N             audit N rounds in a row (soak, monitoring): a full\n"
    "                         report per round; JSON: one document per round\n"
    "                         (text and json only)\n"
    "  --mac MAC              only the port MAC is learned on, found as locate finds\n"
    "                         it across the inventory (again for more MACs)\n"
    "  --shard K/N            only the K-th of N parts of the inventory, split by a\n"
    "                         stable hash of the switch names: N workers given\n"
    "                         1/N .. N/N audit every switch once between them\n"
    "  -h, --help             this help\n"
    "\n"
    "Monitoring:\n" CLI_MONITOR_HELP "\n"
    "Exit status: 0 every port ready, 1 warnings only, 2 at least one port not\n"
    "ready, 3 unknown (a switch could not be read, a listed port does not exist,\n"
    "bad inventory or arguments, interrupted, --timeout-total expired). With\n"
    "--repeat, the worst round's status. With --format nagios the status line's\n"
    "state (OK, WARNING, CRITICAL, UNKNOWN) is always the exit status.\n"
    "\n"
    "Ctrl-C (SIGINT) or SIGTERM stops the audit: the switches being read finish,\n"
    "the others are reported as interrupted before they were read, and the exit\n"
    "status is 3. A second Ctrl-C ends it at once.\n";

struct audit_args {
    const char *save_config;
    unsigned jobs;
    unsigned repeat;
    unsigned shard_k, shard_n; /* --shard K/N; 0/0: the whole inventory */
    struct cli_report_args report;
    const char *inventory;
    uint64_t *macs; /* --mac */
    size_t n_macs;
};

struct audit_output {
    const struct report_writer *writer;
    struct report_options ropts;
    void *state;
    struct pr_summary summary;
    bool progress;
    bool stats;
    unsigned long requests;
    unsigned interrupted; /* switches not read because of a signal or the deadline */
    const struct rules_thresholds *thresholds;
};

/* Its own options; the output and help options are cli_common.c's. */
static const struct cli_option audit_options[] = {
    {"jobs", OPT_JOBS, required_argument, 0},
    {"repeat", OPT_REPEAT, required_argument, 0},
    {"shard", OPT_SHARD, required_argument, 0},
    {"save-config", OPT_SAVE_CONFIG, required_argument, 0},
    {"mac", OPT_MAC, required_argument, 0},
    {NULL, 0, 0, 0},
};

static int parse_args(int argc, char **argv, struct audit_args *a, struct pr_error *err)
{
    struct cli_parser p = {
        .groups = CLI_REPORT | CLI_FORMAT | CLI_MONITOR | CLI_HELP,
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
        case OPT_MAC:
            if (locate_parse_mac_option(optarg, &a->macs, &a->n_macs, err) != 0)
                return -1;
            break;
        case OPT_SHARD:
            if (shard_parse(optarg, &a->shard_k, &a->shard_n, err) != 0)
                return -1;
            break;
        case OPT_SAVE_CONFIG: {
            struct stat st;
            if (stat(optarg, &st) != 0 || !S_ISDIR(st.st_mode))
                return pr_error_set(err, PR_ERR_USAGE, "--save-config %s: not a folder", optarg);
            a->save_config = optarg;
            break;
        }
        }
    }
    if (opt != CLI_END)
        return opt == CLI_WANTS_HELP ? 1 : -1;
    const struct report_writer *writer = cli_report_writer(&a->report);
    if (a->repeat > 1 && writer != &report_writer_text && writer != &report_writer_json)
        return pr_error_set(err, PR_ERR_USAGE,
                            "--repeat: --format %s reports one run (one status line, one set of "
                            "metrics); run it again instead",
                            writer->name);
    if (optind >= argc)
        return pr_error_set(err, PR_ERR_USAGE, "no INVENTORY file given");
    if (optind + 1 < argc)
        return pr_error_set(err, PR_ERR_USAGE, "one INVENTORY file only ('%s' is extra)",
                            argv[optind + 1]);
    a->inventory = argv[optind];
    return 0;
}

/* NETCONF options of an inventory switch: its host, the netconf map's
 * port (830 by default), user, key and password. The password moves: it is
 * wiped from the inventory, so the options hold the one copy. */
static int netconf_from_inventory(struct inventory_switch *isw, struct netconf_options *nc,
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
    secret_wipe(isw->netconf.password, sizeof isw->netconf.password);
    pr_strlcpy(nc->known_hosts, isw->netconf.known_hosts, sizeof nc->known_hosts);
    if (isw->snmp.timeout_s > 0)
        nc->timeout_s = isw->snmp.timeout_s > 10 ? isw->snmp.timeout_s : 10;
    return 0;
}

/* The SSH (CLI) login of an inventory switch likewise: its host, the ssh
 * map's port (22 by default), user, key, password (moved, as NETCONF's is)
 * and known_hosts; the exchange bounded as NETCONF's is. */
static int ssh_from_inventory(struct inventory_switch *isw, struct pr_ssh_target *t,
                              struct pr_error *err)
{
    pr_ssh_target_init(t);
    if (pr_ssh_target_parse(isw->host, "host", PR_SSH_DEFAULT_PORT, t->user, sizeof t->user,
                            t->host, sizeof t->host, &t->port, err) != 0) {
        pr_error_prefix(err, "%s: ssh host", isw->name);
        return -1;
    }
    t->port = isw->ssh.port > 0 ? isw->ssh.port : PR_SSH_DEFAULT_PORT;
    pr_strlcpy(t->user, isw->ssh.user, sizeof t->user);
    pr_strlcpy(t->ssh_key, isw->ssh.key, sizeof t->ssh_key);
    pr_strlcpy(t->password, isw->ssh.password, sizeof t->password);
    secret_wipe(isw->ssh.password, sizeof isw->ssh.password);
    pr_strlcpy(t->known_hosts, isw->ssh.known_hosts, sizeof t->known_hosts);
    if (isw->snmp.timeout_s > 0)
        t->timeout_s = isw->snmp.timeout_s > 10 ? isw->snmp.timeout_s : 10;
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

/* The survey of one inventory switch (cmd_report.h). */
void spec_from_inventory(const struct inventory_switch *isw, struct survey_spec *spec,
                         struct survey_port *ports, const struct netconf_options *nc,
                         const struct pr_ssh_target *ssh, const char *save_config, uint32_t clients)
{
    memset(spec, 0, sizeof *spec);
    spec->name = isw->name;
    spec->snmp = &isw->snmp;
    spec->driver = isw->driver[0] ? isw->driver : "auto";
    spec->expect_vlan = isw->expect_vlan;
    spec->clients = isw->clients | clients;
    if (isw->walk[0])
        spec->walk_path = isw->walk;
    if (isw->config[0])
        spec->config_path = isw->config;
    if (nc != NULL && spec->config_path == NULL)
        spec->netconf = nc;
    if (ssh != NULL && spec->config_path == NULL)
        spec->ssh = ssh;
    spec->save_config_dir = save_config;
    /* With netconf: or ssh: and no snmp: (in the switch or in defaults),
     * host: names the SSH host and no SNMP is tried. */
    bool offline = spec->walk_path != NULL || spec->config_path != NULL || spec->netconf != NULL ||
                   spec->ssh != NULL;
    if (isw->host[0] && spec->walk_path == NULL && (!offline || isw->snmp_given))
        spec->host = isw->host;
    for (size_t i = 0; i < isw->n_ports; i++) {
        ports[i].name = isw->ports[i].name;
        ports[i].server = isw->ports[i].server[0] ? isw->ports[i].server : NULL;
        ports[i].expect_vlan = isw->ports[i].expect_vlan;
        ports[i].clients = isw->ports[i].clients ? isw->ports[i].clients | clients : 0;
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

/* A switch judged and written on its worker thread as soon as it was read
 * (audit_ahead_ops): what it waits for its turn with instead of its ports. */
struct audit_judged {
    bool thresholds_failed;
    struct pr_summary summary;
    struct report_ahead *report; /* NULL: the switch is kept and written at its turn */
};

static void *on_ready(void *user, size_t index, struct pr_switch *sw)
{
    (void)index;
    struct audit_output *out = user;
    struct audit_judged *judged = calloc(1, sizeof *judged);
    if (judged == NULL)
        return NULL;
    judged->thresholds_failed = rules_apply_thresholds_switch(sw, out->thresholds) != 0;
    rules_summarize(sw, 1, &judged->summary);
    judged->report = report_write_ahead(out->writer, &out->ropts, sw);
    if (judged->report != NULL)
        pr_switch_free(sw); /* its name, host, error and counts stay */
    return judged;
}

static void on_discard(void *user, void *ahead)
{
    struct audit_output *out = user;
    struct audit_judged *judged = ahead;
    report_ahead_free(out->writer, judged->report);
    free(judged);
}

static void on_turn(struct audit_output *out, struct pr_switch *sw, struct audit_judged *judged);

static void on_result(void *user, size_t index, struct pr_switch *sw)
{
    (void)index;
    on_turn(user, sw, NULL);
}

static void on_judged(void *user, size_t index, struct pr_switch *sw, void *ahead)
{
    (void)index;
    on_turn(user, sw, ahead);
}

static const struct audit_ahead_ops audit_ahead = {on_ready, on_judged, on_discard};

/* A switch's turn, in inventory order; judged NULL: not judged yet. */
static void on_turn(struct audit_output *out, struct pr_switch *sw, struct audit_judged *judged)
{
    if (judged != NULL ? judged->thresholds_failed
                       : rules_apply_thresholds_switch(sw, out->thresholds) != 0)
        fprintf(stderr, "portready: %s: out of memory applying the thresholds\n", sw->name);
    struct pr_summary one;
    if (judged != NULL)
        one = judged->summary;
    else
        rules_summarize(sw, 1, &one);
    out->summary.switches += one.switches;
    out->summary.unreadable += one.unreadable;
    out->summary.ports += one.ports;
    out->summary.ready += one.ready;
    out->summary.warning += one.warning;
    out->summary.not_ready += one.not_ready;
    out->summary.unknown += one.unknown;
    out->summary.uplinks += one.uplinks;
    out->summary.unchecked += one.unchecked;
    out->summary.portless += one.portless;
    out->requests += sw->pr_snmp_requests;
    out->interrupted += sw->error.code == PR_ERR_INTERRUPTED;
    if (sw->source_warning[0] != '\0')
        fprintf(stderr, "portready: warning: %s: %s\n", sw->name, sw->source_warning);
    if (out->stats)
        fprintf(stderr, "portready: %s: %lu SNMP requests, %lu varbinds received\n", sw->name,
                sw->pr_snmp_requests, sw->pr_snmp_varbinds);
    /* The progress line goes before the report's text reaches a terminal
     * it shares; on_progress draws it again. */
    if (out->progress) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    if (judged != NULL && judged->report != NULL)
        report_put_ahead(out->writer, &out->ropts, out->state, judged->report);
    else
        out->writer->write_switch(&out->ropts, out->state, sw);
    free(judged);
    fflush(out->ropts.out);
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
    all->uplinks += one->uplinks;
    all->unchecked += one->unchecked;
    all->portless += one->portless;
    if (one->cut_short != NULL)
        all->cut_short = one->cut_short;
}

/* What the surveys a deadline abandoned still read (their specs, and the
 * inventory these point into), kept until the process ends (volatile: no
 * code of ours reads it again, and the stores must stay). */
static volatile struct {
    struct inventory inv;
    struct survey_spec *specs;
    struct survey_port *ports;
    struct netconf_options *netconf;
    struct pr_ssh_target *ssh;
} audit_left_running;

/* The switches of the inventory this run audits: all, or those of the
 * shard. Returns how many, their indexes in keep. */
static size_t select_shard(const struct inventory *inv, const struct audit_args *a, size_t *keep)
{
    size_t n = 0;
    for (size_t i = 0; i < inv->n_switches; i++) {
        if (a->shard_n == 0 || shard_holds(inv->switches[i].name, a->shard_k, a->shard_n))
            keep[n++] = i;
    }
    return n;
}

int cmd_audit(int argc, char **argv)
{
    int64_t start_ns = audit_monotonic_ns();
    cmd_report_prepare(argc, argv);
    struct audit_args a = {.jobs = AUDIT_DEFAULT_JOBS, .repeat = 1};
    struct pr_error err = {0};
    int parsed = parse_args(argc, argv, &a, &err);
    if (parsed == 1) {
        fputs(audit_usage, stdout);
        return PR_EXIT_READY;
    }
    const struct report_writer *writer =
        a.report.writer != NULL ? a.report.writer : cmd_format_in_argv(argc, argv);
    if (parsed != 0)
        return cmd_fail_doc(writer, 1, "Try 'portready audit --help'.", "audit", &err);
    writer = cli_report_writer(&a.report);

    struct inventory inv = {0};
    if (inventory_load(a.inventory, &inv, &err) != 0)
        return cmd_fail_doc(writer, 1, NULL, "audit", &err);
    for (size_t i = 0; i < inv.n_warnings; i++)
        fprintf(stderr, "portready: warning: %s\n", inv.warnings[i]);
    /* What the inventory leaves unset comes from net-snmp's snmp.conf, then
     * portready's defaults, for every switch read from a live agent. */
    for (size_t i = 0; i < inv.n_switches; i++) {
        struct inventory_switch *isw = &inv.switches[i];
        bool offline = isw->walk[0] || isw->config[0] || isw->netconf.given || isw->ssh.given;
        if (isw->host[0] && !isw->walk[0] && (!offline || isw->snmp_given))
            pr_snmp_options_from_netsnmp(&isw->snmp, isw->snmp_set);
    }
    if (v3_conflict(&inv, &err) != 0) {
        inventory_free(&inv);
        return cmd_fail_doc(writer, 1, NULL, "audit", &err);
    }

    size_t *keep = calloc(inv.n_switches ? inv.n_switches : 1, sizeof *keep);
    size_t n_specs = keep != NULL ? select_shard(&inv, &a, keep) : 0;
    size_t total_ports = 0;
    for (size_t i = 0; i < n_specs; i++)
        total_ports += inv.switches[keep[i]].n_ports;
    struct survey_spec *specs = calloc(n_specs ? n_specs : 1, sizeof *specs);
    struct survey_port *ports = calloc(total_ports ? total_ports : 1, sizeof *ports);
    struct netconf_options *netconf = calloc(n_specs ? n_specs : 1, sizeof *netconf);
    struct pr_ssh_target *ssh = calloc(n_specs ? n_specs : 1, sizeof *ssh);
    if (keep == NULL || specs == NULL || ports == NULL || netconf == NULL || ssh == NULL) {
        free(keep);
        free(specs);
        free(ports);
        free(netconf);
        free(ssh);
        inventory_free(&inv);
        return cmd_fail_doc(writer, 1, NULL, "audit",
                            cli_error(&err, PR_ERR_INTERNAL, "out of memory"));
    }
    size_t port_offset = 0;
    for (size_t i = 0; i < n_specs; i++) {
        struct inventory_switch *isw = &inv.switches[keep[i]];
        if ((isw->netconf.given && netconf_from_inventory(isw, &netconf[i], &err) != 0) ||
            (isw->ssh.given && ssh_from_inventory(isw, &ssh[i], &err) != 0)) {
            free(keep);
            free(specs);
            free(ports);
            secret_wipe(netconf, n_specs * sizeof *netconf);
            free(netconf);
            secret_wipe(ssh, n_specs * sizeof *ssh);
            free(ssh);
            inventory_free(&inv);
            return cmd_fail_doc(writer, 1, NULL, "audit", &err);
        }
        spec_from_inventory(isw, &specs[i], ports + port_offset,
                            isw->netconf.given ? &netconf[i] : NULL,
                            isw->ssh.given ? &ssh[i] : NULL, a.save_config, a.report.clients);
        specs[i].all_ports = a.report.all_ports;
        port_offset += isw->n_ports;
    }
    /* --mac: only the ports the MACs are learned on (as locate finds
     * them), on the switches that hold them. */
    struct locate_narrowed located = {0};
    size_t n_allocated = n_specs; /* what the wipes below cover */
    if (a.n_macs > 0) {
        for (size_t i = 0; i < n_specs; i++)
            specs[i].n_ports = 0;
        if (locate_narrow(specs, &n_specs, a.macs, a.n_macs, &located, &err) != 0) {
            inventory_free(&inv);
            return cmd_fail_report(writer, NULL, "audit: %s", err.msg);
        }
    }
    free(a.macs);
    if (a.shard_n > 0 && n_specs == 0)
        fprintf(stderr, "portready: audit: shard %u/%u holds none of the %zu switches of %s\n",
                a.shard_k, a.shard_n, inv.n_switches, a.inventory);

    /* The inventory's path is no secret: the hint can name it. */
    char fix_hint[PR_ERROR_MSG_MAX];
    snprintf(fix_hint, sizeof fix_hint, "Print the fixes: portready audit --fix %s", a.inventory);
    struct audit_output out = {
        .writer = writer,
        .ropts = {.out = stdout,
                  .color = writer == &report_writer_text && cli_use_color(stdout, a.report.color),
                  .fix = a.report.fix,
                  .verbose = a.report.verbose,
                  .quiet = a.report.quiet,
                  .fix_hint = fix_hint,
                  .thresholds = &a.report.thresholds},
        .progress = cli_show_progress(stderr),
        .stats = a.report.stats,
        .thresholds = &a.report.thresholds,
    };
    /* Each round is a complete report (JSON: a document of its own), so a
     * reader can act on every round as it ends. SIGINT/SIGTERM: no further
     * switch starts, the ones being read finish. The deadline: the ones
     * being read are not waited for. */
    struct cmd_signals signals;
    cmd_signals_catch(&signals);
    struct audit_limits limits = {
        .stop = &cmd_signalled,
        .deadline_ns = cmd_deadline_ns(start_ns, a.report.timeout_total_s),
        .ahead = &audit_ahead,
    };
    char expired[64];
    snprintf(expired, sizeof expired, "the total timeout of %g s expired",
             a.report.timeout_total_s);
    struct pr_summary all = {0};
    int rc = 0;
    struct pr_error out_err = {0}, stop_err = {0};
    bool written = true;
    unsigned rounds = 0;
    for (unsigned round = 1; round <= a.repeat && rc == 0; round++) {
        if (limits.deadline_ns > 0 && audit_monotonic_ns() >= limits.deadline_ns)
            break;
        if (a.repeat > 1 && writer == &report_writer_text)
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
        rc = audit_run_limited(specs, n_specs, a.jobs, &limits, on_result, on_progress, &out, &err);
        if (cmd_signalled)
            out.summary.cut_short = "interrupted";
        else if (out.interrupted > 0 || rc != 0)
            out.summary.cut_short = rc != 0 ? "internal error" : expired;
        /* The round's document says why it is incomplete. */
        if (rc != 0)
            out.ropts.error = &err;
        else if (out.summary.cut_short != NULL)
            out.ropts.error =
                cli_error(&stop_err, cmd_signalled ? PR_ERR_INTERRUPTED : PR_ERR_TIMEOUT,
                          "%s: %u of %u switches not read", out.summary.cut_short, out.interrupted,
                          out.summary.switches);
        if (out.writer->end(&out.ropts, out.state, &out.summary, &out_err) != 0) {
            written = false;
            break;
        }
        rounds++;
        summary_add(&all, &out.summary);
        if (a.report.stats)
            fprintf(stderr, "portready: %lu SNMP requests to %u switches\n", out.requests,
                    out.summary.switches);
        if (out.summary.cut_short != NULL)
            break;
    }
    bool interrupted = cmd_signalled != 0;
    cmd_signals_restore(&signals);

    /* Surveys still running read the specs and the inventory: they go with
     * the process. */
    free(keep);
    if (limits.abandoned == 0) {
        free(specs);
        free(ports);
        secret_wipe(netconf, n_allocated * sizeof *netconf);
        free(netconf);
        secret_wipe(ssh, n_allocated * sizeof *ssh);
        free(ssh);
        inventory_free(&inv);
    } else {
        audit_left_running.inv = inv;
        audit_left_running.specs = specs;
        audit_left_running.ports = ports;
        audit_left_running.netconf = netconf;
        audit_left_running.ssh = ssh;
    }
    int code;
    if (!written)
        code = cmd_fail(NULL, "audit: %s", out_err.msg);
    else if (rc != 0)
        code = cmd_fail(NULL, "audit: %s", err.msg);
    else if (interrupted)
        code = cmd_fail(NULL, "audit: interrupted: %u of %u switches not read", out.interrupted,
                        out.summary.switches);
    else if (out.summary.cut_short != NULL)
        code = cmd_fail(NULL, "audit: %s: %u of %u switches not read", expired, out.interrupted,
                        out.summary.switches);
    else if (rounds < a.repeat)
        code = cmd_fail(NULL, "audit: %s: %u of %u rounds run", expired, rounds, a.repeat);
    else
        code = rules_exit_code(&all);
    if (located.not_located > 0 && code != PR_EXIT_UNKNOWN)
        code = PR_EXIT_UNKNOWN; /* a MAC not located is a port not checked */
    if (limits.abandoned == 0)
        locate_narrowed_free(&located);
    cmd_report_done();
    return code;
}
