/* SPDX-License-Identifier: BSD-3-Clause */
/* portready boot-log: the DHCP, TFTP and HTTP logs of a PXE install merged
 * into one timeline per machine, and the stage that failed. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bootlog/bootlog_reason.h"
#include "bootlog/bootlog_timeline.h"
#include "cli_json.h"
#include "cmd_locate.h"
#include "commands.h"
#include "dhcplog/dhcplog_input.h"
#include "dhcplog/dhcplog_line.h"
#include "dhcplog/dhcplog_mac.h"
#include "dhcplog/dhcplog_reader.h"
#include "report/report.h"
#include "util/json.h"
#include "util/safe_text.h"
#include "util/walltime.h"

static const char hint[] = "Try 'portready boot-log --help'.";

static void print_help(FILE *out)
{
    fputs("Usage: portready boot-log [OPTIONS] FILE...\n"
          "\n"
          "Merges the logs of every server a PXE install touches into one timeline per\n"
          "machine: DHCP (ISC dhcpd, dnsmasq, Kea, in every framing dhcp-log reads), TFTP\n"
          "(tftpd-hpa's \"RRQ from IP filename F\", dnsmasq's \"sent F to IP\" and \"file F\n"
          "not found\") and HTTP access logs (nginx and Apache, common or combined\n"
          "format), recognised line by line, in any order of files; - is standard input.\n"
          "A fetch belongs to the MAC whose ACK gave its address out last. The stages:\n"
          "firmware DHCP, the boot file over TFTP, iPXE's DHCP after the chainload, the\n"
          "script, kernel and initrd, the installer's DHCP, the preseed or kickstart file;\n"
          "boot-log names the stage that failed and what the server's console said.\n"
          "\n"
          "Options:\n"
          "      --format FORMAT  text (default) or json\n"
          "  -i, --inventory FILE locate every machine whose boot failed or was slow on the\n"
          "                       switches of an inventory (as locate does), judge its\n"
          "                       port, and join stage, port and verdict in one line\n"
          "      --fix            with --inventory: the configuration that fixes each port\n"
          "  -h, --help           show this help and exit\n"
          "\n"
          "Verdicts: complete, slow-renew, no-lease, tftp-timeout, tftp-not-found,\n"
          "tftp-failed, renew-failed, http-failed, installer-dhcp-failed, preseed-failed;\n"
          "lease-only and needs-http-log when the log that would tell was not given;\n"
          "script-last when the script came and nothing was fetched after it.\n"
          "Malformed lines and lines over 8192 bytes are skipped and counted.\n"
          "\n"
          "Exit status: 0 every boot complete, 1 slow only (slow-renew), 2 at least one\n"
          "failed boot, 3 unreadable input, no line of a DHCP, TFTP or HTTP server in it,\n"
          "a boot whose fate needs a log not given, or bad arguments.\n",
          out);
}

struct bootlog_cli {
    char **paths;
    size_t n_paths;
    bool json;
    bool color;
    const char *inventory;
    bool fix;
    struct locate_result located;
    int64_t started_ns;
    struct pr_error err;
};

static int parse_args(int argc, char **argv, struct bootlog_cli *cli, bool *help)
{
    static const struct option longopts[] = {
        {"fix", no_argument, NULL, 'X'},
        {"format", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {"inventory", required_argument, NULL, 'i'},
        {NULL, 0, NULL, 0},
    };
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":hi:", longopts, NULL)) != -1) {
        switch (c) {
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
        case 'i':
            cli->inventory = optarg;
            break;
        case ':':
            return cmd_fail_usage(&cli->err, hint, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cmd_fail_usage(&cli->err, hint, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (cli->fix && cli->inventory == NULL)
        return cmd_fail_usage(&cli->err, hint,
                              "--fix needs --inventory (the ports to fix are located there)");
    if (optind >= argc)
        return cmd_fail_usage(&cli->err, hint,
                              "no log file given: give the DHCP, TFTP and HTTP logs "
                              "(- reads standard input)");
    size_t stdin_uses = 0;
    for (int i = optind; i < argc; i++)
        stdin_uses += strcmp(argv[i], "-") == 0;
    if (stdin_uses > 1)
        return cmd_fail_usage(&cli->err, hint, "standard input (-) can be read once only");
    cli->paths = argv + optind;
    cli->n_paths = (size_t)(argc - optind);
    return 0;
}

static const struct locate_answer *located(const struct bootlog_cli *cli, uint64_t mac)
{
    return mac != 0 ? locate_result_find(&cli->located, mac) : NULL;
}

static const struct bootlog_boot *last_boot(const struct bootlog_client *c)
{
    return c->n_boots > 0 ? &c->boots[c->n_boots - 1] : NULL;
}

static const char *verdict_color(const struct bootlog_cli *cli, enum bootlog_verdict v)
{
    if (!cli->color)
        return "";
    static const char *const colors[] = {"\033[32m", "\033[33m", "\033[31m", "\033[35m"};
    return colors[bootlog_verdict_severity(v)];
}

static const char *safe(char *buf, size_t len, const char *text)
{
    pr_text_safe(buf, len, text);
    return buf;
}

static void client_names(const struct bootlog_client *c, char mac[DHCPLOG_MAC_TEXT], char ip[16])
{
    if (c->mac != 0)
        dhcplog_mac_format(c->mac, mac);
    else
        snprintf(mac, DHCPLOG_MAC_TEXT, "%s", "(no ACK)");
    dhcplog_ip_format(c->ip, ip);
}

static void print_text_client(const struct bootlog_cli *cli, const struct bootlog_client *c)
{
    const struct bootlog_boot *b = last_boot(c);
    if (b == NULL)
        return;
    char mac[DHCPLOG_MAC_TEXT], ip[16], text[DHCPLOG_LINE_MAX + 512], row[DHCPLOG_LINE_MAX + 128];
    client_names(c, mac, ip);
    printf("%s  %s%s%s", mac, verdict_color(cli, b->verdict), bootlog_verdict_name(b->verdict),
           cli->color ? "\033[0m" : "");
    if (b->failed_stage != BOOTLOG_STAGE_NONE)
        printf("  at %s", bootlog_stage_name(b->failed_stage));
    const struct locate_answer *port = located(cli, c->mac);
    if (port != NULL) {
        char line[512];
        locate_line(port, line, sizeof line);
        printf("  %s\n", line);
    } else {
        printf("  %s\n", c->ip != 0 ? ip : "-");
    }
    bootlog_reason(b, text, sizeof text);
    printf("  reason: %s\n", safe(text, sizeof text, text));
    const char *console = bootlog_verdict_console(b->verdict);
    if (console != NULL)
        printf("  console: \"%s\" (%s)\n", console, bootlog_verdict_console_source(b->verdict));
    if (c->n_boots > 1)
        printf("  boots: %zu in the logs, the last shown\n", c->n_boots);
    printf("  timeline (UTC):\n");
    for (size_t i = 0; i < b->n_rows; i++) {
        const struct bootlog_row *r = &b->rows[i];
        char at[16];
        bootlog_clock_text(r->start_us, at, sizeof at);
        bootlog_row_text(r, c, row, sizeof row);
        printf("    %-12s  %-14s  %s\n", at, bootlog_stage_name(r->stage),
               safe(row, sizeof row, row));
    }
    if (port != NULL && port->port != NULL) {
        struct report_options ropts = {.out = stdout, .color = cli->color, .fix = cli->fix};
        printf("  port:\n");
        report_text_port(&ropts, port->port);
    }
}

static void print_text(const struct bootlog_cli *cli, const struct bootlog_timeline *t,
                       const unsigned counts[])
{
    for (size_t i = 0; i < t->n_clients; i++) {
        if (i > 0)
            putchar('\n');
        print_text_client(cli, &t->clients[i]);
    }
    if (t->n_clients > 0)
        putchar('\n');
    printf("%zu machine%s:", t->n_clients, t->n_clients == 1 ? "" : "s");
    bool first = true;
    for (int v = 0; v < BOOTLOG_VERDICT_COUNT; v++) {
        if (counts[v] == 0)
            continue;
        printf("%s %u %s", first ? "" : ",", counts[v], bootlog_verdict_name(v));
        first = false;
    }
    if (first)
        printf(" none");
    const struct bootlog_stats *s = &t->stats;
    printf("\n%llu line%s read: %llu DHCP, %llu TFTP, %llu HTTP; skipped: %llu malformed, %llu "
           "overlong",
           (unsigned long long)s->lines, s->lines == 1 ? "" : "s",
           (unsigned long long)s->dhcp_lines, (unsigned long long)s->tftp_lines,
           (unsigned long long)s->http_lines, (unsigned long long)s->malformed,
           (unsigned long long)s->overlong);
    if (s->unjoined > 0)
        printf("; %llu fetch%s from addresses no ACK in these logs gave out",
               (unsigned long long)s->unjoined, s->unjoined == 1 ? "" : "es");
    putchar('\n');
}

static void json_time(struct json_out *j, int64_t us)
{
    char when[40];
    dhcplog_time_format(us, when, sizeof when);
    json_string(j, when);
}

static void print_json_row(const struct bootlog_cli *cli, struct json_out *j,
                           const struct bootlog_client *c, const struct bootlog_row *r)
{
    char text[DHCPLOG_LINE_MAX + 128];
    const struct bootlog_event *first = c->events[r->first];
    json_begin_object(j);
    json_key(j, "stage");
    json_string(j, bootlog_stage_name(r->stage));
    json_key(j, "started_at");
    json_time(j, r->start_us);
    json_key(j, "ended_at");
    json_time(j, r->end_us);
    json_key(j, "what");
    bootlog_row_text(r, c, text, sizeof text);
    json_string(j, text);
    json_key(j, "protocol");
    json_string(j, r->dhcp ? "dhcp" : r->fetch->kind == BOOTLOG_EV_HTTP ? "http" : "tftp");
    json_key(j, "server");
    json_string(j, bootlog_program_names[first->program]);
    json_key(j, "ok");
    json_bool(j, r->dhcp ? r->complete : r->ok);
    json_key(j, "file");
    if (r->fetch != NULL) {
        snprintf(text, sizeof text, "%.*s", (int)r->fetch->file_len, r->fetch->file);
        json_string(j, text);
    } else {
        json_null(j);
    }
    json_key(j, "status");
    json_int_or_null(j, r->fetch != NULL && r->fetch->kind == BOOTLOG_EV_HTTP,
                     r->fetch != NULL ? r->fetch->status : 0);
    json_key(j, "discovers");
    json_int_or_null(j, r->dhcp, r->discovers);
    json_key(j, "log");
    json_string(j, cli->paths[first->source]);
    json_key(j, "line");
    json_int(j, first->line);
    json_end_object(j);
}

static void print_json_client(const struct bootlog_cli *cli, struct json_out *j,
                              const struct bootlog_client *c)
{
    const struct bootlog_boot *b = last_boot(c);
    char mac[DHCPLOG_MAC_TEXT], ip[16], text[DHCPLOG_LINE_MAX + 512];
    client_names(c, mac, ip);
    json_begin_object(j);
    json_key(j, "mac");
    json_string(j, c->mac != 0 ? mac : NULL);
    json_key(j, "ip");
    json_string(j, c->ip != 0 ? ip : NULL);
    json_key(j, "verdict");
    json_string(j, bootlog_verdict_name(b->verdict));
    json_key(j, "failed_stage");
    json_string(j,
                b->failed_stage != BOOTLOG_STAGE_NONE ? bootlog_stage_name(b->failed_stage) : NULL);
    json_key(j, "reason");
    bootlog_reason(b, text, sizeof text);
    json_string(j, text);
    json_key(j, "console");
    json_string(j, bootlog_verdict_console(b->verdict));
    json_key(j, "console_source");
    json_string(j, bootlog_verdict_console_source(b->verdict));
    json_key(j, "renew_s");
    json_double_or_null(j, b->renew_us >= 0, (double)b->renew_us / 1e6, 3);
    json_key(j, "ipxe_round_s");
    json_double_or_null(j, b->round_us >= 0, (double)b->round_us / 1e6, 3);
    json_key(j, "boots");
    json_int(j, (int64_t)c->n_boots);
    json_key(j, "timeline");
    json_begin_array(j);
    for (size_t i = 0; i < b->n_rows; i++)
        print_json_row(cli, j, c, &b->rows[i]);
    json_end_array(j);
    if (cli->inventory != NULL)
        locate_json_port(j, located(cli, c->mac));
    json_end_object(j);
}

static void print_json(const struct bootlog_cli *cli, const struct bootlog_timeline *t,
                       const unsigned counts[], const struct pr_error *err)
{
    struct json_out j;
    json_init(&j, stdout, true);
    json_begin_object(&j);
    json_key(&j, "portready");
    json_int(&j, 1);
    json_key(&j, "timestamp");
    json_wall_time(&j, cli->started_ns, 3);
    json_key(&j, "boot_log");
    json_begin_array(&j);
    size_t n = t != NULL ? t->n_clients : 0;
    for (size_t i = 0; i < n; i++) {
        if (t->clients[i].n_boots > 0)
            print_json_client(cli, &j, &t->clients[i]);
    }
    json_end_array(&j);
    static const struct bootlog_stats none;
    const struct bootlog_stats *s = t != NULL ? &t->stats : &none;
    json_key(&j, "summary");
    json_begin_object(&j);
    json_key(&j, "machines");
    json_int(&j, (int64_t)n);
    json_key(&j, "verdicts");
    json_begin_object(&j);
    char key[32];
    for (int v = 0; v < BOOTLOG_VERDICT_COUNT; v++) {
        cli_json_name_key(bootlog_verdict_name(v), key, sizeof key);
        json_key(&j, key);
        json_int(&j, counts[v]);
    }
    json_end_object(&j);
    static const char *const keys[] = {"lines",      "dhcp_lines",      "tftp_lines",
                                       "http_lines", "other_lines",     "malformed",
                                       "overlong",   "unjoined_fetches"};
    const uint64_t values[] = {s->lines, s->dhcp_lines, s->tftp_lines, s->http_lines,
                               s->other, s->malformed,  s->overlong,   s->unjoined};
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

/* --inventory: the machines whose boot failed or was slow, located. */
static int locate_failed(struct bootlog_cli *cli, const struct bootlog_timeline *t,
                         struct pr_error *err)
{
    size_t n_macs = 0;
    uint64_t *macs = calloc(t->n_clients ? t->n_clients : 1, sizeof *macs);
    for (size_t i = 0; macs != NULL && i < t->n_clients; i++) {
        int sev = bootlog_verdict_severity(bootlog_client_verdict(&t->clients[i]));
        if (t->clients[i].mac != 0 && (sev == 1 || sev == 2))
            macs[n_macs++] = t->clients[i].mac;
    }
    int rc = macs == NULL ? pr_error_set(err, PR_ERR_INTERNAL, "out of memory")
                          : locate_inventory_macs(cli->inventory, macs, n_macs, &cli->located, err);
    free(macs);
    return rc;
}

static int read_logs(struct bootlog_cli *cli, struct bootlog_timeline *t, struct pr_error *err)
{
    for (size_t i = 0; i < cli->n_paths; i++) {
        struct dhcplog_splitter sp;
        if (bootlog_timeline_begin_file(t) != 0)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        if (dhcplog_splitter_init(&sp, DHCPLOG_LINE_MAX, bootlog_timeline_line,
                                  bootlog_timeline_overlong, t, err) != 0)
            return -1;
        struct dhcplog_input_options in = {0};
        int rc = dhcplog_input_read(cli->paths[i], &sp, &in, err);
        dhcplog_splitter_free(&sp);
        if (rc != 0)
            return -1;
    }
    return bootlog_timeline_build(t, err);
}

static int run(struct bootlog_cli *cli, struct bootlog_timeline *t)
{
    struct pr_error err = {0};
    int rc = read_logs(cli, t, &err);
    unsigned counts[BOOTLOG_VERDICT_COUNT] = {0};
    int worst = -1;
    bool unknown = false;
    for (size_t i = 0; rc == 0 && i < t->n_clients; i++) {
        if (t->clients[i].n_boots == 0)
            continue;
        enum bootlog_verdict v = bootlog_client_verdict(&t->clients[i]);
        counts[v]++;
        int sev = bootlog_verdict_severity(v);
        if (sev == 3)
            unknown = true;
        else if (sev > worst)
            worst = sev;
    }
    const struct bootlog_stats *s = &t->stats;
    bool nothing = rc == 0 && s->dhcp_lines + s->tftp_lines + s->http_lines == 0;
    if (nothing)
        cli_error(&err, PR_ERR_INPUT, "no line of a DHCP, TFTP or HTTP server in %s%s",
                  cli->n_paths == 1 ? "" : "these logs: ",
                  cli->n_paths == 1
                      ? (strcmp(cli->paths[0], "-") == 0 ? "standard input" : cli->paths[0])
                      : "");
    if (rc == 0 && !nothing && cli->inventory != NULL && locate_failed(cli, t, &err) != 0)
        rc = -1;
    if (cli->json) {
        print_json(cli, t, counts, rc != 0 || nothing ? &err : NULL);
        fflush(stdout);
    }
    if (rc != 0)
        return cmd_fail(NULL, "%s", err.msg);
    if (!cli->json) {
        print_text(cli, t, counts);
        fflush(stdout);
    }
    if (nothing)
        return cmd_fail("Are these the servers' logs? boot-log reads dhcpd, dnsmasq, Kea, "
                        "tftpd-hpa and nginx/Apache access logs.",
                        "%s", err.msg);
    if (worst == 2)
        return PR_EXIT_NOT_READY;
    if (unknown)
        return PR_EXIT_UNKNOWN;
    return worst == 1 ? PR_EXIT_WARNING : PR_EXIT_READY;
}

int cmd_bootlog(int argc, char **argv)
{
    struct bootlog_cli cli = {0};
    cli.started_ns = pr_wall_now_ns();
    bool help = false;
    if (parse_args(argc, argv, &cli, &help) != 0) {
        if (cli_wants_json(argc, argv)) {
            static const unsigned zero[BOOTLOG_VERDICT_COUNT];
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
    struct bootlog_timeline t;
    bootlog_timeline_init(&t, dhcplog_time_now());
    int rc = run(&cli, &t);
    locate_result_free(&cli.located);
    bootlog_timeline_free(&t);
    return rc;
}
