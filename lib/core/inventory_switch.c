/* SPDX-License-Identifier: BSD-3-Clause */
/* One entry of the inventory's switches list (and its ports), and the
 * defaults: map whose keys every switch may override. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "core/inventory_priv.h"
#include "rules/clients.h"
#include "util/secret.h"
#include "util/strutil.h"

static const char *const defaults_keys[] = {"driver", "expect_vlan", "snmp", "netconf",
                                            "ssh",    "client",      NULL};
static const char *const switch_keys[] = {"name",        "host",  "driver", "snmp",
                                          "netconf",     "ssh",   "walk",   "config",
                                          "expect_vlan", "ports", "client", NULL};
static const char *const port_keys[] = {"port", "server", "expect_vlan", "client", NULL};

#define VLAN_MIN 1
#define VLAN_MAX 4094

/* client: a DHCP client's name (rules/clients.h) or a list of them. */
static int parse_clients(struct inventory_ctx *ctx, yaml_node_t *value, uint32_t *mask)
{
    yaml_node_item_t *start = NULL, *top = NULL;
    if (value->type == YAML_SEQUENCE_NODE) {
        start = value->data.sequence.items.start;
        top = value->data.sequence.items.top;
        if (start == top)
            return inventory_fail(ctx, value, "'client' is an empty list");
    }
    for (yaml_node_item_t *it = start; it == NULL || it < top; it = it ? it + 1 : NULL) {
        yaml_node_t *node = it != NULL ? inventory_node(ctx, *it) : value;
        char name[64];
        if (node == NULL || node->type != YAML_SCALAR_NODE ||
            inventory_string(ctx, "client", node, name, sizeof name) != 0)
            return node == NULL || node->type != YAML_SCALAR_NODE
                       ? inventory_fail(ctx, node, "'client' is a name or a list of names")
                       : -1;
        struct pr_error err;
        if (rules_clients_add(name, mask, &err) != 0)
            return inventory_fail(ctx, node, "'client': %s", err.msg);
        if (it == NULL)
            break;
    }
    return 0;
}

/* auto, or a name from the driver table. */
static int parse_driver(struct inventory_ctx *ctx, yaml_node_t *value, char *dst, size_t dst_len)
{
    char name[64];
    if (inventory_string(ctx, "driver", value, name, sizeof name) != 0)
        return -1;
    if (strcmp(name, "auto") == 0 || pr_driver_find(name) != NULL) {
        pr_strlcpy(dst, name, dst_len);
        return 0;
    }
    char names[160];
    pr_driver_names(names, sizeof names);
    return inventory_fail(ctx, value, "'driver' must be one of auto, %s, not '%s'", names, name);
}

static int parse_snmp_or_empty(struct inventory_ctx *ctx, yaml_node_t *value,
                               struct inventory_snmp_layer *layer)
{
    if (inventory_is_null(value)) {
        memset(layer, 0, sizeof *layer);
        layer->node = value;
        return 0;
    }
    return inventory_parse_snmp(ctx, value, layer);
}

static int parse_login_or_empty(struct inventory_ctx *ctx, yaml_node_t *value, const char *what,
                                struct inventory_login_layer *layer)
{
    if (inventory_is_null(value)) {
        memset(layer, 0, sizeof *layer);
        layer->node = value;
        return 0;
    }
    return inventory_parse_login(ctx, value, what, layer);
}

static int apply_defaults(struct inventory_ctx *ctx, const char *key, yaml_node_t *value,
                          void *target)
{
    struct inventory_defaults *defs = target;
    if (strcmp(key, "driver") == 0)
        return parse_driver(ctx, value, defs->driver, sizeof defs->driver);
    if (strcmp(key, "expect_vlan") == 0)
        return inventory_int(ctx, key, value, VLAN_MIN, VLAN_MAX, &defs->expect_vlan);
    if (strcmp(key, "client") == 0)
        return parse_clients(ctx, value, &defs->clients);
    if (strcmp(key, "snmp") == 0) {
        defs->has_snmp = true;
        return parse_snmp_or_empty(ctx, value, &defs->snmp);
    }
    if (strcmp(key, "ssh") == 0) {
        defs->has_ssh = true;
        return parse_login_or_empty(ctx, value, "ssh", &defs->ssh);
    }
    defs->has_netconf = true;
    return parse_login_or_empty(ctx, value, "netconf", &defs->netconf);
}

int inventory_parse_defaults(struct inventory_ctx *ctx, yaml_node_t *map,
                             struct inventory_defaults *defs)
{
    memset(defs, 0, sizeof *defs);
    defs->expect_vlan = -1;
    if (inventory_is_null(map))
        return 0;
    /* SNMPv3 completeness is checked per switch, once merged: defaults may
     * give the level and protocols and each switch its own user. */
    return inventory_apply_map(ctx, map, "defaults", defaults_keys, apply_defaults, defs);
}

/* host, host:port, [v6]:port or a bare IPv6 address, optionally after a
 * net-snmp transport ("udp:", "tcp:", "udp6:", "tcp6:"). */
static bool valid_host(const char *host)
{
    for (const char *c = host; *c != '\0'; c++) {
        if ((unsigned char)*c <= ' ' || *c == 0x7f)
            return false;
    }
    struct pr_error err;
    return pr_snmp_host_check(host, &err) == 0;
}

/* Everything read for one switch before defaults are merged in. */
struct switch_build {
    struct inventory_switch *sw;
    struct inventory_snmp_layer snmp;
    bool has_snmp;
    struct inventory_login_layer netconf;
    bool has_netconf;
    struct inventory_login_layer ssh;
    bool has_ssh;
    char driver[32];
    yaml_node_t *ports;
    yaml_node_t *host_node;
};

static int apply_switch(struct inventory_ctx *ctx, const char *key, yaml_node_t *value,
                        void *target)
{
    struct switch_build *b = target;
    struct inventory_switch *sw = b->sw;
    if (strcmp(key, "name") == 0)
        return inventory_string(ctx, key, value, sw->name, sizeof sw->name);
    if (strcmp(key, "host") == 0) {
        b->host_node = value;
        if (inventory_string(ctx, key, value, sw->host, sizeof sw->host) != 0)
            return -1;
        if (!valid_host(sw->host))
            return inventory_fail(ctx, value,
                                  "'host' must be a host name or address, optionally with "
                                  ":port (1 to 65535; IPv6 as [addr]:port) and a transport "
                                  "(udp:, tcp:, udp6:, tcp6:), not '%.60s'",
                                  sw->host);
        return 0;
    }
    if (strcmp(key, "driver") == 0)
        return parse_driver(ctx, value, b->driver, sizeof b->driver);
    if (strcmp(key, "snmp") == 0) {
        b->has_snmp = true;
        return parse_snmp_or_empty(ctx, value, &b->snmp);
    }
    if (strcmp(key, "netconf") == 0) {
        b->has_netconf = true;
        return parse_login_or_empty(ctx, value, "netconf", &b->netconf);
    }
    if (strcmp(key, "ssh") == 0) {
        b->has_ssh = true;
        return parse_login_or_empty(ctx, value, "ssh", &b->ssh);
    }
    if (strcmp(key, "walk") == 0)
        return inventory_path(ctx, key, value, sw->walk, sizeof sw->walk);
    if (strcmp(key, "config") == 0)
        return inventory_path(ctx, key, value, sw->config, sizeof sw->config);
    if (strcmp(key, "expect_vlan") == 0)
        return inventory_int(ctx, key, value, VLAN_MIN, VLAN_MAX, &sw->expect_vlan);
    if (strcmp(key, "client") == 0)
        return parse_clients(ctx, value, &sw->clients);
    b->ports = value;
    return 0;
}

static int apply_port(struct inventory_ctx *ctx, const char *key, yaml_node_t *value, void *target)
{
    struct inventory_port *port = target;
    if (strcmp(key, "port") == 0)
        return inventory_string(ctx, key, value, port->name, sizeof port->name);
    if (strcmp(key, "server") == 0)
        return inventory_string(ctx, key, value, port->server, sizeof port->server);
    if (strcmp(key, "client") == 0)
        return parse_clients(ctx, value, &port->clients);
    return inventory_int(ctx, key, value, VLAN_MIN, VLAN_MAX, &port->expect_vlan);
}

static int compare_ports(const void *a, const void *b)
{
    const struct inventory_port *pa = a, *pb = b;
    int c = strcmp(pa->name, pb->name);
    return c != 0 ? c : (pa->line > pb->line) - (pa->line < pb->line);
}

/* Finds a port listed twice. Sorts a copy, so the list keeps the file's
 * order. */
static int check_duplicate_ports(struct inventory_ctx *ctx, yaml_node_t *list,
                                 const struct inventory_switch *sw)
{
    if (sw->n_ports < 2)
        return 0;
    struct inventory_port *sorted = malloc(sw->n_ports * sizeof *sorted);
    if (sorted == NULL)
        return pr_error_set(ctx->err, PR_ERR_INTERNAL, "out of memory reading %s", ctx->origin);
    memcpy(sorted, sw->ports, sw->n_ports * sizeof *sorted);
    qsort(sorted, sw->n_ports, sizeof *sorted, compare_ports);
    int rc = 0;
    for (size_t i = 1; i < sw->n_ports && rc == 0; i++) {
        if (strcmp(sorted[i].name, sorted[i - 1].name) == 0)
            rc = inventory_fail(ctx, list,
                                "port '%s' is listed twice for switch '%s' (lines %d "
                                "and %d)",
                                sorted[i].name, sw->name, sorted[i - 1].line, sorted[i].line);
    }
    free(sorted);
    return rc;
}

static int parse_ports(struct inventory_ctx *ctx, yaml_node_t *list, struct inventory_switch *sw,
                       size_t *total_ports)
{
    if (list->type != YAML_SEQUENCE_NODE)
        return inventory_fail(ctx, list, "'ports' must be a list, not %s", inventory_kind(list));
    size_t n = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    if (n == 0)
        return inventory_fail(ctx, list,
                              "'ports' is empty; leave it out to audit every "
                              "physical port");
    if (*total_ports + n > INVENTORY_MAX_PORTS)
        return inventory_fail(ctx, list, "more than %d ports in the inventory",
                              INVENTORY_MAX_PORTS);
    *total_ports += n;
    sw->ports = calloc(n, sizeof *sw->ports);
    if (sw->ports == NULL)
        return pr_error_set(ctx->err, PR_ERR_INTERNAL, "out of memory reading %s", ctx->origin);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = inventory_node(ctx, list->data.sequence.items.start[i]);
        struct inventory_port *port = &sw->ports[sw->n_ports++];
        port->expect_vlan = -1;
        port->line = item != NULL ? (int)item->start_mark.line + 1 : 0;
        if (item != NULL && item->type == YAML_MAPPING_NODE) {
            if (inventory_apply_map(ctx, item, "a port", port_keys, apply_port, port) != 0)
                return -1;
            if (port->name[0] == '\0')
                return inventory_fail(ctx, item, "a port entry needs 'port' (the port's name)");
        } else if (item == NULL || item->type != YAML_SCALAR_NODE || inventory_is_null(item)) {
            return inventory_fail(ctx, item,
                                  "a port is a name or a map {port, server, "
                                  "expect_vlan, client}, not %s",
                                  inventory_kind(item));
        } else if (inventory_string(ctx, "port", item, port->name, sizeof port->name) != 0) {
            return -1;
        }
        if (port->expect_vlan < 0)
            port->expect_vlan = sw->expect_vlan;
    }
    return check_duplicate_ports(ctx, list, sw);
}

/* netconf: and ssh: both read the configuration: a switch gets one. Its
 * own map wins over the other one's in defaults; both in the switch, or
 * both in defaults with neither in the switch, are an error. */
static int finish_logins(struct inventory_ctx *ctx, yaml_node_t *node,
                         const struct inventory_defaults *defs, struct switch_build *b)
{
    struct inventory_switch *sw = b->sw;
    if (b->has_netconf && b->has_ssh)
        return inventory_fail(ctx, b->ssh.node,
                              "switch '%s' has both 'netconf' and 'ssh', which both read its "
                              "configuration; give one",
                              sw->name);
    bool netconf = b->has_netconf || (!b->has_ssh && defs->has_netconf);
    bool ssh = b->has_ssh || (!b->has_netconf && defs->has_ssh);
    if (netconf && ssh)
        return inventory_fail(ctx, node,
                              "switch '%s' gets both 'netconf' and 'ssh' from defaults, which both "
                              "read its configuration; give one in the switch",
                              sw->name);
    inventory_login_defaults(&sw->netconf, 830);
    inventory_login_defaults(&sw->ssh, 22);
    if (netconf) {
        if (defs->has_netconf)
            inventory_merge_login(&sw->netconf, &defs->netconf);
        if (b->has_netconf)
            inventory_merge_login(&sw->netconf, &b->netconf);
        sw->netconf.given = true;
    }
    if (ssh) {
        if (defs->has_ssh)
            inventory_merge_login(&sw->ssh, &defs->ssh);
        if (b->has_ssh)
            inventory_merge_login(&sw->ssh, &b->ssh);
        sw->ssh.given = true;
    }
    if ((netconf || ssh) && sw->host[0] == '\0')
        return inventory_fail(ctx, node, "switch '%s' has '%s' but no 'host' to connect to",
                              sw->name, netconf ? "netconf" : "ssh");
    return 0;
}

/* Names, sources and the merge of defaults into one switch. */
static int finish_switch(struct inventory_ctx *ctx, yaml_node_t *node,
                         const struct inventory_defaults *defs, struct switch_build *b)
{
    struct inventory_switch *sw = b->sw;
    if (sw->host[0] == '\0' && sw->walk[0] == '\0' && sw->config[0] == '\0')
        return inventory_fail(ctx, node,
                              "a switch needs 'host' (or an offline source: 'walk' "
                              "or 'config')");
    if (sw->name[0] == '\0') {
        if (sw->host[0] == '\0')
            return inventory_fail(ctx, node, "a switch without 'host' needs 'name'");
        if (strlen(sw->host) >= sizeof sw->name)
            return inventory_fail(ctx, b->host_node,
                                  "a switch named after its host needs a "
                                  "host shorter than %zu characters; give 'name'",
                                  sizeof sw->name);
        pr_strlcpy(sw->name, sw->host, sizeof sw->name);
    }
    pr_strlcpy(sw->driver, "auto", sizeof sw->driver);
    if (defs->driver[0] != '\0')
        pr_strlcpy(sw->driver, defs->driver, sizeof sw->driver);
    if (b->driver[0] != '\0')
        pr_strlcpy(sw->driver, b->driver, sizeof sw->driver);
    if (sw->expect_vlan < 0)
        sw->expect_vlan = defs->expect_vlan;
    if (sw->clients == 0)
        sw->clients = defs->clients;

    pr_snmp_options_defaults(&sw->snmp);
    if (defs->has_snmp)
        inventory_merge_snmp(&sw->snmp, &defs->snmp);
    if (b->has_snmp)
        inventory_merge_snmp(&sw->snmp, &b->snmp);
    sw->snmp_given = defs->has_snmp || b->has_snmp;
    sw->snmp_set = (defs->has_snmp ? inventory_snmp_given(&defs->snmp) : 0) |
                   (b->has_snmp ? inventory_snmp_given(&b->snmp) : 0);
    const yaml_node_t *snmp_at = b->has_snmp      ? b->snmp.node
                                 : defs->has_snmp ? defs->snmp.node
                                                  : node;
    if (inventory_check_snmp(ctx, &sw->snmp, snmp_at) != 0)
        return -1;

    return finish_logins(ctx, node, defs, b);
}

/* "switch 'NAME'" for messages, when the entry has a plain name. */
static void switch_label(struct inventory_ctx *ctx, yaml_node_t *node, char *buf, size_t len)
{
    snprintf(buf, len, "a switch");
    if (node == NULL || node->type != YAML_MAPPING_NODE)
        return;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = inventory_node(ctx, pair->key);
        yaml_node_t *value = inventory_node(ctx, pair->value);
        if (key != NULL && key->type == YAML_SCALAR_NODE &&
            strcmp((const char *)key->data.scalar.value, "name") == 0 && value != NULL &&
            value->type == YAML_SCALAR_NODE && !inventory_is_null(value) &&
            value->data.scalar.length < INVENTORY_NAME_MAX &&
            strlen((const char *)value->data.scalar.value) == value->data.scalar.length) {
            snprintf(buf, len, "switch '%s'", (const char *)value->data.scalar.value);
            return;
        }
    }
}

int inventory_parse_switch(struct inventory_ctx *ctx, yaml_node_t *node,
                           const struct inventory_defaults *defs, struct inventory_switch *sw,
                           size_t *total_ports)
{
    struct switch_build b;
    memset(&b, 0, sizeof b);
    b.sw = sw;
    sw->expect_vlan = -1;
    sw->line = node != NULL ? (int)node->start_mark.line + 1 : 0;
    sw->column = node != NULL ? (int)node->start_mark.column + 1 : 0;
    char what[INVENTORY_NAME_MAX + 16];
    switch_label(ctx, node, what, sizeof what);
    int rc = inventory_apply_map(ctx, node, what, switch_keys, apply_switch, &b);
    if (rc == 0)
        rc = finish_switch(ctx, node, defs, &b);
    if (rc == 0 && b.ports != NULL && !inventory_is_null(b.ports))
        rc = parse_ports(ctx, b.ports, sw, total_ports);
    secret_wipe(&b.snmp, sizeof b.snmp);
    secret_wipe(&b.netconf, sizeof b.netconf);
    secret_wipe(&b.ssh, sizeof b.ssh);
    return rc;
}
