/* SPDX-License-Identifier: BSD-3-Clause */
/* The forwarding table from the standard MIBs (model/fdb.h): Q-BRIDGE-MIB
 * dot1qTpFdbTable, else BRIDGE-MIB dot1dTpFdbTable, with the bridge-port
 * map and the VLAN of each FDB. Only these columns are read: a locate asks
 * every switch of a rack before it knows which one holds the MAC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "util/mac.h"
#include "util/strutil.h"

/* The port columns alone are walked (a row's status is asked for only once
 * its MAC is one looked for): Q-BRIDGE-MIB's, with the maps of bridge
 * ports and FDBs, then BRIDGE-MIB's only when Q-BRIDGE-MIB has no row. A
 * VLAN's own context (Cisco's per-VLAN tables) holds BRIDGE-MIB's table and
 * its bridge-port map only. */
static const struct pr_snmp_request fdb_requests[] = {
    MIB_COLUMN(MIB_DOT1Q_TP_FDB_PORT),
    MIB_COLUMN(MIB_BASE_PORT_IFINDEX),
    MIB_COLUMN(MIB_DOT1Q_VLAN_FDB_ID),
};
static const struct pr_snmp_request fdb_vlan_requests[] = {
    MIB_COLUMN(MIB_DOT1D_TP_FDB_PORT),
    MIB_COLUMN(MIB_BASE_PORT_IFINDEX),
};
static const struct pr_snmp_request fdb_d_requests[] = {MIB_COLUMN(MIB_DOT1D_TP_FDB_PORT)};

static int fetch_tables(struct pr_snmp_source *src, const char *context,
                        const struct pr_snmp_request *extra, size_t n_extra,
                        struct pr_snmp_store *store, struct pr_error *err)
{
    const struct pr_snmp_request *req = context == NULL ? fdb_requests : fdb_vlan_requests;
    size_t n = context == NULL ? sizeof fdb_requests / sizeof fdb_requests[0]
                               : sizeof fdb_vlan_requests / sizeof fdb_vlan_requests[0];
    struct pr_snmp_request all[sizeof fdb_requests / sizeof fdb_requests[0] + 8];
    if (n_extra > 8)
        return pr_error_set(err, PR_ERR_INTERNAL, "too many extra forwarding-table objects");
    memcpy(all, req, n * sizeof *req);
    if (n_extra > 0)
        memcpy(all + n, extra, n_extra * sizeof *extra);
    if (pr_snmp_source_fetch(src, context, all, n + n_extra, store, err) != 0)
        return -1;
    size_t first, count;
    if (context != NULL || pr_snmp_store_subtree(store, MIB_DOT1Q_TP_FDB_PORT.oid,
                                                 MIB_DOT1Q_TP_FDB_PORT.len, &first, &count) > 0)
        return 0;
    return pr_snmp_source_fetch(src, NULL, fdb_d_requests, 1, store, err);
}

/* The MAC of the last six arcs of name[at..at+6); false when an arc is
 * not an octet. */
static bool mac_of(const uint32_t *name, size_t at, uint64_t *mac)
{
    uint64_t m = 0;
    for (size_t i = 0; i < 6; i++) {
        if (name[at + i] > 255)
            return false;
        m = m << 8 | name[at + i];
    }
    *mac = m;
    return true;
}

static void index_text(const uint32_t *name, size_t from, size_t to, char *buf, size_t len)
{
    buf[0] = '\0';
    for (size_t i = from; i < to; i++)
        pr_strlcatf(buf, len, "%s%u", i > from ? "." : "", name[i]);
}

/* The VLAN whose dot1qVlanFdbId is fdb_id (index TimeMark.VlanIndex);
 * -1 when none says. */
static int64_t vlan_of_fdb(struct pr_snmp_store *store, uint32_t fdb_id)
{
    size_t first, count;
    pr_snmp_store_subtree(store, MIB_DOT1Q_VLAN_FDB_ID.oid, MIB_DOT1Q_VLAN_FDB_ID.len, &first,
                          &count);
    for (size_t k = first; k < first + count; k++) {
        const struct pr_snmp_varbind *vb = &store->vb[k];
        int64_t v;
        if (vb->name_len == MIB_DOT1Q_VLAN_FDB_ID.len + 2 &&
            pr_snmp_value_integer(&vb->value, &v) && v == fdb_id)
            return vb->name[MIB_DOT1Q_VLAN_FDB_ID.len + 1];
    }
    return -1;
}

/* One table: port column, status column, arcs of index before the MAC (1
 * for Q-BRIDGE's FDB id, 0 for BRIDGE-MIB). */
struct fdb_table {
    const struct mib_object *port;
    const struct mib_object *status;
    size_t pre;
};

static void fill_entry(struct pr_snmp_store *store, const struct fdb_table *t,
                       const struct pr_snmp_varbind *vb, int64_t context_vlan,
                       const char *context_label, struct pr_fdb_entry *e)
{
    size_t len = t->port->len;
    char idx[64], ev[PR_EVIDENCE_MAX];
    index_text(vb->name, len, vb->name_len, idx, sizeof idx);
    int64_t port = 0;
    pr_snmp_value_integer(&vb->value, &port);
    e->bridge_port = port > 0 && port <= 0xffffffffLL ? (uint32_t)port : 0;
    generic_evidence(ev, sizeof ev, t->port, idx, vb, NULL);
    pr_strlcpy(e->evidence, ev, sizeof e->evidence);
    /* The status row of the same index. */
    uint32_t name[PR_SNMP_OID_MAX];
    memcpy(name, t->status->oid, t->status->len * sizeof *name);
    memcpy(name + t->status->len, vb->name + len, (vb->name_len - len) * sizeof *name);
    const struct pr_snmp_varbind *st =
        pr_snmp_store_get(store, name, t->status->len + (vb->name_len - len));
    int64_t status;
    if (st != NULL && pr_snmp_value_integer(&st->value, &status) && status >= 1 && status <= 5) {
        e->status = (enum pr_fdb_status)status;
        generic_evidence(ev, sizeof ev, t->status, idx, st, pr_fdb_status_name(e->status));
        pr_strlcatf(e->evidence, sizeof e->evidence, "; %s", ev);
    }
    int64_t ifindex;
    const struct pr_snmp_varbind *bp;
    if (e->bridge_port != 0 &&
        generic_column_int(store, &MIB_BASE_PORT_IFINDEX, e->bridge_port, &ifindex, &bp) &&
        ifindex > 0 && ifindex <= 0xffffffffLL) {
        e->ifindex = (uint32_t)ifindex;
        char bidx[16];
        snprintf(bidx, sizeof bidx, "%u", e->bridge_port);
        generic_evidence(ev, sizeof ev, &MIB_BASE_PORT_IFINDEX, bidx, bp, NULL);
        pr_strlcatf(e->evidence, sizeof e->evidence, "; %s", ev);
    }
    e->q_bridge = t->pre == 1;
    if (t->pre == 1)
        e->fdb_id = vb->name[len];
    if (context_vlan >= 0) {
        e->vlan = context_vlan;
        if (context_label != NULL)
            pr_strlcatf(e->evidence, sizeof e->evidence, " (%s)", context_label);
    } else if (t->pre == 1) {
        e->vlan = vlan_of_fdb(store, e->fdb_id);
        if (e->vlan < 0) {
            e->vlan = e->fdb_id;
            e->vlan_is_fdb_id = true;
        }
    }
}

/* How many rows of the table lie on bridge_port. */
static size_t rows_on_port(struct pr_snmp_store *store, const struct fdb_table *t,
                           uint32_t bridge_port)
{
    size_t first, count, n = 0;
    pr_snmp_store_subtree(store, t->port->oid, t->port->len, &first, &count);
    if (count > PR_FDB_MAX_ROWS)
        count = PR_FDB_MAX_ROWS;
    for (size_t k = first; k < first + count; k++) {
        int64_t v;
        if (pr_snmp_value_integer(&store->vb[k].value, &v) && v == bridge_port)
            n++;
    }
    return n;
}

int generic_fdb_interpret(struct pr_snmp_store *store, int64_t context_vlan,
                          const char *context_label, struct pr_fdb *fdb, struct pr_error *err)
{
    static const struct fdb_table tables[] = {
        {&MIB_DOT1Q_TP_FDB_PORT, &MIB_DOT1Q_TP_FDB_STATUS, 1},
        {&MIB_DOT1D_TP_FDB_PORT, &MIB_DOT1D_TP_FDB_STATUS, 0},
    };
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        const struct fdb_table *table = &tables[t];
        size_t first, count;
        pr_snmp_store_subtree(store, table->port->oid, table->port->len, &first, &count);
        if (count == 0)
            continue;
        fdb->has_table = true;
        if (strstr(fdb->tables, table->port->name) == NULL)
            pr_strlcatf(fdb->tables, sizeof fdb->tables, "%s%s %s", fdb->tables[0] ? ", " : "",
                        table->port->mib, table->port->name);
        size_t first_entry = fdb->n;
        for (size_t k = first; k < first + count; k++) {
            if (fdb->rows >= PR_FDB_MAX_ROWS) {
                fdb->truncated = true;
                break;
            }
            fdb->rows++;
            const struct pr_snmp_varbind *vb = &store->vb[k];
            uint64_t mac;
            if (vb->name_len != table->port->len + table->pre + 6 ||
                !mac_of(vb->name, table->port->len + table->pre, &mac) || !pr_fdb_wanted(fdb, mac))
                continue;
            struct pr_fdb_entry *e = pr_fdb_add(fdb, mac);
            if (e == NULL)
                return pr_error_set(err, PR_ERR_INTERNAL,
                                    "out of memory reading the forwarding "
                                    "table");
            fill_entry(store, table, vb, context_vlan, context_label, e);
        }
        for (size_t i = first_entry; i < fdb->n; i++) {
            if (fdb->entries[i].bridge_port != 0)
                fdb->entries[i].macs_on_port =
                    rows_on_port(store, table, fdb->entries[i].bridge_port);
        }
        /* A switch that keeps both tables keeps the same rows twice:
         * Q-BRIDGE-MIB's, with its VLANs, are enough. */
        if (t == 0)
            break;
    }
    return 0;
}

/* The status of each row found without one, entries[first..n): one GET
 * of them all (a status the agent does not have stays PR_FDB_NO_STATUS),
 * said after the row's port in its evidence. */
static int fetch_statuses(struct pr_snmp_source *src, const char *context, struct pr_fdb *fdb,
                          size_t first, struct pr_error *err)
{
    size_t n = fdb->n - first;
    if (n == 0)
        return 0;
    struct pr_snmp_request *req = calloc(n, sizeof *req);
    uint32_t(*names)[PR_SNMP_OID_MAX] = calloc(n, sizeof *names);
    if (req == NULL || names == NULL) {
        free(req);
        free(names);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory reading the forwarding table");
    }
    for (size_t i = 0; i < n; i++) {
        const struct pr_fdb_entry *e = &fdb->entries[first + i];
        const struct mib_object *col =
            e->q_bridge ? &MIB_DOT1Q_TP_FDB_STATUS : &MIB_DOT1D_TP_FDB_STATUS;
        size_t len = col->len;
        memcpy(names[i], col->oid, len * sizeof(uint32_t));
        if (e->q_bridge)
            names[i][len++] = e->fdb_id;
        for (int k = 0; k < 6; k++)
            names[i][len++] = (uint32_t)(e->mac >> (8 * (5 - k))) & 0xff;
        req[i] = (struct pr_snmp_request){names[i], len, true};
    }
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = pr_snmp_source_fetch(src, context, req, n, &store, err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        struct pr_fdb_entry *e = &fdb->entries[first + i];
        const struct pr_snmp_varbind *vb = pr_snmp_store_get(&store, req[i].oid, req[i].len);
        int64_t status;
        if (e->status != PR_FDB_NO_STATUS || vb == NULL ||
            !pr_snmp_value_integer(&vb->value, &status) || status < 1 || status > 5)
            continue;
        e->status = (enum pr_fdb_status)status;
        const struct mib_object *col =
            e->q_bridge ? &MIB_DOT1Q_TP_FDB_STATUS : &MIB_DOT1D_TP_FDB_STATUS;
        char idx[64], ev[PR_EVIDENCE_MAX], rest[PR_EVIDENCE_MAX] = "";
        index_text(req[i].oid, col->len, req[i].len, idx, sizeof idx);
        generic_evidence(ev, sizeof ev, col, idx, vb, pr_fdb_status_name(e->status));
        char *after_port = strchr(e->evidence, ';');
        if (after_port != NULL) {
            pr_strlcpy(rest, after_port, sizeof rest);
            *after_port = '\0';
        }
        pr_strlcatf(e->evidence, sizeof e->evidence, "; %s%s", ev, rest);
    }
    pr_snmp_store_free(&store);
    free(req);
    free(names);
    return rc;
}

int generic_fdb_read(struct pr_snmp_source *src, const char *context, int64_t context_vlan,
                     const char *context_label, const struct pr_snmp_request *extra, size_t n_extra,
                     struct pr_snmp_store *store, struct pr_fdb *fdb, struct pr_error *err)
{
    size_t first = fdb->n;
    if (fetch_tables(src, context, extra, n_extra, store, err) != 0 ||
        generic_fdb_interpret(store, context_vlan, context_label, fdb, err) != 0)
        return -1;
    return fetch_statuses(src, context, fdb, first, err);
}

int generic_read_fdb(struct pr_snmp_source *src, struct pr_fdb *fdb, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_fdb_read(src, NULL, -1, NULL, NULL, 0, &store, fdb, err);
    pr_snmp_store_free(&store);
    return rc;
}
