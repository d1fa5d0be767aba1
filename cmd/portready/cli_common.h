/* SPDX-License-Identifier: BSD-3-Clause */
/* Option handling shared by the subcommands: net-snmp style SNMP options,
 * output format and colour. */
#ifndef PR_CLI_COMMON_H
#define PR_CLI_COMMON_H

#include <stdbool.h>
#include <stdio.h>

#include "report/report.h"
#include "util/error.h"
#include "snmp/source.h"

/* Applies one SNMP option (-v -c -u -l -a -A -x -X -n -t -r and the long
 * secret-file forms) to opts. Returns 1 when opt was an SNMP option, 0 when
 * it was not, -1 on a bad value (err says which). */
int cli_snmp_option(int opt, const char *arg, struct pr_snmp_options *opts, struct pr_error *err);

/* Secrets from the environment when no option gave them:
 * PORTREADY_COMMUNITY, PORTREADY_AUTH_PASS, PORTREADY_PRIV_PASS. A value
 * taken is wiped from the environment (and from /proc/PID/environ). */
void cli_snmp_env(struct pr_snmp_options *opts, bool community_given, bool auth_given,
                  bool priv_given);

/* Checks the v3 options hang together; fills the level from what is given. */
int cli_snmp_finish(struct pr_snmp_options *opts, struct pr_error *err);

/* The getopt_long short-option letters and long options of the SNMP set. */
#define CLI_SNMP_SHORTOPTS     "v:c:u:l:a:A:x:X:n:t:r:"
#define CLI_OPT_COMMUNITY_FILE 1001
#define CLI_OPT_AUTH_PASS_FILE 1002
#define CLI_OPT_PRIV_PASS_FILE 1003
#define CLI_SNMP_LONGOPTS                                                                          \
    {"community-file", required_argument, NULL, CLI_OPT_COMMUNITY_FILE},                           \
        {"auth-pass-file", required_argument, NULL, CLI_OPT_AUTH_PASS_FILE},                       \
    {                                                                                              \
        "priv-pass-file", required_argument, NULL, CLI_OPT_PRIV_PASS_FILE                          \
    }

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
    "  PORTREADY_PRIV_PASS, so they stay out of argv and shell history.\n"

/* main() calls this: argv is the process's own, so a secret given on the
 * command line (-c, -A, -X) is overwritten in place once copied and
 * /proc/PID/cmdline stops showing it (the file and environment forms never
 * put it there). Without the call (a subcommand driven in-process, with
 * argv perhaps in read-only memory) nothing is overwritten. */
void cli_argv_is_process(void);

/* Overwrites arg (a secret just copied) with 'x' when argv is the
 * process's own; NULL is accepted. */
void cli_scrub_secret_arg(char *arg);

/* The output options check and audit share. */
struct cli_report_args {
    bool fix;                           /* --fix */
    const struct report_writer *writer; /* --format (the caller sets the default) */
    bool verbose;                       /* --verbose */
    bool stats;                         /* --stats */
};

#define CLI_OPT_FIX     1101
#define CLI_OPT_FORMAT  1102
#define CLI_OPT_VERBOSE 1103
#define CLI_OPT_STATS   1104
#define CLI_REPORT_LONGOPTS                                                                        \
    {"fix", no_argument, NULL, CLI_OPT_FIX}, {"format", required_argument, NULL, CLI_OPT_FORMAT},  \
        {"verbose", no_argument, NULL, CLI_OPT_VERBOSE},                                           \
    {                                                                                              \
        "stats", no_argument, NULL, CLI_OPT_STATS                                                  \
    }

/* Applies one of the shared output options. Returns 1 when opt was one,
 * 0 when it was not, -1 on a bad value (err says which). */
int cli_report_option(int opt, const char *arg, struct cli_report_args *report,
                      struct pr_error *err);

/* The error for what getopt_long returned for an option it could not take
 * (':' a missing value, anything else an unknown option). */
int cli_getopt_error(int opt, char **argv, struct pr_error *err);

/* A writer's name (report/report.h) -> *writer; -1 on anything else. */
int cli_parse_format(const char *arg, const struct report_writer **writer, struct pr_error *err);

/* Copies an option's path value into dst; an error names the option when
 * it does not fit. */
int cli_copy_path(char *dst, size_t len, const char *arg, const char *option, struct pr_error *err);

/* Colour on a TTY unless NO_COLOR is set (any value). */
bool cli_use_color(FILE *out);

#endif
