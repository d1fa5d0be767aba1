/* SPDX-License-Identifier: BSD-3-Clause */
/* One Junos configuration as a tree of statement tokens, the single form
 * that the XML, curly-brace and `display set` readers all produce.
 *
 * Every token of a statement path is one node: `set interfaces ge-0/0/1
 * unit 0 family ethernet-switching vlan members v10` is the chain
 * interfaces > ge-0/0/1 > unit > 0 > family > ethernet-switching > vlan >
 * members > v10, and the curly `unit 0 { ... }` or the XML
 * `<unit><name>0</name>...</unit>` give the same chain. Leaf values are
 * child nodes too (`vlan-id 10` is vlan-id > 10); single-valued leaves that
 * were set twice keep both children and readers take the last one, as
 * Junos keeps the last `set`. A node with the same name is never repeated
 * under one parent.
 *
 * `inactive:` statements and inactive="inactive" elements are kept with
 * their inactive flag set on the last node of the statement; the lookup
 * functions below skip them, so they read as absent.
 *
 * Ownership: a tree is owned by its root; junos_node_free() frees a node
 * and everything below it and accepts NULL. Names are copied. */
#ifndef JUNOS_TREE_H
#define JUNOS_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Deepest statement path any reader accepts. */
#define JUNOS_MAX_DEPTH 48

struct junos_node {
    char *name;
    bool inactive;
    unsigned line; /* where the statement was read (1-based); 0 when made up */
    struct junos_node *parent;
    struct junos_node **kids;
    size_t n_kids;
    size_t cap_kids;
    /* Open-addressing index of kids by name, built once a node has many
     * (an `interfaces` node with a switch's ports), so a lookup does not
     * walk them all; NULL while there are few or after a removal, until
     * the next lookup rebuilds it. index_cap is a power of two. */
    struct junos_node **index;
    size_t index_cap;
};

/* A root (name "") for a new configuration; NULL when out of memory. */
struct junos_node *junos_tree_new(void);
void junos_node_free(struct junos_node *node);

/* The child named name (active or not), or NULL. */
struct junos_node *junos_node_child_any(const struct junos_node *node, const char *name);

/* The active child named name, or NULL. */
struct junos_node *junos_node_child(const struct junos_node *node, const char *name);

/* Follows active children along a NULL-terminated list of names; NULL
 * when a step is missing or inactive. node may be NULL. */
struct junos_node *junos_node_path(const struct junos_node *node, ...);

/* The child named name, created (active, at the end) when missing. NULL
 * with err set when out of memory. */
struct junos_node *junos_node_ensure(struct junos_node *node, const char *name, unsigned line,
                                     struct pr_error *err);

/* The name of the last active child: the value of a single-valued leaf
 * such as `vlan-id 10`. NULL when node is NULL or has no active child. */
const char *junos_node_value(const struct junos_node *node);

/* Number of active children. */
size_t junos_node_count_active(const struct junos_node *node);

/* Unlinks child from its parent and frees it. */
void junos_node_remove(struct junos_node *child);

/* A deep copy of node (without parent); NULL when out of memory. */
struct junos_node *junos_node_clone(const struct junos_node *node);

/* True when node has children and none of its children has children: a
 * leaf with its values (`members [ a b ]`, `vlan-id 10`). */
bool junos_node_is_value_leaf(const struct junos_node *node);

/* Writes the statement path of node ("interfaces ge-0/0/1 unit 0") into
 * buf, without the root. */
void junos_node_path_text(const struct junos_node *node, char *buf, size_t buf_len);

#endif

/* Adds one statement below parent: the chain words[0..n_words) and, when
 * n_list > 0, each list item as a child of the chain's last node
 * (`members [ a b ]`). With inactive, the last node of the chain (or, with
 * a list, the node holding it) is flagged inactive. Returns the chain's
 * last node; NULL with err set when out of memory or n_words is 0. */
struct junos_node *junos_tree_add_statement(struct junos_node *parent, char *const *words,
                                            size_t n_words, char *const *list, size_t n_list,
                                            unsigned line, bool inactive, struct pr_error *err);
