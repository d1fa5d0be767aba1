/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/locate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "util/mac.h"
#include "util/strutil.h"

long locate_choose(const struct locate_candidate *c, size_t n)
{
    long best = -1;
    for (size_t i = 0; i < n; i++) {
        if (c[i].role == PR_ROLE_UPLINK ||
            (c[i].status != PR_FDB_LEARNED && c[i].status != PR_FDB_NO_STATUS &&
             c[i].status != PR_FDB_OTHER))
            continue;
        if (best < 0) {
            best = (long)i;
            continue;
        }
        const struct locate_candidate *b = &c[best];
        bool server = c[i].role == PR_ROLE_SERVER, b_server = b->role == PR_ROLE_SERVER;
        if (server != b_server) {
            if (server)
                best = (long)i;
            continue;
        }
        /* Fewer MACs on the port; an unknown count (0) after a known one. */
        size_t mine = c[i].macs_on_port ? c[i].macs_on_port : SIZE_MAX;
        size_t theirs = b->macs_on_port ? b->macs_on_port : SIZE_MAX;
        if (mine < theirs)
            best = (long)i;
    }
    return best;
}

/* Rows of a forwarding table asked for in one GETBULK when the options
 * give no max-repetitions: about 1.5 KB of response (a dot1qTpFdbPort
 * varbind takes some 30 bytes), where the walks of a switch's many short
 * columns take 25 rows a column. */
#define LOCATE_FDB_REPS 50

/* One switch's forwarding table. */
struct fdb_read {
    const struct survey_spec *spec;
    struct pr_fdb fdb;
    struct pr_error err;
    int rc;
    unsigned long requests;
    long sw; /* index into the result's switches once read in full; -1 */
};

static int open_source(const struct survey_spec *spec, struct pr_snmp_source **src,
                       struct pr_error *err)
{
    *src = NULL;
    if (spec->walk_path != NULL)
        *src = pr_snmp_source_open_walk(spec->walk_path, err);
    else if (spec->host != NULL) {
        /* A forwarding table is one long column: walked LOCATE_FDB_REPS rows a
         * request (as net-snmp's -Cr) unless the options say otherwise. */
        *src = pr_snmp_source_open_live(spec->host, spec->snmp, err);
        pr_snmp_source_prefer_repetitions(*src, LOCATE_FDB_REPS);
    } else
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "%s has no SNMP source: a configuration holds no forwarding table",
                            spec->name);
    return *src == NULL ? -1 : 0;
}

static void read_fdb(struct fdb_read *r)
{
    struct pr_snmp_source *src;
    r->rc = open_source(r->spec, &src, &r->err);
    if (r->rc != 0)
        return;
    char object_id[128] = "", descr[256] = "";
    r->rc = survey_identify(src, object_id, sizeof object_id, descr, sizeof descr, &r->err);
    if (r->rc == 0) {
        const struct pr_driver *drv = NULL;
        if (r->spec->driver != NULL && strcmp(r->spec->driver, "auto") != 0)
            drv = pr_driver_find(r->spec->driver);
        if (drv == NULL)
            drv = pr_driver_choose(object_id, descr, NULL, 0);
        r->rc = pr_driver_read_fdb(drv, src, &r->fdb, &r->err);
    }
    r->requests = pr_snmp_source_requests(src);
    pr_snmp_source_close(src);
}

struct pool {
    struct fdb_read *reads;
    size_t n;
    size_t next;
    pthread_mutex_t lock;
};

static void *worker(void *arg)
{
    struct pool *pool = arg;
    for (;;) {
        pthread_mutex_lock(&pool->lock);
        size_t i = pool->next++;
        pthread_mutex_unlock(&pool->lock);
        if (i >= pool->n)
            return NULL;
        read_fdb(&pool->reads[i]);
    }
}

static void read_all(struct fdb_read *reads, size_t n, unsigned jobs)
{
    struct pool pool = {.reads = reads, .n = n, .next = 0};
    pthread_mutex_init(&pool.lock, NULL);
    pthread_t threads[64];
    size_t started = 0;
    if (jobs > 64)
        jobs = 64;
    for (unsigned t = 1; t < jobs && t < n; t++) {
        if (pthread_create(&threads[started], NULL, worker, &pool) != 0)
            break;
        started++;
    }
    worker(&pool); /* this thread too: with no thread started it does all */
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_mutex_destroy(&pool.lock);
}

/* The port of an entry in its switch: by ifIndex, else by bridge port. */
static const struct pr_port *entry_port(const struct pr_switch *sw, const struct pr_fdb_entry *e)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        const struct pr_port *p = &sw->ports[i];
        if ((e->ifindex != 0 && p->ifindex == e->ifindex) ||
            (e->ifindex == 0 && e->bridge_port != 0 && p->bridge_port == e->bridge_port))
            return p;
    }
    return NULL;
}

static const struct pr_port *port_named(const struct pr_switch *sw, const char *name)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (strcmp(sw->ports[i].name, name) == 0 || pr_str_ieq(sw->ports[i].name, name) ||
            strcmp(sw->ports[i].descr, name) == 0)
            return &sw->ports[i];
    }
    return NULL;
}

/* "xe-0/0/1, xe-0/0/2": the members of a LAG. */
static void lag_members(const struct pr_switch *sw, const struct pr_port *lag, char *buf,
                        size_t len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < sw->n_ports && lag->ifindex != 0; i++) {
        if (sw->ports[i].lag_ifindex == lag->ifindex)
            pr_strlcatf(buf, len, "%s%s", buf[0] ? ", " : "", sw->ports[i].name);
    }
}

/* A hit: an entry of the MAC on a port of a switch read in full. */
struct hit {
    const struct pr_switch *sw;
    const struct pr_port *port;
    const struct pr_fdb_entry *entry;
};

static void say_not_found(const struct locate_result *res, const struct fdb_read *reads,
                          size_t n_reads, struct locate_answer *a)
{
    size_t readable = res->n_asked - res->n_failed;
    if (readable == 0) {
        snprintf(a->message, sizeof a->message, "no switch could be read: %s",
                 n_reads > 0 ? reads[0].err.msg : "no switch given");
        return;
    }
    if (res->n_no_table == readable) {
        snprintf(a->message, sizeof a->message,
                 res->n_asked == 1
                     ? "this switch exposes no forwarding table (neither Q-BRIDGE-MIB "
                       "dot1qTpFdbTable nor BRIDGE-MIB dot1dTpFdbTable)"
                     : "no switch exposes a forwarding table (neither Q-BRIDGE-MIB "
                       "dot1qTpFdbTable nor BRIDGE-MIB dot1dTpFdbTable)");
        return;
    }
    snprintf(a->message, sizeof a->message,
             "not in any forwarding table: it has sent nothing for the last ~5 minutes; run "
             "this while it PXE-boots");
    char others[PR_ERROR_MSG_MAX / 2] = "";
    for (size_t i = 0; i < n_reads; i++) {
        if (reads[i].rc != 0 || !reads[i].fdb.has_table)
            pr_strlcatf(others, sizeof others, "%s%s", others[0] ? ", " : "", reads[i].spec->name);
    }
    if (others[0] != '\0')
        pr_strlcatf(a->message, sizeof a->message,
                    " (not asked: %s, without a readable forwarding table)", others);
}

static void answer_from_hits(const struct hit *hits, size_t n_hits, struct locate_answer *a)
{
    struct locate_candidate cand[LOCATE_SEEN_MAX * 2];
    size_t n = n_hits < LOCATE_SEEN_MAX * 2 ? n_hits : LOCATE_SEEN_MAX * 2;
    for (size_t i = 0; i < n; i++) {
        cand[i].role = hits[i].port->role.role;
        cand[i].status = hits[i].entry->status;
        cand[i].macs_on_port = hits[i].entry->macs_on_port;
    }
    long best = locate_choose(cand, n);
    for (size_t i = 0; i < n; i++) {
        if ((long)i == best || a->n_seen == LOCATE_SEEN_MAX)
            continue;
        struct locate_seen *s = &a->seen[a->n_seen++];
        pr_strlcpy(s->sw, hits[i].sw->name, sizeof s->sw);
        pr_strlcpy(s->port, hits[i].port->name, sizeof s->port);
        s->role = hits[i].port->role.role;
    }
    if (best < 0) {
        bool own = false;
        for (size_t i = 0; i < n; i++)
            own |= hits[i].entry->status == PR_FDB_SELF || hits[i].entry->status == PR_FDB_MGMT;
        snprintf(a->message, sizeof a->message,
                 own && a->n_seen == n
                     ? "it is a switch's own address (forwarding-table status self or mgmt)"
                     : "seen only behind uplinks: its own switch is not among those read (or "
                       "its port is taken for an uplink: see seen_on)");
        return;
    }
    const struct hit *h = &hits[best];
    a->sw = h->sw;
    a->port = h->port;
    a->vlan = h->entry->vlan;
    snprintf(a->evidence, sizeof a->evidence, "%s: %s", h->sw->name, h->entry->evidence);
    if (h->entry->macs_on_port > 0)
        pr_strlcatf(a->evidence, sizeof a->evidence, "; %zu MAC%s learned on the port",
                    h->entry->macs_on_port, h->entry->macs_on_port == 1 ? "" : "s");
    char members[PR_NAME_MAX * 2];
    lag_members(h->sw, h->port, members, sizeof members);
    if (members[0] != '\0')
        pr_strlcatf(a->evidence, sizeof a->evidence, "; LAG %s, members %s", h->port->name,
                    members);
}

static void answer(const struct locate_result *res, const struct fdb_read *reads, size_t n_reads,
                   const struct locate_known *known, size_t n_known, struct locate_answer *a)
{
    for (size_t k = 0; k < n_known; k++) {
        const struct fdb_read *r = &reads[known[k].spec];
        if (known[k].mac != a->mac || r->sw < 0)
            continue;
        const struct pr_switch *sw = &res->switches[r->sw];
        const struct pr_port *port = port_named(sw, known[k].port);
        if (port == NULL)
            continue;
        a->sw = sw;
        a->port = port;
        char text[PR_MAC_TEXT];
        pr_mac_format(a->mac, text);
        snprintf(a->evidence, sizeof a->evidence, "inventory: %s port %s has mac %s", sw->name,
                 known[k].port, text);
        return;
    }
    struct hit hits[LOCATE_SEEN_MAX * 2];
    size_t n_hits = 0;
    const struct pr_fdb_entry *unmapped = NULL;
    const struct pr_switch *unmapped_sw = NULL;
    for (size_t i = 0; i < n_reads; i++) {
        if (reads[i].sw < 0)
            continue;
        const struct pr_switch *sw = &res->switches[reads[i].sw];
        for (size_t e = 0; e < reads[i].fdb.n && n_hits < LOCATE_SEEN_MAX * 2; e++) {
            const struct pr_fdb_entry *entry = &reads[i].fdb.entries[e];
            const struct pr_port *port = entry->mac == a->mac ? entry_port(sw, entry) : NULL;
            if (port != NULL)
                hits[n_hits++] = (struct hit){sw, port, entry};
            else if (entry->mac == a->mac && entry->bridge_port != 0 && unmapped == NULL)
                unmapped = entry, unmapped_sw = sw;
        }
    }
    if (n_hits > 0)
        answer_from_hits(hits, n_hits, a);
    else if (unmapped != NULL && unmapped_sw->error.code != PR_OK)
        snprintf(a->message, sizeof a->message,
                 "learned on %s bridge port %u, but the switch could not be read for its "
                 "ports: %s",
                 unmapped_sw->name, unmapped->bridge_port, unmapped_sw->error.msg);
    else if (unmapped != NULL)
        snprintf(a->message, sizeof a->message,
                 "learned on %s bridge port %u, which no interface of the switch is (no "
                 "dot1dBasePortIfIndex.%u): %s",
                 unmapped_sw->name, unmapped->bridge_port, unmapped->bridge_port,
                 unmapped->evidence);
    else
        say_not_found(res, reads, n_reads, a);
}

static bool has_entry(const struct pr_fdb *fdb)
{
    for (size_t e = 0; e < fdb->n; e++) {
        if (fdb->entries[e].bridge_port != 0)
            return true;
    }
    return false;
}

int locate_run(const struct survey_spec *specs, size_t n_specs, const uint64_t *macs, size_t n_macs,
               const struct locate_known *known, size_t n_known, unsigned jobs,
               struct locate_result *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    struct fdb_read *reads = calloc(n_specs ? n_specs : 1, sizeof *reads);
    out->answers = calloc(n_macs ? n_macs : 1, sizeof *out->answers);
    out->switches = calloc(n_specs ? n_specs : 1, sizeof *out->switches);
    if (reads == NULL || out->answers == NULL || out->switches == NULL) {
        free(reads);
        locate_result_free(out);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory locating %zu MACs", n_macs);
    }
    /* The MACs the inventory places need no lookup. */
    uint64_t *want = calloc(n_macs ? n_macs : 1, sizeof *want);
    size_t n_want = 0;
    for (size_t m = 0; want != NULL && m < n_macs; m++) {
        bool placed = false;
        for (size_t k = 0; k < n_known; k++)
            placed |= known[k].mac == macs[m];
        if (!placed)
            want[n_want++] = macs[m];
    }
    for (size_t i = 0; i < n_specs; i++) {
        reads[i].spec = &specs[i];
        reads[i].fdb.want = want;
        reads[i].fdb.n_want = want != NULL ? n_want : 0;
        reads[i].sw = -1;
    }
    if (n_want > 0)
        read_all(reads, n_specs, jobs ? jobs : 1);
    for (size_t i = 0; i < n_specs; i++) {
        bool needed = n_want > 0 && reads[i].rc == 0 && has_entry(&reads[i].fdb);
        for (size_t k = 0; k < n_known; k++)
            needed |= known[k].spec == i;
        if (n_want > 0) {
            out->n_asked++;
            out->n_failed += reads[i].rc != 0;
            out->n_no_table += reads[i].rc == 0 && !reads[i].fdb.has_table;
            out->fdb_requests += reads[i].requests;
        }
        if (!needed)
            continue;
        /* Read in full: every port's role, and the verdict as check
         * gives it (uplinks judged with their protection). */
        struct survey_spec full = specs[i];
        full.ports = NULL;
        full.n_ports = 0;
        full.all_ports = true;
        uint32_t *keep = calloc(reads[i].fdb.n ? reads[i].fdb.n : 1, sizeof *keep);
        for (size_t e = 0; keep != NULL && e < reads[i].fdb.n; e++)
            keep[full.n_keep_ifindex++] = reads[i].fdb.entries[e].ifindex;
        full.keep_ifindex = keep;
        struct pr_error sw_err = {0};
        survey_switch(&full, &out->switches[out->n_switches], &sw_err);
        free(keep);
        reads[i].sw = (long)out->n_switches++;
    }
    out->n = n_macs;
    for (size_t m = 0; m < n_macs; m++) {
        out->answers[m].mac = macs[m];
        out->answers[m].vlan = -1;
        answer(out, reads, n_specs, known, n_known, &out->answers[m]);
    }
    for (size_t i = 0; i < n_specs; i++)
        pr_fdb_free(&reads[i].fdb);
    free(reads);
    free(want);
    return 0;
}

void locate_result_free(struct locate_result *result)
{
    if (result == NULL)
        return;
    for (size_t i = 0; i < result->n_switches; i++)
        pr_switch_free(&result->switches[i]);
    free(result->switches);
    free(result->answers);
    memset(result, 0, sizeof *result);
}
