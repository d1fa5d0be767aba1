/* SPDX-License-Identifier: BSD-3-Clause */
/* The inside of struct pr_snmp_source: one set of operations per kind (live
 * agent, walk file) behind the public calls of source.h. Internal to
 * lib/snmp. */
#ifndef PR_SNMP_SOURCE_IMPL_H
#define PR_SNMP_SOURCE_IMPL_H

#include "snmp/source.h"

struct pr_snmp_source_ops {
    const char *kind;
    int (*fetch)(struct pr_snmp_source *src, const char *context, const struct pr_snmp_request *req,
                 size_t n_req, struct pr_snmp_store *out, struct pr_error *err);
    int (*set_integer)(struct pr_snmp_source *src, const uint32_t *oid, size_t len, int64_t value,
                       struct pr_error *err);
    /* NULL: the kind has nothing to gain from knowing ahead. */
    void (*expect)(struct pr_snmp_source *src, const struct pr_snmp_request *req, size_t n_req);
    void (*close)(struct pr_snmp_source *src);
};

struct pr_snmp_source {
    const struct pr_snmp_source_ops *ops;
    char where[512];        /* host[:port] or the file path */
    unsigned long requests; /* request PDUs sent */
    unsigned long varbinds; /* varbinds in the answers to them */
    void *priv;             /* owned by the kind; freed by ops->close */
    /* What was read around and left out (malformed lines of a recording,
     * an agent's unusable varbinds); "" when nothing was. */
    char warning[PR_ERROR_MSG_MAX];
    size_t unusable;          /* varbinds an agent sent that could not be used */
    char first_unusable[200]; /* the first of them: OID, type, size */
};

/* Adds a sentence to src->warning ("; " between two); the first stays
 * whole when both do not fit. */
void pr_snmp_source_warn(struct pr_snmp_source *src, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Allocates a source of the given kind; NULL when out of memory. */
struct pr_snmp_source *pr_snmp_source_new(const struct pr_snmp_source_ops *ops, const char *where,
                                          void *priv);

#endif
