/* SPDX-License-Identifier: BSD-3-Clause */
/* portready check [OPTIONS] [SWITCH] [PORT...] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "cli_json.h"
#include "commands.h"
#include "core/survey.h"
#include "driver.h"
#include "report/report.h"
#include "rules/rules.h"
#include "rules/summary.h"
#include "util/secret.h"
#include "util/strutil.h"
#include "util/walltime.h"

#define OPT_WALK               2001
#define OPT_CONFIG             2002
#define OPT_DRIVER             2003
#define OPT_EXPECT_VLAN        2004
#define OPT_NETCONF            2009
#define OPT_SSH_KEY            2010
#define OPT_PASSWORD_FILE      2011
#define OPT_ACCEPT_NEW_HOSTKEY 2012
#define OPT_KNOWN_HOSTS        2013

/* The usage, with the drivers' names and dialects from the driver table
 * (%s in the order: dialects, driver names). */
static const char check_usage[] =
    "Usage: portready check [OPTIONS] SWITCH [PORT...]\n"
    "       portready check --walk FILE [OPTIONS] [PORT...]\n"
    "       portready check --config FILE [OPTIONS] [PORT...]\n"
    "       portready check --netconf [USER@]HOST[:PORT] [OPTIONS] [PORT...]\n"
    "\n"
    "Checks whether the switch ports facing servers let a PXE boot through the moment\n"
    "the link comes up. SWITCH is host[:port] of the switch's SNMP agent, with\n"
    "net-snmp's transport prefixes too (udp:, tcp:, udp6:[::1]:161). A PORT\n"
    "matches ifName, ifDescr, ifIndex or the configuration's interface name; with no\n"
    "PORT every physical Ethernet port is checked.\n"
    "\n"
    "Sources:\n"
    "  --walk FILE            a recorded walk (.snmprec, or snmpwalk output: -On or\n"
    "                         the default iso.3.6.1... form)\n"
    "  --config FILE          a saved switch configuration (%s)\n"
    "  --netconf [USER@]HOST[:PORT]\n"
    "                         <get-config> of the running configuration over SSH\n"
    "                         (port 830 by default)\n"
    "  --ssh-key FILE         NETCONF: private key (default: ssh-agent, then password)\n"
    "  --password-file FILE   NETCONF: password from FILE (or PORTREADY_NETCONF_PASSWORD)\n"
    "  --known-hosts FILE     NETCONF: host keys (default ~/.ssh/known_hosts)\n"
    "  --accept-new-hostkey   NETCONF: add an unknown host key instead of refusing\n"
    "  --driver NAME          auto|%s (default auto)\n"
    "  With an SNMP agent and --config or --netconf together, state comes from the\n"
    "  agent and configuration from the configuration.\n"
    "\n" CLI_SNMP_HELP "\n"
    "Checks and output:\n"
    "  --expect-vlan N        the provisioning VLAN the ports must carry untagged\n"
    "  --fix                  print the configuration that fixes each finding\n"
    "  --format text|json     output format (default text)\n"
    "  --verbose              every fact with its evidence, info findings too\n"
    "  -q, --quiet            only the not-ready ports and the summary\n"
    "  --color WHEN           auto|always|never (default auto: on a terminal, not\n"
    "                         with NO_COLOR set or TERM=dumb)\n"
    "  --stats                print the number of SNMP requests sent to stderr\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 every port ready, 1 warnings only, 2 at least one port not\n"
    "ready, 3 unknown (the switch could not be read, a port does not exist, no\n"
    "switch port was found, bad arguments).\n";

static void print_usage(FILE *out)
{
    char dialects[256], names[128] = "";
    pr_driver_config_dialects(dialects, sizeof dialects);
    const struct pr_driver *const *table = pr_driver_table();
    for (size_t i = 0; table[i] != NULL; i++)
        pr_strlcatf(names, sizeof names, "%s%s", i ? "|" : "", table[i]->name);
    fprintf(out, check_usage, dialects, names);
}

struct check_args {
    struct pr_snmp_options snmp;
    bool pr_snmp_option_given;
    const char *walk;
    const char *config;
    struct netconf_options netconf;
    bool netconf_given;
    bool timeout_given;
    const char *driver;
    long long expect_vlan;
    struct cli_report_args report;
    const char *host;
    struct survey_port *ports;
    size_t n_ports;
};

/* Its own options; the SNMP, output and help options are cli_common.c's. */
static const struct cli_option check_options[] = {
    {"walk", OPT_WALK, required_argument, 0},
    {"config", OPT_CONFIG, required_argument, 0},
    {"driver", OPT_DRIVER, required_argument, 0},
    {"expect-vlan", OPT_EXPECT_VLAN, required_argument, 0},
    {"netconf", OPT_NETCONF, required_argument, 0},
    {"ssh-key", OPT_SSH_KEY, required_argument, 0},
    {"password-file", OPT_PASSWORD_FILE, required_argument, 0},
    {"known-hosts", OPT_KNOWN_HOSTS, required_argument, 0},
    {"accept-new-hostkey", OPT_ACCEPT_NEW_HOSTKEY, no_argument, 0},
    {NULL, 0, 0, 0},
};

static int parse_args(int argc, char **argv, struct check_args *a, struct pr_error *err)
{
    struct cli_parser p = {
        .groups = CLI_SNMP | CLI_SNMP_CONTEXT | CLI_REPORT | CLI_FORMAT | CLI_HELP,
        .options = check_options,
        .wording = CLI_WORDING_SURVEY,
        .snmp = &a->snmp,
        .report = &a->report,
    };
    int opt;
    while ((opt = cli_next_option(&p, argc, argv, err)) > 0) {
        switch (opt) {
        case OPT_WALK:
            a->walk = optarg;
            break;
        case OPT_CONFIG:
            a->config = optarg;
            break;
        case OPT_NETCONF:
            if (netconf_target_parse(optarg, &a->netconf, err) != 0)
                return -1;
            a->netconf_given = true;
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
        case OPT_DRIVER:
            if (strcmp(optarg, "auto") != 0 && pr_driver_find(optarg) == NULL) {
                char names[160];
                pr_driver_names(names, sizeof names);
                return pr_error_set(err, PR_ERR_USAGE, "--driver takes one of auto, %s, not '%s'",
                                    names, optarg);
            }
            a->driver = optarg;
            break;
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

    if (a->netconf_given) {
        if (a->netconf.password[0] == '\0') {
            const char *env = getenv(NETCONF_PASSWORD_ENV);
            if (env != NULL && *env != '\0')
                pr_strlcpy(a->netconf.password, env, sizeof a->netconf.password);
        }
        /* -t bounds the whole NETCONF exchange too when given. */
        if (a->timeout_given)
            a->netconf.timeout_s = a->snmp.timeout_s;
        if (a->config != NULL)
            return pr_error_set(err, PR_ERR_USAGE,
                                "--config and --netconf both give the configuration; give one");
    }
    /* SWITCH comes first when live SNMP is a source: no offline source, or
     * SNMP options given beside a configuration. */
    bool offline = a->config != NULL || a->netconf_given;
    bool live = a->walk == NULL && (!offline || a->pr_snmp_option_given);
    if (a->walk != NULL && a->pr_snmp_option_given)
        return pr_error_set(err, PR_ERR_USAGE,
                            "--walk reads a recording: SNMP options do not apply");
    if (live && cli_snmp_complete(&a->snmp, &p.given, err) != 0)
        return -1;
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

int cmd_check(int argc, char **argv)
{
    struct check_args a = {
        .driver = "auto", .expect_vlan = -1, .report = {.writer = &report_writer_text}};
    pr_snmp_options_defaults(&a.snmp);
    netconf_options_init(&a.netconf);
    struct pr_error err = {0};
    int parsed = parse_args(argc, argv, &a, &err);
    if (parsed == 1) {
        print_usage(stdout);
        free(a.ports);
        return PR_EXIT_READY;
    }
    if (parsed != 0) {
        free(a.ports);
        secret_wipe(&a.snmp, sizeof a.snmp);
        if (cli_wants_json(argc, argv))
            cli_report_error_doc(0, &err);
        return cmd_fail("Try 'portready check --help'.", "check: %s", err.msg);
    }
    int64_t started_ns = pr_wall_now_ns();

    const char *offline = a.walk ? a.walk : a.config;
    const char *base = offline ? strrchr(offline, '/') : NULL;
    struct survey_spec spec = {
        .name = a.host            ? a.host
                : a.netconf_given ? a.netconf.host
                                  : (base ? base + 1 : offline),
        .host = a.host,
        .snmp = &a.snmp,
        .walk_path = a.walk,
        .config_path = a.config,
        .netconf = a.netconf_given ? &a.netconf : NULL,
        .driver = a.driver,
        .ports = a.ports,
        .n_ports = a.n_ports,
        .expect_vlan = a.expect_vlan,
    };
    struct pr_switch sw;
    survey_switch(&spec, &sw, &err);
    secret_wipe(&a.snmp, sizeof a.snmp);
    secret_wipe(&a.netconf, sizeof a.netconf);

    /* A PORT that does not exist (or a source with no switch port): said on
     * stderr too, with the closest names, before the report; the ports
     * that do exist are judged. */
    for (size_t i = 0; i < sw.n_port_errors; i++)
        fprintf(stderr, "portready: check: %s\n", sw.port_errors[i]);

    struct report_options ropts = {
        .out = stdout,
        .color = a.report.writer == &report_writer_text && cli_use_color(stdout, a.report.color),
        .fix = a.report.fix,
        .verbose = a.report.verbose,
        .quiet = a.report.quiet,
        .fix_hint = "Print the fixes: the same command with --fix.",
        .timestamp_ns = started_ns,
    };
    const struct report_writer *writer = a.report.writer;
    void *state = NULL;
    struct pr_summary summary;
    rules_summarize(&sw, 1, &summary);
    struct pr_error out_err = {0};
    bool written = writer->begin(&ropts, &state, &out_err) == 0;
    if (written) {
        writer->write_switch(&ropts, state, &sw);
        written = writer->end(&ropts, state, &summary, &out_err) == 0;
    }
    if (sw.error.code != PR_OK)
        fprintf(stderr, "portready: check: %s\n", sw.error.msg);
    if (a.report.stats)
        fprintf(stderr, "portready: %s: %lu SNMP requests\n", sw.name, sw.pr_snmp_requests);
    int code = written ? (int)rules_exit_code(&summary) : cmd_fail(NULL, "check: %s", out_err.msg);
    pr_switch_free(&sw);
    free(a.ports);
    return code;
}
