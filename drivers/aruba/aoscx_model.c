/* SPDX-License-Identifier: BSD-3-Clause */
/* AOS-CX statement by statement: what each global and interface line
 * sets. Defaults are applied later, in aoscx_facts.c. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aruba/aoscx.h"
#include "util/strutil.h"

static void set(struct cx_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static void clear(struct cx_setting *s)
{
    s->value = 0;
    s->line = NULL;
}

static int bad(const struct aoscx_model *m, const struct cli_line *line, const char *why,
               struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", m->text->origin, line->lineno,
                        line->text, why);
}

/* "1/1/1", "1/1/49:2": member/slot/port with an optional split channel. */
static bool port_name(const char *s, int *member, int *slot, int *port, int *channel)
{
    int n = 0, a, b, c, d = -1;
    if (sscanf(s, "%d/%d/%d%n", &a, &b, &c, &n) != 3)
        return false;
    if (s[n] == ':') {
        int k = 0;
        if (sscanf(s + n + 1, "%d%n", &d, &k) != 1)
            return false;
        n += 1 + k;
    }
    if (s[n] != '\0' || a < 0 || b < 0 || c < 0 || a > 99 || b > 99 || c > 999 || d > 99)
        return false;
    if (!isdigit((unsigned char)s[0]))
        return false;
    *member = a;
    *slot = b;
    *port = c;
    *channel = d;
    return true;
}

static const char *name_of(const void *item)
{
    return ((const struct cx_iface *)item)->name;
}

static int grow(struct aoscx_model *m, struct pr_error *err)
{
    size_t cap = m->cap_ifaces ? m->cap_ifaces * 2 : 64;
    struct cx_iface *grown = realloc(m->ifaces, cap * sizeof *grown);
    if (grown == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    m->ifaces = grown;
    m->names.stride = sizeof *m->ifaces;
    m->names.name_of = name_of;
    if (cli_names_resize(&m->names, cap, m->ifaces, m->n_ifaces, err) != 0)
        return -1;
    m->cap_ifaces = cap;
    return 0;
}

static struct cx_iface *find_or_add(struct aoscx_model *m, const char *name, enum cx_kind kind,
                                    const struct cli_line *head, struct pr_error *err)
{
    size_t known = cli_names_find(&m->names, m->ifaces, name);
    if (known != CLI_NAMES_NONE)
        return &m->ifaces[known];
    if (m->n_ifaces == m->cap_ifaces && grow(m, err) != 0)
        return NULL;
    struct cx_iface *ifc = &m->ifaces[m->n_ifaces++];
    memset(ifc, 0, sizeof *ifc);
    pr_strlcpy(ifc->name, name, sizeof ifc->name);
    ifc->kind = kind;
    ifc->head = head;
    cli_names_put(&m->names, m->ifaces, m->n_ifaces - 1);
    return ifc;
}

static int vlan_id(const struct aoscx_model *m, const struct cli_stmt *s, size_t i,
                   struct cx_setting *out, struct pr_error *err)
{
    long long v;
    if (!cli_stmt_int(s, i, 1, 4094, &v))
        return bad(m, s->line, "not a VLAN number (1-4094)", err);
    set(out, (int)v, s->line);
    return 0;
}

static void iface_speed(struct cx_iface *ifc, const struct cli_stmt *s, size_t i)
{
    if (s->no) {
        clear(&ifc->speed);
        clear(&ifc->speed_auto);
        return;
    }
    if (i < s->n && strcasecmp(s->w[i], "auto") == 0) {
        set(&ifc->speed, 0, s->line);
        set(&ifc->speed_auto, i + 1 < s->n ? cli_speed_mbps(s->w[i + 1]) : 0, s->line);
        return;
    }
    int mbps = i < s->n ? cli_speed_mbps(s->w[i]) : 0;
    if (mbps > 0) {
        set(&ifc->speed, mbps, s->line);
        clear(&ifc->speed_auto);
    }
}

static int iface_vlan(const struct aoscx_model *m, struct cx_iface *ifc, const struct cli_stmt *s,
                      size_t i, struct pr_error *err)
{
    size_t k;
    if (cli_stmt_is(s, i, "access", &k)) {
        if (s->no) {
            clear(&ifc->vlan_access);
            return 0;
        }
        return vlan_id(m, s, k, &ifc->vlan_access, err);
    }
    if (cli_stmt_is(s, i, "trunk native", &k)) {
        if (s->no) {
            if (k + 1 < s->n && strcasecmp(s->w[k + 1], "tag") == 0) {
                clear(&ifc->native_tag);
                return 0;
            }
            clear(&ifc->native);
            clear(&ifc->native_tag);
            return 0;
        }
        if (vlan_id(m, s, k, &ifc->native, err) != 0)
            return -1;
        if (k + 1 < s->n && strcasecmp(s->w[k + 1], "tag") == 0)
            set(&ifc->native_tag, 1, s->line);
        else
            clear(&ifc->native_tag);
        return 0;
    }
    if (cli_stmt_is(s, i, "trunk allowed", &k)) {
        if (s->no && k == s->n) {
            clear(&ifc->allowed);
            return 0;
        }
        bool marks[4095] = {false};
        if (k >= s->n || !cli_vlan_list(s->w[k], true, marks))
            return bad(m, s->line, "not a VLAN list (e.g. 1-10,20 or all)", err);
        set(&ifc->allowed, 1, s->line);
    }
    return 0;
}

static int iface_spanning_tree(struct cx_iface *ifc, const struct cli_stmt *s, size_t i)
{
    size_t k;
    if (cli_stmt_is(s, i, "port-type", &k)) {
        if (s->no)
            clear(&ifc->port_type);
        else if (cli_stmt_is(s, k, "admin-edge", NULL))
            set(&ifc->port_type, 1, s->line);
        else if (cli_stmt_is(s, k, "admin-network", NULL))
            set(&ifc->port_type, 0, s->line);
    } else if (cli_stmt_is(s, i, "bpdu-guard", &k) && k == s->n) {
        if (s->no)
            clear(&ifc->bpdu_guard);
        else
            set(&ifc->bpdu_guard, 1, s->line);
    } else if ((cli_stmt_is(s, i, "bpdu-filter", &k) || cli_stmt_is(s, i, "bdpu-filter", &k)) &&
               k == s->n) {
        /* `bdpu-filter` is how the 10.07 guide spells it. */
        if (s->no)
            clear(&ifc->bpdu_filter);
        else
            set(&ifc->bpdu_filter, 1, s->line);
    }
    return 0;
}

static int iface_lacp(const struct aoscx_model *m, struct cx_iface *ifc, const struct cli_stmt *s,
                      size_t i, struct pr_error *err)
{
    size_t k;
    if (cli_stmt_is(s, i, "mode", &k)) {
        if (s->no)
            set(&ifc->lacp, CX_LACP_OFF, s->line);
        else if (cli_stmt_is(s, k, "active", NULL))
            set(&ifc->lacp, CX_LACP_ACTIVE, s->line);
        else if (cli_stmt_is(s, k, "passive", NULL))
            set(&ifc->lacp, CX_LACP_PASSIVE, s->line);
        else
            return bad(m, s->line, "unknown lacp mode (active, passive)", err);
    } else if (cli_stmt_is(s, i, "fallback-static", &k) && k == s->n) {
        set(&ifc->fallback_static, !s->no, s->line);
    } else if (cli_stmt_is(s, i, "fallback", &k) && k == s->n) {
        set(&ifc->fallback, !s->no, s->line);
    }
    return 0;
}

static int iface_stmt(struct aoscx_model *m, struct cx_iface *ifc, const struct cli_line *line,
                      struct pr_error *err)
{
    struct cli_stmt s;
    cli_stmt_init(&s, line);
    size_t i;
    if (cli_stmt_is(&s, 0, "shutdown", &i) && i == s.n) {
        set(&ifc->shutdown, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "routing", &i) && i == s.n) {
        set(&ifc->routing, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "ip address", &i) || cli_stmt_is(&s, 0, "ipv6 address", &i)) {
        if (s.no)
            clear(&ifc->ip);
        else
            set(&ifc->ip, 1, line);
    } else if (cli_stmt_is(&s, 0, "vlan", &i)) {
        return iface_vlan(m, ifc, &s, i, err);
    } else if (cli_stmt_is(&s, 0, "spanning-tree", &i)) {
        return iface_spanning_tree(ifc, &s, i);
    } else if (cli_stmt_is(&s, 0, "lacp", &i)) {
        return iface_lacp(m, ifc, &s, i, err);
    } else if (cli_stmt_is(&s, 0, "lag", &i)) {
        long long id;
        if (s.no)
            clear(&ifc->lag);
        else if (!cli_stmt_int(&s, i, 1, 512, &id))
            return bad(m, line, "not a LAG number (1-512)", err);
        else
            set(&ifc->lag, (int)id, line);
    } else if (cli_stmt_is(&s, 0, "speed", &i)) {
        iface_speed(ifc, &s, i);
    } else if (cli_stmt_is(&s, 0, "description", &i)) {
        const char *d = line->text + strlen("description");
        while (*d == ' ' || *d == '\t')
            d++;
        pr_strlcpy(ifc->alias, s.no ? "" : d, sizeof ifc->alias);
    }
    return 0;
}

static int global_stmt(struct aoscx_model *m, const struct cli_line *line, struct pr_error *err)
{
    struct cli_stmt s;
    cli_stmt_init(&s, line);
    size_t i;
    long long v;
    if (cli_stmt_is(&s, 0, "spanning-tree", &i) && i == s.n) {
        set(&m->stp, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "spanning-tree mode", &i)) {
        if (s.no)
            clear(&m->mode);
        else if (cli_stmt_is(&s, i, "mstp", NULL))
            set(&m->mode, PR_MODE_MSTP, line);
        else if (cli_stmt_is(&s, i, "rpvst", NULL))
            set(&m->mode, PR_MODE_RAPID_PVST, line);
        else
            return bad(m, line, "unknown spanning-tree mode (mstp, rpvst)", err);
    } else if (cli_stmt_is(&s, 0, "spanning-tree forward-delay", &i)) {
        if (s.no)
            clear(&m->forward_delay);
        else if (!cli_stmt_int(&s, i, 4, 30, &v))
            return bad(m, line, "forward delay out of range (4-30 s)", err);
        else
            set(&m->forward_delay, (int)v, line);
    } else if (cli_stmt_is(&s, 0, "spanning-tree max-age", &i)) {
        if (s.no)
            clear(&m->max_age);
        else if (!cli_stmt_int(&s, i, 6, 40, &v))
            return bad(m, line, "max age out of range (6-40 s)", err);
        else
            set(&m->max_age, (int)v, line);
    } else if (cli_stmt_is(&s, 0, "spanning-tree vlan", &i)) {
        bool marks[4095] = {false};
        if (i >= s.n || !cli_vlan_list(s.w[i], false, marks))
            return bad(m, line, "not a VLAN list (e.g. 1-10,20)", err);
        bool whole = i + 1 == s.n; /* `no spanning-tree vlan 2-5 priority` keeps the instance */
        for (int k = 1; k < 4095; k++) {
            if (!marks[k])
                continue;
            if (!s.no)
                m->rpvst_vlan[k] = line;
            else if (whole)
                m->rpvst_vlan[k] = NULL;
        }
    } else if (cli_stmt_is(&s, 0, "vlan", &i) && i + 1 == s.n) {
        bool marks[4095] = {false};
        if (!cli_vlan_list(s.w[i], false, marks))
            return bad(m, line, "not a VLAN list (e.g. 1-10,20)", err);
        for (int k = 1; k < 4095; k++) {
            if (marks[k])
                m->vlan_defined[k] = !s.no;
        }
    }
    return 0;
}

/* The interfaces an `interface ...` head names: one port, a range of
 * ports within one member/slot, one LAG; 0 for the others (vlan, mgmt,
 * loopback, subinterfaces). */
static int iface_head(struct aoscx_model *m, const struct cli_line *line, size_t *out, size_t max,
                      struct pr_error *err)
{
    struct cli_stmt s;
    cli_stmt_init(&s, line);
    if (s.no || s.n < 2)
        return 0;
    if (strcasecmp(s.w[1], "lag") == 0) {
        long long id;
        if (!cli_stmt_int(&s, 2, 1, 512, &id))
            return bad(m, line, "not a LAG number (1-512)", err);
        char name[32];
        snprintf(name, sizeof name, "lag %lld", id);
        struct cx_iface *ifc = find_or_add(m, name, CX_LAG, line, err);
        if (ifc == NULL)
            return -1;
        ifc->lag_id = (int)id;
        if (cli_stmt_is(&s, 3, "multi-chassis", NULL)) {
            set(&ifc->multichassis, 1, line);
            if (cli_stmt_is(&s, 4, "static", NULL))
                set(&ifc->static_lag, 1, line);
        }
        out[0] = (size_t)(ifc - m->ifaces);
        return 1;
    }
    int a, b, c, d, a2, b2, c2, d2;
    char *dash = strchr(s.w[1], '-');
    if (dash == NULL) {
        if (!port_name(s.w[1], &a, &b, &c, &d))
            return 0;
        struct cx_iface *ifc = find_or_add(m, s.w[1], CX_PORT, line, err);
        if (ifc == NULL)
            return -1;
        out[0] = (size_t)(ifc - m->ifaces);
        return 1;
    }
    *dash = '\0';
    if (!port_name(s.w[1], &a, &b, &c, &d) || !port_name(dash + 1, &a2, &b2, &c2, &d2))
        return 0;
    if (a != a2 || b != b2 || d != -1 || d2 != -1 || c2 < c || (size_t)(c2 - c) >= max)
        return bad(m, line, "not a port range within one slot (e.g. 1/1/1-1/1/8)", err);
    int n = 0;
    for (int p = c; p <= c2; p++) {
        char name[32];
        snprintf(name, sizeof name, "%d/%d/%d", a, b, p);
        struct cx_iface *ifc = find_or_add(m, name, CX_PORT, line, err);
        if (ifc == NULL)
            return -1;
        out[n++] = (size_t)(ifc - m->ifaces);
    }
    return n;
}

int aoscx_model_build(struct cli_text *text, struct aoscx_model **out, struct pr_error *err)
{
    *out = NULL;
    struct aoscx_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(text);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->text = text;
    size_t i = 0;
    while (i < text->n_lines) {
        const struct cli_line *head = &text->lines[i];
        size_t end = i + 1;
        while (end < text->n_lines && text->lines[end].indent > 0)
            end++;
        if (head->indent > 0) {
            i = end; /* indented lines before any head: nothing to attach them to */
            continue;
        }
        if (strncmp(head->text, "interface ", 10) == 0) {
            size_t targets[64];
            int n = iface_head(m, head, targets, 64, err);
            if (n < 0)
                goto fail;
            /* Lines deeper than the block's first level belong to a
             * sub-context (port-access ...): not interface statements. */
            unsigned level = end > i + 1 ? text->lines[i + 1].indent : 0;
            for (int t = 0; t < n; t++) {
                for (size_t k = i + 1; k < end; k++) {
                    if (text->lines[k].indent > level)
                        continue;
                    if (iface_stmt(m, &m->ifaces[targets[t]], &text->lines[k], err) != 0)
                        goto fail;
                }
            }
        } else if (global_stmt(m, head, err) != 0) {
            goto fail;
        }
        i = end;
    }
    *out = m;
    return 0;
fail:
    aoscx_model_free(m);
    return -1;
}

void aoscx_model_free(struct aoscx_model *m)
{
    if (m == NULL)
        return;
    cli_text_free(m->text);
    free(m->ifaces);
    cli_names_free(&m->names);
    free(m);
}

const struct cx_iface *aoscx_find(const struct aoscx_model *m, const char *name)
{
    size_t k = cli_names_find(&m->names, m->ifaces, name);
    return k != CLI_NAMES_NONE ? &m->ifaces[k] : NULL;
}

const struct cx_iface *aoscx_lag_of(const struct aoscx_model *m, const struct cx_iface *port)
{
    if (port->lag.line == NULL)
        return NULL;
    char name[32];
    snprintf(name, sizeof name, "lag %d", port->lag.value);
    return aoscx_find(m, name);
}
