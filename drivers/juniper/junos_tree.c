/* SPDX-License-Identifier: BSD-3-Clause */
#include "junos_tree.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

static struct junos_node *node_new(const char *name, unsigned line)
{
    struct junos_node *node = calloc(1, sizeof *node);
    if (node == NULL)
        return NULL;
    node->name = strdup(name);
    if (node->name == NULL) {
        free(node);
        return NULL;
    }
    node->line = line;
    return node;
}

struct junos_node *junos_tree_new(void)
{
    return node_new("", 0);
}

void junos_node_free(struct junos_node *node)
{
    if (node == NULL)
        return;
    for (size_t i = 0; i < node->n_kids; i++)
        junos_node_free(node->kids[i]);
    free(node->kids);
    free(node->index);
    free(node->name);
    free(node);
}

/* Below this many kids a lookup walks them; from it on, through the index. */
#define JUNOS_INDEX_FROM 16

static size_t name_hash(const char *name)
{
    size_t h = 14695981039346656037u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)name; *p != '\0'; p++)
        h = (h ^ *p) * 1099511628211u;
    return h;
}

static void index_put(struct junos_node **index, size_t cap, struct junos_node *kid)
{
    size_t at = name_hash(kid->name) & (cap - 1);
    while (index[at] != NULL)
        at = (at + 1) & (cap - 1);
    index[at] = kid;
}

/* (Re)builds the index with room for twice the kids; false when out of
 * memory, and lookups then walk the kids. */
static bool index_build(struct junos_node *node)
{
    size_t cap = 64;
    while (cap < node->n_kids * 2)
        cap *= 2;
    struct junos_node **index = calloc(cap, sizeof *index);
    if (index == NULL)
        return false;
    for (size_t i = 0; i < node->n_kids; i++)
        index_put(index, cap, node->kids[i]);
    free(node->index);
    node->index = index;
    node->index_cap = cap;
    return true;
}

/* Keeps an existing index up to date with a kid just appended. */
static void index_add(struct junos_node *node, struct junos_node *kid)
{
    if (node->index == NULL)
        return;
    if (node->n_kids * 2 > node->index_cap) {
        if (!index_build(node)) {
            free(node->index);
            node->index = NULL;
        }
        return;
    }
    index_put(node->index, node->index_cap, kid);
}

struct junos_node *junos_node_child_any(const struct junos_node *node, const char *name)
{
    if (node == NULL)
        return NULL;
    if (node->n_kids >= JUNOS_INDEX_FROM && node->index == NULL)
        index_build((struct junos_node *)node); /* a cache: the tree is unchanged */
    if (node->index != NULL) {
        for (size_t at = name_hash(name) & (node->index_cap - 1); node->index[at] != NULL;
             at = (at + 1) & (node->index_cap - 1)) {
            if (strcmp(node->index[at]->name, name) == 0)
                return node->index[at];
        }
        return NULL;
    }
    for (size_t i = 0; i < node->n_kids; i++) {
        if (strcmp(node->kids[i]->name, name) == 0)
            return node->kids[i];
    }
    return NULL;
}

struct junos_node *junos_node_child(const struct junos_node *node, const char *name)
{
    struct junos_node *kid = junos_node_child_any(node, name);
    return kid != NULL && !kid->inactive ? kid : NULL;
}

struct junos_node *junos_node_path(const struct junos_node *node, ...)
{
    va_list ap;
    va_start(ap, node);
    const struct junos_node *at = node;
    const char *name;
    while (at != NULL && (name = va_arg(ap, const char *)) != NULL)
        at = junos_node_child(at, name);
    va_end(ap);
    return (struct junos_node *)at;
}

static int node_append(struct junos_node *node, struct junos_node *kid)
{
    if (node->n_kids == node->cap_kids) {
        size_t cap = node->cap_kids ? node->cap_kids * 2 : 4;
        struct junos_node **kids = realloc(node->kids, cap * sizeof *kids);
        if (kids == NULL)
            return -1;
        node->kids = kids;
        node->cap_kids = cap;
    }
    node->kids[node->n_kids++] = kid;
    kid->parent = node;
    index_add(node, kid);
    return 0;
}

struct junos_node *junos_node_ensure(struct junos_node *node, const char *name, unsigned line,
                                     struct pr_error *err)
{
    struct junos_node *kid = junos_node_child_any(node, name);
    if (kid != NULL)
        return kid;
    kid = node_new(name, line);
    if (kid == NULL || node_append(node, kid) != 0) {
        junos_node_free(kid);
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory reading the configuration");
        return NULL;
    }
    return kid;
}

const char *junos_node_value(const struct junos_node *node)
{
    if (node == NULL)
        return NULL;
    for (size_t i = node->n_kids; i > 0; i--) {
        if (!node->kids[i - 1]->inactive)
            return node->kids[i - 1]->name;
    }
    return NULL;
}

size_t junos_node_count_active(const struct junos_node *node)
{
    size_t n = 0;
    for (size_t i = 0; node != NULL && i < node->n_kids; i++)
        n += !node->kids[i]->inactive;
    return n;
}

void junos_node_remove(struct junos_node *child)
{
    if (child == NULL)
        return;
    struct junos_node *parent = child->parent;
    if (parent != NULL) {
        for (size_t i = 0; i < parent->n_kids; i++) {
            if (parent->kids[i] == child) {
                memmove(&parent->kids[i], &parent->kids[i + 1],
                        (parent->n_kids - i - 1) * sizeof parent->kids[0]);
                parent->n_kids--;
                free(parent->index); /* rebuilt by the next lookup */
                parent->index = NULL;
                break;
            }
        }
    }
    junos_node_free(child);
}

struct junos_node *junos_node_clone(const struct junos_node *node)
{
    struct junos_node *copy = node_new(node->name, node->line);
    if (copy == NULL)
        return NULL;
    copy->inactive = node->inactive;
    for (size_t i = 0; i < node->n_kids; i++) {
        struct junos_node *kid = junos_node_clone(node->kids[i]);
        if (kid == NULL || node_append(copy, kid) != 0) {
            junos_node_free(kid);
            junos_node_free(copy);
            return NULL;
        }
    }
    return copy;
}

bool junos_node_is_value_leaf(const struct junos_node *node)
{
    if (node == NULL || node->n_kids == 0)
        return false;
    for (size_t i = 0; i < node->n_kids; i++) {
        if (node->kids[i]->n_kids != 0)
            return false;
    }
    return true;
}

void junos_node_path_text(const struct junos_node *node, char *buf, size_t buf_len)
{
    const struct junos_node *chain[JUNOS_MAX_DEPTH * 2];
    size_t n = 0;
    for (const struct junos_node *at = node; at != NULL && at->parent != NULL; at = at->parent) {
        if (n < sizeof chain / sizeof chain[0])
            chain[n++] = at;
    }
    if (buf_len > 0)
        buf[0] = '\0';
    for (size_t i = n; i > 0; i--) {
        const char *name = chain[i - 1]->name;
        bool quote = strpbrk(name, " \t;{}") != NULL || name[0] == '\0';
        pr_strlcatf(buf, buf_len, "%s%s%s%s", i == n ? "" : " ", quote ? "\"" : "", name,
                    quote ? "\"" : "");
    }
}

struct junos_node *junos_tree_add_statement(struct junos_node *parent, char *const *words,
                                            size_t n_words, char *const *list, size_t n_list,
                                            unsigned line, bool inactive, struct pr_error *err)
{
    if (n_words == 0) {
        pr_error_set(err, PR_ERR_INPUT, "line %u: a list with no statement before it", line);
        return NULL;
    }
    struct junos_node *at = parent;
    for (size_t i = 0; i < n_words; i++) {
        at = junos_node_ensure(at, words[i], line, err);
        if (at == NULL)
            return NULL;
    }
    for (size_t i = 0; i < n_list; i++) {
        if (junos_node_ensure(at, list[i], line, err) == NULL)
            return NULL;
    }
    if (inactive)
        at->inactive = true;
    return at;
}
