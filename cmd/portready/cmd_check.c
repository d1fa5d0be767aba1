/* SPDX-License-Identifier: BSD-3-Clause */
/* portready check [OPTIONS] [SWITCH] [PORT...] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_common.h"
#include "cmd_locate.h"
#include "cmd_report.h"
#include "cli_json.h"
#include "commands.h"
#include "core/audit_run.h"
#include "core/survey.h"
#include "driver.h"
#include "report/report.h"
#include "rules/rules.h"
#include "rules/summary.h"
#include "ssh/cli.h"
#include "util/secret.h"
#include "util/strutil.h"
#include "util/walltime.h"

#define OPT_CONFIG             2002
#define OPT_EXPECT_VLAN        2004
#define OPT_NETCONF            2009
#define OPT_SSH_KEY            2010
#define OPT_PASSWORD_FILE      2011
#define OPT_ACCEPT_NEW_HOSTKEY 2012
#define OPT_KNOWN_HOSTS        2013
#define OPT_SSH                2014
#define OPT_SAVE_CONFIG        2015
#define OPT_MAC                2016
#define OPT_NETCONF_MAX_BYTES  2017

/* The usage, with the drivers' names and dialects from the driver table
 * (%s in the order: dialects, dialects of the drivers with a CLI, driver
 * names). */
static const char check_usage[] =
    "Usage: portready check [OPTIONS] SWITCH [PORT...]\n"
    "       portready check --walk FILE [OPTIONS] [PORT...]\n"
    "       portready check --config FILE [OPTIONS] [PORT...]\n"
    "       portready check --netconf [USER@]HOST[:PORT] [OPTIONS] [PORT...]\n"
    "       portready check --ssh [USER@]HOST[:PORT] [OPTIONS] [PORT...]\n"
    "\n"
    "Checks whether the switch ports facing servers let a PXE boot through the moment\n"
    "the link comes up. SWITCH is host[:port] of the switch's SNMP agent, with\n"
    "net-snmp's transport prefixes too (udp:, tcp:, udp6:[::1]:161). A PORT\n"
    "matches ifName, ifDescr, ifIndex or the configuration's interface name; with no\n"
    "PORT every physical Ethernet port is checked but the uplinks (an LLDP or CDP\n"
    "neighbour that is a bridge or router, the root port, BPDUs from another bridge),\n"
    "which are listed instead.\n"
    "\n"
    "Sources:\n"
    "  --walk FILE            a recorded walk (.snmprec, or snmpwalk output: -On or\n"
    "                         the default iso.3.6.1... form)\n"
    "  --config FILE          a saved switch configuration (%s)\n"
    "  --netconf [USER@]HOST[:PORT]\n"
    "                         <get-config> of the running configuration over SSH\n"
    "                         (port 830 by default)\n"
    "  --ssh [USER@]HOST[:PORT]\n"
    "                         the running configuration through the switch's CLI\n"
    "                         over SSH, port 22 by default: %s\n"
    "  --ssh-key FILE         private key (default: ssh-agent, then password)\n"
    "  --password-file FILE   password from FILE (or PORTREADY_NETCONF_PASSWORD,\n"
    "                         PORTREADY_SSH_PASSWORD)\n"
    "  --known-hosts FILE     host keys (default ~/.ssh/known_hosts)\n"
    "  --accept-new-hostkey   add an unknown host key instead of refusing\n"
    "                         (these four apply to --netconf and --ssh alike)\n"
    "  --save-config DIR      keep the configuration read over NETCONF or SSH as\n"
    "                         DIR/NAME.cfg (NAME: the switch)\n"
    "  --netconf-max-bytes N  NETCONF: most bytes the switch may send (default 64 MiB)\n"
    "  --driver NAME          auto|%s (default auto)\n"
    "  With an SNMP agent and --config, --netconf or --ssh together, state comes\n"
    "  from the agent and configuration from the configuration. With --netconf or\n"
    "  --ssh, -t bounds the whole exchange (default 10 s).\n"
    "\n" CLI_SNMP_HELP "\n"
    "Checks and output:\n"
    "  --expect-vlan N        the provisioning VLAN the ports must carry untagged\n"
    "  --mac MAC              also the port MAC is learned on, found as locate\n"
    "                         finds it (again for more MACs)\n"
    "  --fix                  end with the configuration that fixes every finding,\n"
    "                         one block ready to paste (uplinks never in it)\n"
    "  --all-ports            with no PORT, judge the uplinks too (port-is-uplink,\n"
    "                         no edge or VLAN fix)\n"
    "  --format FORMAT        text (default), json, nagios (a monitoring plugin's\n"
    "                         status line, long output and perfdata) or prometheus\n"
    "                         (the text exposition format, for node_exporter)\n"
    "  --verbose              every fact with its evidence, info findings too\n"
    "  -q, --quiet            only the not-ready ports and the summary\n"
    "  --color WHEN           auto|always|never (default auto: on a terminal, not\n"
    "                         with NO_COLOR set or TERM=dumb)\n"
    "  --stats                print the SNMP requests sent and the varbinds received\n"
    "                         to stderr\n"
    "  -h, --help             this help\n"
    "\n"
    "Monitoring:\n" CLI_MONITOR_HELP "\n"
    "Exit status: 0 every port ready, 1 warnings only, 2 at least one port not\n"
    "ready, 3 unknown (the switch could not be read, a port does not exist, no\n"
    "switch port was found, bad arguments, interrupted, --timeout-total expired).\n"
    "With --format nagios the status line's state (OK, WARNING, CRITICAL, UNKNOWN)\n"
    "is always the exit status. SIGINT or SIGTERM ends the check at once: the\n"
    "switch is reported as interrupted and the exit status is 3.\n";

static void print_usage(FILE *out)
{
    char dialects[256], names[128] = "";
    pr_driver_config_dialects(dialects, sizeof dialects);
    const struct pr_driver *const *table = pr_driver_table();
    for (size_t i = 0; table[i] != NULL; i++)
        pr_strlcatf(names, sizeof names, "%s%s", i ? "|" : "", table[i]->name);
    /* The families --ssh reads, wrapped under the option's text. */
    char cli[512] = "";
    const struct pr_driver *with_cli[16];
    size_t n_cli = pr_driver_cli_list(with_cli, 16);
    size_t column = 54; /* where the list starts, after "over SSH, ...: " */
    for (size_t i = 0; i < n_cli && i < 16; i++) {
        char item[128];
        snprintf(item, sizeof item, "%s%s",
                 with_cli[i]->config_dialects ? with_cli[i]->config_dialects : with_cli[i]->name,
                 i + 1 < n_cli ? "," : "");
        size_t len = strlen(item);
        if (i > 0 && column + 1 + len > 80) {
            pr_strlcatf(cli, sizeof cli, "\n%25s", "");
            column = 25;
        } else if (i > 0) {
            pr_strlcatf(cli, sizeof cli, " ");
            column++;
        }
        pr_strlcatf(cli, sizeof cli, "%s", item);
        column += len;
    }
    fprintf(out, check_usage, dialects, cli, names);
}

struct check_args {
    struct pr_snmp_options snmp;
    bool pr_snmp_option_given;
    const char *walk;
    const char *config;
    struct netconf_options netconf; /* also holds the options --ssh shares */
    bool netconf_given;
    struct pr_ssh_target ssh;
    bool ssh_given;
    const char *save_config;
    bool timeout_given;
    const char *driver;
    long long expect_vlan;
    struct cli_report_args report;
    const char *host;
    struct survey_port *ports;
    size_t n_ports;
    struct survey_spec spec;
    uint64_t *macs; /* --mac */
    size_t n_macs;
    struct locate_narrowed located;
};

/* What the report needs as the survey's result comes back. */
struct check_output {
    const struct report_writer *writer;
    struct report_options ropts;
    void *state;
    struct pr_summary summary;
    const struct cli_report_args *report;
    bool stats;
    bool interrupted;         /* the switch was cut short */
    struct pr_error sw_error; /* the switch's error, said after the report */
    char cut_short[64];       /* why the run stopped short */
};

/* Its own options; the SNMP, output and help options are cli_common.c's. */
static const struct cli_option check_options[] = {
    {"config", OPT_CONFIG, required_argument, 0},
    {"expect-vlan", OPT_EXPECT_VLAN, required_argument, 0},
    {"netconf", OPT_NETCONF, required_argument, 0},
    {"ssh-key", OPT_SSH_KEY, required_argument, 0},
    {"password-file", OPT_PASSWORD_FILE, required_argument, 0},
    {"known-hosts", OPT_KNOWN_HOSTS, required_argument, 0},
    {"accept-new-hostkey", OPT_ACCEPT_NEW_HOSTKEY, no_argument, 0},
    {"ssh", OPT_SSH, required_argument, 0},
    {"save-config", OPT_SAVE_CONFIG, required_argument, 0},
    {"mac", OPT_MAC, required_argument, 0},
    {"netconf-max-bytes", OPT_NETCONF_MAX_BYTES, required_argument, 0},
    {NULL, 0, 0, 0},
};

/* The password in environment variable name when wanted and no option
 * gave one (dst empty); the variable is wiped from the environment (and so
 * from /proc/PID/environ) whether it is used, overridden by
 * --password-file or not needed at all. */
static int password_from_env(const char *name, bool wanted, char *dst, size_t len,
                             struct pr_error *err)
{
    const char *value = getenv(name);
    if (wanted && dst[0] == '\0' && value != NULL && value[0] != '\0')
        return secret_take_env(name, dst, len, err);
    secret_wipe_env(name);
    return 0;
}

static int parse_args(int argc, char **argv, struct check_args *a, struct pr_error *err)
{
    struct cli_parser p = {
        .groups = CLI_SNMP | CLI_SNMP_CONTEXT | CLI_REPORT | CLI_FORMAT | CLI_MONITOR | CLI_HELP |
                  CLI_SOURCE,
        .options = check_options,
        .wording = CLI_WORDING_SURVEY,
        .snmp = &a->snmp,
        .report = &a->report,
        .walk = &a->walk,
        .driver = &a->driver,
    };
    int opt;
    while ((opt = cli_next_option(&p, argc, argv, err)) > 0) {
        switch (opt) {
        case OPT_CONFIG:
            a->config = optarg;
            break;
        case OPT_NETCONF:
            if (netconf_target_parse(optarg, &a->netconf, err) != 0)
                return -1;
            a->netconf_given = true;
            break;
        case OPT_SSH:
            if (pr_ssh_target_parse(optarg, "--ssh", PR_SSH_DEFAULT_PORT, a->ssh.user,
                                    sizeof a->ssh.user, a->ssh.host, sizeof a->ssh.host,
                                    &a->ssh.port, err) != 0)
                return -1;
            a->ssh_given = true;
            break;
        case OPT_SAVE_CONFIG:
            a->save_config = optarg;
            break;
        case OPT_MAC:
            if (locate_parse_mac_option(optarg, &a->macs, &a->n_macs, err) != 0)
                return -1;
            break;
        case OPT_SSH_KEY:
            if (cli_copy_path(a->netconf.ssh_key, sizeof a->netconf.ssh_key, optarg, "--ssh-key",
                              err) != 0)
                return -1;
            break;
        case OPT_KNOWN_HOSTS:
            if (cli_copy_path(a->netconf.known_hosts, sizeof a->netconf.known_hosts, optarg,
                              "--known-hosts", err) != 0)
                return -1;
            break;
        case OPT_PASSWORD_FILE: {
            char warning[256] = "";
            if (secret_read_file(optarg, a->netconf.password, sizeof a->netconf.password, warning,
                                 sizeof warning, err) != 0)
                return -1;
            if (warning[0])
                fprintf(stderr, "portready: warning: %s\n", warning);
            break;
        }
        case OPT_ACCEPT_NEW_HOSTKEY:
            a->netconf.accept_new_hostkey = true;
            break;
        case OPT_NETCONF_MAX_BYTES: {
            long long n;
            if (!pr_parse_int(optarg, 1, 1LL << 40, &n))
                return pr_error_set(err, PR_ERR_USAGE,
                                    "--netconf-max-bytes takes a byte count, not '%s'", optarg);
            a->netconf.max_bytes = (size_t)n;
            break;
        }
        case OPT_EXPECT_VLAN:
            if (!pr_parse_int(optarg, 1, 4094, &a->expect_vlan))
                return pr_error_set(err, PR_ERR_USAGE,
                                    "--expect-vlan takes a VLAN from 1 to 4094, not '%s'", optarg);
            break;
        }
    }
    if (opt != CLI_END)
        return opt == CLI_WANTS_HELP ? 1 : -1;
    a->pr_snmp_option_given = p.given.source;
    a->timeout_given = p.given.timeout;

    if (a->netconf_given && a->ssh_given)
        return pr_error_set(err, PR_ERR_USAGE,
                            "--netconf and --ssh both give the configuration; give one");
    if (password_from_env(NETCONF_PASSWORD_ENV, a->netconf_given, a->netconf.password,
                          sizeof a->netconf.password, err) != 0)
        return -1;
    if (a->netconf_given) {
        /* -t bounds the whole NETCONF exchange too when given. */
        if (a->timeout_given)
            a->netconf.timeout_s = a->snmp.timeout_s;
        if (a->config != NULL)
            return pr_error_set(err, PR_ERR_USAGE,
                                "--config and --netconf both give the configuration; give one");
    }
    if (a->ssh_given) {
        /* The SSH options are shared with --netconf. */
        pr_strlcpy(a->ssh.ssh_key, a->netconf.ssh_key, sizeof a->ssh.ssh_key);
        pr_strlcpy(a->ssh.known_hosts, a->netconf.known_hosts, sizeof a->ssh.known_hosts);
        a->ssh.accept_new_hostkey = a->netconf.accept_new_hostkey;
        pr_strlcpy(a->ssh.password, a->netconf.password, sizeof a->ssh.password);
        secret_wipe(a->netconf.password, sizeof a->netconf.password);
        if (password_from_env(PR_SSH_PASSWORD_ENV, true, a->ssh.password, sizeof a->ssh.password,
                              err) != 0)
            return -1;
        /* -t bounds the whole exchange: connect, login, every prompt. */
        if (a->timeout_given)
            a->ssh.timeout_s = a->snmp.timeout_s;
        if (a->config != NULL)
            return pr_error_set(err, PR_ERR_USAGE,
                                "--config and --ssh both give the configuration; give one");
    } else {
        secret_wipe_env(PR_SSH_PASSWORD_ENV);
    }
    if (a->save_config != NULL && !a->netconf_given && !a->ssh_given)
        return pr_error_set(err, PR_ERR_USAGE,
                            "--save-config keeps what --netconf or --ssh reads; give one of them");
    if (a->save_config != NULL) {
        struct stat st;
        if (stat(a->save_config, &st) != 0 || !S_ISDIR(st.st_mode))
            return pr_error_set(err, PR_ERR_USAGE, "--save-config %s: not a folder",
                                a->save_config);
    }
    /* SWITCH comes first when live SNMP is a source: no offline source, or
     * SNMP options given beside a configuration. */
    bool offline = a->config != NULL || a->netconf_given || a->ssh_given;
    bool live = a->walk == NULL && (!offline || a->pr_snmp_option_given);
    if (a->walk != NULL && a->pr_snmp_option_given)
        return pr_error_set(err, PR_ERR_USAGE,
                            "--walk reads a recording: SNMP options do not apply");
    if (live && cli_snmp_complete(&a->snmp, &p.given, err) != 0)
        return -1;
    if (!live)
        cli_snmp_wipe_env();
    int first_port = optind;
    if (live) {
        if (optind >= argc)
            return pr_error_set(err, PR_ERR_USAGE,
                                "no SWITCH given (host[:port] of its SNMP agent)");
        a->host = argv[optind];
        first_port++;
    }
    a->n_ports = (size_t)(argc - first_port);
    a->ports = calloc(a->n_ports ? a->n_ports : 1, sizeof *a->ports);
    if (a->ports == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < a->n_ports; i++) {
        a->ports[i].name = argv[first_port + (int)i];
        a->ports[i].expect_vlan = -1;
    }
    return 0;
}

static void check_on_result(void *user, size_t index, struct pr_switch *sw)
{
    (void)index;
    struct check_output *out = user;
    /* A PORT that does not exist (or a source with no switch port): said on
     * stderr too, with the closest names, before the report; the ports
     * that do exist are judged. */
    for (size_t i = 0; i < sw->n_port_errors; i++)
        fprintf(stderr, "portready: check: %s\n", sw->port_errors[i]);
    if (sw->source_warning[0] != '\0')
        fprintf(stderr, "portready: warning: %s: %s\n", sw->name, sw->source_warning);
    out->interrupted = sw->error.code == PR_ERR_INTERRUPTED;
    if (rules_apply_thresholds_switch(sw, &out->report->thresholds) != 0)
        fprintf(stderr, "portready: check: out of memory applying the thresholds\n");
    rules_summarize(sw, 1, &out->summary);
    out->sw_error = sw->error;
    out->writer->write_switch(&out->ropts, out->state, sw);
    if (out->stats)
        fprintf(stderr, "portready: %s: %lu SNMP requests, %lu varbinds received\n", sw->name,
                sw->pr_snmp_requests, sw->pr_snmp_varbinds);
}

/* What a survey the deadline or a signal abandoned still reads, kept until
 * the process ends (volatile: no code of ours reads it again, and the
 * store must stay). */
static struct check_args *volatile check_left_running;

static void check_free(struct check_args *a)
{
    secret_wipe(&a->snmp, sizeof a->snmp);
    secret_wipe(&a->netconf, sizeof a->netconf);
    secret_wipe(&a->ssh, sizeof a->ssh);
    free(a->ports);
    free(a->macs);
    locate_narrowed_free(&a->located);
    free(a);
}

int cmd_check(int argc, char **argv)
{
    int64_t start_ns = audit_monotonic_ns();
    cmd_report_prepare(argc, argv);
    /* On the heap: a survey that --timeout-total or a signal cuts short goes
     * on reading these in its own thread until the process ends. */
    struct check_args *a = calloc(1, sizeof *a);
    struct pr_error err = {0};
    if (a == NULL)
        return cmd_fail_doc(cmd_format_in_argv(argc, argv), 0, NULL, "check",
                            cli_error(&err, PR_ERR_INTERNAL, "out of memory"));
    a->driver = "auto";
    a->expect_vlan = -1;
    pr_snmp_options_defaults(&a->snmp);
    netconf_options_init(&a->netconf);
    pr_ssh_target_init(&a->ssh);
    int parsed = parse_args(argc, argv, a, &err);
    if (parsed == 1) {
        print_usage(stdout);
        check_free(a);
        return PR_EXIT_READY;
    }
    if (parsed != 0) {
        const struct report_writer *writer =
            a->report.writer != NULL ? a->report.writer : cmd_format_in_argv(argc, argv);
        check_free(a);
        return cmd_fail_doc(writer, 0, "Try 'portready check --help'.", "check", &err);
    }
    int64_t started_ns = pr_wall_now_ns();

    const char *offline = a->walk ? a->walk : a->config;
    const char *base = offline ? strrchr(offline, '/') : NULL;
    a->spec = (struct survey_spec){
        .name = a->host            ? a->host
                : a->netconf_given ? a->netconf.host
                : a->ssh_given     ? a->ssh.host
                                   : (base ? base + 1 : offline),
        .host = a->host,
        .snmp = &a->snmp,
        .walk_path = a->walk,
        .config_path = a->config,
        .netconf = a->netconf_given ? &a->netconf : NULL,
        .ssh = a->ssh_given ? &a->ssh : NULL,
        .save_config_dir = a->save_config,
        .driver = a->driver,
        .ports = a->ports,
        .n_ports = a->n_ports,
        .all_ports = a->report.all_ports,
        .expect_vlan = a->expect_vlan,
        .clients = a->report.clients,
    };
    const struct report_writer *writer = cli_report_writer(&a->report);
    /* --mac: the ports the MACs are learned on, found first (as locate
     * finds them), join the ports named. */
    size_t n_specs = 1;
    if (a->n_macs > 0 &&
        locate_narrow(&a->spec, &n_specs, a->macs, a->n_macs, &a->located, &err) != 0) {
        check_free(a);
        return cmd_fail_report(writer, NULL, "check: %s", err.msg);
    }
    if (n_specs == 0) {
        check_free(a);
        return cmd_fail_report(writer, NULL, "check: no --mac was located and no PORT named");
    }
    struct check_output out = {
        .writer = writer,
        .ropts =
            {
                .out = stdout,
                .color = writer == &report_writer_text && cli_use_color(stdout, a->report.color),
                .fix = a->report.fix,
                .verbose = a->report.verbose,
                .quiet = a->report.quiet,
                .fix_hint = "Print the fixes: the same command with --fix.",
                .thresholds = &a->report.thresholds,
                .timestamp_ns = started_ns,
            },
        .report = &a->report,
        .stats = a->report.stats,
    };
    struct pr_error out_err = {0}, stop_err = {0};
    if (writer->begin(&out.ropts, &out.state, &out_err) != 0) {
        check_free(a);
        return cmd_fail_report(writer, NULL, "check: %s", out_err.msg);
    }
    /* The survey runs in a thread of its own, so the deadline and the
     * signals can end the wait for it. */
    struct cmd_signals signals;
    cmd_signals_catch(&signals);
    struct audit_limits limits = {
        .abandon = &cmd_signalled,
        .deadline_ns = cmd_deadline_ns(start_ns, a->report.timeout_total_s),
    };
    int rc = audit_run_limited(&a->spec, 1, 1, &limits, check_on_result, NULL, &out, &err);
    cmd_signals_restore(&signals);
    if (rc != 0)
        pr_error_set(&out.sw_error, err.code, "%s", err.msg);
    if (out.interrupted || rc != 0) {
        if (rc != 0)
            snprintf(out.cut_short, sizeof out.cut_short, "internal error");
        else if (cmd_signalled)
            snprintf(out.cut_short, sizeof out.cut_short, "interrupted");
        else
            snprintf(out.cut_short, sizeof out.cut_short, "the total timeout of %g s expired",
                     a->report.timeout_total_s);
        out.summary.cut_short = out.cut_short;
        /* The document says why it is incomplete. */
        out.ropts.error =
            rc != 0 ? &err
                    : cli_error(&stop_err, cmd_signalled ? PR_ERR_INTERRUPTED : PR_ERR_TIMEOUT,
                                "%s", out.cut_short);
    }
    bool written = writer->end(&out.ropts, out.state, &out.summary, &out_err) == 0;
    if (out.sw_error.code != PR_OK)
        fprintf(stderr, "portready: check: %s\n", out.sw_error.msg);
    int code =
        written ? (int)rules_exit_code(&out.summary) : cmd_fail(NULL, "check: %s", out_err.msg);
    if (a->located.not_located > 0)
        code = PR_EXIT_UNKNOWN; /* a MAC not located is a port not checked */
    cmd_report_done();
    /* A survey still running reads a: it goes with the process. */
    if (limits.abandoned == 0)
        check_free(a);
    else
        check_left_running = a;
    return code;
}
