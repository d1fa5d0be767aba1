/* SPDX-License-Identifier: BSD-3-Clause */
/* portready locate [SNMP OPTIONS] SWITCH MAC...
 * portready locate --walk FILE MAC...
 * portready locate --inventory INVENTORY MAC... */
#include "cmd_locate.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "cli_json.h"
#include "cmd_report.h"
#include "commands.h"
#include "driver.h"
#include "report/report.h"
#include "util/json.h"
#include "util/mac.h"
#include "util/strutil.h"
#include "util/walltime.h"

#define OPT_INVENTORY 3002
#define OPT_JOBS      3004

static const char locate_usage[] =
    "Usage: portready locate [OPTIONS] SWITCH MAC...\n"
    "       portready locate --walk FILE [OPTIONS] MAC...\n"
    "       portready locate --inventory INVENTORY [OPTIONS] MAC...\n"
    "\n"
    "Finds the switch port of each MAC address in the switches' forwarding tables\n"
    "(Q-BRIDGE-MIB dot1qTpFdbTable, BRIDGE-MIB dot1dTpFdbTable, one a VLAN where a\n"
    "switch keeps one a VLAN), then judges that port as check does. A MAC is seen\n"
    "on every uplink on its way: its port is the one it is learned on that is not\n"
    "an uplink; the others are listed as seen on. Only the forwarding tables are\n"
    "read until it is known which switches hold the MAC. MAC: aa:bb:cc:dd:ee:ff,\n"
    "aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff. An inventory port's mac:\n"
    "places a MAC without a lookup.\n"
    "\n"
    "Sources:\n"
    "  --walk FILE            a recorded walk instead of SWITCH\n"
    "  --inventory FILE       every switch of an inventory (as audit reads it)\n"
    "  --driver NAME          auto|%s (default auto)\n"
    "  -j, --jobs N           forwarding tables read at once (default 8)\n"
    "\n" CLI_SNMP_HELP "\n"
    "Output:\n"
    "  --format FORMAT        text (default) or json\n"
    "  --fix                  the configuration that fixes each located port\n"
    "  --verbose              every fact of the located ports\n"
    "  --stats                SNMP requests of the forwarding-table reads to stderr\n"
    "  --color WHEN           auto|always|never (default auto)\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: as check over the located ports (0 ready, 1 warnings only, 2 not\n"
    "ready), 3 when a MAC is not located (not in any forwarding table, seen only\n"
    "behind uplinks, no forwarding table, an unreadable switch) or bad arguments.\n";

static const struct cli_option locate_options[] = {
    {"inventory", OPT_INVENTORY, required_argument, 0},
    {"jobs", 'j', required_argument, 0},
    {NULL, 0, 0, 0},
};

struct locate_args {
    struct pr_snmp_options snmp;
    struct cli_report_args report;
    const char *walk;
    const char *inventory;
    const char *driver;
    long long jobs;
    const char *host;
    uint64_t *macs;
    size_t n_macs;
};

static void print_usage(FILE *out)
{
    char names[128] = "";
    const struct pr_driver *const *table = pr_driver_table();
    for (size_t i = 0; table[i] != NULL; i++)
        pr_strlcatf(names, sizeof names, "%s%s", i ? "|" : "", table[i]->name);
    fprintf(out, locate_usage, names);
}

#define MAC_SPELLINGS "aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff"

int locate_parse_mac_option(const char *arg, uint64_t **macs, size_t *n, struct pr_error *err)
{
    uint64_t mac;
    if (!pr_mac_parse(arg, &mac))
        return pr_error_set(err, PR_ERR_USAGE, "--mac: '%s' is not a MAC address (%s)", arg,
                            MAC_SPELLINGS);
    uint64_t *grown = realloc(*macs, (*n + 1) * sizeof *grown);
    if (grown == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    grown[(*n)++] = mac;
    *macs = grown;
    return 0;
}

static int parse_macs(char **args, int n, struct locate_args *a, struct pr_error *err)
{
    a->macs = calloc(n > 0 ? (size_t)n : 1, sizeof *a->macs);
    if (a->macs == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (int i = 0; i < n; i++) {
        if (!pr_mac_parse(args[i], &a->macs[a->n_macs]))
            return pr_error_set(err, PR_ERR_USAGE, "'%s' is not a MAC address (%s)", args[i],
                                MAC_SPELLINGS);
        bool twice = false;
        for (size_t k = 0; k < a->n_macs; k++)
            twice |= a->macs[k] == a->macs[a->n_macs];
        a->n_macs += !twice;
    }
    return 0;
}

static int parse_args(int argc, char **argv, struct locate_args *a, struct pr_error *err)
{
    pr_snmp_options_defaults(&a->snmp);
    struct cli_parser p = {
        .groups = CLI_SNMP | CLI_SNMP_CONTEXT | CLI_REPORT | CLI_FORMAT | CLI_HELP | CLI_SOURCE,
        .options = locate_options,
        .wording = CLI_WORDING_SURVEY,
        .snmp = &a->snmp,
        .report = &a->report,
        .walk = &a->walk,
        .driver = &a->driver,
    };
    int opt;
    while ((opt = cli_next_option(&p, argc, argv, err)) > 0) {
        switch (opt) {
        case OPT_INVENTORY:
            a->inventory = optarg;
            break;
        case 'j':
            if (!pr_parse_int(optarg, 1, 64, &a->jobs))
                return pr_error_set(err, PR_ERR_USAGE, "-j takes 1 to 64, not '%s'", optarg);
            break;
        }
    }
    if (opt != CLI_END)
        return opt == CLI_WANTS_HELP ? 1 : -1;
    const struct report_writer *w = a->report.writer;
    if (w != NULL && w != &report_writer_text && w != &report_writer_json)
        return pr_error_set(err, PR_ERR_USAGE, "locate writes text or json, not %s", w->name);
    if (a->walk != NULL && a->inventory != NULL)
        return pr_error_set(err, PR_ERR_USAGE, "--walk and --inventory: give one");
    int first = optind;
    if (a->walk == NULL && a->inventory == NULL) {
        if (first >= argc)
            return pr_error_set(err, PR_ERR_USAGE, "no SWITCH given");
        a->host = argv[first++];
        if (pr_snmp_host_check(a->host, err) != 0)
            return -1;
        if (cli_snmp_complete(&a->snmp, &p.given, err) != 0)
            return -1;
    }
    if (first >= argc)
        return pr_error_set(err, PR_ERR_USAGE, "no MAC given");
    return parse_macs(argv + first, argc - first, a, err);
}

int locate_exit_code(const struct locate_answer *a)
{
    if (a->port == NULL)
        return PR_EXIT_UNKNOWN;
    switch (a->port->verdict) {
    case PR_VERDICT_READY:
        return PR_EXIT_READY;
    case PR_VERDICT_WARNING:
        return PR_EXIT_WARNING;
    case PR_VERDICT_NOT_READY:
        return PR_EXIT_NOT_READY;
    case PR_VERDICT_UNKNOWN:
        break;
    }
    return PR_EXIT_UNKNOWN;
}

void locate_line(const struct locate_answer *a, char *buf, size_t len)
{
    if (a->port == NULL) {
        snprintf(buf, len, "not located: %s", a->message);
        return;
    }
    const struct pr_port *p = a->port;
    snprintf(buf, len, "%s %s", a->sw->name, p->name);
    const char *who = p->server[0] ? p->server : p->alias;
    if (who[0] != '\0')
        pr_strlcatf(buf, len, " (%s)", who);
    pr_strlcatf(buf, len, "  %s", report_verdict_label(p->verdict));
    const char *sep = " ";
    for (size_t i = 0; i < p->n_findings; i++) {
        if (p->findings[i].severity == PR_SEV_INFO)
            continue;
        pr_strlcatf(buf, len, "%s%s", sep, pr_finding_id_name(p->findings[i].id));
        sep = ",";
    }
    if (p->expected_blackout_s.known)
        pr_strlcatf(buf, len, "%sblackout %lld s", sep[0] == ',' ? ", " : " ",
                    (long long)p->expected_blackout_s.value);
}

void locate_json_port(struct json_out *j, const struct locate_answer *a)
{
    json_key(j, "port");
    if (a != NULL)
        locate_json_answer(j, a);
    else
        json_null(j);
}

void locate_json_answer(struct json_out *j, const struct locate_answer *a)
{
    char mac[PR_MAC_TEXT];
    pr_mac_format(a->mac, mac);
    json_begin_object(j);
    json_key(j, "mac");
    json_string(j, mac);
    json_key(j, "switch");
    json_string(j, a->sw != NULL ? a->sw->name : NULL);
    json_key(j, "port");
    json_string(j, a->port != NULL ? a->port->name : NULL);
    json_key(j, "vlan");
    json_int_or_null(j, a->vlan >= 0, a->vlan);
    json_key(j, "evidence");
    json_string(j, a->evidence[0] ? a->evidence : NULL);
    json_key(j, "seen_on");
    json_begin_array(j);
    for (size_t i = 0; i < a->n_seen; i++) {
        json_begin_object(j);
        json_key(j, "switch");
        json_string(j, a->seen[i].sw);
        json_key(j, "port");
        json_string(j, a->seen[i].port);
        json_key(j, "role");
        json_string(j, pr_role_name(a->seen[i].role));
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "verdict");
    if (a->port != NULL)
        report_json_port(j, a->port);
    else
        json_null(j);
    json_key(j, "message");
    json_string(j, a->message[0] ? a->message : NULL);
    json_end_object(j);
}

static void write_text(const struct locate_args *a, const struct locate_result *res)
{
    struct report_options ropts = {
        .out = stdout,
        .color = cli_use_color(stdout, a->report.color),
        .fix = a->report.fix,
        .verbose = a->report.verbose,
    };
    for (size_t i = 0; i < res->n; i++) {
        const struct locate_answer *ans = &res->answers[i];
        char mac[PR_MAC_TEXT], line[512];
        pr_mac_format(ans->mac, mac);
        locate_line(ans, line, sizeof line);
        printf("%s%s  %s\n", i ? "\n" : "", mac, line);
        if (ans->port != NULL) {
            if (ans->vlan >= 0)
                printf("  VLAN %lld; ", (long long)ans->vlan);
            else
                printf("  ");
            printf("found by %s\n", ans->evidence);
        }
        for (size_t k = 0; k < ans->n_seen; k++)
            printf("  seen on %s %s (%s)\n", ans->seen[k].sw, ans->seen[k].port,
                   pr_role_name(ans->seen[k].role));
        if (ans->port != NULL)
            report_text_port(&ropts, ans->port);
    }
}

/* The document (docs/json.md): res NULL when the run failed before any
 * MAC was looked for; err as "error" (NULL: null). */
static void write_json(const struct locate_result *res, int64_t started_ns,
                       const struct pr_error *err)
{
    static const struct locate_result none;
    if (res == NULL)
        res = &none;
    struct json_out j;
    json_init(&j, stdout, true);
    json_begin_object(&j);
    json_key(&j, "portready");
    json_int(&j, 1);
    json_key(&j, "timestamp");
    json_wall_time(&j, started_ns, 3);
    json_key(&j, "locate");
    json_begin_array(&j);
    size_t located = 0, counts[4] = {0};
    for (size_t i = 0; i < res->n; i++) {
        locate_json_answer(&j, &res->answers[i]);
        if (res->answers[i].port != NULL) {
            located++;
            counts[res->answers[i].port->verdict]++;
        }
    }
    json_end_array(&j);
    json_key(&j, "summary");
    json_begin_object(&j);
    const char *keys[] = {
        "macs",    "located",        "not_located",         "ready",     "warning", "not_ready",
        "unknown", "switches_asked", "no_forwarding_table", "unreadable"};
    size_t values[] = {res->n,    located,   res->n - located, counts[0],       counts[1],
                       counts[2], counts[3], res->n_asked,     res->n_no_table, res->n_failed};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        json_key(&j, keys[k]);
        json_int(&j, (int64_t)values[k]);
    }
    json_end_object(&j);
    json_key(&j, "error");
    json_error(&j, err);
    json_end_object(&j);
    json_finish(&j);
    fflush(stdout);
}

/* A failure before any MAC was looked for: said on standard error, and as
 * the document when JSON was asked. */
static int fail(bool json, int64_t started_ns, const char *hint, const struct pr_error *err)
{
    if (json)
        write_json(NULL, started_ns, err);
    return cmd_fail(hint, "locate: %s", err->msg);
}

static int run(const struct locate_args *a, const struct survey_spec *specs, size_t n_specs,
               const struct locate_known *known, size_t n_known, int64_t started_ns)
{
    struct locate_result res;
    struct pr_error err = {0};
    bool json = a->report.writer == &report_writer_json;
    if (locate_run(specs, n_specs, a->macs, a->n_macs, known, n_known,
                   a->jobs > 0 ? (unsigned)a->jobs : 8, &res, &err) != 0)
        return fail(json, started_ns, NULL, &err);
    if (json)
        write_json(&res, started_ns, NULL);
    else
        write_text(a, &res);
    if (a->report.stats) {
        unsigned long full = 0;
        for (size_t i = 0; i < res.n_switches; i++)
            full += res.switches[i].pr_snmp_requests;
        fprintf(stderr,
                "portready: locate: %lu SNMP requests for the forwarding tables of %zu "
                "switches, %lu to read %zu of them in full\n",
                res.fdb_requests, res.n_asked, full, res.n_switches);
    }
    int code = PR_EXIT_READY;
    for (size_t i = 0; i < res.n; i++) {
        int c = locate_exit_code(&res.answers[i]);
        if (c > code)
            code = c;
    }
    locate_result_free(&res);
    fflush(stdout);
    return code;
}

int locate_inventory_load(const char *path, struct locate_inventory *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    if (inventory_load(path, &out->inv, err) != 0)
        return -1;
    size_t n = out->inv.n_switches, total = 0;
    for (size_t i = 0; i < n; i++)
        total += out->inv.switches[i].n_ports;
    out->specs = calloc(n ? n : 1, sizeof *out->specs);
    out->ports = calloc(total ? total : 1, sizeof *out->ports);
    out->known = calloc(total ? total : 1, sizeof *out->known);
    if (out->specs == NULL || out->ports == NULL || out->known == NULL) {
        locate_inventory_free(out);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    size_t offset = 0;
    for (size_t i = 0; i < n; i++) {
        const struct inventory_switch *isw = &out->inv.switches[i];
        spec_from_inventory(isw, &out->specs[i], out->ports + offset, NULL, NULL, NULL, 0);
        for (size_t k = 0; k < isw->n_ports; k++) {
            uint64_t mac;
            if (isw->ports[k].mac[0] != '\0' && pr_mac_parse(isw->ports[k].mac, &mac))
                out->known[out->n_known++] = (struct locate_known){mac, i, isw->ports[k].name};
        }
        offset += isw->n_ports;
    }
    out->n_specs = n;
    return 0;
}

void locate_inventory_free(struct locate_inventory *li)
{
    free(li->specs);
    free(li->ports);
    free(li->known);
    inventory_free(&li->inv);
    memset(li, 0, sizeof *li);
}

int locate_inventory_macs(const char *path, const uint64_t *macs, size_t n,
                          struct locate_result *out, struct pr_error *err)
{
    struct locate_inventory li;
    if (locate_inventory_load(path, &li, err) != 0)
        return -1;
    int rc =
        n > 0 ? locate_run(li.specs, li.n_specs, macs, n, li.known, li.n_known, 8, out, err) : 0;
    locate_inventory_free(&li);
    return rc;
}

const struct locate_answer *locate_result_find(const struct locate_result *out, uint64_t mac)
{
    for (size_t i = 0; i < out->n; i++) {
        if (out->answers[i].mac == mac)
            return &out->answers[i];
    }
    return NULL;
}

int cmd_locate(int argc, char **argv)
{
    struct locate_args a = {0};
    struct pr_error err = {0};
    int64_t started_ns = pr_wall_now_ns();
    bool json = cli_wants_json(argc, argv);
    int parsed = parse_args(argc, argv, &a, &err);
    if (parsed == 1) {
        print_usage(stdout);
        free(a.macs);
        return PR_EXIT_READY;
    }
    if (parsed != 0) {
        free(a.macs);
        return fail(json, started_ns, "Try 'portready locate --help'.", &err);
    }
    int rc;
    if (a.inventory != NULL) {
        struct locate_inventory li;
        if (locate_inventory_load(a.inventory, &li, &err) != 0) {
            free(a.macs);
            return fail(a.report.writer == &report_writer_json, started_ns, NULL, &err);
        }
        rc = run(&a, li.specs, li.n_specs, li.known, li.n_known, started_ns);
        locate_inventory_free(&li);
    } else {
        struct survey_spec spec = {
            .name = a.walk != NULL ? a.walk : a.host,
            .host = a.host,
            .snmp = &a.snmp,
            .walk_path = a.walk,
            .driver = a.driver != NULL ? a.driver : "auto",
            .expect_vlan = -1,
        };
        rc = run(&a, &spec, 1, NULL, 0, started_ns);
    }
    free(a.macs);
    return rc;
}

int locate_narrow(struct survey_spec *specs, size_t *n_specs, const uint64_t *macs, size_t n_macs,
                  struct locate_narrowed *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    struct locate_result res;
    if (locate_run(specs, *n_specs, macs, n_macs, NULL, 0, 8, &res, err) != 0)
        return -1;
    size_t total = n_macs;
    for (size_t i = 0; i < *n_specs; i++)
        total += specs[i].n_ports;
    out->ports = calloc(total ? total : 1, sizeof *out->ports);
    out->names = calloc(n_macs ? n_macs : 1, sizeof *out->names);
    if (out->ports == NULL || out->names == NULL) {
        locate_result_free(&res);
        locate_narrowed_free(out);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    for (size_t m = 0; m < res.n; m++) {
        const struct locate_answer *ans = &res.answers[m];
        char mac[PR_MAC_TEXT];
        pr_mac_format(ans->mac, mac);
        if (ans->port == NULL) {
            fprintf(stderr, "portready: %s: %s\n", mac, ans->message);
            out->not_located++;
        } else {
            pr_strlcpy(out->names[m].sw, ans->sw->name, sizeof out->names[m].sw);
            pr_strlcpy(out->names[m].port, ans->port->name, sizeof out->names[m].port);
        }
    }
    /* Each switch keeps its named ports and gains the located ones; a
     * switch with neither is not surveyed. */
    size_t kept = 0, used = 0;
    for (size_t i = 0; i < *n_specs; i++) {
        struct survey_port *first = out->ports + used;
        for (size_t k = 0; k < specs[i].n_ports; k++)
            out->ports[used++] = specs[i].ports[k];
        for (size_t m = 0; m < res.n; m++) {
            if (out->names[m].port[0] != '\0' && strcmp(out->names[m].sw, specs[i].name) == 0)
                out->ports[used++] =
                    (struct survey_port){.name = out->names[m].port, .expect_vlan = -1};
        }
        size_t n = (size_t)(out->ports + used - first);
        if (n == 0)
            continue;
        specs[kept] = specs[i];
        specs[kept].ports = first;
        specs[kept].n_ports = n;
        kept++;
    }
    *n_specs = kept;
    locate_result_free(&res);
    return 0;
}

void locate_narrowed_free(struct locate_narrowed *n)
{
    free(n->ports);
    free(n->names);
    memset(n, 0, sizeof *n);
}
