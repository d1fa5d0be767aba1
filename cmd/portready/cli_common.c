/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli_common.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "rules/clients.h"
#include "util/secret.h"
#include "util/strutil.h"

enum {
    CLI_OPT_COMMUNITY_FILE = 1001,
    CLI_OPT_AUTH_PASS_FILE,
    CLI_OPT_PRIV_PASS_FILE,
    CLI_OPT_FIX = 1101,
    CLI_OPT_FORMAT,
    CLI_OPT_VERBOSE,
    CLI_OPT_STATS,
    CLI_OPT_COLOR,
    CLI_OPT_ALL_PORTS,
    CLI_OPT_WARNING = 1201,
    CLI_OPT_CRITICAL,
    CLI_OPT_TIMEOUT_TOTAL,
    CLI_OPT_CLIENT,
    CLI_OPT_WALK = 1301,
    CLI_OPT_DRIVER,
};

/* The options several commands take, each once; a command takes the
 * groups it names (struct cli_parser). */
static const struct cli_option shared_options[] = {
    {NULL, 'v', required_argument, CLI_SNMP},
    {NULL, 'c', required_argument, CLI_SNMP},
    {"community-file", CLI_OPT_COMMUNITY_FILE, required_argument, CLI_SNMP},
    {NULL, 'u', required_argument, CLI_SNMP},
    {NULL, 'l', required_argument, CLI_SNMP},
    {NULL, 'a', required_argument, CLI_SNMP},
    {NULL, 'A', required_argument, CLI_SNMP},
    {"auth-pass-file", CLI_OPT_AUTH_PASS_FILE, required_argument, CLI_SNMP},
    {NULL, 'x', required_argument, CLI_SNMP},
    {NULL, 'X', required_argument, CLI_SNMP},
    {"priv-pass-file", CLI_OPT_PRIV_PASS_FILE, required_argument, CLI_SNMP},
    {NULL, 'n', required_argument, CLI_SNMP_CONTEXT},
    {NULL, 't', required_argument, CLI_SNMP},
    {NULL, 'r', required_argument, CLI_SNMP},
    {"fix", CLI_OPT_FIX, no_argument, CLI_REPORT},
    {"format", CLI_OPT_FORMAT, required_argument, CLI_FORMAT},
    {"verbose", CLI_OPT_VERBOSE, no_argument, CLI_REPORT},
    {"stats", CLI_OPT_STATS, no_argument, CLI_REPORT},
    {"quiet", 'q', no_argument, CLI_REPORT},
    {"color", CLI_OPT_COLOR, required_argument, CLI_REPORT},
    {"all-ports", CLI_OPT_ALL_PORTS, no_argument, CLI_REPORT},
    {"warning", CLI_OPT_WARNING, required_argument, CLI_MONITOR},
    {"critical", CLI_OPT_CRITICAL, required_argument, CLI_MONITOR},
    {"timeout-total", CLI_OPT_TIMEOUT_TOTAL, required_argument, CLI_MONITOR},
    {"client", CLI_OPT_CLIENT, required_argument, CLI_MONITOR},
    {"help", 'h', no_argument, CLI_HELP},
    {"walk", CLI_OPT_WALK, required_argument, CLI_SOURCE},
    {"driver", CLI_OPT_DRIVER, required_argument, CLI_SOURCE},
};

#define N_SHARED (sizeof shared_options / sizeof shared_options[0])

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

/* Applies one SNMP option: 1, or -1 on a bad value (err says which). */
static int cli_snmp_apply(int opt, const char *arg, struct pr_snmp_options *opts,
                          struct pr_error *err)
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
        else if (pr_str_ieq(arg, "2c"))
            opts->version = PR_SNMP_V2C;
        else if (strcmp(arg, "3") == 0)
            opts->version = PR_SNMP_V3;
        else if (strcmp(arg, "2") == 0)
            /* net-snmp refuses it too ("Invalid version specified after -v
             * flag: 2"): community-based SNMPv2 is 2c. */
            return pr_error_set(err, PR_ERR_USAGE,
                                "-v takes 1, 2c or 3, not '2': SNMPv2 with a community is 2c "
                                "(-v 2c), as in net-snmp's tools");
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

/* The secret in environment variable name, unless an option gave it
 * (given): either way the variable is wiped from the environment. An unset
 * or empty variable leaves dst as it is; *taken says whether a value was
 * taken. */
static int from_env(char *dst, size_t len, const char *name, bool given, bool *taken,
                    struct pr_error *err)
{
    const char *value = getenv(name);
    *taken = false;
    if (given || value == NULL || value[0] == '\0') {
        secret_wipe_env(name);
        return 0;
    }
    if (secret_take_env(name, dst, len, err) != 0) {
        err->code = PR_ERR_USAGE;
        return -1;
    }
    *taken = true;
    return 0;
}

static bool argv_is_process;

void cli_argv_is_process(void)
{
    argv_is_process = true;
}

/* Overwrites arg (a secret just copied) with 'x' when argv is the
 * process's own. */
static void scrub_secret_arg(char *arg)
{
    if (argv_is_process && arg != NULL)
        memset(arg, 'x', strlen(arg));
}

/* Checks the v3 options hang together; fills the level from what is given. */
static int cli_snmp_check(struct pr_snmp_options *opts, struct pr_error *err)
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
    if (found != NULL) {
        *writer = found;
        return 0;
    }
    char names[128] = "";
    size_t n = 0;
    while (report_writers[n] != NULL)
        n++;
    for (size_t i = 0; i < n; i++)
        pr_strlcatf(names, sizeof names, "%s%s",
                    i == 0       ? ""
                    : i + 1 == n ? " or "
                                 : ", ",
                    report_writers[i]->name);
    return pr_error_set(err, PR_ERR_USAGE, "--format takes %s, not '%s'", names, arg);
}

const struct report_writer *cli_report_writer(const struct cli_report_args *report)
{
    return report->writer != NULL ? report->writer : &report_writer_text;
}

bool cli_terminal_is_dumb(void)
{
    const char *term = getenv("TERM");
    return term != NULL && strcmp(term, "dumb") == 0;
}

bool cli_use_color(FILE *out, enum cli_color when)
{
    if (when != CLI_COLOR_AUTO)
        return when == CLI_COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR");
    if (no_color != NULL && no_color[0] != '\0')
        return false;
    return !cli_terminal_is_dumb() && isatty(fileno(out));
}

bool cli_show_progress(FILE *out)
{
    return !cli_terminal_is_dumb() && isatty(fileno(out));
}

int cli_copy_path(char *dst, size_t len, const char *arg, const char *option, struct pr_error *err)
{
    if (strlen(arg) >= len)
        return pr_error_set(err, PR_ERR_USAGE, "%s: path too long (at most %zu characters)", option,
                            len - 1);
    pr_strlcpy(dst, arg, len);
    return 0;
}

/* The SNMPv3-only options given (-u -l -a -A -x -X -n and the passphrase
 * files), as "-u, -A" for messages; "" when none. */
static void v3_only_given(unsigned flags, char *buf, size_t len)
{
    static const struct {
        unsigned bit;
        const char *name;
    } v3_only[] = {
        {PR_SNMP_GIVEN_USER, "-u"},       {PR_SNMP_GIVEN_LEVEL, "-l"},
        {PR_SNMP_GIVEN_AUTH_PROTO, "-a"}, {PR_SNMP_GIVEN_AUTH_PASS, "-A"},
        {PR_SNMP_GIVEN_PRIV_PROTO, "-x"}, {PR_SNMP_GIVEN_PRIV_PASS, "-X"},
        {PR_SNMP_GIVEN_CONTEXT, "-n"},
    };
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof v3_only / sizeof v3_only[0]; i++) {
        if (flags & v3_only[i].bit)
            pr_strlcatf(buf, len, "%s%s", buf[0] ? ", " : "", v3_only[i].name);
    }
}

void cli_snmp_wipe_env(void)
{
    secret_wipe_env("PORTREADY_COMMUNITY");
    secret_wipe_env("PORTREADY_AUTH_PASS");
    secret_wipe_env("PORTREADY_PRIV_PASS");
}

int cli_snmp_complete(struct pr_snmp_options *opts, const struct cli_snmp_given *given,
                      struct pr_error *err)
{
    unsigned mask = given->flags;
    bool community, auth, priv;
    if (from_env(opts->community, sizeof opts->community, "PORTREADY_COMMUNITY", given->community,
                 &community, err) != 0 ||
        from_env(opts->auth_pass, sizeof opts->auth_pass, "PORTREADY_AUTH_PASS", given->auth, &auth,
                 err) != 0 ||
        from_env(opts->priv_pass, sizeof opts->priv_pass, "PORTREADY_PRIV_PASS", given->priv, &priv,
                 err) != 0)
        return -1;
    if (community)
        mask |= PR_SNMP_GIVEN_COMMUNITY;
    if (auth)
        mask |= PR_SNMP_GIVEN_AUTH_PASS;
    if (priv)
        mask |= PR_SNMP_GIVEN_PRIV_PASS;
    /* The command line (and the environment) first, then net-snmp's
     * snmp.conf, then portready's defaults. */
    pr_snmp_options_from_netsnmp(opts, mask);
    char v3_only[64];
    v3_only_given(given->flags, v3_only, sizeof v3_only);
    if (opts->version != PR_SNMP_V3 && v3_only[0] != '\0')
        return pr_error_set(err, PR_ERR_USAGE,
                            "%s %s for SNMPv3 only, and this is SNMP%s: give -v 3, or leave %s "
                            "out",
                            v3_only, strchr(v3_only, ',') ? "are" : "is",
                            opts->version == PR_SNMP_V1 ? "v1" : "v2c",
                            strchr(v3_only, ',') ? "them" : "it");
    return cli_snmp_check(opts, err);
}

/* The group of the shared option id; 0 when no shared option has it. */
static unsigned shared_group(int id)
{
    for (size_t i = 0; i < N_SHARED; i++) {
        if (shared_options[i].id == id)
            return shared_options[i].group;
    }
    return 0;
}

/* Adds one option to getopt_long's tables. */
static int add_option(struct cli_parser *p, size_t *n_long, size_t *n_short,
                      const struct cli_option *o, struct pr_error *err)
{
    if (*n_long >= CLI_MAX_OPTIONS || *n_short + 3 > sizeof p->shortopts)
        return pr_error_set(err, PR_ERR_INTERNAL, "more options than CLI_MAX_OPTIONS");
    if (o->name != NULL)
        p->longopts[(*n_long)++] = (struct option){o->name, o->has_arg, NULL, o->id};
    if (o->id < 256) {
        p->shortopts[(*n_short)++] = (char)o->id;
        if (o->has_arg == required_argument)
            p->shortopts[(*n_short)++] = ':';
    }
    return 0;
}

/* getopt_long's tables: the shared groups the command takes, then its own
 * options. A leading ':' makes getopt tell a missing value (':') from an
 * unknown option ('?'), which only time's wording does. */
static int build_tables(struct cli_parser *p, struct pr_error *err)
{
    size_t n_long = 0, n_short = 0;
    if (p->wording == CLI_WORDING_TIMER)
        p->shortopts[n_short++] = ':';
    for (size_t i = 0; i < N_SHARED; i++) {
        if ((shared_options[i].group & p->groups) != 0 &&
            add_option(p, &n_long, &n_short, &shared_options[i], err) != 0)
            return -1;
    }
    for (const struct cli_option *o = p->options; o != NULL && (o->name || o->id); o++) {
        if (o->id <= 0 || o->id == '?' || o->id == ':' || shared_group(o->id) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "option id %d is taken", o->id);
        if (add_option(p, &n_long, &n_short, o, err) != 0)
            return -1;
    }
    p->longopts[n_long] = (struct option){NULL, 0, NULL, 0};
    p->shortopts[n_short] = '\0';
    return 0;
}

/* The long option that takes no value which word ("--NAME=VALUE", NAME
 * whole or a unique abbreviation) gave one to; NULL when word is anything
 * else. */
static const struct option *valueless_long_option(const struct cli_parser *p, const char *word)
{
    const char *eq = strchr(word, '=');
    if (strncmp(word, "--", 2) != 0 || eq == NULL || eq == word + 2)
        return NULL;
    size_t len = (size_t)(eq - word - 2);
    const struct option *found = NULL;
    for (const struct option *o = p->longopts; o->name != NULL; o++) {
        if (strncmp(o->name, word + 2, len) != 0)
            continue;
        if (o->name[len] == '\0')
            return o->has_arg == no_argument ? o : NULL;
        if (found != NULL)
            return NULL; /* ambiguous */
        found = o;
    }
    return found != NULL && found->has_arg == no_argument ? found : NULL;
}

/* The error for what getopt_long returned for an option it could not take:
 * ':' a missing value (time's wording only), '?' an unknown option, an
 * ambiguous abbreviation or a value given to an option that takes none. */
static int refusal(const struct cli_parser *p, int opt, char **argv, struct pr_error *err)
{
    const char *word = argv[optind - 1];
    const struct option *takes_none = valueless_long_option(p, word);
    if (takes_none != NULL)
        return pr_error_set(err, PR_ERR_USAGE, "--%s takes no value ('%s')", takes_none->name,
                            word);
    if (p->wording == CLI_WORDING_TIMER) {
        if (opt == ':')
            return pr_error_set(err, PR_ERR_USAGE, "%s needs a value", word);
        /* optopt is the letter of a short option; after a long one it is
         * the option's number, no character at all. */
        if (optopt > 0 && optopt < 256 && word[0] == '-' && word[1] != '-')
            return pr_error_set(err, PR_ERR_USAGE, "unknown option '-%c'", optopt);
    }
    return pr_error_set(err, PR_ERR_USAGE, "unknown option '%s'", word);
}

/* The PR_SNMP_GIVEN_* bit of an SNMP option; 0 for -t and -r. */
static unsigned snmp_given_bit(int opt)
{
    switch (opt) {
    case 'v':
        return PR_SNMP_GIVEN_VERSION;
    case 'c':
    case CLI_OPT_COMMUNITY_FILE:
        return PR_SNMP_GIVEN_COMMUNITY;
    case 'u':
        return PR_SNMP_GIVEN_USER;
    case 'l':
        return PR_SNMP_GIVEN_LEVEL;
    case 'a':
        return PR_SNMP_GIVEN_AUTH_PROTO;
    case 'A':
    case CLI_OPT_AUTH_PASS_FILE:
        return PR_SNMP_GIVEN_AUTH_PASS;
    case 'x':
        return PR_SNMP_GIVEN_PRIV_PROTO;
    case 'X':
    case CLI_OPT_PRIV_PASS_FILE:
        return PR_SNMP_GIVEN_PRIV_PASS;
    case 'n':
        return PR_SNMP_GIVEN_CONTEXT;
    }
    return 0;
}

/* Applies one SNMP option and notes it in p->given. */
static int apply_snmp(struct cli_parser *p, int opt, char *arg, struct pr_error *err)
{
    if (cli_snmp_apply(opt, arg, p->snmp, err) < 0)
        return CLI_ERROR;
    if (opt == 'c' || opt == 'A' || opt == 'X') {
        scrub_secret_arg(arg);
        secret_protect_process();
    }
    p->given.any = true;
    /* -t and -r bound every source; the others ask for SNMP. */
    p->given.source |= opt != 't' && opt != 'r';
    p->given.timeout |= opt == 't';
    p->given.community |= opt == 'c' || opt == CLI_OPT_COMMUNITY_FILE;
    p->given.auth |= opt == 'A' || opt == CLI_OPT_AUTH_PASS_FILE;
    p->given.priv |= opt == 'X' || opt == CLI_OPT_PRIV_PASS_FILE;
    p->given.flags |= snmp_given_bit(opt);
    return 0;
}

/* Applies one output option. */
static int apply_report(struct cli_parser *p, int opt, const char *arg, struct pr_error *err)
{
    struct cli_report_args *report = p->report;
    switch (opt) {
    case CLI_OPT_FIX:
        report->fix = true;
        return 0;
    case CLI_OPT_FORMAT:
        if (p->wording == CLI_WORDING_TIMER && strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0)
            return pr_error_set(err, PR_ERR_USAGE, "--format '%s': expected text or json", arg);
        return cli_parse_format(arg, &report->writer, err);
    case CLI_OPT_WARNING:
    case CLI_OPT_CRITICAL: {
        struct rules_range *r =
            opt == CLI_OPT_WARNING ? &report->thresholds.warning : &report->thresholds.critical;
        if (rules_range_parse(arg, r, err) != 0) {
            pr_error_prefix(err, "%s", opt == CLI_OPT_WARNING ? "--warning" : "--critical");
            return -1;
        }
        return 0;
    }
    case CLI_OPT_TIMEOUT_TOTAL: {
        char *end = NULL;
        double t = strtod(arg, &end);
        if (end == arg || *end != '\0' || !(t > 0 && t <= 86400))
            return pr_error_set(err, PR_ERR_USAGE,
                                "--timeout-total takes seconds above 0, at most 86400, not '%s'",
                                arg);
        report->timeout_total_s = t;
        return 0;
    }
    case CLI_OPT_CLIENT:
        if (rules_clients_add(arg, &report->clients, err) != 0) {
            pr_error_prefix(err, "--client");
            return -1;
        }
        return 0;
    case CLI_OPT_VERBOSE:
        report->verbose = true;
        return 0;
    case CLI_OPT_STATS:
        report->stats = true;
        return 0;
    case 'q':
        report->quiet = true;
        return 0;
    case CLI_OPT_ALL_PORTS:
        report->all_ports = true;
        return 0;
    case CLI_OPT_COLOR:
        if (strcmp(arg, "auto") == 0)
            report->color = CLI_COLOR_AUTO;
        else if (strcmp(arg, "always") == 0)
            report->color = CLI_COLOR_ALWAYS;
        else if (strcmp(arg, "never") == 0)
            report->color = CLI_COLOR_NEVER;
        else
            return pr_error_set(err, PR_ERR_USAGE, "--color takes auto, always or never, not '%s'",
                                arg);
        return 0;
    }
    return 0;
}

/* Applies --walk or --driver. */
static int apply_source(struct cli_parser *p, int opt, const char *arg, struct pr_error *err)
{
    if (opt == CLI_OPT_WALK) {
        *p->walk = arg;
        return 0;
    }
    return cli_parse_driver(arg, p->driver, err);
}

int cli_next_option(struct cli_parser *p, int argc, char **argv, struct pr_error *err)
{
    if (!p->started) {
        if (build_tables(p, err) != 0)
            return CLI_ERROR;
        p->started = true;
        optind = 0; /* a fresh scan, also when a test runs a command twice */
        opterr = 0;
    }
    int opt;
    while ((opt = getopt_long(argc, argv, p->shortopts, p->longopts, NULL)) != -1) {
        if (opt == '?' || opt == ':')
            return refusal(p, opt, argv, err);
        unsigned group = shared_group(opt);
        if (group == 0)
            return opt;
        if (group == CLI_HELP)
            return CLI_WANTS_HELP;
        int rc = group == CLI_REPORT || group == CLI_FORMAT || group == CLI_MONITOR
                     ? apply_report(p, opt, optarg, err)
                 : group == CLI_SOURCE ? apply_source(p, opt, optarg, err)
                                       : apply_snmp(p, opt, optarg, err);
        if (rc != 0)
            return CLI_ERROR;
    }
    return CLI_END;
}

int cli_parse_driver(const char *arg, const char **driver, struct pr_error *err)
{
    if (strcmp(arg, "auto") != 0 && pr_driver_find(arg) == NULL) {
        char names[160];
        pr_driver_names(names, sizeof names);
        return pr_error_set(err, PR_ERR_USAGE, "--driver takes one of auto, %s, not '%s'", names,
                            arg);
    }
    *driver = arg;
    return 0;
}
