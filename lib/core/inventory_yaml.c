/* SPDX-License-Identifier: BSD-3-Clause */
/* YAML node helpers for the inventory reader: every problem becomes an
 * error that names the file, line and column, and the key. Values of
 * secret keys never enter a message. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/inventory_priv.h"
#include "util/grow.h"
#include "util/secret.h"
#include "util/strutil.h"

yaml_node_t *inventory_node(struct inventory_ctx *ctx, int index)
{
    return yaml_document_get_node(ctx->doc, index);
}

bool inventory_is_null(const yaml_node_t *node)
{
    if (node == NULL)
        return true;
    if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *v = (const char *)node->data.scalar.value;
    return v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
           strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

const char *inventory_kind(const yaml_node_t *node)
{
    if (node == NULL)
        return "nothing";
    switch (node->type) {
    case YAML_SCALAR_NODE:
        return inventory_is_null(node) ? "an empty value" : "a single value";
    case YAML_SEQUENCE_NODE:
        return "a list";
    case YAML_MAPPING_NODE:
        return "a map";
    default:
        return "nothing";
    }
}

int inventory_fail(struct inventory_ctx *ctx, const yaml_node_t *node, const char *fmt, ...)
{
    char msg[PR_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned long line = node != NULL ? (unsigned long)node->start_mark.line + 1 : 1;
    unsigned long column = node != NULL ? (unsigned long)node->start_mark.column + 1 : 1;
    return pr_error_set(ctx->err, PR_ERR_INPUT, "%s:%lu:%lu: %s", ctx->origin, line, column, msg);
}

int inventory_check_depth(struct inventory_ctx *ctx, const char *text, size_t len)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return pr_error_set(ctx->err, PR_ERR_INTERNAL, "out of memory reading %s", ctx->origin);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int rc = 0, depth = 0;
    bool done = false;
    while (!done && rc == 0) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event))
            break; /* the loader reports it */
        switch (event.type) {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (++depth > INVENTORY_MAX_DEPTH)
                rc = pr_error_set(ctx->err, PR_ERR_INPUT,
                                  "%s:%lu:%lu: lists and maps nested more than %d deep",
                                  ctx->origin, (unsigned long)event.start_mark.line + 1,
                                  (unsigned long)event.start_mark.column + 1, INVENTORY_MAX_DEPTH);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            break;
        case YAML_SCALAR_EVENT:
            secret_wipe(event.data.scalar.value, event.data.scalar.length);
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&event);
    }
    /* Its buffers held the text, secrets included. */
    if (parser.buffer.start != NULL)
        secret_wipe(parser.buffer.start, (size_t)(parser.buffer.end - parser.buffer.start));
    yaml_parser_delete(&parser);
    return rc;
}

void inventory_warn(struct inventory *inv, const char *fmt, ...)
{
    char msg[INVENTORY_WARNING_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (size_t i = 0; i < inv->n_warnings; i++) {
        if (strcmp(inv->warnings[i], msg) == 0)
            return;
    }
    if (inv->n_warnings == INVENTORY_WARNINGS_MAX) {
        inv->n_warnings_dropped++;
        return;
    }
    memcpy(inv->warnings[inv->n_warnings++], msg, sizeof msg);
}

/* A value fit to quote in a message: at most 40 characters, printable. */
static const char *quoted(const yaml_node_t *node, char *buf, size_t buf_len)
{
    const char *v = (const char *)node->data.scalar.value;
    size_t n = 0;
    for (; v[n] != '\0' && n < 40 && n + 4 < buf_len; n++)
        buf[n] = (v[n] >= 0x20 && v[n] < 0x7f) ? v[n] : '?';
    buf[n] = '\0';
    if (v[n] != '\0' && n + 4 <= buf_len)
        memcpy(buf + n, "...", 4);
    return buf;
}

/* A key that may be shown: a short name, not something that looks like a
 * value that slipped into key position (say "community s3cret"). */
static bool showable_key(const char *key)
{
    size_t n = strlen(key);
    if (n == 0 || n > 40)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

static int unknown_key(struct inventory_ctx *ctx, yaml_node_t *key_node, const char *what,
                       const char *const *valid)
{
    const char *key = (const char *)key_node->data.scalar.value;
    char list[300] = "";
    const char *best = NULL;
    unsigned best_distance = 3; /* suggest only close misspellings */
    for (size_t i = 0; valid[i] != NULL; i++) {
        pr_strlcatf(list, sizeof list, "%s%s", i > 0 ? ", " : "", valid[i]);
        unsigned d = pr_str_distance(key, valid[i]);
        if (d < best_distance) {
            best_distance = d;
            best = valid[i];
        }
    }
    if (strcmp(key, "<<") == 0)
        return inventory_fail(ctx, key_node,
                              "YAML merge keys (<<) are not supported in %s; put shared "
                              "settings under 'defaults:'",
                              what);
    if (!showable_key(key))
        return inventory_fail(
            ctx, key_node, "a key in %s is not a key name (not shown); valid keys: %s", what, list);
    char hint[64] = "";
    if (best != NULL)
        snprintf(hint, sizeof hint, " (did you mean '%s'?)", best);
    return inventory_fail(ctx, key_node, "unknown key '%s' in %s%s; valid keys: %s", key, what,
                          hint, list);
}

int inventory_apply_map(struct inventory_ctx *ctx, yaml_node_t *map, const char *what,
                        const char *const *valid, inventory_apply_fn apply, void *target)
{
    if (map == NULL || map->type != YAML_MAPPING_NODE)
        return inventory_fail(ctx, map, "%s must be a map (key: value), not %s", what,
                              inventory_kind(map));
    for (yaml_node_pair_t *pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top;
         pair++) {
        yaml_node_t *key_node = inventory_node(ctx, pair->key);
        if (key_node == NULL || key_node->type != YAML_SCALAR_NODE || inventory_is_null(key_node))
            return inventory_fail(ctx, key_node, "keys in %s must be names, not %s", what,
                                  inventory_kind(key_node));
        const char *key = (const char *)key_node->data.scalar.value;
        size_t i = 0;
        while (valid[i] != NULL && strcmp(valid[i], key) != 0)
            i++;
        if (valid[i] == NULL)
            return unknown_key(ctx, key_node, what, valid);
        for (yaml_node_pair_t *prev = map->data.mapping.pairs.start; prev < pair; prev++) {
            yaml_node_t *prev_key = inventory_node(ctx, prev->key);
            if (strcmp((const char *)prev_key->data.scalar.value, key) == 0)
                return inventory_fail(ctx, key_node,
                                      "key '%s' is given twice in %s (first at line %lu)", key,
                                      what, (unsigned long)prev_key->start_mark.line + 1);
        }
        if (apply(ctx, key, inventory_node(ctx, pair->value), target) != 0)
            return -1;
    }
    return 0;
}

/* The text of a scalar value, or an error for anything else. */
static const char *scalar_text(struct inventory_ctx *ctx, const char *key, yaml_node_t *node)
{
    if (node == NULL || node->type != YAML_SCALAR_NODE) {
        inventory_fail(ctx, node, "'%s' must be a single value, not %s", key, inventory_kind(node));
        return NULL;
    }
    if (inventory_is_null(node)) {
        inventory_fail(ctx, node, "'%s' has no value", key);
        return NULL;
    }
    if (strlen((const char *)node->data.scalar.value) != node->data.scalar.length) {
        inventory_fail(ctx, node, "'%s' contains a NUL character", key);
        return NULL;
    }
    return (const char *)node->data.scalar.value;
}

int inventory_string(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                     size_t dst_len)
{
    const char *text = scalar_text(ctx, key, node);
    if (text == NULL)
        return -1;
    if (text[0] == '\0')
        return inventory_fail(ctx, node, "'%s' is empty", key);
    if (strlen(text) >= dst_len)
        return inventory_fail(ctx, node, "'%s' is longer than %zu characters", key, dst_len - 1);
    memcpy(dst, text, strlen(text) + 1);
    return 0;
}

int inventory_int(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, long long min,
                  long long max, long long *out)
{
    const char *text = scalar_text(ctx, key, node);
    if (text == NULL)
        return -1;
    if (!pr_parse_int(text, min, max, out)) {
        char q[48];
        return inventory_fail(ctx, node, "'%s' must be a whole number from %lld to %lld, not '%s'",
                              key, min, max, quoted(node, q, sizeof q));
    }
    return 0;
}

int inventory_double(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, double min,
                     double max, double *out)
{
    const char *text = scalar_text(ctx, key, node);
    if (text == NULL)
        return -1;
    char *end = NULL;
    errno = 0;
    double value = strtod(text, &end);
    if (end == text || *end != '\0' || errno != 0 || !isfinite(value) || value < min ||
        value > max) {
        char q[48];
        return inventory_fail(ctx, node, "'%s' must be a number from %g to %g, not '%s'", key, min,
                              max, quoted(node, q, sizeof q));
    }
    *out = value;
    return 0;
}

int inventory_choice(struct inventory_ctx *ctx, const char *key, yaml_node_t *node,
                     const char *const *names, size_t *index)
{
    const char *text = scalar_text(ctx, key, node);
    if (text == NULL)
        return -1;
    char list[200] = "";
    for (size_t i = 0; names[i] != NULL; i++) {
        if (pr_str_ieq(text, names[i])) {
            *index = i;
            return 0;
        }
        pr_strlcatf(list, sizeof list, "%s%s", i > 0 ? ", " : "", names[i]);
    }
    char q[48];
    return inventory_fail(ctx, node, "'%s' must be one of %s, not '%s'", key, list,
                          quoted(node, q, sizeof q));
}

int inventory_path(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                   size_t dst_len)
{
    const char *raw = scalar_text(ctx, key, node);
    if (raw == NULL)
        return -1;
    if (raw[0] == '\0')
        return inventory_fail(ctx, node, "'%s' is empty", key);
    int n;
    if (raw[0] == '~') {
        if (raw[1] != '\0' && raw[1] != '/')
            return inventory_fail(ctx, node,
                                  "'%s': ~user paths are not supported; write the "
                                  "full path",
                                  key);
        const char *home = getenv("HOME");
        if (home == NULL || home[0] == '\0')
            return inventory_fail(ctx, node, "'%s' starts with ~ but HOME is not set", key);
        n = snprintf(dst, dst_len, "%s%s", home, raw + 1);
    } else if (raw[0] == '/' || ctx->base_dir == NULL || ctx->base_dir[0] == '\0') {
        n = snprintf(dst, dst_len, "%s", raw);
    } else {
        size_t base_len = strlen(ctx->base_dir);
        bool slash = ctx->base_dir[base_len - 1] == '/';
        n = snprintf(dst, dst_len, "%s%s%s", ctx->base_dir, slash ? "" : "/", raw);
    }
    if (n < 0 || (size_t)n >= dst_len)
        return inventory_fail(ctx, node, "'%s': the path is longer than %zu characters", key,
                              dst_len - 1);
    return 0;
}

int inventory_secret(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                     size_t dst_len)
{
    const char *text = scalar_text(ctx, key, node);
    if (text == NULL)
        return -1;
    if (strncmp(text, "env:", 4) == 0) {
        const char *name = text + 4;
        if (ctx->flags & INVENTORY_SKIP_SECRETS) {
            dst[0] = '\0';
            if (name[0] == '\0')
                return inventory_fail(ctx, node, "'%s': env: needs a variable name", key);
            return 0;
        }
        if (pr_grow((void **)&ctx->env_read, &ctx->env_read_cap, ctx->n_env_read,
                    sizeof *ctx->env_read, 8) != 0)
            return pr_error_set(ctx->err, PR_ERR_INTERNAL, "out of memory reading %s", ctx->origin);
        ctx->env_read[ctx->n_env_read++] = name;
        struct pr_error local = {0};
        if (secret_from_env(name, dst, dst_len, &local) != 0)
            return inventory_fail(ctx, node, "'%s': %s", key, local.msg);
        return 0;
    }
    size_t len = strlen(text);
    if (len == 0)
        return inventory_fail(ctx, node, "'%s' is empty", key);
    if (len >= dst_len)
        return inventory_fail(ctx, node, "'%s' is longer than %zu characters", key, dst_len - 1);
    memcpy(dst, text, len + 1);
    secret_protect_process();
    return 0;
}

int inventory_secret_file(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                          size_t dst_len, char *path_out, size_t path_len)
{
    char path[INVENTORY_PATH_MAX];
    if (inventory_path(ctx, key, node, path, sizeof path) != 0)
        return -1;
    if (path_out != NULL)
        pr_strlcpy(path_out, path, path_len);
    dst[0] = '\0';
    if (ctx->flags & INVENTORY_SKIP_SECRETS)
        return 0;
    struct pr_error local = {0};
    char warning[INVENTORY_WARNING_LEN];
    if (secret_read_file(path, dst, dst_len, warning, sizeof warning, &local) != 0) {
        inventory_fail(ctx, node, "'%s': %s", key, local.msg);
        if (ctx->err != NULL)
            ctx->err->code = local.code;
        return -1;
    }
    if (warning[0] != '\0')
        inventory_warn(ctx->out, "%s", warning);
    return 0;
}
