/* SPDX-License-Identifier: BSD-3-Clause */
/* Fetching ahead: a caller that knows what its next fetches of the default
 * context will ask for (the objects every driver reads, before the driver
 * is chosen) says so, and the first fetch asks the agent for all of it in
 * one walk, so the driver-choice scalars ride in the same GETBULKs as the
 * tables. Each expected object is then handed out once, to the fetch that
 * asks for it, and the copy goes when every one has been. */
#include "snmp/live.h"

#include <stdlib.h>
#include <string.h>

struct live_ahead {
    struct pr_snmp_request *req; /* the expected objects, their OIDs in oids */
    uint32_t *oids;
    bool *served;
    size_t n;
    bool fetched;
    struct pr_snmp_store store; /* what the agent answered, once fetched */
};

void live_ahead_free(struct pr_snmp_source *src)
{
    struct live_priv *priv = src->priv;
    struct live_ahead *a = priv->ahead;
    if (a == NULL)
        return;
    pr_snmp_store_free(&a->store);
    free(a->req);
    free(a->oids);
    free(a->served);
    free(a);
    priv->ahead = NULL;
}

void live_expect(struct pr_snmp_source *src, const struct pr_snmp_request *req, size_t n_req)
{
    live_ahead_free(src);
    struct live_priv *priv = src->priv;
    if (n_req == 0)
        return;
    size_t total = 0;
    for (size_t i = 0; i < n_req; i++)
        total += req[i].len;
    struct live_ahead *a = calloc(1, sizeof *a);
    if (a == NULL)
        return; /* no memory: each fetch asks for its own */
    a->req = calloc(n_req, sizeof *a->req);
    a->oids = calloc(total, sizeof *a->oids);
    a->served = calloc(n_req, sizeof *a->served);
    pr_snmp_store_init(&a->store);
    priv->ahead = a;
    if (a->req == NULL || a->oids == NULL || a->served == NULL) {
        live_ahead_free(src);
        return;
    }
    uint32_t *at = a->oids;
    for (size_t i = 0; i < n_req; i++) {
        memcpy(at, req[i].oid, req[i].len * sizeof *at);
        a->req[i] = (struct pr_snmp_request){at, req[i].len, req[i].scalar};
        at += req[i].len;
    }
    a->n = n_req;
}

static bool same_request(const struct pr_snmp_request *x, const struct pr_snmp_request *y)
{
    return x->scalar == y->scalar && x->len == y->len &&
           memcmp(x->oid, y->oid, x->len * sizeof *x->oid) == 0;
}

/* The expected object that r is; -1 when none. */
static long expected(const struct live_ahead *a, const struct pr_snmp_request *r)
{
    for (size_t i = 0; i < a->n; i++) {
        if (same_request(&a->req[i], r))
            return (long)i;
    }
    return -1;
}

/* The expected objects and those of req that are not among them, in one
 * walk into a->store. */
static int fetch_all(struct pr_snmp_source *src, struct live_ahead *a,
                     const struct pr_snmp_request *req, size_t n_req, struct pr_error *err)
{
    struct pr_snmp_request *all = calloc(a->n + n_req, sizeof *all);
    if (all == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    memcpy(all, a->req, a->n * sizeof *all);
    size_t n = a->n;
    for (size_t i = 0; i < n_req; i++) {
        if (expected(a, &req[i]) < 0)
            all[n++] = req[i];
    }
    int rc = live_walk_fetch(src, NULL, all, n, &a->store, err);
    free(all);
    a->fetched = rc == 0;
    return rc;
}

static int hand_out(struct live_ahead *a, const struct pr_snmp_request *r,
                    struct pr_snmp_store *out, struct pr_error *err)
{
    if (!r->scalar)
        return pr_snmp_store_copy_subtree(out, &a->store, r->oid, r->len, err);
    const struct pr_snmp_varbind *vb = pr_snmp_store_get(&a->store, r->oid, r->len);
    return vb == NULL ? 0 : pr_snmp_store_add(out, vb->name, vb->name_len, &vb->value, err);
}

int live_fetch(struct pr_snmp_source *src, const char *context, const struct pr_snmp_request *req,
               size_t n_req, struct pr_snmp_store *out, struct pr_error *err)
{
    struct live_priv *priv = src->priv;
    struct live_ahead *a = priv->ahead;
    if (a == NULL || context != NULL)
        return live_walk_fetch(src, context, req, n_req, out, err);
    bool first = !a->fetched;
    if (first && fetch_all(src, a, req, n_req, err) != 0) {
        live_ahead_free(src);
        return -1;
    }
    /* The first fetch took all of req along; a later one asks the agent
     * for what was not expected. */
    struct pr_snmp_request *rest = calloc(n_req + 1, sizeof *rest);
    if (rest == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    size_t n_rest = 0;
    int rc = 0;
    for (size_t i = 0; i < n_req && rc == 0; i++) {
        long e = expected(a, &req[i]);
        if (e >= 0)
            a->served[e] = true;
        if (e >= 0 || first)
            rc = hand_out(a, &req[i], out, err);
        else
            rest[n_rest++] = req[i];
    }
    if (rc == 0 && n_rest > 0)
        rc = live_walk_fetch(src, NULL, rest, n_rest, out, err);
    free(rest);
    bool all_served = true;
    for (size_t i = 0; i < a->n; i++)
        all_served = all_served && a->served[i];
    if (all_served)
        live_ahead_free(src);
    return rc;
}
