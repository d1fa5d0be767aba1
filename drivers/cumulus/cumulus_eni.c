/* SPDX-License-Identifier: BSD-3-Clause */
/* ifupdown2's /etc/network/interfaces: `auto NAME...` lines, `iface NAME
 * [inet METHOD]` stanzas whose attribute lines run to the next keyword,
 * `#` comments. Repeated stanzas of one interface are one interface, as
 * ifupdown2 squashes them; `source` lines name files not read here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_text.h"
#include "cumulus/cumulus.h"
#include "util/strutil.h"

struct eni {
    struct cl_model *m;
    struct cl_iface *cur; /* found again after each line: adding interfaces moves the table */
    char cur_name[CL_NAME_MAX];
    const struct cli_line *line;
    char stmt[120]; /* "iface bond1: bond-slaves swp1" */
    struct pr_error *err;
    int rc;
};

static int bad(struct eni *e, const char *why)
{
    e->rc = pr_error_set(e->err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", e->m->origin,
                         e->line->lineno, e->line->text, why);
    return -1;
}

static bool is_keyword(const char *w)
{
    return strcmp(w, "auto") == 0 || strcmp(w, "iface") == 0 || strncmp(w, "allow-", 6) == 0 ||
           strcmp(w, "source") == 0 || strcmp(w, "source-directory") == 0 ||
           strcmp(w, "mapping") == 0 || strcmp(w, "template") == 0 || strcmp(w, "vlan") == 0 ||
           strcmp(w, "no-auto-down") == 0 || strcmp(w, "no-scripts") == 0;
}

static bool add_auto(const char *name, void *ctx)
{
    struct eni *e = ctx;
    struct cl_iface *ifc = cl_iface_get(e->m, name, e->line->lineno, e->err);
    if (ifc == NULL) {
        e->rc = -1;
        return false;
    }
    cl_set(&ifc->autoed, 1, e->line->lineno, e->line->text);
    return true;
}

static bool add_bridge_port(const char *name, void *ctx)
{
    struct eni *e = ctx;
    struct cl_iface *ifc = cl_iface_get(e->m, name, e->line->lineno, e->err);
    if (ifc == NULL) {
        e->rc = -1;
        return false;
    }
    cl_set(&ifc->bridged, 1, e->line->lineno, e->stmt);
    pr_strlcpy(ifc->bridge_name, e->cur_name, sizeof ifc->bridge_name);
    return true;
}

static bool add_slave(const char *name, void *ctx)
{
    struct eni *e = ctx;
    if (strcmp(name, "none") == 0)
        return true;
    struct cl_iface *ifc = cl_iface_get(e->m, name, e->line->lineno, e->err);
    if (ifc == NULL) {
        e->rc = -1;
        return false;
    }
    cl_set(&ifc->master, 1, e->line->lineno, e->stmt);
    pr_strlcpy(ifc->master_name, e->cur_name, sizeof ifc->master_name);
    return true;
}

static int flag(struct eni *e, struct cl_setting *s, const char *value)
{
    int v = cl_bool(value);
    if (v < 0)
        return bad(e, "not a yes/no value");
    cl_set(s, v, e->line->lineno, e->stmt);
    return 0;
}

static int number(struct eni *e, struct cl_setting *s, const char *value, long lo, long hi,
                  const char *what)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (end == value || *end != '\0' || v < lo || v > hi)
        return bad(e, what);
    cl_set(s, (int)v, e->line->lineno, e->stmt);
    return 0;
}

/* The older per-port form on the bridge's stanza: `mstpctl-portadminedge
 * swp1=yes swp2=yes`. */
static int per_port(struct eni *e, const char *value, size_t field)
{
    char copy[512];
    pr_strlcpy(copy, value, sizeof copy);
    for (char *save = NULL, *w = strtok_r(copy, " \t", &save); w != NULL;
         w = strtok_r(NULL, " \t", &save)) {
        char *eq = strchr(w, '=');
        if (eq == NULL)
            return bad(e, "not PORT=yes|no pairs");
        *eq = '\0';
        struct cl_iface *ifc = cl_iface_get(e->m, w, e->line->lineno, e->err);
        if (ifc == NULL)
            return e->rc = -1;
        if (flag(e, (struct cl_setting *)((char *)ifc + field), eq + 1) != 0)
            return -1;
    }
    return 0;
}

static int edge_attr(struct eni *e, const char *value, size_t field)
{
    if (strchr(value, '=') != NULL)
        return per_port(e, value, field);
    return flag(e, (struct cl_setting *)((char *)e->cur + field), value);
}

static int attribute(struct eni *e, const char *key, const char *value)
{
    struct cl_iface *c = e->cur;
    snprintf(e->stmt, sizeof e->stmt, "iface %s: %s", c->name, e->line->text);
    if (strcmp(key, "bridge-ports") == 0) {
        c->is_bridge = true;
        if (strncmp(value, "regex ", 6) == 0)
            return 0; /* a pattern over the switch's own interfaces: not known here */
        if (!cl_expand(value, add_bridge_port, e))
            return e->rc != 0 ? -1 : bad(e, "not a list of interfaces");
    } else if (strcmp(key, "bond-slaves") == 0) {
        c->is_bond = true;
        if (strncmp(value, "regex ", 6) == 0)
            return 0;
        if (!cl_expand(value, add_slave, e))
            return e->rc != 0 ? -1 : bad(e, "not a list of interfaces");
    } else if (strcmp(key, "bond-mode") == 0) {
        c->is_bond = true;
        bool lacp = strcmp(value, "802.3ad") == 0 || strcmp(value, "4") == 0;
        cl_set(&c->lacp, lacp, e->line->lineno, e->stmt);
    } else if (strcmp(key, "bond-lacp-bypass-allow") == 0) {
        return flag(e, &c->bypass, value);
    } else if (strcmp(key, "bridge-vlan-aware") == 0) {
        c->is_bridge = true;
        return flag(e, &c->vlan_aware, value);
    } else if (strcmp(key, "bridge-stp") == 0) {
        c->is_bridge = true;
        return flag(e, &c->stp, value);
    } else if (strcmp(key, "mstpctl-pvrst-mode") == 0) {
        return flag(e, &c->pvrst, value);
    } else if (strcmp(key, "mstpctl-forcevers") == 0) {
        /* ifupdown2's mstpctl addon takes rstp, stp and mstp. */
        int v = strcmp(value, "stp") == 0    ? 1
                : strcmp(value, "rstp") == 0 ? 0
                : strcmp(value, "mstp") == 0 ? 3
                                             : -1;
        if (v < 0)
            return bad(e, "not a protocol version (stp, rstp, mstp)");
        cl_set(&c->forcevers, v, e->line->lineno, e->stmt);
    } else if (strcmp(key, "mstpctl-fwddelay") == 0) {
        return number(e, &c->fwd, value, 2, 255, "not a forward delay in seconds");
    } else if (strcmp(key, "mstpctl-maxage") == 0) {
        return number(e, &c->age, value, 2, 255, "not a max age in seconds");
    } else if (strcmp(key, "bridge-access") == 0) {
        return number(e, &c->access, value, 1, 4094, "not a VLAN (1-4094)");
    } else if (strcmp(key, "bridge-pvid") == 0) {
        return number(e, &c->pvid, value, 1, 4094, "not a VLAN (1-4094)");
    } else if (strcmp(key, "mstpctl-portadminedge") == 0) {
        return edge_attr(e, value, offsetof(struct cl_iface, admin_edge));
    } else if (strcmp(key, "mstpctl-portautoedge") == 0) {
        return edge_attr(e, value, offsetof(struct cl_iface, auto_edge));
    } else if (strcmp(key, "mstpctl-bpduguard") == 0) {
        return edge_attr(e, value, offsetof(struct cl_iface, bpdu_guard));
    } else if (strcmp(key, "link-down") == 0) {
        return flag(e, &c->link_down, value);
    } else if (strcmp(key, "link-speed") == 0) {
        return number(e, &c->speed, value, 1, 1000000, "not a speed in Mb/s");
    } else if (strcmp(key, "link-autoneg") == 0) {
        return flag(e, &c->autoneg, value);
    } else if (strcmp(key, "alias") == 0) {
        pr_strlcpy(c->alias, value, sizeof c->alias);
    }
    return 0;
}

static int eni_line(struct eni *e, const struct cli_line *line)
{
    e->line = line;
    char key[64];
    size_t n = strcspn(line->text, " \t");
    if (n >= sizeof key)
        n = sizeof key - 1;
    memcpy(key, line->text, n);
    key[n] = '\0';
    const char *value = line->text + strcspn(line->text, " \t");
    while (*value == ' ' || *value == '\t')
        value++;
    if (is_keyword(key)) {
        e->cur = NULL;
        e->cur_name[0] = '\0';
        if (strcmp(key, "auto") == 0) {
            if (!cl_expand(value, add_auto, e))
                return e->rc != 0 ? -1 : bad(e, "not a list of interfaces");
        } else if (strcmp(key, "iface") == 0) {
            char name[CL_NAME_MAX + 1];
            size_t k = strcspn(value, " \t");
            if (k == 0 || k >= sizeof name - 1)
                return bad(e, "iface without an interface name");
            memcpy(name, value, k);
            name[k] = '\0';
            e->cur = cl_iface_get(e->m, name, line->lineno, e->err);
            if (e->cur == NULL)
                return e->rc = -1;
            pr_strlcpy(e->cur_name, name, sizeof e->cur_name);
        }
        return 0;
    }
    e->cur = e->cur_name[0] != '\0' ? cl_find(e->m, e->cur_name) : NULL;
    if (e->cur == NULL || *value == '\0')
        return 0; /* outside a stanza, or a word alone: ifupdown2 warns and goes on */
    return attribute(e, key, value);
}

int cl_eni_read(struct cl_model *m, const char *text, size_t len, struct pr_error *err)
{
    struct cli_text *t;
    if (cli_text_read(text, len, m->origin, '#', &t, err) != 0)
        return -1;
    struct eni e = {.m = m, .err = err};
    for (size_t i = 0; i < t->n_lines && e.rc == 0; i++) {
        if (eni_line(&e, &t->lines[i]) != 0 && e.rc == 0)
            e.rc = -1;
    }
    cli_text_free(t);
    return e.rc;
}
