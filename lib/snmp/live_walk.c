/* SPDX-License-Identifier: BSD-3-Clause */
/* Fetching from a live agent: table columns by GETBULK carrying every
 * column at once (GETNEXT under v1), each column advanced on its own until
 * it leaves its subtree, as many rows of each as the agent's answer holds
 * (live_plan.h); the scalars ride in the first GETBULK as non-repeaters,
 * with the counts that tell the tables' rows (live_rows.h). Scalars with
 * no column to ride with go by GET (several per PDU). */
#include "snmp/live.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snmp/live_plan.h"
#include "snmp/live_rows.h"

#define LIVE_SCALARS_PER_PDU 32
#define LIVE_COLUMNS_PER_PDU 64
#define LIVE_GETNEXT_COLUMNS 32
#define LIVE_MAX_ROWS        1000000

struct column {
    const uint32_t *prefix;
    size_t prefix_len;
    uint32_t last[PR_SNMP_OID_MAX];
    size_t last_len;
    bool done;
    size_t seen; /* rows read */
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
    col->seen++;
    return 1;
}

/* One walk: its columns, the scalars riding along, what the agent showed. */
struct walk {
    struct pr_snmp_source *src;
    const char *context;
    struct pr_snmp_store *out;
    struct column *cols;
    size_t n_cols;
    size_t rows; /* varbinds stored, against LIVE_MAX_ROWS */
    /* Scalars for the next GETBULK's non-repeaters (GETNEXT of their
     * parent); those whose answer cannot tell go to later, for a GET. */
    const struct pr_snmp_request **riders;
    size_t n_riders;
    const struct pr_snmp_request **later;
    size_t n_later;
    bool counts_asked;
    struct live_counts counts;
    struct live_budget budget;
    struct pr_error *err;
};

/* The rows a column's table has, as far as the agent told: a finished
 * column of the same table (the same OID but the last arc), else the
 * counts; 0 when unknown. */
static size_t table_rows(const struct walk *w, const struct column *col)
{
    for (size_t i = 0; i < w->n_cols; i++) {
        const struct column *c = &w->cols[i];
        if (c->done && c->prefix_len == col->prefix_len &&
            memcmp(c->prefix, col->prefix, (col->prefix_len - 1) * sizeof *col->prefix) == 0)
            return c->seen;
    }
    return live_counts_rows(&w->counts, col->prefix, col->prefix_len);
}

/* A rider's answer: the scalar itself, something past it (the scalar is
 * absent) or something before it (GET it later). */
static int take_rider(struct walk *w, const struct pr_snmp_request *s,
                      const netsnmp_variable_list *vb, struct pr_error *err)
{
    uint32_t name[PR_SNMP_OID_MAX];
    size_t name_len;
    if (vb == NULL || !name_from_netsnmp(vb, name, &name_len)) {
        w->later[w->n_later++] = s;
        return 0;
    }
    if (is_exception(vb->type))
        return 0; /* endOfMibView: nothing past the parent */
    int cmp = pr_snmp_oid_compare(name, name_len, s->oid, s->len);
    if (cmp < 0)
        w->later[w->n_later++] = s;
    if (cmp != 0)
        return 0;
    if (++w->rows > LIVE_MAX_ROWS)
        return pr_error_set(err, PR_ERR_PROTOCOL, "%s: more than %d varbinds in one fetch",
                            w->src->where, LIVE_MAX_ROWS);
    return store_varbind(w->src, vb, name, name_len, w->out, err);
}

static void take_count(struct walk *w, size_t i, const netsnmp_variable_list *vb)
{
    size_t len;
    const uint32_t *want = live_count_oid(i, &len);
    if (vb == NULL || vb->name_length != len || vb->val.integer == NULL ||
        (vb->type != ASN_INTEGER && vb->type != ASN_GAUGE))
        return;
    for (size_t k = 0; k < len; k++) {
        if (vb->name[k] != want[k])
            return;
    }
    long v = *vb->val.integer;
    w->counts.rows[i] = v > 0 && v < LIVE_MAX_ROWS ? (size_t)v : 0;
}

/* OID less its last arc, as a non-repeater: its GETNEXT answers OID. */
static void add_parent(netsnmp_pdu *pdu, const uint32_t *name, size_t len)
{
    add_oid(pdu, name, len - 1);
}

/* Which active columns the next request carries, and how many rows each. */
static size_t plan_request(struct walk *w, struct column **active, size_t n, size_t *pick,
                           int *reps, int reps_cap)
{
    struct live_priv *priv = w->src->priv;
    if (priv->opts.max_repetitions > 0 || priv->opts.version == PR_SNMP_V1) {
        /* Repetitions set by the caller (or GETNEXT): every column, at most
         * LIVE_GETNEXT_COLUMNS under v1 (whose agents answer tooBig with
         * nothing to go on). */
        if (priv->opts.version == PR_SNMP_V1 && n > LIVE_GETNEXT_COLUMNS)
            n = LIVE_GETNEXT_COLUMNS;
        for (size_t i = 0; i < n; i++)
            pick[i] = i;
        int r = priv->opts.version == PR_SNMP_V1 ? 1 : priv->opts.max_repetitions;
        *reps = r > reps_cap ? reps_cap : r;
        return n;
    }
    /* A column of a table no count tells is expected as long as the
     * interfaces, else as the longest column finished, else as one full
     * answer. */
    size_t guess = w->counts.rows[0];
    for (size_t i = 0; i < w->n_cols && w->counts.rows[0] == 0; i++) {
        if (w->cols[i].done && w->cols[i].seen > guess)
            guess = w->cols[i].seen;
    }
    if (guess == 0)
        guess = LIVE_PLAN_FIRST_BUDGET;
    size_t need[LIVE_COLUMNS_PER_PDU];
    for (size_t i = 0; i < n; i++)
        need[i] = live_plan_need(active[i]->seen, table_rows(w, active[i]), guess);
    size_t r = 1;
    size_t k = live_plan_pick(need, n, live_budget_get(&w->budget), pick, &r);
    *reps = r > INT_MAX ? INT_MAX : (int)r;
    return k;
}

static size_t answer_varbinds(const netsnmp_pdu *resp)
{
    size_t n = 0;
    for (const netsnmp_variable_list *vb = resp->variables; vb != NULL; vb = vb->next_variable)
        n++;
    return n;
}

/* The non-repeaters' answers: the riders', then the counts'. Returns the
 * first varbind past them, or -1 in *rc. */
static const netsnmp_variable_list *take_non_repeaters(struct walk *w, const netsnmp_pdu *resp,
                                                       size_t n_counts, int *rc,
                                                       struct pr_error *err)
{
    const netsnmp_variable_list *vb = resp->variables;
    *rc = 0;
    for (size_t i = 0; i < w->n_riders && *rc == 0; i++) {
        *rc = take_rider(w, w->riders[i], vb, err);
        if (vb != NULL)
            vb = vb->next_variable;
    }
    for (size_t i = 0; i < n_counts; i++) {
        take_count(w, i, vb);
        if (vb != NULL)
            vb = vb->next_variable;
    }
    w->n_riders = 0;
    return vb;
}

/* Walks a batch of columns together until every one is finished; the
 * riders go with the first request. */
static int walk_columns(struct walk *w)
{
    struct pr_snmp_source *src = w->src;
    struct live_priv *priv = src->priv;
    bool bulk = priv->opts.version != PR_SNMP_V1;
    /* Repetitions the caller set are halved for the rest of the walk by
     * an agent's tooBig. */
    int reps_cap = INT_MAX;
    for (;;) {
        struct column *active[LIVE_COLUMNS_PER_PDU];
        size_t n = 0;
        for (size_t i = 0; i < w->n_cols; i++)
            if (!w->cols[i].done)
                active[n++] = &w->cols[i];
        if (n == 0)
            return 0;
        size_t pick[LIVE_COLUMNS_PER_PDU];
        int reps = 1;
        size_t k = plan_request(w, active, n, pick, &reps, reps_cap);
        struct column *asked[LIVE_COLUMNS_PER_PDU];
        for (size_t i = 0; i < k; i++)
            asked[i] = active[pick[i]];
        size_t n_counts = bulk && !w->counts_asked ? LIVE_COUNTS : 0;
        size_t n_nr = bulk ? w->n_riders + n_counts : 0;
        netsnmp_pdu *pdu =
            live_pdu_new(src, bulk ? SNMP_MSG_GETBULK : SNMP_MSG_GETNEXT, w->context);
        if (pdu == NULL)
            return pr_error_set(w->err, PR_ERR_INTERNAL, "out of memory");
        if (bulk) {
            pdu->non_repeaters = (long)n_nr;
            pdu->max_repetitions = reps;
            for (size_t i = 0; i < w->n_riders; i++)
                add_parent(pdu, w->riders[i]->oid, w->riders[i]->len);
            for (size_t i = 0; i < n_counts; i++) {
                size_t len;
                const uint32_t *count = live_count_oid(i, &len);
                add_parent(pdu, count, len);
            }
        }
        for (size_t i = 0; i < k; i++)
            add_oid(pdu, asked[i]->last, asked[i]->last_len);
        netsnmp_pdu *resp;
        if (live_exchange(src, pdu, &resp, w->err) != 0)
            return -1;
        if (!bulk && resp->errstat == SNMP_ERR_NOSUCHNAME && resp->errindex >= 1 &&
            (size_t)resp->errindex <= k) {
            asked[resp->errindex - 1]->done = true; /* v1: past the end of the MIB */
            snmp_free_pdu(resp);
            continue;
        }
        if (bulk && resp->errstat == SNMP_ERR_TOOBIG && (size_t)reps * k > 1) {
            if (reps > 1)
                reps_cap = reps / 2;
            live_budget_halve(&w->budget, k, (size_t)reps);
            snmp_free_pdu(resp);
            continue;
        }
        if (resp->errstat != SNMP_ERR_NOERROR) {
            int rc = live_error_status(src, resp, w->err);
            snmp_free_pdu(resp);
            return rc;
        }
        size_t total = answer_varbinds(resp);
        size_t skip = n_nr < total ? n_nr : total;
        int rc = 0;
        const netsnmp_variable_list *first =
            bulk ? take_non_repeaters(w, resp, n_counts, &rc, w->err) : resp->variables;
        if (rc != 0) {
            snmp_free_pdu(resp);
            return -1;
        }
        w->counts_asked = w->counts_asked || n_counts > 0;
        size_t got = total - skip;
        if (bulk && got == 0 && (size_t)reps * k > 1) {
            /* No room for even one row of each: fewer columns next. */
            live_budget_halve(&w->budget, k, (size_t)reps);
            snmp_free_pdu(resp);
            continue;
        }
        if (bulk)
            live_budget_learn(&w->budget, k, (size_t)reps, got);
        /* Repetition r of column c is varbind r * k + c: an answer whose
         * varbinds are not in that order is refused whole, before a column
         * takes its neighbour's rows for its own end. */
        struct live_align_column align[LIVE_COLUMNS_PER_PDU];
        for (size_t i = 0; i < k; i++)
            align[i] = (struct live_align_column){asked[i]->prefix, asked[i]->prefix_len,
                                                  asked[i]->last, asked[i]->last_len};
        if (live_check_alignment(src->where, resp, skip, align, k, bulk ? (size_t)reps : 1,
                                 w->err) != 0) {
            snmp_free_pdu(resp);
            return -1;
        }
        size_t index = 0;
        int progress = 0;
        for (const netsnmp_variable_list *vb = first; vb != NULL && rc >= 0;
             vb = vb->next_variable, index++) {
            struct column *col = asked[index % k];
            if (col->done)
                continue;
            rc = column_take(src, col, vb, w->out, &w->rows, w->err);
            progress += rc == 1 || col->done;
        }
        snmp_free_pdu(resp);
        if (rc < 0)
            return -1;
        if (progress == 0)
            return pr_error_set(w->err, PR_ERR_PROTOCOL,
                                "%s: agent answered a walk with no varbinds", src->where);
    }
}

int live_walk_fetch(struct pr_snmp_source *src, const char *context,
                    const struct pr_snmp_request *req, size_t n_req, struct pr_snmp_store *out,
                    struct pr_error *err)
{
    if (live_session_ensure(src, err) != 0)
        return -1;
    struct live_priv *priv = src->priv;
    bool bulk = priv->opts.version != PR_SNMP_V1;
    size_t n_scalars = 0, n_columns = 0;
    for (size_t i = 0; i < n_req; i++) {
        if (req[i].scalar)
            n_scalars++;
        else
            n_columns++;
    }
    struct walk w = {.src = src, .context = context, .out = out, .err = err};
    w.cols = calloc(LIVE_COLUMNS_PER_PDU, sizeof *w.cols);
    const struct pr_snmp_request **scalars = calloc(n_scalars + 1, sizeof *scalars);
    w.later = calloc(n_scalars + 1, sizeof *w.later);
    if (w.cols == NULL || scalars == NULL || w.later == NULL) {
        free(w.cols);
        free(scalars);
        free(w.later);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    n_scalars = 0;
    for (size_t i = 0; i < n_req; i++) {
        if (req[i].scalar)
            scalars[n_scalars++] = &req[i];
    }
    /* Under GETBULK the first scalars ride with the columns (a scalar of
     * one arc has no parent to ask: it is read by GET). */
    size_t next_scalar = 0;
    if (bulk && n_columns > 0) {
        w.riders = scalars;
        while (w.n_riders < n_scalars && w.n_riders < LIVE_SCALARS_PER_PDU &&
               scalars[w.n_riders]->len > 1)
            w.n_riders++;
        next_scalar = w.n_riders;
    }
    int rc = 0;
    for (size_t i = 0; i < n_req && rc == 0; i++) {
        if (req[i].scalar)
            continue;
        struct column *col = &w.cols[w.n_cols++];
        memset(col, 0, sizeof *col);
        col->prefix = req[i].oid;
        col->prefix_len = req[i].len;
        memcpy(col->last, req[i].oid, req[i].len * sizeof *req[i].oid);
        col->last_len = req[i].len;
        if (w.n_cols == LIVE_COLUMNS_PER_PDU) {
            rc = walk_columns(&w);
            w.n_cols = 0;
        }
    }
    if (rc == 0 && w.n_cols > 0)
        rc = walk_columns(&w);
    /* The scalars that rode nowhere, or whose answer could not tell. */
    for (size_t i = next_scalar; i < n_scalars && rc == 0; i += LIVE_SCALARS_PER_PDU) {
        size_t n = n_scalars - i < LIVE_SCALARS_PER_PDU ? n_scalars - i : LIVE_SCALARS_PER_PDU;
        rc = get_scalars(src, context, scalars + i, n, out, err);
    }
    for (size_t i = 0; i < w.n_later && rc == 0; i += LIVE_SCALARS_PER_PDU) {
        size_t n = w.n_later - i < LIVE_SCALARS_PER_PDU ? w.n_later - i : LIVE_SCALARS_PER_PDU;
        rc = get_scalars(src, context, w.later + i, n, out, err);
    }
    free(w.cols);
    free(scalars);
    free(w.later);
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
