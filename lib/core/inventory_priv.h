/* SPDX-License-Identifier: BSD-3-Clause */
/* Internals of the inventory reader, shared by its files only: the parse
 * context, YAML node helpers that turn every problem into a located error,
 * and the snmp and login (netconf, ssh) blocks. Not for other modules. */
#ifndef PR_INVENTORY_PRIV_H
#define PR_INVENTORY_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "util/error.h"
#include "core/inventory.h"

struct inventory_ctx {
    yaml_document_t *doc;
    const char *origin;   /* file name for messages */
    const char *base_dir; /* anchors relative paths; NULL: as written */
    unsigned flags;       /* INVENTORY_* bits */
    struct inventory *out;
    struct pr_error *err;
    /* The env:NAME variables read so far (names inside the document's
     * scalars): wiped from the environment once the whole document is
     * read, since several switches may name the same one. */
    const char **env_read;
    size_t n_env_read, env_read_cap;
};

/* Called for each key of a map once the key is known to be valid and not
 * repeated. */
typedef int (*inventory_apply_fn)(struct inventory_ctx *ctx, const char *key, yaml_node_t *value,
                                  void *target);

/* --- inventory_yaml.c --- */

/* Lists and maps nested deeper than this are refused before the document
 * is loaded: libyaml's scanner takes time quadratic in the nesting. */
#define INVENTORY_MAX_DEPTH 64

/* A first pass over text with libyaml's event parser that stops at the
 * first list or map nested deeper than INVENTORY_MAX_DEPTH, with an error
 * naming its line and column. The parser reads only about a kilobyte past
 * that point, so the pass is linear. A syntax error is left for the loader
 * to report (returns 0). */
int inventory_check_depth(struct inventory_ctx *ctx, const char *text, size_t len);

yaml_node_t *inventory_node(struct inventory_ctx *ctx, int index);
bool inventory_is_null(const yaml_node_t *node);
const char *inventory_kind(const yaml_node_t *node);

/* Sets a PR_ERR_INPUT "ORIGIN:LINE:COL: message" at node; returns -1. */
int inventory_fail(struct inventory_ctx *ctx, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds a warning (kept once however often it is added). */
void inventory_warn(struct inventory *inv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Walks map (which must be a mapping; what names it in messages, e.g.
 * "snmp"): rejects keys that are not scalars, not in valid (NULL-ended) or
 * given twice, and calls apply for each. */
int inventory_apply_map(struct inventory_ctx *ctx, yaml_node_t *map, const char *what,
                        const char *const *valid, inventory_apply_fn apply, void *target);

/* Scalar values. key names the value in messages. Non-secret values may be
 * quoted back in messages; secret ones never are. */
int inventory_string(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                     size_t dst_len);
int inventory_int(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, long long min,
                  long long max, long long *out);
int inventory_double(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, double min,
                     double max, double *out);
/* Case-insensitive choice among names (NULL-ended); *index gets the one
 * chosen. */
int inventory_choice(struct inventory_ctx *ctx, const char *key, yaml_node_t *node,
                     const char *const *names, size_t *index);
/* A path: "~/" expands to $HOME, a relative one is anchored at base_dir. */
int inventory_path(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                   size_t dst_len);
/* A secret written in place, or env:NAME (the variable is noted in
 * ctx->env_read and wiped when the parse ends). */
int inventory_secret(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                     size_t dst_len);
/* A *_file key: resolves the path (into path_out when not NULL) and reads
 * the secret from the file into dst; a loose file mode adds a warning. */
int inventory_secret_file(struct inventory_ctx *ctx, const char *key, yaml_node_t *node, char *dst,
                          size_t dst_len, char *path_out, size_t path_len);

/* --- inventory_blocks.c --- */

/* One level of settings (defaults, or a switch): the values given there
 * and which ones were given. */
struct inventory_snmp_layer {
    struct pr_snmp_options v;
    unsigned set; /* INVENTORY_SNMP_* bits */
    yaml_node_t *node;
};

struct inventory_login_layer {
    struct inventory_login v;
    unsigned set;
    yaml_node_t *node;
};

int inventory_parse_snmp(struct inventory_ctx *ctx, yaml_node_t *map,
                         struct inventory_snmp_layer *layer);
void inventory_merge_snmp(struct pr_snmp_options *dst, const struct inventory_snmp_layer *layer);
/* The PR_SNMP_GIVEN_* bits (snmp/source.h) of the keys a layer gives. */
unsigned inventory_snmp_given(const struct inventory_snmp_layer *layer);
/* SNMPv3 needs user, level and, by level, auth/priv protocols and
 * passphrases; at is where to point when something is missing. */
int inventory_check_snmp(struct inventory_ctx *ctx, const struct pr_snmp_options *opts,
                         const yaml_node_t *at);

/* The netconf: and ssh: maps: user, port, key, password, password_file,
 * known_hosts. what ("netconf", "ssh") names the map in messages. */
void inventory_login_defaults(struct inventory_login *login, int port);
int inventory_parse_login(struct inventory_ctx *ctx, yaml_node_t *map, const char *what,
                          struct inventory_login_layer *layer);
void inventory_merge_login(struct inventory_login *dst, const struct inventory_login_layer *layer);

/* --- inventory_switch.c --- */

/* What defaults: gives every switch. */
struct inventory_defaults {
    struct inventory_snmp_layer snmp;
    bool has_snmp;
    struct inventory_login_layer netconf;
    bool has_netconf;
    struct inventory_login_layer ssh;
    bool has_ssh;
    char driver[32]; /* "" when not given */
    long long expect_vlan;
    uint32_t clients; /* client: (rules/clients.h bits); 0 when not given */
};

int inventory_parse_defaults(struct inventory_ctx *ctx, yaml_node_t *map,
                             struct inventory_defaults *defs);

/* Fills sw (zeroed by the caller) from one entry of the switches list; on
 * failure sw may hold a ports array that inventory_free() releases. */
int inventory_parse_switch(struct inventory_ctx *ctx, yaml_node_t *node,
                           const struct inventory_defaults *defs, struct inventory_switch *sw,
                           size_t *total_ports);

#endif
