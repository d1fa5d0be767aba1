/* SPDX-License-Identifier: BSD-3-Clause */
/* The snmp and netconf maps of the inventory: each level (defaults, a
 * switch) is read into a layer that records which keys it gave, so layers
 * merge key by key. */
#include <string.h>

#include "core/inventory_priv.h"
#include "util/secret.h"
#include "util/strutil.h"

enum {
    PR_SNMP_VERSION = 1u << 0,
    PR_SNMP_COMMUNITY = 1u << 1,
    PR_SNMP_USER = 1u << 2,
    PR_SNMP_LEVEL = 1u << 3,
    PR_SNMP_AUTH = 1u << 4,
    PR_SNMP_AUTH_PASS = 1u << 5,
    PR_SNMP_PRIV = 1u << 6,
    PR_SNMP_PRIV_PASS = 1u << 7,
    PR_SNMP_CONTEXT = 1u << 8,
    PR_SNMP_TIMEOUT = 1u << 9,
    PR_SNMP_RETRIES = 1u << 10,
    PR_SNMP_MAX_REPETITIONS = 1u << 11,
};

static const char *const snmp_keys[] = {
    "version", "community", "community_file",  "user",
    "level",   "auth",      "auth_pass",       "auth_pass_file",
    "priv",    "priv_pass", "priv_pass_file",  "context",
    "timeout", "retries",   "max_repetitions", NULL,
};

static const char *const version_names[] = {"1", "2c", "3", NULL};
static const enum pr_snmp_version version_values[] = {PR_SNMP_V1, PR_SNMP_V2C, PR_SNMP_V3};
static const char *const level_names[] = {"noAuthNoPriv", "authNoPriv", "authPriv", NULL};
static const char *const auth_names[] = {"MD5",     "SHA",     "SHA-224", "SHA-256",
                                         "SHA-384", "SHA-512", NULL};
/* AES-128 is the same protocol as AES and is stored as "AES". */
static const char *const priv_names[] = {"DES", "AES", "AES-128", "AES-192", "AES-256", NULL};

/* Two keys that set the same thing (community and community_file). */
static int not_both(struct inventory_ctx *ctx, yaml_node_t *value, unsigned set, unsigned bit,
                    const char *key, const char *other)
{
    if (set & bit)
        return inventory_fail(ctx, value, "'%s' and '%s' both given; give one of them", other, key);
    return 0;
}

static int apply_snmp_secret(struct inventory_ctx *ctx, const char *key, yaml_node_t *value,
                             struct inventory_snmp_layer *layer, unsigned bit, char *dst,
                             size_t dst_len, const char *plain_key)
{
    bool from_file = strlen(key) > 5 && strcmp(key + strlen(key) - 5, "_file") == 0;
    char other[32];
    if (from_file)
        pr_strlcpy(other, plain_key, sizeof other);
    else
        snprintf(other, sizeof other, "%s_file", plain_key);
    if (not_both(ctx, value, layer->set, bit, key, other) != 0)
        return -1;
    layer->set |= bit;
    if (from_file)
        return inventory_secret_file(ctx, key, value, dst, dst_len, NULL, 0);
    return inventory_secret(ctx, key, value, dst, dst_len);
}

static int apply_snmp(struct inventory_ctx *ctx, const char *key, yaml_node_t *value, void *target)
{
    struct inventory_snmp_layer *layer = target;
    struct pr_snmp_options *v = &layer->v;
    size_t choice = 0;
    long long number = 0;

    if (strcmp(key, "version") == 0) {
        if (inventory_choice(ctx, key, value, version_names, &choice) != 0)
            return -1;
        v->version = version_values[choice];
        layer->set |= PR_SNMP_VERSION;
    } else if (strcmp(key, "community") == 0 || strcmp(key, "community_file") == 0) {
        return apply_snmp_secret(ctx, key, value, layer, PR_SNMP_COMMUNITY, v->community,
                                 sizeof v->community, "community");
    } else if (strcmp(key, "auth_pass") == 0 || strcmp(key, "auth_pass_file") == 0) {
        return apply_snmp_secret(ctx, key, value, layer, PR_SNMP_AUTH_PASS, v->auth_pass,
                                 sizeof v->auth_pass, "auth_pass");
    } else if (strcmp(key, "priv_pass") == 0 || strcmp(key, "priv_pass_file") == 0) {
        return apply_snmp_secret(ctx, key, value, layer, PR_SNMP_PRIV_PASS, v->priv_pass,
                                 sizeof v->priv_pass, "priv_pass");
    } else if (strcmp(key, "user") == 0) {
        layer->set |= PR_SNMP_USER;
        return inventory_secret(ctx, key, value, v->user, sizeof v->user);
    } else if (strcmp(key, "context") == 0) {
        layer->set |= PR_SNMP_CONTEXT;
        return inventory_secret(ctx, key, value, v->context, sizeof v->context);
    } else if (strcmp(key, "level") == 0) {
        if (inventory_choice(ctx, key, value, level_names, &choice) != 0)
            return -1;
        pr_strlcpy(v->level, level_names[choice], sizeof v->level);
        layer->set |= PR_SNMP_LEVEL;
    } else if (strcmp(key, "auth") == 0) {
        if (inventory_choice(ctx, key, value, auth_names, &choice) != 0)
            return -1;
        pr_strlcpy(v->auth_proto, auth_names[choice], sizeof v->auth_proto);
        layer->set |= PR_SNMP_AUTH;
    } else if (strcmp(key, "priv") == 0) {
        if (inventory_choice(ctx, key, value, priv_names, &choice) != 0)
            return -1;
        const char *name = strcmp(priv_names[choice], "AES-128") == 0 ? "AES" : priv_names[choice];
        pr_strlcpy(v->priv_proto, name, sizeof v->priv_proto);
        layer->set |= PR_SNMP_PRIV;
    } else if (strcmp(key, "timeout") == 0) {
        if (inventory_double(ctx, key, value, 0.001, 600.0, &v->timeout_s) != 0)
            return -1;
        layer->set |= PR_SNMP_TIMEOUT;
    } else if (strcmp(key, "retries") == 0) {
        if (inventory_int(ctx, key, value, 0, 20, &number) != 0)
            return -1;
        v->retries = (int)number;
        layer->set |= PR_SNMP_RETRIES;
    } else if (strcmp(key, "max_repetitions") == 0) {
        if (inventory_int(ctx, key, value, 0, 1000, &number) != 0)
            return -1;
        v->max_repetitions = (int)number;
        layer->set |= PR_SNMP_MAX_REPETITIONS;
    }
    return 0;
}

int inventory_parse_snmp(struct inventory_ctx *ctx, yaml_node_t *map,
                         struct inventory_snmp_layer *layer)
{
    memset(layer, 0, sizeof *layer);
    layer->node = map;
    return inventory_apply_map(ctx, map, "snmp", snmp_keys, apply_snmp, layer);
}

#define MERGE_ARRAY(field) memcpy(dst->field, layer->v.field, sizeof dst->field)

void inventory_merge_snmp(struct pr_snmp_options *dst, const struct inventory_snmp_layer *layer)
{
    unsigned set = layer->set;
    if (set & PR_SNMP_VERSION)
        dst->version = layer->v.version;
    if (set & PR_SNMP_COMMUNITY) {
        MERGE_ARRAY(community);
        dst->community_from = PR_SNMP_FROM_USER;
    }
    if (set & PR_SNMP_USER)
        MERGE_ARRAY(user);
    if (set & PR_SNMP_LEVEL)
        MERGE_ARRAY(level);
    if (set & PR_SNMP_AUTH)
        MERGE_ARRAY(auth_proto);
    if (set & PR_SNMP_AUTH_PASS)
        MERGE_ARRAY(auth_pass);
    if (set & PR_SNMP_PRIV)
        MERGE_ARRAY(priv_proto);
    if (set & PR_SNMP_PRIV_PASS)
        MERGE_ARRAY(priv_pass);
    if (set & PR_SNMP_CONTEXT)
        MERGE_ARRAY(context);
    if (set & PR_SNMP_TIMEOUT)
        dst->timeout_s = layer->v.timeout_s;
    if (set & PR_SNMP_RETRIES)
        dst->retries = layer->v.retries;
    if (set & PR_SNMP_MAX_REPETITIONS)
        dst->max_repetitions = layer->v.max_repetitions;
}

unsigned inventory_snmp_given(const struct inventory_snmp_layer *layer)
{
    static const struct {
        unsigned layer_bit, given_bit;
    } map[] = {
        {PR_SNMP_VERSION, PR_SNMP_GIVEN_VERSION}, {PR_SNMP_COMMUNITY, PR_SNMP_GIVEN_COMMUNITY},
        {PR_SNMP_USER, PR_SNMP_GIVEN_USER},       {PR_SNMP_LEVEL, PR_SNMP_GIVEN_LEVEL},
        {PR_SNMP_AUTH, PR_SNMP_GIVEN_AUTH_PROTO}, {PR_SNMP_AUTH_PASS, PR_SNMP_GIVEN_AUTH_PASS},
        {PR_SNMP_PRIV, PR_SNMP_GIVEN_PRIV_PROTO}, {PR_SNMP_PRIV_PASS, PR_SNMP_GIVEN_PRIV_PASS},
        {PR_SNMP_CONTEXT, PR_SNMP_GIVEN_CONTEXT},
    };
    unsigned given = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (layer->set & map[i].layer_bit)
            given |= map[i].given_bit;
    }
    return given;
}

/* USM passphrases shorter than 8 characters are refused by every agent
 * (RFC 3414 key localisation needs at least 8). */
#define USM_PASS_MIN 8

int inventory_check_snmp(struct inventory_ctx *ctx, const struct pr_snmp_options *opts,
                         const yaml_node_t *at)
{
    if (opts->version != PR_SNMP_V3)
        return 0;
    if (opts->user[0] == '\0' && !(ctx->flags & INVENTORY_SKIP_SECRETS))
        return inventory_fail(ctx, at, "SNMPv3 needs 'user'");
    if (opts->level[0] == '\0')
        return inventory_fail(ctx, at,
                              "SNMPv3 needs 'level' (noAuthNoPriv, authNoPriv or "
                              "authPriv)");
    bool auth = strcmp(opts->level, "noAuthNoPriv") != 0;
    bool priv = strcmp(opts->level, "authPriv") == 0;
    bool check_secrets = !(ctx->flags & INVENTORY_SKIP_SECRETS);
    if (auth && opts->auth_proto[0] == '\0')
        return inventory_fail(ctx, at,
                              "level %s needs 'auth' (MD5, SHA, SHA-224, SHA-256, "
                              "SHA-384 or SHA-512)",
                              opts->level);
    if (auth && check_secrets && opts->auth_pass[0] == '\0')
        return inventory_fail(ctx, at, "level %s needs 'auth_pass' or 'auth_pass_file'",
                              opts->level);
    if (auth && check_secrets && strlen(opts->auth_pass) < USM_PASS_MIN)
        return inventory_fail(ctx, at,
                              "the auth passphrase is shorter than %d characters, "
                              "which SNMPv3 does not accept",
                              USM_PASS_MIN);
    if (priv && opts->priv_proto[0] == '\0')
        return inventory_fail(ctx, at,
                              "level authPriv needs 'priv' (DES, AES, AES-192 or "
                              "AES-256)");
    if (priv && check_secrets && opts->priv_pass[0] == '\0')
        return inventory_fail(ctx, at, "level authPriv needs 'priv_pass' or 'priv_pass_file'");
    if (priv && check_secrets && strlen(opts->priv_pass) < USM_PASS_MIN)
        return inventory_fail(ctx, at,
                              "the priv passphrase is shorter than %d characters, "
                              "which SNMPv3 does not accept",
                              USM_PASS_MIN);
    return 0;
}

/* --- netconf --- */

enum {
    NETCONF_USER = 1u << 0,
    NETCONF_PORT = 1u << 1,
    NETCONF_KEY = 1u << 2,
    NETCONF_PASSWORD = 1u << 3,
};

static const char *const netconf_keys[] = {"user",     "port",          "key",
                                           "password", "password_file", NULL};

void inventory_netconf_defaults(struct inventory_netconf *nc)
{
    memset(nc, 0, sizeof *nc);
    nc->port = 830;
}

static int apply_netconf(struct inventory_ctx *ctx, const char *key, yaml_node_t *value,
                         void *target)
{
    struct inventory_netconf_layer *layer = target;
    struct inventory_netconf *v = &layer->v;
    if (strcmp(key, "user") == 0) {
        layer->set |= NETCONF_USER;
        return inventory_secret(ctx, key, value, v->user, sizeof v->user);
    }
    if (strcmp(key, "port") == 0) {
        long long port = 0;
        if (inventory_int(ctx, key, value, 1, 65535, &port) != 0)
            return -1;
        v->port = (int)port;
        layer->set |= NETCONF_PORT;
        return 0;
    }
    if (strcmp(key, "key") == 0) {
        layer->set |= NETCONF_KEY;
        return inventory_path(ctx, key, value, v->key, sizeof v->key);
    }
    bool from_file = strcmp(key, "password_file") == 0;
    if (not_both(ctx, value, layer->set, NETCONF_PASSWORD, key,
                 from_file ? "password" : "password_file") != 0)
        return -1;
    layer->set |= NETCONF_PASSWORD;
    if (from_file)
        return inventory_secret_file(ctx, key, value, v->password, sizeof v->password,
                                     v->password_file, sizeof v->password_file);
    v->password_file[0] = '\0';
    return inventory_secret(ctx, key, value, v->password, sizeof v->password);
}

int inventory_parse_netconf(struct inventory_ctx *ctx, yaml_node_t *map,
                            struct inventory_netconf_layer *layer)
{
    memset(layer, 0, sizeof *layer);
    layer->node = map;
    return inventory_apply_map(ctx, map, "netconf", netconf_keys, apply_netconf, layer);
}

void inventory_merge_netconf(struct inventory_netconf *dst,
                             const struct inventory_netconf_layer *layer)
{
    unsigned set = layer->set;
    if (set & NETCONF_USER)
        MERGE_ARRAY(user);
    if (set & NETCONF_PORT)
        dst->port = layer->v.port;
    if (set & NETCONF_KEY)
        MERGE_ARRAY(key);
    if (set & NETCONF_PASSWORD) {
        MERGE_ARRAY(password);
        MERGE_ARRAY(password_file);
    }
}
