/* SPDX-License-Identifier: BSD-3-Clause */
/* portready time: bounce a link and time until the target answers. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_common.h"
#include "cli_json.h"
#include "commands.h"
#include "timer/timer_guard.h"
#include "timer/timer_lock.h"
#include "timer/timer_local.h"
#include "timer/timer_loop.h"
#include "timer/timer_netlink.h"
#include "timer/timer_options.h"
#include "timer/timer_priv.h"
#include "timer/timer_report.h"
#include "timer/timer_run.h"
#include "timer/timer_safety.h"
#include "timer/timer_svg.h"
#include "timer/timer_switch.h"
#include "util/strutil.h"
#include "timer/timer_watch.h"

#define HINT "Try 'portready time --help'."

static void usage(FILE *out)
{
    fputs("Usage: portready time --iface IF [--target IP] [OPTIONS] --yes\n"
          "       portready time --watch IP [OPTIONS]\n"
          "       portready time --switch SWITCH --port PORT --target IP [SNMP OPTIONS] --yes\n"
          "\n"
          "Bounce a link and measure, to the millisecond, how long until the target\n"
          "answers: more than a few seconds means the switch port is not an edge port\n"
          "(STP blocks it 2 x forward-delay, 30 s with default timers).\n"
          "\n"
          "Modes:\n"
          "  --iface IF           take IF down here, wait, bring it up, put back its addresses\n"
          "                       and routes, and time until --target answers (default: IF's\n"
          "                       default gateway). Needs CAP_NET_ADMIN.\n"
          "  --watch IP           passive, for the machine on the other side: time each\n"
          "                       outage of IP while someone else bounces the server\n"
          "  --switch SWITCH      bounce from your desk: set ifAdminStatus of --port on\n"
          "                       SWITCH (host[:port]) down, wait, up, and time until\n"
          "                       --target (the server) answers. Needs SNMP write access.\n"
          "  --port PORT          the switch port facing the server: ifName, ifDescr or\n"
          "                       ifIndex\n"
          "\n"
          "Options:\n"
          "  --target IP          the address to probe (IPv4)\n"
          "  --down-for S         seconds the link stays down (default 5); watch: the\n"
          "                       bouncing side's, taken off each outage for the verdict\n"
          "  --count N            bounces (watch: outages) to time (default 1)\n"
          "  --interval MS        probe interval in ms, 1 to 1000 (default 10); every 1 ms\n"
          "                       where forwarding is likely (see Probes)\n"
          "  --fixed-interval     probe every --interval ms throughout, never faster\n"
          "  --timeout S          give up when nothing answers S seconds after the link came\n"
          "                       up (watch: after the outage began) (default 60)\n"
          "  --format text|json   output format (default text)\n"
          "  --plot FILE.svg      draw every probe and link event as an SVG timeline\n"
          "  -y, --yes            take the link down without asking\n"
          "  --force              bounce even the interface carrying your SSH connection or\n"
          "                       the only default route\n"
          "  -h, --help           this help\n"
          "\n"
          "SNMP options (--switch), as net-snmp's command line takes them:\n"
          "  -v 1|2c|3            SNMP version (default 2c)\n"
          "  -c COMMUNITY         community with write access (v1/v2c)\n"
          "  --community-file F   read the community from the first line of F\n"
          "  -u USER              SNMPv3 user\n"
          "  -l LEVEL             noAuthNoPriv|authNoPriv|authPriv\n"
          "  -a PROTO             MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512\n"
          "  -A PASS              authentication passphrase\n"
          "  --auth-pass-file F   read it from the first line of F\n"
          "  -x PROTO             DES|AES|AES-192|AES-256\n"
          "  -X PASS              privacy passphrase\n"
          "  --priv-pass-file F   read it from the first line of F\n"
          "  -t SECONDS           timeout per request (default 2)\n"
          "  -r N                 retries (default 1)\n"
          "  Secrets may also come from PORTREADY_COMMUNITY, PORTREADY_AUTH_PASS and\n"
          "  PORTREADY_PRIV_PASS, so they never sit in argv or shell history.\n"
          "\n"
          "Probes: ICMP echo every --interval ms (unprivileged ICMP socket where\n"
          "net.ipv4.ping_group_range allows, raw socket otherwise) and ARP requests on\n"
          "the link. All times are CLOCK_MONOTONIC. Per bounce: up -> carrier, carrier ->\n"
          "first ARP reply, up -> first echo reply (the reachability time).\n"
          "Where forwarding is likely, probes go every 1 ms: for 50 ms after the carrier\n"
          "comes up, and from shortly before each prediction of the end of the blackout\n"
          "(2 x the forward delay in the switch's BPDUs after the carrier, or what the\n"
          "previous bounce or outage took) until the first reply, so a coarse --interval\n"
          "keeps about its probe count and gains about 1 ms accuracy when a prediction\n"
          "holds. --fixed-interval turns this off.\n"
          "\n"
          "Safety: nothing goes down without --yes or a typed confirmation on a terminal;\n"
          "a guardian process puts the link, addresses and routes back if portready is\n"
          "interrupted or killed; a second portready on the same interface refuses.\n"
          "Everything put back is compared with the state before: what is missing is\n"
          "named (exit 3). Ctrl-Z is ignored while bouncing; if the guardian dies,\n"
          "portready puts everything back and stops (exit 3).\n"
          "\n"
          "Verdict (the slowest bounce decides): ready <= 2 s, warning <= 10 s,\n"
          "not-ready above, unknown when the target never answered within --timeout.\n"
          "A run cut short (interrupted, or something not put back) is unknown\n"
          "whatever was measured; its verdict line says why, then what was measured.\n"
          "Watch mode judges each outage (less --down-for when given) the same way.\n"
          "Exit status: 0 ready, 1 warning, 2 not ready, 3 unknown (bad arguments,\n"
          "refused, interrupted, or no answer).\n",
          out);
}

enum {
    OPT_IFACE = 256,
    OPT_WATCH,
    OPT_SWITCH,
    OPT_PORT,
    OPT_TARGET,
    OPT_DOWN_FOR,
    OPT_COUNT,
    OPT_INTERVAL,
    OPT_TIMEOUT,
    /* OPT_TIMEOUT + 1 was --format's, a shared option now. The others keep
     * their numbers: getopt reports a value given to --force ("--force=x")
     * in optopt, the option's number, and the error message prints it. */
    OPT_PLOT = OPT_TIMEOUT + 2,
    OPT_FORCE,
    OPT_FIXED_INTERVAL,
};

/* Its own options, sorted by name; the SNMP, --format and help options are
 * cli_common.c's. */
static const struct cli_option time_options[] = {
    {"count", OPT_COUNT, required_argument, 0},
    {"down-for", OPT_DOWN_FOR, required_argument, 0},
    {"fixed-interval", OPT_FIXED_INTERVAL, no_argument, 0},
    {"force", OPT_FORCE, no_argument, 0},
    {"iface", OPT_IFACE, required_argument, 0},
    {"interval", OPT_INTERVAL, required_argument, 0},
    {"plot", OPT_PLOT, required_argument, 0},
    {"port", OPT_PORT, required_argument, 0},
    {"switch", OPT_SWITCH, required_argument, 0},
    {"target", OPT_TARGET, required_argument, 0},
    {"timeout", OPT_TIMEOUT, required_argument, 0},
    {"watch", OPT_WATCH, required_argument, 0},
    {"yes", 'y', no_argument, 0},
    {NULL, 0, 0, 0},
};

/* Returns 0 to go on, 1 after --help, -1 on a usage error (in err). */
static int parse_args(int argc, char **argv, struct timer_options *o, struct pr_error *err)
{
    struct cli_report_args report = {.writer = o->json ? &report_writer_json : NULL};
    struct cli_parser p = {
        .groups = CLI_SNMP | CLI_FORMAT | CLI_HELP,
        .options = time_options,
        .wording = CLI_WORDING_TIMER,
        .snmp = &o->snmp,
        .report = &report,
    };
    int c;
    while ((c = cli_next_option(&p, argc, argv, err)) > 0) {
        int rc = 0;
        switch (c) {
        case 'y':
            o->yes = true;
            break;
        case OPT_IFACE:
            o->iface = optarg;
            break;
        case OPT_WATCH:
            o->watch = optarg;
            break;
        case OPT_SWITCH:
            o->sw = optarg;
            break;
        case OPT_PORT:
            o->port = optarg;
            break;
        case OPT_TARGET:
            o->target = optarg;
            break;
        case OPT_PLOT:
            o->plot = optarg;
            break;
        case OPT_FORCE:
            o->force = true;
            break;
        case OPT_FIXED_INTERVAL:
            o->fixed_interval = true;
            break;
        case OPT_COUNT:
            rc = timer_parse_int_option("--count", optarg, 1, 100, &o->count, err);
            break;
        case OPT_INTERVAL:
            rc = timer_parse_int_option("--interval", optarg, 1, 1000, &o->interval_ms, err);
            break;
        case OPT_TIMEOUT:
            rc = timer_parse_int_option("--timeout", optarg, 1, 3600, &o->timeout_s, err);
            break;
        case OPT_DOWN_FOR:
            rc = timer_parse_seconds_option("--down-for", optarg, 0, 3600, &o->down_for_s, err);
            o->down_for_given = true;
            break;
        }
        if (rc < 0)
            return -1;
    }
    if (c != CLI_END)
        return c == CLI_WANTS_HELP ? 1 : -1;
    o->snmp_given = p.given.any;
    o->json = report.writer == &report_writer_json;
    if (optind < argc)
        return pr_error_set(err, PR_ERR_USAGE, "unexpected argument '%s'", argv[optind]);
    if (o->sw != NULL && cli_snmp_complete(&o->snmp, &p.given, err) != 0)
        return -1;
    return timer_options_check(o, err) < 0 ? -1 : 0;
}

struct output {
    const struct timer_options *opts;
    bool clock; /* a running clock on the terminal */
    bool clock_shown;
};

static void clear_clock(struct output *out)
{
    if (out->clock_shown) {
        fputs("\r\033[K", stderr);
        out->clock_shown = false;
    }
}

static void on_progress(void *ctx, size_t index, const char *phase, int64_t elapsed_ns)
{
    struct output *out = ctx;
    if (!out->clock)
        return;
    double s = (double)elapsed_ns / 1e9;
    if (strcmp(phase, "down") == 0)
        fprintf(stderr, "\r\033[K  bounce %zu: link down %.1f s of %.1f s", index + 1, s,
                out->opts->down_for_s);
    else if (strcmp(phase, "waiting") == 0)
        fprintf(stderr, "\r\033[K  bounce %zu: link up, no reply yet %.2f s", index + 1, s);
    else
        fprintf(stderr, "\r\033[K  outage %zu: no reply for %.2f s", index + 1, s);
    fflush(stderr);
    out->clock_shown = true;
}

static void on_done(void *ctx, const struct timer_run *run, size_t index)
{
    struct output *out = ctx;
    clear_clock(out);
    if (out->opts->json)
        return;
    char line[512];
    if (run->mode == TIMER_MODE_WATCH)
        timer_text_outage(run, index, line, sizeof line);
    else
        timer_text_bounce(run, index, line, sizeof line);
    printf("%s\n", line);
    fflush(stdout);
}

static void on_guardian_note(void *ctx, const char *what)
{
    (void)ctx;
    fprintf(stderr, "portready: %s\n", what);
}

/* What a failure needs: the options, whether JSON was asked, and the run
 * once its mode is known (NULL before: "time" is null in the document). */
struct time_cmd {
    const struct timer_options *o;
    bool json;
    const struct timer_run *run;
};

/* A failure: on stderr with the hint, as cmd_fail, and as the JSON document
 * with its error when JSON was asked. Returns PR_EXIT_UNKNOWN. */
static int time_fail(const struct time_cmd *tc, const char *hint, enum pr_error_code code,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int time_fail(const struct time_cmd *tc, const char *hint, enum pr_error_code code,
                     const char *fmt, ...)
{
    struct pr_error err;
    va_list ap;
    va_start(ap, fmt);
    err.code = code;
    vsnprintf(err.msg, sizeof err.msg, fmt, ap);
    va_end(ap);
    if (tc->json) {
        struct timer_summary s;
        struct pr_error ignored;
        bool summed = tc->run != NULL && timer_summarize(tc->run, &s, &ignored) == 0;
        timer_json_write(stdout, summed ? tc->run : NULL, &s, &err, true);
        fflush(stdout);
    }
    return cmd_fail(hint, "%s", err.msg);
}

/* The user's consent to take the link down: --yes, or typing the name of
 * what goes down on a terminal. */
static int confirm(const struct time_cmd *tc, const char *what, const char *name)
{
    const struct timer_options *o = tc->o;
    if (o->yes)
        return 0;
    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return time_fail(tc, "Add --yes to confirm.", PR_ERR_USAGE,
                         "refusing to take %s down without --yes (or a typed confirmation on a "
                         "terminal)",
                         what);
    fprintf(stderr, "This takes %s down %d time(s) for %.1f s each.\nType '%s' to go on: ", what,
            o->count, o->down_for_s, name);
    fflush(stderr);
    char line[128];
    if (fgets(line, sizeof line, stdin) == NULL)
        return time_fail(tc, NULL, PR_ERR_USAGE, "not confirmed: nothing was taken down");
    line[strcspn(line, "\r\n")] = '\0';
    if (strcmp(line, name) != 0)
        return time_fail(tc, NULL, PR_ERR_USAGE,
                         "not confirmed ('%s' is not '%s'): nothing was taken down", line, name);
    return 0;
}

static int prepare_local(const struct time_cmd *tc, struct timer_lock *lock)
{
    const struct timer_options *o = tc->o;
    struct pr_error err;
    pr_error_clear(&err);
    if (!timer_priv_has_net_admin())
        return time_fail(tc,
                         "Run it as root, or grant the capability: "
                         "setcap cap_net_admin,cap_net_raw+ep $(command -v portready)",
                         PR_ERR_PERMISSION,
                         "portready time needs CAP_NET_ADMIN to take %s down and up", o->iface);
    int ifindex;
    unsigned flags;
    uint8_t mac[6];
    if (timer_link_info(o->iface, &ifindex, &flags, mac, &err) < 0)
        return time_fail(tc, NULL, err.code, "%s", err.msg);
    /* Keyed on the index: the same interface by an altname is the same. */
    char lock_key[64], lock_what[64];
    snprintf(lock_key, sizeof lock_key, "iface/%d", ifindex);
    snprintf(lock_what, sizeof lock_what, "iface/%s", o->iface);
    if (timer_lock_acquire(lock, lock_key, lock_what, &err) < 0)
        return time_fail(tc, NULL, err.code, "%s", err.msg);
    if (!o->force) {
        if (timer_safety_check_ssh(getenv("SSH_CONNECTION"), ifindex, o->iface, &err) < 0 ||
            timer_safety_check_default_route(ifindex, o->iface, &err) < 0)
            return time_fail(tc, NULL, err.code, "%s", err.msg);
    }
    return confirm(tc, o->iface, o->iface);
}

/* The plot, then the report: a plot that cannot be written is the run's
 * error, in the JSON document too. */
static int report(const struct time_cmd *tc, struct timer_run *run)
{
    const struct timer_options *o = tc->o;
    struct timer_summary s;
    struct pr_error err;
    pr_error_clear(&err);
    if (timer_summarize(run, &s, &err) < 0)
        return time_fail(tc, NULL, err.code, "%s", err.msg);
    if (o->plot != NULL) {
        FILE *f = fopen(o->plot, "w");
        if (f == NULL)
            return time_fail(tc, NULL, PR_ERR_IO, "cannot write the plot to %s: %s", o->plot,
                             strerror(errno));
        int rc = timer_svg_write(f, run, &err);
        if (fclose(f) != 0 || rc < 0)
            return time_fail(tc, NULL, PR_ERR_IO, "cannot write the plot to %s", o->plot);
    }
    if (run->interrupted)
        pr_error_set(&err, PR_ERR_INTERRUPTED, "interrupted: the measurement is incomplete");
    if (o->json)
        timer_json_write(stdout, run, &s, run->interrupted ? &err : NULL, true);
    else
        timer_text_summary(stdout, run, &s);
    fflush(stdout);
    return timer_exit_code(run, &s);
}

/* What the run will measure, from the options, so that a document written
 * before the measurement began says it too (the run functions fill in the
 * rest). */
static void run_settings(struct timer_run *run, const struct timer_options *o)
{
    if (o->iface != NULL)
        pr_strlcpy(run->iface, o->iface, sizeof run->iface);
    const char *target = o->watch != NULL ? o->watch : o->target;
    if (target != NULL)
        pr_strlcpy(run->target, target, sizeof run->target);
    if (o->sw != NULL) {
        pr_strlcpy(run->sw, o->sw, sizeof run->sw);
        pr_strlcpy(run->port, o->port, sizeof run->port);
    }
    run->interval_ms = o->interval_ms;
    run->adaptive = !o->fixed_interval;
    run->timeout_s = o->timeout_s;
    run->count = o->count;
    run->down_for_s = o->watch != NULL && !o->down_for_given ? -1 : o->down_for_s;
}

int cmd_time(int argc, char **argv)
{
    struct timer_options o;
    timer_options_defaults(&o);
    struct pr_error err;
    pr_error_clear(&err);
    struct time_cmd tc = {.o = &o};
    int parsed = parse_args(argc, argv, &o, &err);
    if (parsed > 0) {
        usage(stdout);
        return PR_EXIT_READY;
    }
    if (parsed < 0) {
        tc.json = cli_wants_json(argc, argv);
        return time_fail(&tc, HINT, err.code, "%s", err.msg);
    }
    tc.json = o.json;

    struct output out = {.opts = &o, .clock = isatty(STDERR_FILENO) != 0};
    struct timer_hooks hooks = {
        .progress = on_progress, .done = on_done, .guardian_note = on_guardian_note, .ctx = &out};
    struct timer_run run;
    timer_run_init(&run, o.iface != NULL ? TIMER_MODE_LOCAL
                         : o.sw != NULL  ? TIMER_MODE_SWITCH
                                         : TIMER_MODE_WATCH);
    run_settings(&run, &o);
    tc.run = &run;
    struct timer_lock lock = TIMER_LOCK_NONE;
    int rc;
    if (o.iface != NULL) {
        rc = prepare_local(&tc, &lock);
        if (rc != 0) {
            timer_lock_release(&lock);
            return rc;
        }
        timer_signals_install();
        struct timer_local_config cfg = {.iface = o.iface,
                                         .target = o.target,
                                         .interval_ms = o.interval_ms,
                                         .down_for_s = o.down_for_s,
                                         .timeout_s = o.timeout_s,
                                         .count = o.count};
        rc = timer_local_run(&cfg, &hooks, &run, &err);
    } else if (o.sw != NULL) {
        struct timer_switch_config cfg = {.host = o.sw,
                                          .port = o.port,
                                          .target = o.target,
                                          .snmp = &o.snmp,
                                          .interval_ms = o.interval_ms,
                                          .down_for_s = o.down_for_s,
                                          .timeout_s = o.timeout_s,
                                          .count = o.count};
        char lock_name[400];
        snprintf(lock_name, sizeof lock_name, "switch/%s/%s", o.sw, o.port);
        if (timer_lock_acquire(&lock, lock_name, lock_name, &err) < 0)
            return time_fail(&tc, NULL, err.code, "%s", err.msg);
        struct pr_snmp_source *src = timer_switch_open(&cfg, &run, &err);
        if (src == NULL) {
            timer_lock_release(&lock);
            return time_fail(&tc, NULL, err.code, "%s", err.msg);
        }
        char what[600];
        snprintf(what, sizeof what, "port %s of %s", o.port, o.sw);
        rc = confirm(&tc, what, o.port);
        if (rc != 0) {
            pr_snmp_source_close(src);
            timer_lock_release(&lock);
            return rc;
        }
        timer_signals_install();
        rc = timer_switch_run(&cfg, src, &hooks, &run, &err);
    } else {
        timer_signals_install();
        struct timer_watch_config cfg = {.target = o.watch,
                                         .interval_ms = o.interval_ms,
                                         .timeout_s = o.timeout_s,
                                         .count = o.count,
                                         .down_for_s = run.down_for_s};
        rc = timer_watch_run(&cfg, &hooks, &run, &err);
    }
    clear_clock(&out);
    if (rc < 0) {
        timer_lock_release(&lock);
        rc = time_fail(&tc, NULL, err.code, "%s", err.msg);
        timer_run_free(&run);
        return rc;
    }
    if (run.interrupted)
        fprintf(stderr, "portready: interrupted%s\n",
                run.not_restored > 0 ? ""
                : o.iface != NULL    ? "; the link is up again with its addresses and routes"
                : o.sw != NULL       ? "; the switch port is enabled again"
                                     : "");
    if (run.not_restored > 0 && o.iface != NULL)
        fprintf(stderr,
                "portready: %s is not as it was: %u of what it had could not be put back: %s\n",
                o.iface, run.not_restored, run.not_restored_what);
    else if (run.not_restored > 0)
        fprintf(stderr, "portready: port %s of %s could not be put back: %s\n", o.port, o.sw,
                run.not_restored_what);
    int code = report(&tc, &run);
    timer_lock_release(&lock);
    timer_run_free(&run);
    return code;
}
