/* SPDX-License-Identifier: BSD-3-Clause */
/* Fetching from a live agent: scalars by GET (several per PDU), table
 * columns by GETBULK carrying every column at once (GETNEXT under v1),
 * each column advanced on its own until it leaves its subtree. */
#include "snmp/live.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE_SCALARS_PER_PDU  32
#define LIVE_COLUMNS_PER_PDU  32
#define LIVE_REPS_PER_COLUMN  25
#define LIVE_VARBINDS_PER_PDU 250
#define LIVE_MAX_ROWS         1000000

struct column {
    const uint32_t *prefix;
    size_t prefix_len;
    uint32_t last[PR_SNMP_OID_MAX];
    size_t last_len;
    bool done;
};

/* net-snmp's answer -> our value. false for a type we do not keep. */
static bool value_from_netsnmp(const netsnmp_variable_list *vb, struct pr_snmp_value *v,
                               uint32_t *oid_buf)
{
    memset(v, 0, sizeof *v);
    switch (vb->type) {
    case ASN_INTEGER:
        v->type = PR_SNMP_T_INTEGER;
        v->num = (int32_t)*vb->val.integer;
        return true;
    case ASN_COUNTER:
    case ASN_GAUGE:
    case ASN_TIMETICKS:
        v->type = vb->type == ASN_COUNTER ? PR_SNMP_T_COUNTER32
                  : vb->type == ASN_GAUGE ? PR_SNMP_T_GAUGE32
                                          : PR_SNMP_T_TIMETICKS;
        v->num = (uint32_t)*vb->val.integer;
        return true;
    case ASN_COUNTER64:
        v->type = PR_SNMP_T_COUNTER64;
        v->num =
            (int64_t)((uint64_t)vb->val.counter64->high << 32 | (uint32_t)vb->val.counter64->low);
        return true;
    case ASN_OCTET_STR:
    case ASN_OPAQUE:
    case ASN_IPADDRESS:
        v->type = vb->type == ASN_OCTET_STR ? PR_SNMP_T_OCTETS
                  : vb->type == ASN_OPAQUE  ? PR_SNMP_T_OPAQUE
                                            : PR_SNMP_T_IPADDR;
        v->bytes = vb->val.string;
        v->len = vb->val_len;
        return true;
    case ASN_NULL:
        v->type = PR_SNMP_T_NULL;
        return true;
    case ASN_OBJECT_ID: {
        size_t n = vb->val_len / sizeof(oid);
        if (n > PR_SNMP_OID_MAX)
            return false;
        for (size_t i = 0; i < n; i++)
            oid_buf[i] = (uint32_t)vb->val.objid[i];
        v->type = PR_SNMP_T_OID;
        v->oid = oid_buf;
        v->oid_len = n;
        return true;
    }
    default:
        return false;
    }
}

static bool name_from_netsnmp(const netsnmp_variable_list *vb, uint32_t *name, size_t *len)
{
    if (vb->name_length == 0 || vb->name_length > PR_SNMP_OID_MAX)
        return false;
    for (size_t i = 0; i < vb->name_length; i++) {
        if (vb->name[i] > UINT32_MAX)
            return false;
        name[i] = (uint32_t)vb->name[i];
    }
    *len = vb->name_length;
    return true;
}

static bool is_exception(u_char type)
{
    return type == SNMP_NOSUCHOBJECT || type == SNMP_NOSUCHINSTANCE || type == SNMP_ENDOFMIBVIEW;
}

/* A varbind whose value cannot be used (a type no interpreter reads, an
 * IpAddress that is not 4 bytes, an OID too long): left out, counted, and
 * the first named in the source's warning. */
static void note_unusable(struct pr_snmp_source *src, const netsnmp_variable_list *vb,
                          const uint32_t *name, size_t name_len)
{
    if (src->unusable++ == 0) {
        char oid_text[160];
        pr_snmp_oid_format(name, name_len, oid_text, sizeof oid_text);
        snprintf(src->first_unusable, sizeof src->first_unusable,
                 "%s (ASN.1 type 0x%02x, %zu bytes)", oid_text, (unsigned)vb->type, vb->val_len);
    }
    snprintf(src->warning, sizeof src->warning,
             "%s: skipped %zu unusable varbind%s the agent sent, the first: %s", src->where,
             src->unusable, src->unusable == 1 ? "" : "s", src->first_unusable);
}

static int store_varbind(struct pr_snmp_source *src, const netsnmp_variable_list *vb,
                         const uint32_t *name, size_t name_len, struct pr_snmp_store *out,
                         struct pr_error *err)
{
    struct pr_snmp_value v;
    uint32_t oid_buf[PR_SNMP_OID_MAX];
    if (!value_from_netsnmp(vb, &v, oid_buf) || (v.type == PR_SNMP_T_IPADDR && v.len != 4)) {
        note_unusable(src, vb, name, name_len);
        return 0;
    }
    return pr_snmp_store_add(out, name, name_len, &v, err);
}

static void add_oid(netsnmp_pdu *pdu, const uint32_t *name, size_t len)
{
    oid buf[PR_SNMP_OID_MAX];
    for (size_t i = 0; i < len; i++)
        buf[i] = name[i];
    snmp_add_null_var(pdu, buf, len);
}

/* One GET of up to LIVE_SCALARS_PER_PDU scalars; under v1 a noSuchName
 * answer drops the named varbind and asks again for the rest. */
static int get_scalars(struct pr_snmp_source *src, const char *context,
                       const struct pr_snmp_request **scalars, size_t n, struct pr_snmp_store *out,
                       struct pr_error *err)
{
    const struct pr_snmp_request *left[LIVE_SCALARS_PER_PDU];
    memcpy(left, scalars, n * sizeof *left);
    while (n > 0) {
        netsnmp_pdu *pdu = live_pdu_new(src, SNMP_MSG_GET, context), *resp;
        if (pdu == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        for (size_t i = 0; i < n; i++)
            add_oid(pdu, left[i]->oid, left[i]->len);
        if (live_exchange(src, pdu, &resp, err) != 0)
            return -1;
        if (resp->errstat == SNMP_ERR_NOSUCHNAME && resp->errindex >= 1 &&
            (size_t)resp->errindex <= n) {
            size_t gone = (size_t)resp->errindex - 1;
            memmove(&left[gone], &left[gone + 1], (n - gone - 1) * sizeof *left);
            n--;
            snmp_free_pdu(resp);
            continue;
        }
        if (resp->errstat != SNMP_ERR_NOERROR) {
            int rc = live_error_status(src, resp, err);
            snmp_free_pdu(resp);
            return rc;
        }
        int rc = 0;
        for (netsnmp_variable_list *vb = resp->variables; vb != NULL && rc == 0;
             vb = vb->next_variable) {
            uint32_t name[PR_SNMP_OID_MAX];
            size_t name_len;
            if (is_exception(vb->type) || !name_from_netsnmp(vb, name, &name_len))
                continue;
            rc = store_varbind(src, vb, name, name_len, out, err);
        }
        snmp_free_pdu(resp);
        return rc;
    }
    return 0;
}

/* Takes one returned varbind for a column. 1: stored, the column goes on;
 * 0: the column is finished; -1: the agent misbehaves. */
static int column_take(struct pr_snmp_source *src, struct column *col,
                       const netsnmp_variable_list *vb, struct pr_snmp_store *out, size_t *rows,
                       struct pr_error *err)
{
    uint32_t name[PR_SNMP_OID_MAX];
    size_t name_len;
    if (is_exception(vb->type) || !name_from_netsnmp(vb, name, &name_len) ||
        !pr_snmp_oid_has_prefix(name, name_len, col->prefix, col->prefix_len)) {
        col->done = true;
        return 0;
    }
    if (pr_snmp_oid_compare(name, name_len, col->last, col->last_len) <= 0) {
        char got[256], prev[256];
        pr_snmp_oid_format(name, name_len, got, sizeof got);
        pr_snmp_oid_format(col->last, col->last_len, prev, sizeof prev);
        return pr_error_set(err, PR_ERR_PROTOCOL,
                            "%s: the agent answered out of order (%s after %s); walk stopped",
                            src->where, got, prev);
    }
    if (++*rows > LIVE_MAX_ROWS)
        return pr_error_set(err, PR_ERR_PROTOCOL, "%s: more than %d varbinds in one fetch",
                            src->where, LIVE_MAX_ROWS);
    if (store_varbind(src, vb, name, name_len, out, err) != 0)
        return -1;
    memcpy(col->last, name, name_len * sizeof *name);
    col->last_len = name_len;
    return 1;
}

static int max_repetitions(const struct live_priv *priv, size_t n_cols)
{
    if (priv->opts.max_repetitions > 0)
        return priv->opts.max_repetitions;
    size_t reps = LIVE_VARBINDS_PER_PDU / n_cols;
    if (reps > LIVE_REPS_PER_COLUMN)
        reps = LIVE_REPS_PER_COLUMN;
    return reps < 1 ? 1 : (int)reps;
}

/* Walks a batch of columns together until every one is finished. */
static int walk_columns(struct pr_snmp_source *src, const char *context, struct column *cols,
                        size_t n_cols, struct pr_snmp_store *out, size_t *rows,
                        struct pr_error *err)
{
    struct live_priv *priv = src->priv;
    bool bulk = priv->opts.version != PR_SNMP_V1;
    /* The repetitions grow as columns finish, so a long column left alone
     * is not read a handful of rows per request; an agent's tooBig caps
     * them for the rest of the walk. */
    int reps_cap = LIVE_VARBINDS_PER_PDU;
    for (;;) {
        struct column *active[LIVE_COLUMNS_PER_PDU];
        size_t n = 0;
        for (size_t i = 0; i < n_cols; i++)
            if (!cols[i].done)
                active[n++] = &cols[i];
        if (n == 0)
            return 0;
        int reps = max_repetitions(priv, n);
        if (reps > reps_cap)
            reps = reps_cap;
        netsnmp_pdu *pdu = live_pdu_new(src, bulk ? SNMP_MSG_GETBULK : SNMP_MSG_GETNEXT, context);
        if (pdu == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        if (bulk) {
            pdu->non_repeaters = 0;
            pdu->max_repetitions = reps;
        }
        for (size_t i = 0; i < n; i++)
            add_oid(pdu, active[i]->last, active[i]->last_len);
        netsnmp_pdu *resp;
        if (live_exchange(src, pdu, &resp, err) != 0)
            return -1;
        if (!bulk && resp->errstat == SNMP_ERR_NOSUCHNAME && resp->errindex >= 1 &&
            (size_t)resp->errindex <= n) {
            active[resp->errindex - 1]->done = true; /* v1: past the end of the MIB */
            snmp_free_pdu(resp);
            continue;
        }
        if (bulk && resp->errstat == SNMP_ERR_TOOBIG && reps > 1) {
            reps_cap = reps / 2;
            snmp_free_pdu(resp);
            continue;
        }
        if (resp->errstat != SNMP_ERR_NOERROR) {
            int rc = live_error_status(src, resp, err);
            snmp_free_pdu(resp);
            return rc;
        }
        /* Repetition r of column c is varbind r * n + c: an answer whose
         * varbinds are not in that order is refused whole, before a column
         * takes its neighbour's rows for its own end. */
        struct live_align_column align[LIVE_COLUMNS_PER_PDU];
        for (size_t i = 0; i < n; i++)
            align[i] = (struct live_align_column){active[i]->prefix, active[i]->prefix_len,
                                                  active[i]->last, active[i]->last_len};
        if (live_check_alignment(src->where, resp, align, n, bulk ? (size_t)reps : 1, err) != 0) {
            snmp_free_pdu(resp);
            return -1;
        }
        size_t index = 0;
        int progress = 0, rc = 0;
        for (netsnmp_variable_list *vb = resp->variables; vb != NULL && rc >= 0;
             vb = vb->next_variable, index++) {
            struct column *col = active[index % n];
            if (col->done)
                continue;
            rc = column_take(src, col, vb, out, rows, err);
            progress += rc == 1 || col->done;
        }
        snmp_free_pdu(resp);
        if (rc < 0)
            return -1;
        if (progress == 0)
            return pr_error_set(err, PR_ERR_PROTOCOL, "%s: agent answered a walk with no varbinds",
                                src->where);
    }
}

int live_fetch(struct pr_snmp_source *src, const char *context, const struct pr_snmp_request *req,
               size_t n_req, struct pr_snmp_store *out, struct pr_error *err)
{
    if (live_session_ensure(src, err) != 0)
        return -1;
    const struct pr_snmp_request *scalars[LIVE_SCALARS_PER_PDU];
    size_t n_scalars = 0;
    struct column *cols = calloc(LIVE_COLUMNS_PER_PDU, sizeof *cols);
    if (cols == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    size_t n_cols = 0, rows = 0;
    int rc = 0;
    for (size_t i = 0; i < n_req && rc == 0; i++) {
        if (req[i].scalar) {
            scalars[n_scalars++] = &req[i];
            if (n_scalars == LIVE_SCALARS_PER_PDU) {
                rc = get_scalars(src, context, scalars, n_scalars, out, err);
                n_scalars = 0;
            }
        } else {
            struct column *col = &cols[n_cols++];
            memset(col, 0, sizeof *col);
            col->prefix = req[i].oid;
            col->prefix_len = req[i].len;
            memcpy(col->last, req[i].oid, req[i].len * sizeof *req[i].oid);
            col->last_len = req[i].len;
            if (n_cols == LIVE_COLUMNS_PER_PDU) {
                rc = walk_columns(src, context, cols, n_cols, out, &rows, err);
                n_cols = 0;
            }
        }
    }
    if (rc == 0 && n_scalars > 0)
        rc = get_scalars(src, context, scalars, n_scalars, out, err);
    if (rc == 0 && n_cols > 0)
        rc = walk_columns(src, context, cols, n_cols, out, &rows, err);
    free(cols);
    return rc;
}

int live_set_integer(struct pr_snmp_source *src, const uint32_t *oid_in, size_t len, int64_t value,
                     struct pr_error *err)
{
    if (value < INT32_MIN || value > INT32_MAX)
        return pr_error_set(err, PR_ERR_USAGE, "SET value %lld is not a 32-bit INTEGER",
                            (long long)value);
    if (live_session_ensure(src, err) != 0)
        return -1;
    netsnmp_pdu *pdu = live_pdu_new(src, SNMP_MSG_SET, NULL), *resp;
    if (pdu == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    oid name[PR_SNMP_OID_MAX];
    for (size_t i = 0; i < len; i++)
        name[i] = oid_in[i];
    long v = (long)value;
    snmp_pdu_add_variable(pdu, name, len, ASN_INTEGER, &v, sizeof v);
    if (live_exchange(src, pdu, &resp, err) != 0)
        return -1;
    int rc = resp->errstat == SNMP_ERR_NOERROR ? 0 : live_error_status(src, resp, err);
    snmp_free_pdu(resp);
    return rc;
}
