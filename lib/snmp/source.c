/* SPDX-License-Identifier: BSD-3-Clause */
/* The public face of every SNMP source: dispatch to the kind's operations,
 * and the option defaults. */
#include "snmp/source_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

void pr_snmp_options_defaults(struct pr_snmp_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->version = PR_SNMP_V2C;
    pr_strlcpy(opts->community, PR_SNMP_DEFAULT_COMMUNITY, sizeof opts->community);
    /* level stays empty: the live source picks it from what is given
     * (priv passphrase: authPriv; auth passphrase: authNoPriv). */
    opts->timeout_s = 2.0;
    opts->retries = 1;
    opts->max_repetitions = 0;
}

struct pr_snmp_source *pr_snmp_source_new(const struct pr_snmp_source_ops *ops, const char *where,
                                          void *priv)
{
    struct pr_snmp_source *src = calloc(1, sizeof *src);
    if (src == NULL)
        return NULL;
    src->ops = ops;
    pr_strlcpy(src->where, where, sizeof src->where);
    src->priv = priv;
    return src;
}

void pr_snmp_source_close(struct pr_snmp_source *src)
{
    if (src == NULL)
        return;
    src->ops->close(src);
    free(src);
}

int pr_snmp_source_fetch(struct pr_snmp_source *src, const char *context,
                         const struct pr_snmp_request *req, size_t n_req, struct pr_snmp_store *out,
                         struct pr_error *err)
{
    if (context != NULL && context[0] == '\0')
        context = NULL;
    for (size_t i = 0; i < n_req; i++) {
        if (req[i].len == 0 || req[i].len > PR_SNMP_OID_MAX)
            return pr_error_set(err, PR_ERR_USAGE, "request %zu: OID of %zu sub-identifiers", i,
                                req[i].len);
    }
    return src->ops->fetch(src, context, req, n_req, out, err);
}

const char *pr_snmp_source_kind(const struct pr_snmp_source *src)
{
    return src->ops->kind;
}

const char *pr_snmp_source_where(const struct pr_snmp_source *src)
{
    return src->where;
}

const char *pr_snmp_source_warning(const struct pr_snmp_source *src)
{
    return src->warning;
}

void pr_snmp_source_warn(struct pr_snmp_source *src, const char *fmt, ...)
{
    char what[PR_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (strstr(src->warning, what) != NULL)
        return;
    size_t have = strlen(src->warning);
    if (have > 0 && have + 2 + strlen(what) >= sizeof src->warning)
        return;
    pr_strlcatf(src->warning, sizeof src->warning, "%s%s", have ? "; " : "", what);
}

unsigned long pr_snmp_source_requests(const struct pr_snmp_source *src)
{
    return src->requests;
}

unsigned long pr_snmp_source_varbinds(const struct pr_snmp_source *src)
{
    return src->varbinds;
}

void pr_snmp_source_expect(struct pr_snmp_source *src, const struct pr_snmp_request *req,
                           size_t n_req)
{
    for (size_t i = 0; i < n_req; i++) {
        if (req[i].len == 0 || req[i].len > PR_SNMP_OID_MAX)
            return;
    }
    if (src->ops->expect != NULL)
        src->ops->expect(src, req, n_req);
}

int pr_snmp_source_set_integer(struct pr_snmp_source *src, const uint32_t *oid, size_t len,
                               int64_t value, struct pr_error *err)
{
    if (src->ops->set_integer == NULL)
        return pr_error_set(err, PR_ERR_UNSUPPORTED, "%s: a %s source cannot set values",
                            src->where, src->ops->kind);
    if (len == 0 || len > PR_SNMP_OID_MAX)
        return pr_error_set(err, PR_ERR_USAGE, "SET of an OID of %zu sub-identifiers", len);
    return src->ops->set_integer(src, oid, len, value, err);
}
