/* SPDX-License-Identifier: BSD-3-Clause */
/* The audit inventory reader: YAML text -> struct inventory (see
 * inventory.h and docs/inventory.md). This file holds the entry points,
 * the document as a whole and the switches list; inventory_switch.c reads
 * one switch, inventory_blocks.c its snmp and netconf maps. */
#include "core/inventory.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "core/inventory_priv.h"
#include "util/secret.h"
#include "util/strutil.h"

/* An inventory larger than this is not an inventory. */
#define INVENTORY_FILE_MAX (16u * 1024 * 1024)

static const char *const top_keys[] = {"defaults", "switches", NULL};

struct top_level {
    yaml_node_t *defaults;
    yaml_node_t *switches;
};

static int apply_top(struct inventory_ctx *ctx, const char *key, yaml_node_t *value, void *target)
{
    (void)ctx;
    struct top_level *top = target;
    if (strcmp(key, "defaults") == 0)
        top->defaults = value;
    else
        top->switches = value;
    return 0;
}

/* Line and column (0-based) of a byte offset. */
static void offset_position(const char *text, size_t len, size_t offset, unsigned long *line,
                            unsigned long *column)
{
    *line = 0;
    *column = 0;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *column = 0;
        } else {
            (*column)++;
        }
    }
}

static int syntax_error(struct inventory_ctx *ctx, const yaml_parser_t *parser, const char *text,
                        size_t len)
{
    const char *problem = parser->problem != NULL ? parser->problem : "unknown problem";
    if (parser->error == YAML_MEMORY_ERROR)
        return pr_error_set(ctx->err, PR_ERR_INTERNAL, "out of memory reading %s", ctx->origin);
    if (parser->error == YAML_READER_ERROR) {
        unsigned long line, column;
        offset_position(text, len, parser->problem_offset, &line, &column);
        return pr_error_set(ctx->err, PR_ERR_INPUT, "%s:%lu:%lu: not YAML text: %s", ctx->origin,
                            line + 1, column + 1, problem);
    }
    char context[128] = "";
    if (parser->context != NULL)
        snprintf(context, sizeof context, " (%s at line %lu, column %lu)", parser->context,
                 (unsigned long)parser->context_mark.line + 1,
                 (unsigned long)parser->context_mark.column + 1);
    return pr_error_set(ctx->err, PR_ERR_INPUT, "%s:%lu:%lu: YAML syntax error: %s%s", ctx->origin,
                        (unsigned long)parser->problem_mark.line + 1,
                        (unsigned long)parser->problem_mark.column + 1, problem, context);
}

static int compare_switch_index(const void *a, const void *b, void *arg)
{
    const struct inventory_switch *sws = arg;
    const struct inventory_switch *sa = &sws[*(const size_t *)a], *sb = &sws[*(const size_t *)b];
    int c = strcmp(sa->name, sb->name);
    if (c != 0)
        return c;
    if (sa->line != sb->line)
        return sa->line < sb->line ? -1 : 1;
    return (sa->column > sb->column) - (sa->column < sb->column);
}

static int check_duplicate_switches(struct inventory_ctx *ctx)
{
    struct inventory *inv = ctx->out;
    if (inv->n_switches < 2)
        return 0;
    size_t *order = malloc(inv->n_switches * sizeof *order);
    if (order == NULL)
        return pr_error_set(ctx->err, PR_ERR_INTERNAL, "out of memory reading %s", ctx->origin);
    for (size_t i = 0; i < inv->n_switches; i++)
        order[i] = i;
    qsort_r(order, inv->n_switches, sizeof *order, compare_switch_index, inv->switches);
    int rc = 0;
    for (size_t i = 1; i < inv->n_switches && rc == 0; i++) {
        const struct inventory_switch *first = &inv->switches[order[i - 1]];
        const struct inventory_switch *again = &inv->switches[order[i]];
        if (strcmp(first->name, again->name) == 0)
            rc = pr_error_set(ctx->err, PR_ERR_INPUT,
                              "%s:%d:%d: switch name '%s' is already used at line %d (a switch "
                              "without 'name' is named after its host)",
                              ctx->origin, again->line, again->column, again->name, first->line);
    }
    free(order);
    return rc;
}

static int parse_switches(struct inventory_ctx *ctx, yaml_node_t *list,
                          const struct inventory_defaults *defs)
{
    if (list->type != YAML_SEQUENCE_NODE)
        return inventory_fail(ctx, list,
                              "'switches' must be a list (one '- name: ...' entry "
                              "per switch), not %s",
                              inventory_kind(list));
    size_t n = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    if (n == 0)
        return inventory_fail(ctx, list, "'switches' is empty: there is nothing to audit");
    if (n > INVENTORY_MAX_SWITCHES)
        return inventory_fail(ctx, list, "more than %d switches in the inventory",
                              INVENTORY_MAX_SWITCHES);
    struct inventory *inv = ctx->out;
    inv->switches = calloc(n, sizeof *inv->switches);
    if (inv->switches == NULL)
        return pr_error_set(ctx->err, PR_ERR_INTERNAL, "out of memory reading %s", ctx->origin);
    size_t total_ports = 0;
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = inventory_node(ctx, list->data.sequence.items.start[i]);
        /* Counted before parsing, so a failed switch's ports are freed. */
        inv->n_switches++;
        if (inventory_parse_switch(ctx, item, defs, &inv->switches[i], &total_ports) != 0)
            return -1;
    }
    return check_duplicate_switches(ctx);
}

static int parse_document(struct inventory_ctx *ctx, yaml_node_t *root)
{
    if (root == NULL || inventory_is_null(root))
        return pr_error_set(ctx->err, PR_ERR_INPUT,
                            "%s:1:1: the inventory is empty; it needs a 'switches:' list",
                            ctx->origin);
    struct top_level top = {0};
    if (inventory_apply_map(ctx, root, "the inventory's top level", top_keys, apply_top, &top) != 0)
        return -1;
    if (top.switches == NULL || inventory_is_null(top.switches))
        return inventory_fail(ctx, top.switches != NULL ? top.switches : root,
                              "the inventory needs a 'switches:' list");
    struct inventory_defaults defs;
    int rc = inventory_parse_defaults(ctx, top.defaults, &defs);
    if (rc == 0)
        rc = parse_switches(ctx, top.switches, &defs);
    secret_wipe(&defs, sizeof defs);
    return rc;
}

/* The parser's buffers and the document's scalars held secrets: wipe them
 * before they go back to the allocator. */
static void wipe_document(yaml_document_t *doc)
{
    for (yaml_node_t *node = doc->nodes.start; node != NULL && node < doc->nodes.top; node++) {
        if (node->type == YAML_SCALAR_NODE)
            secret_wipe(node->data.scalar.value, node->data.scalar.length);
    }
}

static void wipe_parser(yaml_parser_t *parser)
{
    if (parser->buffer.start != NULL)
        secret_wipe(parser->buffer.start, (size_t)(parser->buffer.end - parser->buffer.start));
    if (parser->raw_buffer.start != NULL)
        secret_wipe(parser->raw_buffer.start,
                    (size_t)(parser->raw_buffer.end - parser->raw_buffer.start));
}

/* Loads the one document of the text; a second document is an error (its
 * switches would otherwise be ignored). */
static int load_document(struct inventory_ctx *ctx, yaml_parser_t *parser, const char *text,
                         size_t len)
{
    if (!yaml_parser_load(parser, ctx->doc))
        return syntax_error(ctx, parser, text, len);
    yaml_document_t extra;
    if (!yaml_parser_load(parser, &extra)) {
        syntax_error(ctx, parser, text, len);
        return -1;
    }
    yaml_node_t *extra_root = yaml_document_get_root_node(&extra);
    int rc = 0;
    if (extra_root != NULL)
        rc = pr_error_set(ctx->err, PR_ERR_INPUT,
                          "%s:%lu:%lu: a second YAML document; an inventory is one document",
                          ctx->origin, (unsigned long)extra.start_mark.line + 1,
                          (unsigned long)extra.start_mark.column + 1);
    wipe_document(&extra);
    yaml_document_delete(&extra);
    return rc;
}

int inventory_parse_flags(const char *text, size_t len, const char *base_dir,
                          const char *origin_name, unsigned flags, struct inventory *out,
                          struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    yaml_document_t doc;
    memset(&doc, 0, sizeof doc);
    struct inventory_ctx ctx = {
        .doc = &doc,
        .origin = origin_name != NULL ? origin_name : "inventory",
        .base_dir = base_dir,
        .flags = flags,
        .out = out,
        .err = err,
    };
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory reading %s", ctx.origin);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int rc = inventory_check_depth(&ctx, text, len);
    if (rc == 0)
        rc = load_document(&ctx, &parser, text, len);
    bool loaded = doc.nodes.start != NULL;
    if (rc == 0)
        rc = parse_document(&ctx, yaml_document_get_root_node(&doc));
    /* Every variable an env:NAME was read from is wiped, also when the
     * parse failed later; the names live in the document's scalars. */
    for (size_t i = 0; i < ctx.n_env_read; i++)
        secret_wipe_env(ctx.env_read[i]);
    free(ctx.env_read);
    if (loaded) {
        wipe_document(&doc);
        yaml_document_delete(&doc);
    }
    wipe_parser(&parser);
    yaml_parser_delete(&parser);
    if (rc != 0) {
        inventory_free(out);
        return -1;
    }
    return 0;
}

int inventory_parse(const char *text, size_t len, const char *base_dir, const char *origin_name,
                    struct inventory *out, struct pr_error *err)
{
    return inventory_parse_flags(text, len, base_dir, origin_name, 0, out, err);
}

/* Reads a whole file into a NUL-terminated buffer the caller frees. */
static char *read_file(const char *path, size_t *len, struct pr_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        pr_error_set(err, PR_ERR_IO, "cannot open inventory %s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 64 * 1024, used = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        if (used == cap) {
            if (cap >= INVENTORY_FILE_MAX) {
                pr_error_set(err, PR_ERR_INPUT, "inventory %s is larger than %u MiB", path,
                             INVENTORY_FILE_MAX >> 20);
                break;
            }
            char *bigger = realloc(buf, cap * 2 + 1);
            if (bigger == NULL)
                break;
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + used, cap - used);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            pr_error_set(err, PR_ERR_IO, "cannot read inventory %s: %s", path, strerror(errno));
            break;
        }
        if (got == 0) {
            close(fd);
            buf[used] = '\0';
            *len = used;
            return buf;
        }
        used += (size_t)got;
    }
    if (buf == NULL || (err != NULL && err->code == PR_OK))
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory reading %s", path);
    if (buf != NULL) {
        secret_wipe(buf, used);
        free(buf);
    }
    close(fd);
    return NULL;
}

int inventory_load(const char *path, struct inventory *out, struct pr_error *err)
{
    memset(out, 0, sizeof *out);
    if (err != NULL)
        pr_error_clear(err);
    size_t len = 0;
    char *text = read_file(path, &len, err);
    if (text == NULL)
        return -1;
    char base_dir[INVENTORY_PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *base = NULL;
    if (slash != NULL) {
        size_t dir_len = slash == path ? 1 : (size_t)(slash - path);
        if (dir_len >= sizeof base_dir) {
            secret_wipe(text, len);
            free(text);
            return pr_error_set(err, PR_ERR_INPUT, "inventory path %s is too long", path);
        }
        memcpy(base_dir, path, dir_len);
        base_dir[dir_len] = '\0';
        base = base_dir;
    }
    int rc = inventory_parse(text, len, base, path, out, err);
    secret_wipe(text, len);
    free(text);
    return rc;
}

const struct inventory_switch *inventory_find_switch(const struct inventory *inv, const char *name)
{
    for (size_t i = 0; inv != NULL && i < inv->n_switches; i++) {
        if (strcmp(inv->switches[i].name, name) == 0)
            return &inv->switches[i];
    }
    return NULL;
}

void inventory_free(struct inventory *inv)
{
    if (inv == NULL)
        return;
    for (size_t i = 0; i < inv->n_switches && inv->switches != NULL; i++) {
        free(inv->switches[i].ports);
    }
    if (inv->switches != NULL)
        secret_wipe(inv->switches, inv->n_switches * sizeof *inv->switches);
    free(inv->switches);
    memset(inv, 0, sizeof *inv);
}
