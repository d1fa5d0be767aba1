/* SPDX-License-Identifier: BSD-3-Clause */
/* Test tool: fetches OIDs through an SNMP source and prints every varbind
 * as `OID TYPE VALUE`, one per line in OID order, so a live agent and a
 * recorded walk can be compared byte for byte.
 *
 *   pr_snmpfetch [--walk FILE | HOST[:PORT]] [-v 1|2c|3] [-c COMMUNITY]
 *                [-u USER] [-l LEVEL] [-a AUTH] [-A PASS] [-x PRIV] [-X PASS]
 *                [-t SECONDS] [-r RETRIES] [-R MAX-REPETITIONS] [-n CONTEXT]
 *                [-S OID=INTEGER] OID[=scalar]...
 *
 * An OID is walked as a subtree unless suffixed with "=scalar" (a GET).
 * -S first SETs one INTEGER (live agents only).
 * stderr gets "requests: N". Exit 0 on success, 1 with the error message. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snmp/source.h"
#include "util/strutil.h"

static int usage(void)
{
    fprintf(stderr, "usage: pr_snmpfetch [--walk FILE | HOST[:PORT]] [-v 1|2c|3] [-c COMMUNITY] "
                    "[-u USER] [-l LEVEL] [-a AUTH] [-A PASS] [-x PRIV] [-X PASS] [-t SECONDS] "
                    "[-r RETRIES] [-R MAXREP] [-n CONTEXT] OID[=scalar]...\n");
    return 2;
}

static int parse_options(int argc, char **argv, struct pr_snmp_options *o, const char **walk,
                         const char **context, const char **set)
{
    static const struct option longopts[] = {{"walk", required_argument, NULL, 'w'},
                                             {NULL, 0, NULL, 0}};
    int ch;
    long long n;
    while ((ch = getopt_long(argc, argv, "v:c:u:l:a:A:x:X:t:r:R:n:S:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'w':
            *walk = optarg;
            break;
        case 'v':
            if (strcmp(optarg, "1") == 0)
                o->version = PR_SNMP_V1;
            else if (strcmp(optarg, "2c") == 0)
                o->version = PR_SNMP_V2C;
            else if (strcmp(optarg, "3") == 0)
                o->version = PR_SNMP_V3;
            else
                return -1;
            break;
        case 'c':
            pr_strlcpy(o->community, optarg, sizeof o->community);
            break;
        case 'u':
            pr_strlcpy(o->user, optarg, sizeof o->user);
            break;
        case 'l':
            pr_strlcpy(o->level, optarg, sizeof o->level);
            break;
        case 'a':
            pr_strlcpy(o->auth_proto, optarg, sizeof o->auth_proto);
            break;
        case 'A':
            pr_strlcpy(o->auth_pass, optarg, sizeof o->auth_pass);
            break;
        case 'x':
            pr_strlcpy(o->priv_proto, optarg, sizeof o->priv_proto);
            break;
        case 'X':
            pr_strlcpy(o->priv_pass, optarg, sizeof o->priv_pass);
            break;
        case 't':
            o->timeout_s = atof(optarg);
            break;
        case 'r':
            if (!pr_parse_int(optarg, 0, 20, &n))
                return -1;
            o->retries = (int)n;
            break;
        case 'R':
            if (!pr_parse_int(optarg, 1, 1000, &n))
                return -1;
            o->max_repetitions = (int)n;
            break;
        case 'n':
            *context = optarg;
            break;
        case 'S':
            *set = optarg;
            break;
        default:
            return -1;
        }
    }
    return 0;
}

/* "OID=INTEGER" */
static int set_integer(struct pr_snmp_source *src, const char *spec, struct pr_error *err)
{
    char text[1024];
    pr_strlcpy(text, spec, sizeof text);
    char *eq = strchr(text, '=');
    long long value;
    if (eq == NULL || !pr_parse_int(eq + 1, INT32_MIN, INT32_MAX, &value))
        return pr_error_set(err, PR_ERR_USAGE, "-S expects OID=INTEGER, not '%s'", spec);
    *eq = '\0';
    uint32_t oid[PR_SNMP_OID_MAX];
    size_t len;
    if (pr_snmp_oid_parse(text, oid, PR_SNMP_OID_MAX, &len, err) != 0)
        return -1;
    return pr_snmp_source_set_integer(src, oid, len, value, err);
}

static void print_store(struct pr_snmp_store *store)
{
    pr_snmp_store_finish(store);
    static char value[1 << 16];
    char name[1024];
    for (size_t i = 0; i < store->n; i++) {
        const struct pr_snmp_varbind *vb = &store->vb[i];
        pr_snmp_oid_format(vb->name, vb->name_len, name, sizeof name);
        pr_snmp_value_format(&vb->value, value, sizeof value);
        printf("%s %s %s\n", name, pr_snmp_type_name(vb->value.type), value);
    }
}

int main(int argc, char **argv)
{
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    const char *walk = NULL, *context = NULL, *set = NULL;
    if (parse_options(argc, argv, &opts, &walk, &context, &set) != 0)
        return usage();
    int first = optind;
    if (walk == NULL && first < argc)
        first++; /* HOST[:PORT] */
    if ((walk == NULL && optind >= argc) || first >= argc)
        return usage();
    size_t n_req = (size_t)(argc - first);
    struct pr_snmp_request *req = calloc(n_req, sizeof *req);
    uint32_t(*oids)[PR_SNMP_OID_MAX] = calloc(n_req, sizeof *oids);
    struct pr_error err = {0};
    int rc = 1;
    for (size_t i = 0; i < n_req; i++) {
        char text[1024];
        pr_strlcpy(text, argv[first + (int)i], sizeof text);
        char *suffix = strchr(text, '=');
        if (suffix != NULL) {
            if (strcmp(suffix, "=scalar") != 0) {
                free(req);
                free(oids);
                return usage();
            }
            *suffix = '\0';
            req[i].scalar = true;
        }
        if (pr_snmp_oid_parse(text, oids[i], PR_SNMP_OID_MAX, &req[i].len, &err) != 0) {
            fprintf(stderr, "pr_snmpfetch: %s\n", err.msg);
            free(req);
            free(oids);
            return 1;
        }
        req[i].oid = oids[i];
    }
    struct pr_snmp_source *src = walk ? pr_snmp_source_open_walk(walk, &err)
                                      : pr_snmp_source_open_live(argv[optind], &opts, &err);
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    if (src != NULL && set != NULL && set_integer(src, set, &err) != 0) {
        fprintf(stderr, "pr_snmpfetch: %s: %s\n", pr_error_code_name(err.code), err.msg);
        pr_snmp_source_close(src);
        free(req);
        free(oids);
        return 1;
    }
    if (src != NULL && pr_snmp_source_fetch(src, context, req, n_req, &store, &err) == 0) {
        print_store(&store);
        rc = 0;
    }
    if (rc != 0)
        fprintf(stderr, "pr_snmpfetch: %s: %s\n", pr_error_code_name(err.code), err.msg);
    if (src != NULL)
        fprintf(stderr, "requests: %lu\n", pr_snmp_source_requests(src));
    pr_snmp_store_free(&store);
    /* The source read the secrets from opts until now. */
    pr_snmp_source_close(src);
    explicit_bzero(&opts, sizeof opts);
    free(req);
    free(oids);
    return rc;
}
