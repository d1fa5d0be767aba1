/* SPDX-License-Identifier: BSD-3-Clause */
/* Option handling shared by the subcommands: one table of the options
 * several commands take (net-snmp style SNMP options, output options,
 * --help) and one parser for them, to which each command adds its own
 * options; output colour. */
#ifndef PR_CLI_COMMON_H
#define PR_CLI_COMMON_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "report/report.h"
#include "util/error.h"
#include "report/report.h"
#include "rules/threshold.h"
#include "snmp/source.h"

#define CLI_SNMP_HELP                                                                              \
    "SNMP options (as net-snmp's tools take them):\n"                                              \
    "  -v 1|2c|3              SNMP version (default 2c)\n"                                         \
    "  -c COMMUNITY           community (v1/v2c; default public)\n"                                \
    "      --community-file F read the community from file F\n"                                    \
    "  -u USER                v3 user\n"                                                           \
    "  -l LEVEL               noAuthNoPriv|authNoPriv|authPriv\n"                                  \
    "  -a PROTO               MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512\n"                           \
    "  -A PASS                v3 authentication passphrase\n"                                      \
    "      --auth-pass-file F read it from file F\n"                                               \
    "  -x PROTO               DES|AES|AES-192|AES-256\n"                                           \
    "  -X PASS                v3 privacy passphrase\n"                                             \
    "      --priv-pass-file F read it from file F\n"                                               \
    "  -n CONTEXT             v3 context name\n"                                                   \
    "  -t SECONDS             timeout per request (default 2)\n"                                   \
    "  -r N                   retries (default 1)\n"                                               \
    "  Secrets can also come from PORTREADY_COMMUNITY, PORTREADY_AUTH_PASS and\n"                  \
    "  PORTREADY_PRIV_PASS, so they stay out of argv and shell history. What none\n"               \
    "  of these gives comes from net-snmp's snmp.conf (defVersion, defCommunity,\n"                \
    "  defSecurityName, ...; SNMPCONFPATH, else /etc/snmp and ~/.snmp), then from\n"               \
    "  the defaults above. -u -l -a -A -x -X -n are for SNMPv3 only.\n"

/* main() calls this: argv is the process's own, so a secret given on the
 * command line (-c, -A, -X) is overwritten in place once copied and
 * /proc/PID/cmdline stops showing it (the file and environment forms never
 * put it there). Without the call (a subcommand driven in-process, with
 * argv perhaps in read-only memory) nothing is overwritten. */
void cli_argv_is_process(void);

/* --color WHEN */
enum cli_color {
    CLI_COLOR_AUTO = 0, /* on a terminal, unless NO_COLOR is non-empty or TERM=dumb */
    CLI_COLOR_ALWAYS,
    CLI_COLOR_NEVER,
};

/* The output options check and audit share (time takes --format only). */
struct cli_report_args {
    bool fix; /* --fix */
    /* --format: the writer of that name (report_writer_find); NULL until
     * given, which means text (cli_report_writer) */
    const struct report_writer *writer;
    bool verbose;         /* --verbose */
    bool stats;           /* --stats */
    bool quiet;           /* -q, --quiet: the summary and the not-ready ports only */
    enum cli_color color; /* --color */
    /* --warning RANGE, --critical RANGE: on each port's predicted blackout */
    struct rules_thresholds thresholds;
    bool all_ports;         /* --all-ports: uplinks judged too */
    double timeout_total_s; /* --timeout-total SECONDS: the whole run's; 0: none */
    uint32_t clients;       /* --client NAME...: bit i, client i of rules/clients.h */
};

/* The writer --format chose, text when none was given. */
const struct report_writer *cli_report_writer(const struct cli_report_args *report);

/* The shared option table (cli_common.c) is in groups; a command names the
 * groups it takes. */
#define CLI_SNMP         0x01u /* -v -c -u -l -a -A -x -X -t -r, --*-file */
#define CLI_SNMP_CONTEXT 0x02u /* -n */
#define CLI_REPORT       0x04u /* --fix --verbose --stats -q --color --all-ports */
#define CLI_FORMAT       0x08u /* --format */
#define CLI_HELP         0x10u /* -h, --help */
#define CLI_MONITOR      0x20u /* --warning --critical --timeout-total */
#define CLI_SOURCE       0x40u /* --walk --driver */

/* One option of a table: the shared one, or a command's own (ending with
 * an entry whose name and id are both 0). */
struct cli_option {
    const char *name; /* long name; NULL when it has a letter only */
    int id;           /* below 256: its letter, a short option too; else
                       * a number only the long name gives */
    int has_arg;      /* no_argument or required_argument */
    unsigned group;   /* shared options: the group; a command's own: 0 */
};

/* How getopt's refusals and a bad --format value are worded: the survey
 * commands (check, audit) and time have always said them differently, and
 * tests and scripts read both. */
enum cli_wording {
    CLI_WORDING_SURVEY, /* "unknown option '-c'" also for a missing value */
    CLI_WORDING_TIMER,  /* "-c needs a value", "unknown option '-Q'" */
};

/* Which SNMP options were given (set by cli_next_option). */
struct cli_snmp_given {
    bool any;       /* any SNMP option */
    bool source;    /* one that asks for SNMP: any but -t and -r */
    bool timeout;   /* -t */
    bool community; /* -c or --community-file */
    bool auth;      /* -A or --auth-pass-file */
    bool priv;      /* -X or --priv-pass-file */
    unsigned flags; /* PR_SNMP_GIVEN_* of every option given (snmp/source.h) */
};

#define CLI_MAX_OPTIONS 48

/* One command's parse. The command fills the first fields; cli_next_option
 * fills the rest. */
struct cli_parser {
    unsigned groups;                  /* the shared groups it takes */
    const struct cli_option *options; /* its own options, or NULL */
    enum cli_wording wording;
    struct pr_snmp_options *snmp;   /* where SNMP options go (CLI_SNMP) */
    struct cli_report_args *report; /* where output options go */
    const char **walk;              /* where --walk's FILE goes (CLI_SOURCE) */
    const char **driver;            /* where --driver's NAME goes (CLI_SOURCE) */
    struct cli_snmp_given given;    /* out */
    /* getopt_long's tables, built on the first call. */
    bool started;
    struct option longopts[CLI_MAX_OPTIONS + 1];
    char shortopts[3 * CLI_MAX_OPTIONS + 2];
};

/* What cli_next_option returns besides an own option's id (always > 0). */
#define CLI_END        0  /* the options are over: optind is the first operand */
#define CLI_ERROR      -1 /* a usage error, in err */
#define CLI_WANTS_HELP -2 /* -h or --help: print the usage to stdout, exit 0 */

/* Parses argv (argv[0] is the subcommand) with getopt_long, applying every
 * shared option itself, and returns the id of the next option of the
 * command's own (its value in optarg), or CLI_END, CLI_ERROR or
 * CLI_WANTS_HELP. Never exits; prints nothing but the warning about a
 * credential file others can read. A secret given as -c, -A or -X is
 * overwritten in argv once copied (see cli_argv_is_process). */
int cli_next_option(struct cli_parser *p, int argc, char **argv, struct pr_error *err);

/* After the options, for a live agent: the secrets no option gave from the
 * environment (PORTREADY_COMMUNITY, PORTREADY_AUTH_PASS,
 * PORTREADY_PRIV_PASS), then what neither gives from net-snmp's snmp.conf
 * (pr_snmp_options_from_netsnmp), then checks that the options hang
 * together -- an SNMPv3-only option (-u -l -a -A -x -X -n) under v1 or v2c
 * is an error -- and fills the level from what is given. Each of the three
 * variables is wiped from the environment and from /proc/PID/environ,
 * whether its value was taken or an option gave the secret instead. 0, or
 * -1 with err set (a value too long, options that do not hang together). */
int cli_snmp_complete(struct pr_snmp_options *opts, const struct cli_snmp_given *given,
                      struct pr_error *err);

/* For a command that reads no live agent: wipes the three SNMP secret
 * variables cli_snmp_complete would have taken, unused. */
void cli_snmp_wipe_env(void);

/* A writer's name (text, json, nagios, prometheus) -> the writer; -1 on
 * anything else, the error listing the names. */
int cli_parse_format(const char *arg, const struct report_writer **writer, struct pr_error *err);

/* --driver's value: auto or a driver's name -> *driver; -1 on anything
 * else, the error listing the names. */
int cli_parse_driver(const char *arg, const char **driver, struct pr_error *err);

/* The help lines of the CLI_MONITOR options. */
#define CLI_MONITOR_HELP                                                                           \
    "  --warning RANGE        a port whose predicted blackout (seconds) breaks RANGE\n"            \
    "                         gets a warning; --critical RANGE: it is not ready.\n"                \
    "  --critical RANGE       RANGE as in the Monitoring Plugins: N (over N), N:\n"                \
    "                         (under N), ~:N, N:M (outside), @N:M (inside)\n"                      \
    "  --timeout-total SECONDS\n"                                                                  \
    "                         the whole run's deadline: what was read by then is\n"                \
    "                         reported, and the state is unknown (exit 3)\n"                       \
    "  --client NAME          the verdict follows this boot stage's DHCP client\n"                 \
    "                         (repeatable): pxe-rom, uefi-pxe, ipxe, debian-installer,\n"          \
    "                         ubuntu-installer, anaconda; not ready when one fails\n"

/* Copies an option's path value into dst; an error names the option when
 * it does not fit. */
int cli_copy_path(char *dst, size_t len, const char *arg, const char *option, struct pr_error *err);

/* TERM=dumb: no colour, no progress line. */
bool cli_terminal_is_dumb(void);

/* Whether to colour output to out: always, never, or (auto) on a terminal
 * unless NO_COLOR is set to a non-empty value or TERM is dumb. */
bool cli_use_color(FILE *out, enum cli_color when);

/* A progress line on out: a terminal that is not dumb. */
bool cli_show_progress(FILE *out);

#endif
