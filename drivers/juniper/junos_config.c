/* SPDX-License-Identifier: BSD-3-Clause */
#include "junos_config.h"

#include <stdlib.h>
#include <string.h>

#include "junos_expand.h"
#include "junos_range.h"
#include "util/strutil.h"

static bool starts_word(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) > n && memcmp(p, word, n) == 0 && (p[n] == ' ' || p[n] == '\t');
}

enum junos_format junos_detect_format(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (p >= end)
            break;
        if (*p == '<')
            return JUNOS_FORMAT_XML;
        if (*p == '#') { /* a comment line */
            while (p < end && *p != '\n')
                p++;
            continue;
        }
        static const char *const verbs[] = {"set",      "delete",  "deactivate",
                                            "activate", "protect", "unprotect"};
        for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
            if (starts_word(p, end, verbs[i])) {
                const char *eol = memchr(p, '\n', (size_t)(end - p));
                if (memchr(p, '{', (size_t)((eol ? eol : end) - p)) == NULL)
                    return JUNOS_FORMAT_SET;
            }
        }
        return JUNOS_FORMAT_CURLY;
    }
    return JUNOS_FORMAT_UNKNOWN;
}

const char *junos_format_name(enum junos_format format)
{
    switch (format) {
    case JUNOS_FORMAT_XML:
        return "xml";
    case JUNOS_FORMAT_CURLY:
        return "curly";
    case JUNOS_FORMAT_SET:
        return "set";
    default:
        return "unknown";
    }
}

void junos_config_free(void *priv)
{
    struct junos_config *cfg = priv;
    if (cfg == NULL)
        return;
    junos_node_free(cfg->raw);
    junos_node_free(cfg->tree);
    junos_model_info_free(&cfg->info);
    free(cfg);
}

const struct junos_config *junos_config_of(const struct pr_switch *sw)
{
    if (sw == NULL || sw->driver_priv_free != junos_config_free)
        return NULL;
    return sw->driver_priv;
}

const struct junos_port_info *junos_config_port(const struct junos_config *cfg,
                                                const char *port_name)
{
    for (size_t i = 0; cfg != NULL && i < cfg->info.n_ports; i++) {
        if (strcmp(cfg->info.ports[i].name, port_name) == 0)
            return &cfg->info.ports[i];
    }
    return NULL;
}

/* Expands cfg->raw and (re)builds sw's ports and STP from it. keep lists
 * port names that must stay even when the configuration no longer names
 * them. */
static int build(struct junos_config *cfg, struct pr_switch *sw, char (*keep)[PR_NAME_MAX],
                 size_t n_keep, struct pr_error *err)
{
    junos_node_free(cfg->tree);
    junos_model_info_free(&cfg->info);
    cfg->tree = junos_expand(cfg->raw, err);
    if (cfg->tree == NULL)
        return -1;
    for (size_t i = 0; i < n_keep; i++) {
        struct junos_node *interfaces = junos_node_ensure(cfg->tree, "interfaces", 0, err);
        if (interfaces == NULL || junos_node_ensure(interfaces, keep[i], 0, err) == NULL)
            return -1;
    }
    return junos_model_build(cfg->tree, sw, &cfg->info, err);
}

int junos_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                      struct pr_error *err)
{
    struct junos_config *cfg = calloc(1, sizeof *cfg);
    if (cfg == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    cfg->format = junos_detect_format(text, len);
    switch (cfg->format) {
    case JUNOS_FORMAT_XML:
        cfg->raw = junos_xml_read(text, len, origin, err);
        break;
    case JUNOS_FORMAT_SET:
        cfg->raw = junos_set_read(text, len, origin, err);
        break;
    case JUNOS_FORMAT_CURLY:
        cfg->raw = junos_curly_read(text, len, origin, err);
        break;
    default:
        pr_error_set(err, PR_ERR_INPUT, "%s: empty configuration", origin ? origin : "config");
        break;
    }
    if (cfg->raw == NULL || build(cfg, sw, NULL, 0, err) != 0) {
        junos_config_free(cfg);
        return -1;
    }
    if (sw->driver_priv_free != NULL)
        sw->driver_priv_free(sw->driver_priv);
    sw->driver_priv = cfg;
    sw->driver_priv_free = junos_config_free;
    return 0;
}

int junos_config_apply_set(struct pr_switch *sw, const char *lines, size_t len,
                           struct pr_error *err)
{
    struct junos_config *cfg = (struct junos_config *)junos_config_of(sw);
    if (cfg == NULL)
        return pr_error_set(err, PR_ERR_USAGE, "switch %s was not read from a Junos configuration",
                            sw->name);
    if (junos_set_apply(cfg->raw, lines, len, "fix", err) != 0)
        return -1;
    size_t n = sw->n_ports;
    char(*names)[PR_NAME_MAX] = calloc(n ? n : 1, sizeof *names);
    struct pr_port *old = calloc(n ? n : 1, sizeof *old);
    if (names == NULL || old == NULL) {
        free(names);
        free(old);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        pr_strlcpy(names[i], sw->ports[i].name, sizeof names[i]);
        old[i] = sw->ports[i];
        old[i].findings = NULL;
        old[i].n_findings = 0;
        pr_port_clear_findings(&sw->ports[i]);
    }
    free(sw->ports);
    sw->ports = NULL;
    sw->n_ports = sw->cap_ports = 0;
    memset(&sw->stp, 0, sizeof sw->stp);
    int rc = build(cfg, sw, names, n, err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        struct pr_port *port = pr_switch_find_name(sw, old[i].name);
        if (port != NULL) {
            port->expect_vlan = old[i].expect_vlan;
            pr_strlcpy(port->server, old[i].server, sizeof port->server);
        }
    }
    free(names);
    free(old);
    return rc;
}
