/* SPDX-License-Identifier: BSD-3-Clause */
/* A recorded walk as a source: the whole file is loaded once, fetches copy
 * the requested subtrees and scalars out of it. A context ("98") reads the
 * sibling recording NAME@98.EXT, loaded on first use and kept. */
#include "snmp/source_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snmp/walk.h"
#include "util/strutil.h"

struct walk_context {
    char name[128];
    struct pr_snmp_store store;
    struct walk_context *next;
};

struct walk_priv {
    char path[4096];
    struct pr_snmp_store store;
    struct walk_context *contexts;
};

/* "dir/NAME.snmprec" + "98" -> "dir/NAME@98.snmprec" (no extension:
 * "dir/NAME@98"). */
static void sibling_path(const char *path, const char *context, char *buf, size_t buf_len)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    if (dot == NULL || (slash != NULL && dot < slash) || dot == (slash ? slash + 1 : path))
        dot = path + strlen(path);
    snprintf(buf, buf_len, "%.*s@%s%s", (int)(dot - path), path, context, dot);
}

static void warn_malformed(struct pr_snmp_source *src, const char *path,
                           const struct pr_snmp_walk_stats *stats)
{
    char note[PR_ERROR_MSG_MAX];
    pr_snmp_walk_malformed_note(stats, note, sizeof note);
    if (note[0] != '\0')
        pr_snmp_source_warn(src, "%s: %s", path, note);
}

static struct pr_snmp_store *context_store(struct pr_snmp_source *src, const char *context,
                                           struct pr_error *err)
{
    struct walk_priv *priv = src->priv;
    if (context == NULL)
        return &priv->store;
    for (struct walk_context *wc = priv->contexts; wc != NULL; wc = wc->next) {
        if (strcmp(wc->name, context) == 0)
            return &wc->store;
    }
    if (strlen(context) >= sizeof priv->contexts->name || strchr(context, '/') != NULL) {
        pr_error_set(err, PR_ERR_USAGE, "%s: bad context name '%.40s'", src->where, context);
        return NULL;
    }
    struct walk_context *wc = calloc(1, sizeof *wc);
    if (wc == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    pr_strlcpy(wc->name, context, sizeof wc->name);
    pr_snmp_store_init(&wc->store);
    char path[4200];
    sibling_path(priv->path, context, path, sizeof path);
    struct pr_snmp_walk_stats stats;
    if (pr_snmp_walk_load_file(path, &wc->store, &stats, err) != 0) {
        if (err != NULL && err->code == PR_ERR_NOT_FOUND)
            pr_error_set(err, PR_ERR_NOT_FOUND, "%s: no recording for context '%s' (%s)",
                         src->where, context, path);
        pr_snmp_store_free(&wc->store);
        free(wc);
        return NULL;
    }
    warn_malformed(src, path, &stats);
    wc->next = priv->contexts;
    priv->contexts = wc;
    return &wc->store;
}

static int walk_fetch(struct pr_snmp_source *src, const char *context,
                      const struct pr_snmp_request *req, size_t n_req, struct pr_snmp_store *out,
                      struct pr_error *err)
{
    struct pr_snmp_store *store = context_store(src, context, err);
    if (store == NULL)
        return -1;
    for (size_t i = 0; i < n_req; i++) {
        if (req[i].scalar) {
            const struct pr_snmp_varbind *vb = pr_snmp_store_get(store, req[i].oid, req[i].len);
            if (vb == NULL || vb->value.type >= PR_SNMP_T_NOSUCHOBJECT)
                continue;
            if (pr_snmp_store_add(out, vb->name, vb->name_len, &vb->value, err) != 0)
                return -1;
        } else if (pr_snmp_store_copy_subtree(out, store, req[i].oid, req[i].len, err) != 0) {
            return -1;
        }
    }
    return 0;
}

static void walk_close(struct pr_snmp_source *src)
{
    struct walk_priv *priv = src->priv;
    if (priv == NULL)
        return;
    pr_snmp_store_free(&priv->store);
    struct walk_context *wc = priv->contexts;
    while (wc != NULL) {
        struct walk_context *next = wc->next;
        pr_snmp_store_free(&wc->store);
        free(wc);
        wc = next;
    }
    free(priv);
}

static const struct pr_snmp_source_ops walk_ops = {
    .kind = "walk",
    .fetch = walk_fetch,
    .set_integer = NULL,
    .close = walk_close,
};

struct pr_snmp_source *pr_snmp_source_open_walk(const char *path, struct pr_error *err)
{
    struct walk_priv *priv = calloc(1, sizeof *priv);
    if (priv == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    pr_strlcpy(priv->path, path, sizeof priv->path);
    pr_snmp_store_init(&priv->store);
    struct pr_snmp_walk_stats stats;
    if (pr_snmp_walk_load_file(path, &priv->store, &stats, err) != 0) {
        pr_snmp_store_free(&priv->store);
        free(priv);
        return NULL;
    }
    struct pr_snmp_source *src = pr_snmp_source_new(&walk_ops, path, priv);
    if (src == NULL) {
        pr_snmp_store_free(&priv->store);
        free(priv);
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    warn_malformed(src, path, &stats);
    return src;
}
