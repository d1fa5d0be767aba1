/* SPDX-License-Identifier: BSD-3-Clause */
/* A recorded walk as a source: the file is read once into a compact
 * recording (recording.h), fetches copy the requested subtrees and scalars
 * out of it into the caller's store. A context ("98") reads the sibling
 * recording NAME@98.EXT, loaded on first use and kept. */
#include "snmp/source_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snmp/walk.h"
#include "util/strutil.h"

struct walk_context {
    char name[128];
    struct pr_snmp_rec rec;
    struct walk_context *next;
};

struct walk_priv {
    char path[4096];
    struct pr_snmp_rec rec;
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

static const struct pr_snmp_rec *context_rec(struct pr_snmp_source *src, const char *context,
                                             struct pr_error *err)
{
    struct walk_priv *priv = src->priv;
    if (context == NULL)
        return &priv->rec;
    for (struct walk_context *wc = priv->contexts; wc != NULL; wc = wc->next) {
        if (strcmp(wc->name, context) == 0)
            return &wc->rec;
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
    pr_snmp_rec_init(&wc->rec);
    char path[4200];
    sibling_path(priv->path, context, path, sizeof path);
    struct pr_snmp_walk_stats stats;
    if (pr_snmp_walk_load_recording(path, 0, &wc->rec, &stats, err) != 0) {
        if (err != NULL && err->code == PR_ERR_NOT_FOUND)
            pr_error_set(err, PR_ERR_NOT_FOUND, "%s: no recording for context '%s' (%s)",
                         src->where, context, path);
        pr_snmp_rec_free(&wc->rec);
        free(wc);
        return NULL;
    }
    warn_malformed(src, path, &stats);
    wc->next = priv->contexts;
    priv->contexts = wc;
    return &wc->rec;
}

static int walk_fetch(struct pr_snmp_source *src, const char *context,
                      const struct pr_snmp_request *req, size_t n_req, struct pr_snmp_store *out,
                      struct pr_error *err)
{
    const struct pr_snmp_rec *rec = context_rec(src, context, err);
    if (rec == NULL)
        return -1;
    for (size_t i = 0; i < n_req; i++) {
        int rc = req[i].scalar ? pr_snmp_rec_copy_scalar(out, rec, req[i].oid, req[i].len, err)
                               : pr_snmp_rec_copy_subtree(out, rec, req[i].oid, req[i].len, err);
        if (rc != 0)
            return -1;
    }
    return 0;
}

static void walk_close(struct pr_snmp_source *src)
{
    struct walk_priv *priv = src->priv;
    if (priv == NULL)
        return;
    pr_snmp_rec_free(&priv->rec);
    struct walk_context *wc = priv->contexts;
    while (wc != NULL) {
        struct walk_context *next = wc->next;
        pr_snmp_rec_free(&wc->rec);
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
    pr_snmp_rec_init(&priv->rec);
    struct pr_snmp_walk_stats stats;
    if (pr_snmp_walk_load_recording(path, 0, &priv->rec, &stats, err) != 0) {
        pr_snmp_rec_free(&priv->rec);
        free(priv);
        return NULL;
    }
    struct pr_snmp_source *src = pr_snmp_source_new(&walk_ops, path, priv);
    if (src == NULL) {
        pr_snmp_rec_free(&priv->rec);
        free(priv);
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    warn_malformed(src, path, &stats);
    return src;
}
