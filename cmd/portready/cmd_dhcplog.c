/* SPDX-License-Identifier: BSD-3-Clause */
/* portready dhcp-log: reads ISC dhcpd's syslog and says, per client MAC,
 * where the latest DHCP handshake stopped. */
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd_locate.h"
#include "cli_json.h"
#include "commands.h"
#include "dhcplog/dhcplog_input.h"
#include "dhcplog/dhcplog_mac.h"
#include "dhcplog/dhcplog_reader.h"
#include "dhcplog/dhcplog_track.h"
#include "dhcplog/dhcplog_verdict.h"
#include "report/report.h"
#include "util/json.h"
#include "util/walltime.h"
#include "util/safe_text.h"

static const char hint[] = "Try 'portready dhcp-log --help'.";

static void print_help(FILE *out)
{
    fputs("Usage: portready dhcp-log [OPTIONS] [FILE|-]\n"
          "\n"
          "Reads ISC dhcpd's syslog lines from FILE, or from standard input with - or\n"
          "with no FILE (when standard input is not a terminal), with classic stamps\n"
          "(\"May 14 10:21:03 host dhcpd[812]: ...\") or RFC 3339 stamps as journald and\n"
          "rsyslog write them; dnsmasq's and Kea's lines too, in syslog framing, as\n"
          "journalctl prints them (short-iso or json output) or in the servers' own log\n"
          "files, recognised line by line; groups DISCOVER, OFFER, REQUEST, ACK and NAK\n"
          "per client MAC and says where each client's latest attempt stopped. A complete\n"
          "handshake followed a few seconds later by a slow or failing new round\n"
          "(chainload: iPXE re-initialised the NIC) points at a switch port that blocks\n"
          "after link-up: check it with 'portready check'.\n"
          "\n"
          "Options:\n"
          "  -m, --mac MAC        only this client: aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF or\n"
          "                       aabb.ccdd.eeff (not-seen when no DISCOVER came from it)\n"
          "  -s, --since TIME     ignore lines before TIME: RFC 3339, HH:MM[:SS] today, or a\n"
          "                       duration before now (90s, 10m, 2h, 1d)\n"
          "  -f, --follow         keep reading as FILE grows, across rotation (like tail -F),\n"
          "                       printing each handshake as it settles; the report follows\n"
          "                       when reading stops (SIGINT, SIGTERM or --exit-after)\n"
          "      --exit-after S   with --follow: stop after S seconds\n"
          "      --chainload-time S  the chainload's own time (the boot file's transfer\n"
          "                       and start, as the TFTP log or a console shows it): a\n"
          "                       retry round's blackout is its gap after the lease less\n"
          "                       S (without it the gap is an upper bound, \"at most\")\n"
          "      --format FORMAT  text (default) or json\n"
          "  -i, --inventory FILE locate every client whose handshake failed or was slow\n"
          "                       on the switches of an inventory (as locate does), judge\n"
          "                       its port, and join symptom, port and verdict in one line\n"
          "      --fix            with --inventory: the configuration that fixes each port\n"
          "  -h, --help           show this help and exit\n"
          "\n"
          "Verdicts: complete, slow-renew, no-offer, no-request, no-ack, nak,\n"
          "renew-failed, not-seen. A new round beginning 7 s or more after a lease (less\n"
          "the chainload's time) is slow-renew: iPXE, the earliest client to give up,\n"
          "sends its last DISCOVER 7 s after link-up. Malformed lines and lines over 8192\n"
          "bytes are skipped and counted.\n"
          "\n"
          "Exit status: 0 every handshake complete, 1 slow only (slow-renew), 2 at least\n"
          "one failed handshake, 3 unreadable input, no dhcpd line in it, or bad\n"
          "arguments.\n",
          out);
}

struct dhcplog_cli {
    const char *path;
    bool json;
    bool follow;
    double exit_after_s;
    bool color;
    struct dhcplog_options options;
    const char *inventory; /* --inventory */
    bool fix;              /* --fix */
    struct locate_result located;
    int64_t started_ns;  /* wall clock, for the JSON document */
    struct pr_error err; /* a usage error, for the JSON document */
    int evidence_fd;     /* the file read once, for the evidence kept by offset; -1 none */
};

/* The evidence lines of r, read back from the file when kept by offset. */
static void load_evidence(const struct dhcplog_cli *cli, struct dhcplog_result *r)
{
    if (cli->evidence_fd >= 0)
        (void)dhcplog_result_load(r, cli->evidence_fd); /* a lost line says so itself */
}

/* The port of a client --inventory located; NULL when none was asked. */
static const struct locate_answer *located(const struct dhcplog_cli *cli, uint64_t mac)
{
    return locate_result_find(&cli->located, mac);
}

static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static int parse_args(int argc, char **argv, struct dhcplog_cli *cli, bool *help)
{
    static const struct option longopts[] = {
        {"chainload-time", required_argument, NULL, 'C'},
        {"exit-after", required_argument, NULL, 'E'},
        {"fix", no_argument, NULL, 'X'},
        {"follow", no_argument, NULL, 'f'},
        {"format", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {"inventory", required_argument, NULL, 'i'},
        {"mac", required_argument, NULL, 'm'},
        {"since", required_argument, NULL, 's'},
        {NULL, 0, NULL, 0},
    };
    const char *since = NULL;
    bool have_exit_after = false;
    int64_t now = dhcplog_time_now();
    cli->options.now_us = now;
    optind = 0; /* GNU getopt: start over (tests call commands in-process) */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":fhi:m:s:", longopts, NULL)) != -1) {
        switch (c) {
        case 'E': {
            char *end;
            cli->exit_after_s = strtod(optarg, &end);
            if (end == optarg || *end != '\0' || !(cli->exit_after_s > 0) ||
                cli->exit_after_s > 1e7)
                return cmd_fail_usage(&cli->err, hint,
                                      "--exit-after '%s' is not a number of seconds", optarg);
            have_exit_after = true;
            break;
        }
        case 'C': {
            char *end;
            double s = strtod(optarg, &end);
            if (end == optarg || *end != '\0' || !(s >= 0) || s > 600)
                return cmd_fail_usage(&cli->err, hint,
                                      "--chainload-time '%s' is not a number of seconds (0 to 600)",
                                      optarg);
            cli->options.chainload_us = (int64_t)(s * 1e6 + 0.5);
            break;
        }
        case 'f':
            cli->follow = true;
            break;
        case 'i':
            cli->inventory = optarg;
            break;
        case 'X':
            cli->fix = true;
            break;
        case 'F':
            if (strcmp(optarg, "json") == 0)
                cli->json = true;
            else if (strcmp(optarg, "text") != 0)
                return cmd_fail_usage(&cli->err, hint, "--format '%s': expected text or json",
                                      optarg);
            break;
        case 'h':
            *help = true;
            return 0;
        case 'm':
            if (!dhcplog_mac_parse(optarg, &cli->options.mac))
                return cmd_fail_usage(&cli->err, hint,
                                      "--mac '%s' is not a MAC address (aa:bb:cc:dd:ee:ff, "
                                      "AA-BB-CC-DD-EE-FF or aabb.ccdd.eeff)",
                                      optarg);
            cli->options.have_mac = true;
            break;
        case 's':
            since = optarg;
            break;
        case ':':
            return cmd_fail_usage(&cli->err, hint, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cmd_fail_usage(&cli->err, hint, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (since != NULL) {
        struct pr_error err = {0};
        if (dhcplog_since_parse(since, now, &cli->options.since_us, &err) != 0)
            return cmd_fail_usage(&cli->err, hint, "%s", err.msg);
        cli->options.have_since = true;
    }
    if (cli->fix && cli->inventory == NULL)
        return cmd_fail_usage(&cli->err, hint,
                              "--fix needs --inventory (the ports to fix are located there)");
    if (have_exit_after && !cli->follow)
        return cmd_fail_usage(&cli->err, hint, "--exit-after needs --follow");
    if (optind + 1 < argc)
        return cmd_fail_usage(&cli->err, hint, "one log file at a time: '%s' is one too many",
                              argv[optind + 1]);
    if (optind < argc) {
        cli->path = argv[optind];
        return 0;
    }
    /* No FILE: standard input, as other filters read it, unless it is a
     * terminal nobody is going to type a log into. */
    if (isatty(STDIN_FILENO))
        return cmd_fail_usage(&cli->err, hint,
                              "no log file given, and standard input is a terminal: give FILE, "
                              "or pipe the log in (- reads standard input)");
    cli->path = "-";
    return 0;
}

/* Colours for the verdict word, on a terminal only and never with NO_COLOR. */
static const char *verdict_color(const struct dhcplog_cli *cli, enum dhcplog_verdict v)
{
    if (!cli->color)
        return "";
    static const char *const colors[] = {"\033[32m", "\033[33m", "\033[31m"};
    return colors[dhcplog_verdict_severity(v)];
}

static const char *color_end(const struct dhcplog_cli *cli)
{
    return cli->color ? "\033[0m" : "";
}

/* Text from the log, fit for a terminal (util/safe_text.h), in buf. */
static const char *safe(char *buf, size_t len, const char *text)
{
    pr_text_safe(buf, len, text);
    return buf;
}

static const char lease_last_note[] =
    "the last event is a lease: whether the install went on (the boot file over TFTP, iPXE's "
    "DHCP, the installer's) is in the TFTP/HTTP logs: portready boot-log";

static void print_text_result(const struct dhcplog_cli *cli, const struct dhcplog_mac_state *ms,
                              const struct dhcplog_result *r)
{
    char mac[DHCPLOG_MAC_TEXT], ip[16], text[DHCPLOG_LINE_MAX + 1];
    dhcplog_mac_format(ms->mac, mac);
    printf("%s  %s%s%s", mac, verdict_color(cli, r->verdict), dhcplog_verdict_name(r->verdict),
           color_end(cli));
    const struct locate_answer *port = located(cli, ms->mac);
    if (port != NULL) {
        /* One line: symptom, place, cause. */
        int64_t took = r->time_to_ack_us >= 0 ? r->time_to_ack_us
                       : r->have_discover     ? r->attempt->last_us - r->first_discover_us
                                              : -1;
        char line[512];
        locate_line(port, line, sizeof line);
        if (took >= 0)
            printf(" after %.1f s", (double)took / 1e6);
        printf("  %s\n", line);
    } else {
        if (r->via != NULL)
            printf("  %s %s", r->via_relay ? "relay" : "via", safe(text, sizeof text, r->via));
        if (r->ip != 0) {
            dhcplog_ip_format(r->ip, ip);
            printf("  %s", ip);
        }
        putchar('\n');
    }
    printf("  reason: %s\n", safe(text, sizeof text, r->reason));
    if (r->verdict == DHCPLOG_COMPLETE)
        printf("  next: a lease is the last this log can show; whether the install went on (the "
               "TFTP boot file, iPXE's DHCP after it, HTTP) needs the other servers' logs: "
               "portready boot-log\n");
    if (r->time_to_ack_us >= 0)
        printf("  first DISCOVER to ACK: %.1f s\n", (double)r->time_to_ack_us / 1e6);
    else
        printf("  first DISCOVER to ACK: no ACK\n");
    if (r->blackout_us >= 0)
        printf("  lease to the next round's first DISCOVER: %.1f s; estimated blackout: %s%.1f s\n",
               (double)r->gap_us / 1e6, ms->chainload_us > 0 ? "" : "at most ",
               (double)r->blackout_us / 1e6);
    if (r->lease_last)
        printf("  %s\n", lease_last_note);
    if (r->evidence_count > 0)
        printf("  evidence:\n");
    for (size_t i = 0; i < r->evidence_count; i++) {
        if (r->omitted > 0 && i == r->omitted_after)
            printf("    ... %zu more line%s ...\n", r->omitted, r->omitted == 1 ? "" : "s");
        printf("    %s\n", safe(text, sizeof text, r->evidence[i]));
    }
    if (port != NULL && port->port != NULL) {
        struct report_options ropts = {.out = stdout, .color = cli->color, .fix = cli->fix};
        printf("  port:\n");
        report_text_port(&ropts, port->port);
    }
}

static void print_text(const struct dhcplog_cli *cli, const struct dhcplog_tracker *t,
                       unsigned counts[])
{
    size_t n = dhcplog_tracker_count(t);
    for (size_t i = 0; i < n; i++) {
        const struct dhcplog_mac_state *ms = dhcplog_tracker_get(t, i);
        struct dhcplog_result r;
        dhcplog_classify(ms, &r);
        load_evidence(cli, &r);
        if (i > 0)
            putchar('\n');
        print_text_result(cli, ms, &r);
    }
    if (n > 0)
        putchar('\n');
    printf("%zu client%s:", n, n == 1 ? "" : "s");
    bool first = true;
    for (int v = DHCPLOG_COMPLETE; v <= DHCPLOG_NOT_SEEN; v++) {
        if (counts[v] == 0)
            continue;
        printf("%s %u %s", first ? "" : ",", counts[v], dhcplog_verdict_name(v));
        first = false;
    }
    if (first)
        printf(" none");
    const struct dhcplog_stats *s = dhcplog_tracker_stats(t);
    printf("\n%llu line%s read, %llu from DHCP servers; skipped: %llu malformed, %llu overlong",
           (unsigned long long)s->lines, s->lines == 1 ? "" : "s",
           (unsigned long long)s->dhcpd_lines, (unsigned long long)s->malformed,
           (unsigned long long)s->overlong);
    if (cli->options.have_since)
        printf(", %llu before --since", (unsigned long long)s->before_since);
    if (s->restarts > 0)
        printf("; the server restarted %llu time%s", (unsigned long long)s->restarts,
               s->restarts == 1 ? "" : "s");
    putchar('\n');
}

/* A log time as RFC 3339 text in buf, or NULL when there is none. */
static const char *time_text(bool have, int64_t us, char *buf, size_t len)
{
    if (!have)
        return NULL;
    dhcplog_time_format(us, buf, len);
    return buf;
}

static void print_json_result(const struct dhcplog_cli *cli, struct json_out *j,
                              const struct dhcplog_mac_state *ms, const struct dhcplog_result *r)
{
    const struct dhcplog_attempt *a = r->attempt;
    char mac[DHCPLOG_MAC_TEXT], ip[16], when[40];
    dhcplog_mac_format(ms->mac, mac);
    json_begin_object(j);
    json_key(j, "mac");
    json_string(j, mac);
    json_key(j, "verdict");
    json_string(j, dhcplog_verdict_name(r->verdict));
    json_key(j, "reason");
    json_string(j, r->reason);
    json_key(j, "dhcpd_reason");
    json_string(j, r->dhcpd_reason);
    json_key(j, "interface");
    json_string(j, r->via != NULL && !r->via_relay ? r->via : NULL);
    json_key(j, "relay");
    json_string(j, r->via != NULL && r->via_relay ? r->via : NULL);
    json_key(j, "ip");
    dhcplog_ip_format(r->ip, ip);
    json_string(j, r->ip != 0 ? ip : NULL);
    json_key(j, "first_discover");
    json_string(j, time_text(r->have_discover, r->first_discover_us, when, sizeof when));
    json_key(j, "ack");
    json_string(j, time_text(a->acks > 0, a->ack_us, when, sizeof when));
    json_key(j, "time_to_ack_s");
    json_double_or_null(j, r->time_to_ack_us >= 0, (double)r->time_to_ack_us / 1e6, 3);
    static const char *const count_keys[] = {"discovers", "offers", "requests", "acks", "naks"};
    const unsigned counts[] = {a->discovers, a->offers, a->requests, a->acks, a->naks};
    for (size_t i = 0; i < 5; i++) {
        json_key(j, count_keys[i]);
        json_int(j, counts[i]);
    }
    json_key(j, "attempts");
    json_int(j, ms->attempts);
    json_key(j, "retry_round");
    if (r->chained) {
        json_begin_object(j);
        json_key(j, "first_round_s");
        json_double(j, (double)r->first_round_us / 1e6, 3);
        json_key(j, "gap_s");
        json_double(j, (double)r->gap_us / 1e6, 3);
        json_key(j, "round_s");
        json_double(j, (double)r->round_us / 1e6, 3);
        json_key(j, "blackout_s");
        json_double_or_null(j, r->blackout_us >= 0, (double)r->blackout_us / 1e6, 3);
        json_key(j, "completed");
        json_bool(j, a->acks > 0);
        json_end_object(j);
    } else {
        json_null(j);
    }
    json_key(j, "earlier_slow_round_s");
    json_double_or_null(j, ms->chain_slow_us > 0, (double)ms->chain_slow_us / 1e6, 3);
    json_key(j, "earlier_blackout_s");
    json_double_or_null(j, ms->chain_blackout_us > 0, (double)ms->chain_blackout_us / 1e6, 3);
    json_key(j, "dhcpd_restarted");
    json_bool(j, a->restarted);
    json_key(j, "lease_last");
    json_bool(j, r->lease_last);
    json_key(j, "evidence");
    json_begin_array(j);
    for (size_t i = 0; i < r->evidence_count; i++)
        json_string(j, r->evidence[i]);
    json_end_array(j);
    json_key(j, "evidence_omitted");
    json_int(j, (int64_t)r->omitted);
    if (cli->inventory != NULL)
        locate_json_port(j, located(cli, ms->mac));
    json_end_object(j);
}

/* The document: the clients of t (NULL: none, the command failed before
 * reading), the summary, and err as "error" (NULL: null). */
static void print_json(const struct dhcplog_cli *cli, const struct dhcplog_tracker *t,
                       const unsigned counts[], const struct pr_error *err)
{
    struct json_out j;
    json_init(&j, stdout, true);
    json_begin_object(&j);
    json_key(&j, "portready");
    json_int(&j, 1);
    json_key(&j, "timestamp");
    json_wall_time(&j, cli->started_ns, 3);
    json_key(&j, "dhcp");
    json_begin_array(&j);
    size_t n = t != NULL ? dhcplog_tracker_count(t) : 0;
    for (size_t i = 0; i < n; i++) {
        const struct dhcplog_mac_state *ms = dhcplog_tracker_get(t, i);
        struct dhcplog_result r;
        dhcplog_classify(ms, &r);
        load_evidence(cli, &r);
        print_json_result(cli, &j, ms, &r);
    }
    json_end_array(&j);
    static const struct dhcplog_stats none;
    const struct dhcplog_stats *s = t != NULL ? dhcplog_tracker_stats(t) : &none;
    json_key(&j, "summary");
    json_begin_object(&j);
    json_key(&j, "clients");
    json_int(&j, (int64_t)n);
    json_key(&j, "verdicts");
    json_begin_object(&j);
    char key[32];
    for (int v = DHCPLOG_COMPLETE; v <= DHCPLOG_NOT_SEEN; v++) {
        cli_json_name_key(dhcplog_verdict_name(v), key, sizeof key);
        json_key(&j, key);
        json_int(&j, counts[v]);
    }
    /* Deprecated: the verdict names as keys ("slow-renew"), as schema 1
     * first had them; kept beside the snake_case keys (docs/json.md). */
    for (int v = DHCPLOG_COMPLETE; v <= DHCPLOG_NOT_SEEN; v++) {
        cli_json_name_key(dhcplog_verdict_name(v), key, sizeof key);
        if (strcmp(key, dhcplog_verdict_name(v)) == 0)
            continue;
        json_key(&j, dhcplog_verdict_name(v));
        json_int(&j, counts[v]);
    }
    json_end_object(&j);
    static const char *const keys[] = {"lines",    "dhcpd_lines",  "other_lines",   "malformed",
                                       "overlong", "before_since", "dhcpd_restarts"};
    const uint64_t values[] = {s->lines,    s->dhcpd_lines,  s->other,   s->malformed,
                               s->overlong, s->before_since, s->restarts};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        json_key(&j, keys[i]);
        json_int(&j, (int64_t)values[i]);
    }
    json_end_object(&j);
    json_key(&j, "error");
    json_error(&j, err);
    json_end_object(&j);
    json_finish(&j);
}

/* --follow, text: one line per handshake as it settles (ACK or NAK). */
static void print_settled(void *ctx, const struct dhcplog_mac_state *ms)
{
    const struct dhcplog_cli *cli = ctx;
    struct dhcplog_result r;
    dhcplog_classify(ms, &r);
    char mac[DHCPLOG_MAC_TEXT], ip[16], when[16] = "", via[DHCPLOG_LINE_MAX + 1];
    dhcplog_mac_format(ms->mac, mac);
    dhcplog_ip_format(r.ip, ip);
    int64_t at = r.attempt->acks > 0 ? r.attempt->ack_us : r.attempt->nak_us;
    time_t t = (time_t)(at / DHCPLOG_US_PER_S);
    struct tm tm;
    if (localtime_r(&t, &tm) != NULL)
        strftime(when, sizeof when, "%H:%M:%S", &tm);
    printf("%s %s %s%s%s", when, mac, verdict_color(cli, r.verdict),
           dhcplog_verdict_name(r.verdict), color_end(cli));
    if (r.time_to_ack_us >= 0)
        printf(" %.1f s", (double)r.time_to_ack_us / 1e6);
    printf(" %s", r.ip != 0 ? ip : "-");
    if (r.via != NULL)
        printf(" %s %s", r.via_relay ? "relay" : "via", safe(via, sizeof via, r.via));
    putchar('\n');
    fflush(stdout);
}

/* What the splitter's callbacks see. */
struct reading {
    struct dhcplog_tracker *tracker;
    const struct dhcplog_splitter *sp;
    bool by_offset; /* the input is a regular file read once: no copies */
};

static int on_line(void *ctx, const char *line, size_t len)
{
    struct reading *rd = ctx;
    if (rd->by_offset)
        return dhcplog_tracker_line_at(rd->tracker, line, len, rd->sp->line_offset);
    return dhcplog_tracker_line(rd->tracker, line, len);
}

static void on_overlong(void *ctx)
{
    dhcplog_tracker_overlong(((struct reading *)ctx)->tracker);
}

/* The file, opened for reading the evidence back: only a regular file
 * read once (not standard input, not followed); -1 otherwise. */
static int open_for_evidence(const struct dhcplog_cli *cli)
{
    if (cli->follow || strcmp(cli->path, "-") == 0)
        return -1;
    int fd = open(cli->path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* --inventory: every client whose handshake failed or was slow, located on
 * the inventory's switches and its port judged. */
static int locate_failed(struct dhcplog_cli *cli, const struct dhcplog_tracker *t,
                         struct pr_error *err)
{
    size_t n = dhcplog_tracker_count(t), n_macs = 0;
    uint64_t *macs = calloc(n ? n : 1, sizeof *macs);
    for (size_t i = 0; macs != NULL && i < n; i++) {
        const struct dhcplog_mac_state *ms = dhcplog_tracker_get(t, i);
        struct dhcplog_result r;
        dhcplog_classify(ms, &r);
        if (dhcplog_verdict_severity(r.verdict) > 0)
            macs[n_macs++] = ms->mac;
    }
    int rc = macs == NULL ? pr_error_set(err, PR_ERR_INTERNAL, "out of memory")
                          : locate_inventory_macs(cli->inventory, macs, n_macs, &cli->located, err);
    free(macs);
    return rc;
}

/* A failure before anything was read: on stderr, and as the document
 * (no client, err as "error") when JSON was asked. */
static int fail_before_reading(const struct dhcplog_cli *cli, const char *hint_text,
                               const struct pr_error *err)
{
    if (cli->json) {
        static const unsigned zero[DHCPLOG_NOT_SEEN + 1];
        print_json(cli, NULL, zero, err);
        fflush(stdout);
    }
    return cmd_fail(hint_text, "%s", err->msg);
}

static int run(struct dhcplog_cli *cli, struct dhcplog_tracker *t)
{
    struct pr_error err = {0};
    struct dhcplog_splitter sp;
    struct reading rd = {.tracker = t, .sp = &sp};
    if (dhcplog_splitter_init(&sp, DHCPLOG_LINE_MAX, on_line, on_overlong, &rd, &err) != 0)
        return fail_before_reading(cli, NULL, &err);
    cli->evidence_fd = open_for_evidence(cli);
    rd.by_offset = cli->evidence_fd >= 0;
    struct dhcplog_input_options in = {.follow = cli->follow,
                                       .follow_ms = (int64_t)(cli->exit_after_s * 1000),
                                       .stop = &stop_requested};
    struct sigaction act = {0}, old_int, old_term;
    if (cli->follow) {
        act.sa_handler = on_stop_signal; /* no SA_RESTART: a blocked read returns */
        sigemptyset(&act.sa_mask);
        stop_requested = 0;
        sigaction(SIGINT, &act, &old_int);
        sigaction(SIGTERM, &act, &old_term);
        if (!cli->json)
            dhcplog_tracker_on_settled(t, print_settled, cli);
    }
    int rc = dhcplog_input_read(cli->path, &sp, &in, &err);
    if (cli->follow) {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        dhcplog_tracker_on_settled(t, NULL, NULL);
    }
    dhcplog_splitter_free(&sp);

    unsigned counts[DHCPLOG_NOT_SEEN + 1] = {0};
    int worst = PR_EXIT_READY;
    size_t n = dhcplog_tracker_count(t);
    for (size_t i = 0; i < n; i++) {
        struct dhcplog_result r;
        dhcplog_classify(dhcplog_tracker_get(t, i), &r);
        counts[r.verdict]++;
        int severity = dhcplog_verdict_severity(r.verdict);
        if (severity > worst)
            worst = severity;
    }
    bool no_dhcpd = rc == 0 && n == 0 && dhcplog_tracker_stats(t)->dhcpd_lines == 0;
    if (no_dhcpd)
        cli_error(&err, PR_ERR_INPUT, "no line of dhcpd, dnsmasq or Kea in %s",
                  strcmp(cli->path, "-") == 0 ? "standard input" : cli->path);
    /* --inventory: the ports of the clients that failed or were slow. */
    if (rc == 0 && !no_dhcpd && cli->inventory != NULL && locate_failed(cli, t, &err) != 0)
        rc = -1;
    /* JSON: one document, also when the input could not be read (with
     * what was read before, and the error). */
    if (cli->json) {
        print_json(cli, t, counts, rc != 0 || no_dhcpd ? &err : NULL);
        fflush(stdout);
    }
    if (rc != 0)
        return cmd_fail(NULL, "%s", err.msg);
    if (!cli->json) {
        if (cli->follow)
            printf("\n");
        print_text(cli, t, counts);
        fflush(stdout);
    }
    if (no_dhcpd)
        return cmd_fail("Is it the DHCP server's log? dhcp-log reads the lines of ISC dhcpd, "
                        "dnsmasq and Kea.",
                        "%s", err.msg);
    return worst == 1 ? PR_EXIT_WARNING : worst == 2 ? PR_EXIT_NOT_READY : PR_EXIT_READY;
}

int cmd_dhcplog(int argc, char **argv)
{
    struct dhcplog_cli cli = {0};
    cli.started_ns = pr_wall_now_ns();
    bool help = false;
    if (parse_args(argc, argv, &cli, &help) != 0) {
        /* parse_args said it on stderr; the document too when JSON was
         * asked, also before --format was reached. */
        if (cli_wants_json(argc, argv)) {
            static const unsigned zero[DHCPLOG_NOT_SEEN + 1];
            print_json(&cli, NULL, zero, &cli.err);
            fflush(stdout);
        }
        return PR_EXIT_UNKNOWN;
    }
    if (help) {
        print_help(stdout);
        return PR_EXIT_READY;
    }
    const char *no_color = getenv("NO_COLOR");
    cli.color = isatty(STDOUT_FILENO) && (no_color == NULL || no_color[0] == '\0');
    struct pr_error err = {0};
    struct dhcplog_tracker *t = dhcplog_tracker_new(&cli.options, &err);
    if (t == NULL)
        return fail_before_reading(&cli, NULL, &err);
    cli.evidence_fd = -1;
    int rc = run(&cli, t);
    if (cli.evidence_fd >= 0)
        close(cli.evidence_fd);
    locate_result_free(&cli.located);
    dhcplog_tracker_free(t);
    return rc;
}
