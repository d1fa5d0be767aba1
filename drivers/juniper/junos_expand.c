/* SPDX-License-Identifier: BSD-3-Clause */
#include "junos_expand.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "junos_range.h"

/* Most named ports one interface-range may create. */
#define RANGE_PORT_LIMIT 4096

static bool is_wildcard(const char *name)
{
    size_t n = strlen(name);
    return n >= 2 && name[0] == '<' && name[n - 1] == '>';
}

/* Whether a group wildcard <pattern> matches name. */
static bool wildcard_matches(const char *wildcard, const char *name)
{
    size_t n = strlen(wildcard);
    char pattern[256];
    if (n - 2 >= sizeof pattern)
        return false;
    memcpy(pattern, wildcard + 1, n - 2);
    pattern[n - 2] = '\0';
    return fnmatch(pattern, name, 0) == 0;
}

static bool excepts(const struct junos_node *node, const char *group)
{
    if (group == NULL)
        return false;
    const struct junos_node *except = junos_node_child(node, "apply-groups-except");
    return except != NULL && junos_node_child(except, group) != NULL;
}

/* Statements of which Junos keeps one: a merged value never joins its
 * counterpart already there. */
static bool has_counterpart(const struct junos_node *target, const char *name)
{
    static const char *const pairs[][2] = {
        {"disable", "enable"},
        {"auto-negotiation", "no-auto-negotiation"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        for (int k = 0; k < 2; k++) {
            if (strcmp(name, pairs[i][k]) == 0 && junos_node_child(target, pairs[i][1 - k]))
                return true;
        }
    }
    return false;
}

static bool is_apply_statement(const char *name)
{
    return strcmp(name, "apply-groups") == 0 || strcmp(name, "apply-groups-except") == 0;
}

int junos_merge(struct junos_node *target, const struct junos_node *src, const char *group,
                struct pr_error *err)
{
    for (size_t i = 0; i < src->n_kids; i++) {
        const struct junos_node *s = src->kids[i];
        if (s->inactive || is_apply_statement(s->name))
            continue;
        if (target->parent == NULL && strcmp(s->name, "groups") == 0)
            continue; /* groups never nest */
        if (is_wildcard(s->name)) {
            for (size_t j = 0; j < target->n_kids; j++) {
                struct junos_node *t = target->kids[j];
                if (!t->inactive && !is_wildcard(t->name) && wildcard_matches(s->name, t->name) &&
                    !excepts(t, group) && junos_merge(t, s, group, err) != 0)
                    return -1;
            }
            continue;
        }
        if (has_counterpart(target, s->name))
            continue;
        struct junos_node *t = junos_node_child_any(target, s->name);
        if (t != NULL) {
            /* Explicit values win: vlan-id 10 stays when a group says 20. */
            if (t->inactive || excepts(t, group) ||
                (junos_node_is_value_leaf(t) && junos_node_is_value_leaf(s)))
                continue;
        } else {
            t = junos_node_ensure(target, s->name, s->line, err);
            if (t == NULL)
                return -1;
        }
        if (junos_merge(t, s, group, err) != 0)
            return -1;
    }
    return 0;
}

/* --- groups -------------------------------------------------------------- */

struct apply_point {
    struct junos_node *node;
    unsigned depth;
    size_t order;
};

struct apply_list {
    struct apply_point *items;
    size_t n;
    size_t cap;
};

static int collect_points(struct junos_node *node, unsigned depth, struct apply_list *list,
                          struct pr_error *err)
{
    for (size_t i = 0; i < node->n_kids; i++) {
        struct junos_node *kid = node->kids[i];
        if (kid->inactive || (depth == 0 && strcmp(kid->name, "groups") == 0))
            continue;
        if (strcmp(kid->name, "apply-groups") == 0) {
            if (list->n == list->cap) {
                size_t cap = list->cap ? list->cap * 2 : 8;
                struct apply_point *items = realloc(list->items, cap * sizeof *items);
                if (items == NULL)
                    return pr_error_set(err, PR_ERR_INTERNAL, "out of memory expanding groups");
                list->items = items;
                list->cap = cap;
            }
            list->items[list->n] = (struct apply_point){node, depth, list->n};
            list->n++;
            continue;
        }
        if (collect_points(kid, depth + 1, list, err) != 0)
            return -1;
    }
    return 0;
}

static int point_compare(const void *a, const void *b)
{
    const struct apply_point *pa = a, *pb = b;
    if (pa->depth != pb->depth)
        return pa->depth > pb->depth ? -1 : 1; /* deepest first */
    return pa->order < pb->order ? -1 : pa->order > pb->order;
}

/* Merges every node of the group that sits at the target's path (literal
 * names and wildcards along the way) into target. */
static int merge_at_path(struct junos_node *target, const struct junos_node *gnode,
                         const char *const *path, size_t n, const char *group, struct pr_error *err)
{
    if (n == 0)
        return junos_merge(target, gnode, group, err);
    for (size_t i = 0; i < gnode->n_kids; i++) {
        const struct junos_node *g = gnode->kids[i];
        if (g->inactive)
            continue;
        bool hit = strcmp(g->name, path[0]) == 0 ||
                   (is_wildcard(g->name) && wildcard_matches(g->name, path[0]));
        if (hit && merge_at_path(target, g, path + 1, n - 1, group, err) != 0)
            return -1;
    }
    return 0;
}

static int apply_point(struct junos_node *root, const struct apply_point *point,
                       struct pr_error *err)
{
    const struct junos_node *groups = junos_node_child(root, "groups");
    const struct junos_node *names = junos_node_child(point->node, "apply-groups");
    if (groups == NULL || names == NULL)
        return 0;
    const char *path[JUNOS_MAX_DEPTH * 4];
    size_t n = 0;
    for (const struct junos_node *at = point->node; at->parent != NULL; at = at->parent) {
        if (n == sizeof path / sizeof path[0])
            return 0; /* deeper than any reader builds */
        path[n++] = at->name;
    }
    for (size_t i = 0; i < n / 2; i++) {
        const char *tmp = path[i];
        path[i] = path[n - 1 - i];
        path[n - 1 - i] = tmp;
    }
    for (size_t i = 0; i < names->n_kids; i++) {
        if (names->kids[i]->inactive)
            continue;
        const char *group = names->kids[i]->name;
        const struct junos_node *gnode = junos_node_child(groups, group);
        if (gnode != NULL && merge_at_path(point->node, gnode, path, n, group, err) != 0)
            return -1;
    }
    return 0;
}

static int expand_groups(struct junos_node *root, struct pr_error *err)
{
    struct apply_list list = {0};
    int rc = collect_points(root, 0, &list, err);
    if (rc == 0 && list.n > 0) {
        qsort(list.items, list.n, sizeof list.items[0], point_compare);
        for (size_t i = 0; i < list.n && rc == 0; i++)
            rc = apply_point(root, &list.items[i], err);
    }
    free(list.items);
    return rc;
}

/* --- interface ranges ---------------------------------------------------- */

/* An inactive interface stanza still leaves the port there with no active
 * configuration of its own: keep the node, make its content inactive. */
static void push_down_inactive(struct junos_node *ifnode)
{
    if (!ifnode->inactive)
        return;
    ifnode->inactive = false;
    for (size_t i = 0; i < ifnode->n_kids; i++)
        ifnode->kids[i]->inactive = true;
}

struct range_ctx {
    struct junos_node *interfaces;
    const struct junos_node *range;
    struct pr_error *err;
    int rc;
};

static int merge_range_into(struct junos_node *ifnode, const struct junos_node *range,
                            struct pr_error *err)
{
    push_down_inactive(ifnode);
    for (size_t i = 0; i < range->n_kids; i++) {
        const struct junos_node *s = range->kids[i];
        if (s->inactive || strcmp(s->name, "member") == 0 || strcmp(s->name, "member-range") == 0)
            continue;
        if (has_counterpart(ifnode, s->name))
            continue;
        struct junos_node *t = junos_node_child_any(ifnode, s->name);
        if (t != NULL &&
            (t->inactive || (junos_node_is_value_leaf(t) && junos_node_is_value_leaf(s))))
            continue;
        if (t == NULL && (t = junos_node_ensure(ifnode, s->name, s->line, err)) == NULL)
            return -1;
        if (junos_merge(t, s, NULL, err) != 0)
            return -1;
    }
    return 0;
}

static void range_named_port(const char *ifname, void *arg)
{
    struct range_ctx *ctx = arg;
    if (ctx->rc != 0)
        return;
    struct junos_node *ifnode = junos_node_ensure(ctx->interfaces, ifname, 0, ctx->err);
    if (ifnode == NULL || merge_range_into(ifnode, ctx->range, ctx->err) != 0)
        ctx->rc = -1;
}

static int expand_ranges(struct junos_node *root, struct pr_error *err)
{
    struct junos_node *interfaces = junos_node_child(root, "interfaces");
    for (size_t i = 0; interfaces != NULL && i < interfaces->n_kids; i++) {
        if (junos_is_physical_port(interfaces->kids[i]->name))
            push_down_inactive(interfaces->kids[i]);
    }
    const struct junos_node *ranges = junos_node_child(interfaces, "interface-range");
    if (ranges == NULL)
        return 0;
    for (size_t r = 0; r < ranges->n_kids; r++) {
        const struct junos_node *range = ranges->kids[r];
        if (range->inactive)
            continue;
        struct range_ctx ctx = {interfaces, range, err, 0};
        /* Ports the range names outright, created when missing... */
        junos_range_each_named(range, RANGE_PORT_LIMIT, range_named_port, &ctx);
        if (ctx.rc != 0)
            return -1;
        /* ...and configured ports its wildcards and wide ranges match. */
        size_t n = interfaces->n_kids;
        for (size_t i = 0; i < n; i++) {
            struct junos_node *ifnode = interfaces->kids[i];
            if (!junos_is_physical_port(ifnode->name) ||
                !junos_range_has_member(range, ifnode->name))
                continue;
            /* Merging twice is harmless: values already there stay. */
            if (merge_range_into(ifnode, range, err) != 0)
                return -1;
        }
    }
    return 0;
}

struct junos_node *junos_expand(const struct junos_node *raw, struct pr_error *err)
{
    struct junos_node *tree = junos_node_clone(raw);
    if (tree == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory expanding the configuration");
        return NULL;
    }
    if (expand_groups(tree, err) != 0 || expand_ranges(tree, err) != 0) {
        junos_node_free(tree);
        return NULL;
    }
    return tree;
}
