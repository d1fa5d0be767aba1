/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli_common.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/secret.h"
#include "util/strutil.h"

static int set_text(char *dst, size_t len, const char *arg, const char *what, struct pr_error *err)
{
    if (strlen(arg) >= len)
        return pr_error_set(err, PR_ERR_USAGE, "%s too long (at most %zu characters)", what,
                            len - 1);
    pr_strlcpy(dst, arg, len);
    return 1;
}

static int secret_file(char *dst, size_t len, const char *path, struct pr_error *err)
{
    char warning[256] = "";
    if (secret_read_file(path, dst, len, warning, sizeof warning, err) != 0)
        return -1;
    if (warning[0])
        fprintf(stderr, "portready: warning: %s\n", warning);
    return 1;
}

static bool one_of(const char *arg, const char *const *names)
{
    for (size_t i = 0; names[i] != NULL; i++) {
        if (pr_str_ieq(arg, names[i]))
            return true;
    }
    return false;
}

int cli_snmp_option(int opt, const char *arg, struct pr_snmp_options *opts, struct pr_error *err)
{
    static const char *const levels[] = {"noAuthNoPriv", "authNoPriv", "authPriv", NULL};
    static const char *const auths[] = {"MD5",     "SHA",     "SHA-224", "SHA-256",
                                        "SHA-384", "SHA-512", NULL};
    static const char *const privs[] = {"DES", "AES", "AES-128", "AES-192", "AES-256", NULL};
    long long n;
    switch (opt) {
    case 'v':
        if (strcmp(arg, "1") == 0)
            opts->version = PR_SNMP_V1;
        else if (strcmp(arg, "2c") == 0 || strcmp(arg, "2") == 0)
            opts->version = PR_SNMP_V2C;
        else if (strcmp(arg, "3") == 0)
            opts->version = PR_SNMP_V3;
        else
            return pr_error_set(err, PR_ERR_USAGE, "-v takes 1, 2c or 3, not '%s'", arg);
        return 1;
    case 'c':
        return set_text(opts->community, sizeof opts->community, arg, "the community", err);
    case CLI_OPT_COMMUNITY_FILE:
        return secret_file(opts->community, sizeof opts->community, arg, err);
    case 'u':
        return set_text(opts->user, sizeof opts->user, arg, "the user name", err);
    case 'l':
        if (!one_of(arg, levels))
            return pr_error_set(err, PR_ERR_USAGE,
                                "-l takes noAuthNoPriv, authNoPriv or authPriv, not '%s'", arg);
        return set_text(opts->level, sizeof opts->level, arg, "the level", err);
    case 'a':
        if (!one_of(arg, auths))
            return pr_error_set(err, PR_ERR_USAGE,
                                "-a takes MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512, "
                                "not '%s'",
                                arg);
        return set_text(opts->auth_proto, sizeof opts->auth_proto, arg, "the protocol", err);
    case 'A':
        return set_text(opts->auth_pass, sizeof opts->auth_pass, arg, "the passphrase", err);
    case CLI_OPT_AUTH_PASS_FILE:
        return secret_file(opts->auth_pass, sizeof opts->auth_pass, arg, err);
    case 'x':
        if (!one_of(arg, privs))
            return pr_error_set(err, PR_ERR_USAGE,
                                "-x takes DES, AES, AES-192 or AES-256, not '%s'", arg);
        return set_text(opts->priv_proto, sizeof opts->priv_proto, arg, "the protocol", err);
    case 'X':
        return set_text(opts->priv_pass, sizeof opts->priv_pass, arg, "the passphrase", err);
    case CLI_OPT_PRIV_PASS_FILE:
        return secret_file(opts->priv_pass, sizeof opts->priv_pass, arg, err);
    case 'n':
        return set_text(opts->context, sizeof opts->context, arg, "the context", err);
    case 't': {
        char *end = NULL;
        double t = strtod(arg, &end);
        if (end == arg || *end != '\0' || !(t > 0 && t <= 300))
            return pr_error_set(err, PR_ERR_USAGE, "-t takes seconds between 0 and 300, not '%s'",
                                arg);
        opts->timeout_s = t;
        return 1;
    }
    case 'r':
        if (!pr_parse_int(arg, 0, 20, &n))
            return pr_error_set(err, PR_ERR_USAGE,
                                "-r takes a number of retries from 0 to 20, not '%s'", arg);
        opts->retries = (int)n;
        return 1;
    }
    return 0;
}

static void from_env(char *dst, size_t len, const char *name)
{
    char *value = getenv(name);
    if (value != NULL && *value != '\0') {
        pr_strlcpy(dst, value, len);
        secret_wipe(value, strlen(value));
        unsetenv(name);
    }
}

static bool argv_is_process;

void cli_argv_is_process(void)
{
    argv_is_process = true;
}

void cli_scrub_secret_arg(char *arg)
{
    if (argv_is_process && arg != NULL)
        memset(arg, 'x', strlen(arg));
}

void cli_snmp_env(struct pr_snmp_options *opts, bool community_given, bool auth_given,
                  bool priv_given)
{
    if (!community_given)
        from_env(opts->community, sizeof opts->community, "PORTREADY_COMMUNITY");
    if (!auth_given)
        from_env(opts->auth_pass, sizeof opts->auth_pass, "PORTREADY_AUTH_PASS");
    if (!priv_given)
        from_env(opts->priv_pass, sizeof opts->priv_pass, "PORTREADY_PRIV_PASS");
}

int cli_snmp_finish(struct pr_snmp_options *opts, struct pr_error *err)
{
    if (opts->version != PR_SNMP_V3)
        return 0;
    if (opts->user[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE, "SNMPv3 needs a user (-u USER)");
    if (opts->level[0] == '\0')
        pr_strlcpy(opts->level,
                   opts->priv_pass[0]   ? "authPriv"
                   : opts->auth_pass[0] ? "authNoPriv"
                                        : "noAuthNoPriv",
                   sizeof opts->level);
    bool wants_auth = !pr_str_ieq(opts->level, "noAuthNoPriv");
    bool wants_priv = pr_str_ieq(opts->level, "authPriv");
    if (wants_auth && opts->auth_pass[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE,
                            "level %s needs an authentication passphrase (-A, --auth-pass-file or "
                            "PORTREADY_AUTH_PASS)",
                            opts->level);
    if (wants_priv && opts->priv_pass[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE,
                            "level authPriv needs a privacy passphrase (-X, --priv-pass-file or "
                            "PORTREADY_PRIV_PASS)");
    if (wants_auth && strlen(opts->auth_pass) < 8)
        return pr_error_set(err, PR_ERR_USAGE,
                            "the authentication passphrase must have at least 8 characters");
    if (wants_priv && strlen(opts->priv_pass) < 8)
        return pr_error_set(err, PR_ERR_USAGE,
                            "the privacy passphrase must have at least 8 characters");
    if (wants_auth && opts->auth_proto[0] == '\0')
        pr_strlcpy(opts->auth_proto, "SHA", sizeof opts->auth_proto);
    if (wants_priv && opts->priv_proto[0] == '\0')
        pr_strlcpy(opts->priv_proto, "AES", sizeof opts->priv_proto);
    return 0;
}

int cli_parse_format(const char *arg, const struct report_writer **writer, struct pr_error *err)
{
    const struct report_writer *found = report_writer_find(arg);
    if (found == NULL) {
        char names[64];
        report_writer_names(names, sizeof names);
        return pr_error_set(err, PR_ERR_USAGE, "--format takes one of %s, not '%s'", names, arg);
    }
    *writer = found;
    return 0;
}

bool cli_use_color(FILE *out)
{
    return getenv("NO_COLOR") == NULL && isatty(fileno(out));
}

int cli_copy_path(char *dst, size_t len, const char *arg, const char *option, struct pr_error *err)
{
    if (strlen(arg) >= len)
        return pr_error_set(err, PR_ERR_USAGE, "%s: path too long (at most %zu characters)", option,
                            len - 1);
    pr_strlcpy(dst, arg, len);
    return 0;
}

int cli_report_option(int opt, const char *arg, struct cli_report_args *report,
                      struct pr_error *err)
{
    switch (opt) {
    case CLI_OPT_FIX:
        report->fix = true;
        return 1;
    case CLI_OPT_FORMAT:
        return cli_parse_format(arg, &report->writer, err) == 0 ? 1 : -1;
    case CLI_OPT_VERBOSE:
        report->verbose = true;
        return 1;
    case CLI_OPT_STATS:
        report->stats = true;
        return 1;
    }
    return 0;
}

int cli_getopt_error(int opt, char **argv, struct pr_error *err)
{
    if (opt == ':')
        return pr_error_set(err, PR_ERR_USAGE, "option '%s' needs a value", argv[optind - 1]);
    return pr_error_set(err, PR_ERR_USAGE, "unknown option '%s'", argv[optind - 1]);
}
