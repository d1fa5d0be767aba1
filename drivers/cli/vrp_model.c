/* SPDX-License-Identifier: BSD-3-Clause */
/* The `#`-sectioned family statement by statement: which section a line
 * belongs to and what it sets. Defaults are applied later (vrp_facts.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/vrp_family.h"
#include "util/strutil.h"

/* More than any chassis or stack has; each interface holds two VLAN
 * maps. */
#define VRP_MAX_IFACES 4096

static void set(struct vrp_setting *s, int value, const struct cli_line *line)
{
    s->value = value;
    s->line = line;
}

static void clear(struct vrp_setting *s)
{
    s->value = 0;
    s->line = NULL;
}

static int bad(const struct vrp_model *m, const struct cli_line *line, const char *why,
               struct pr_error *err)
{
    return pr_error_set(err, PR_ERR_INPUT, "%s:%u: \"%.120s\": %s", m->text->origin, line->lineno,
                        line->text, why);
}

/* Front-panel Ethernet names of both dialects, without the number. */
static const char *const port_prefixes[] = {
    "GigabitEthernet",
    "Ten-GigabitEthernet",
    "XGigabitEthernet",
    "FortyGigE",
    "HundredGigE",
    "TwentyFiveGigE",
    "Twenty-FiveGigE",
    "FiftyGigE",
    "TwoHundredGigE",
    "FourHundredGigE",
    "MultiGE",
    "Ethernet",
    "FastEthernet",
    "GE",
    "XGE",
    "10GE",
    "25GE",
    "40GE",
    "50GE",
    "100GE",
    "200GE",
    "400GE",
    NULL,
};

/* "GigabitEthernet1/0/1", "10GE1/0/2", "Eth-Trunk1", "Bridge-Aggregation3". */
static enum vrp_kind kind_of(const char *name, int *agg_id)
{
    static const char *const aggs[] = {"Bridge-Aggregation", "Eth-Trunk", NULL};
    for (size_t i = 0; aggs[i] != NULL; i++) {
        size_t n = strlen(aggs[i]);
        long long id;
        if (strncasecmp(name, aggs[i], n) == 0 && pr_parse_int(name + n, 0, 65535, &id)) {
            *agg_id = (int)id;
            return VRP_AGG;
        }
    }
    if (strchr(name, '.') != NULL || strchr(name, '/') == NULL)
        return VRP_OTHER;
    /* The type is the letters before the number, after a leading rate
     * ("10GE1/0/1"). */
    const char *p = name;
    while (isdigit((unsigned char)*p))
        p++;
    size_t plen = (size_t)(p - name) + strcspn(p, "0123456789");
    for (size_t i = 0; port_prefixes[i] != NULL; i++) {
        if (strlen(port_prefixes[i]) == plen && strncasecmp(name, port_prefixes[i], plen) == 0)
            return VRP_PORT;
    }
    return VRP_OTHER;
}

static struct vrp_iface *find_mut(struct vrp_model *m, const char *name)
{
    for (size_t i = m->n_ifaces; i-- > 0;) {
        if (strcasecmp(m->ifaces[i].name, name) == 0)
            return &m->ifaces[i];
    }
    return NULL;
}

const struct vrp_iface *vrp_find(const struct vrp_model *m, const char *name)
{
    return m ? find_mut((struct vrp_model *)m, name) : NULL;
}

const struct vrp_iface *vrp_agg_of(const struct vrp_model *m, const struct vrp_iface *port)
{
    if (m == NULL || port == NULL || port->member.line == NULL)
        return NULL;
    for (size_t i = 0; i < m->n_ifaces; i++) {
        if (m->ifaces[i].kind == VRP_AGG && m->ifaces[i].agg_id == port->member.value)
            return &m->ifaces[i];
    }
    return NULL;
}

static struct vrp_iface *open_iface(struct vrp_model *m, const struct cli_line *line,
                                    const char *name, struct pr_error *err)
{
    struct vrp_iface *ifc = find_mut(m, name);
    if (ifc != NULL)
        return ifc;
    if (m->n_ifaces >= VRP_MAX_IFACES) {
        bad(m, line, "more than 4096 interfaces: not one switch's configuration", err);
        return NULL;
    }
    if (m->n_ifaces == m->cap_ifaces) {
        size_t cap = m->cap_ifaces ? m->cap_ifaces * 2 : 64;
        struct vrp_iface *grown = realloc(m->ifaces, cap * sizeof *grown);
        if (grown == NULL) {
            pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
            return NULL;
        }
        m->ifaces = grown;
        m->cap_ifaces = cap;
    }
    ifc = &m->ifaces[m->n_ifaces++];
    memset(ifc, 0, sizeof *ifc);
    pr_strlcpy(ifc->name, name, sizeof ifc->name);
    ifc->kind = kind_of(name, &ifc->agg_id);
    ifc->head = line;
    ifc->trunk_allowed[1] = true;   /* a trunk carries VLAN 1 until told otherwise */
    ifc->hybrid_untagged[1] = true; /* a hybrid port sends VLAN 1 untagged */
    return ifc;
}

/* The text after the first `skip` words of the line. */
static const char *after_words(const struct cli_line *line, size_t skip)
{
    const char *p = line->text;
    for (size_t i = 0; i < skip; i++) {
        while (*p == ' ' || *p == '\t')
            p++;
        while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* "port trunk permit vlan 10 to 11 13" (Comware), "port trunk allow-pass
 * vlan 2 to 4094" (VRP), with `undo` taking VLANs away. */
static int trunk_vlans(struct vrp_model *m, struct vrp_iface *ifc, const struct cli_stmt *s,
                       size_t at, struct pr_error *err)
{
    bool marks[4095] = {false};
    size_t skip = at + (s->no ? 1 : 0);
    if (!cli_vlan_words(after_words(s->line, skip), true, marks))
        return bad(m, s->line, "not a VLAN list", err);
    for (int v = 1; v <= 4094; v++) {
        if (marks[v])
            ifc->trunk_allowed[v] = !s->no;
    }
    set(&ifc->trunk_vlans, 1, s->line);
    return 0;
}

/* Comware "port hybrid vlan 10 20 untagged|tagged", VRP "port hybrid
 * untagged|tagged vlan 10"; "undo port hybrid vlan 1" takes VLAN 1 away. */
static int hybrid_vlans(struct vrp_model *m, struct vrp_iface *ifc, const struct cli_stmt *s,
                        struct pr_error *err)
{
    bool marks[4095] = {false};
    size_t skip = s->no ? 1 : 0;
    bool untagged = true;
    char list[512];
    size_t next;
    if (cli_stmt_is(s, 0, "port hybrid untagged vlan", &next) ||
        cli_stmt_is(s, 0, "port hybrid tagged vlan", &next)) {
        untagged = strcasecmp(s->w[2], "untagged") == 0;
        pr_strlcpy(list, after_words(s->line, skip + next), sizeof list);
    } else {
        pr_strlcpy(list, after_words(s->line, skip + 3), sizeof list);
        size_t n = strlen(list);
        const char *tail[] = {" untagged", " tagged"};
        for (size_t k = 0; k < 2; k++) {
            size_t t = strlen(tail[k]);
            if (n > t && strcasecmp(list + n - t, tail[k]) == 0) {
                list[n - t] = '\0';
                untagged = k == 0;
                break;
            }
        }
    }
    if (!cli_vlan_words(list, true, marks))
        return bad(m, s->line, "not a VLAN list", err);
    for (int v = 1; v <= 4094; v++) {
        if (!marks[v])
            continue;
        if (s->no)
            ifc->hybrid_untagged[v] = false;
        else
            ifc->hybrid_untagged[v] = untagged;
    }
    set(&ifc->hybrid_vlans, 1, s->line);
    return 0;
}

static int vlan_arg(struct vrp_model *m, const struct cli_stmt *s, size_t at,
                    struct vrp_setting *out, struct pr_error *err)
{
    if (s->no) {
        clear(out);
        return 0;
    }
    long long v;
    if (!cli_stmt_int(s, at, 1, 4094, &v))
        return bad(m, s->line, "VLAN out of range 1-4094", err);
    set(out, (int)v, s->line);
    return 0;
}

static int iface_stmt(struct vrp_model *m, struct vrp_iface *ifc, const struct cli_line *line,
                      struct pr_error *err)
{
    struct cli_stmt s;
    cli_stmt_init(&s, line);
    cli_stmt_undo(&s);
    size_t next;
    long long v;
    if (s.n == 0)
        return 0;
    if (cli_stmt_is(&s, 0, "shutdown", NULL) && s.n == 1) {
        set(&ifc->shutdown, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "description", &next) && !s.no) {
        pr_strlcpy(ifc->alias, after_words(line, 1), sizeof ifc->alias);
    } else if (cli_stmt_is(&s, 0, "port link-mode", &next) && next < s.n) {
        set(&ifc->routed, strcasecmp(s.w[next], "route") == 0, line);
    } else if (cli_stmt_is(&s, 0, "portswitch", NULL)) {
        set(&ifc->routed, s.no, line);
    } else if (cli_stmt_is(&s, 0, "ip address", NULL) || cli_stmt_is(&s, 0, "ipv6 address", NULL)) {
        if (s.no)
            clear(&ifc->ip);
        else
            set(&ifc->ip, 1, line);
    } else if (cli_stmt_is(&s, 0, "port link-type", &next)) {
        if (s.no) {
            clear(&ifc->link_type);
            return 0;
        }
        if (next >= s.n)
            return bad(m, line, "no link type", err);
        int t = strcasecmp(s.w[next], "access") == 0   ? VRP_LINK_ACCESS
                : strcasecmp(s.w[next], "trunk") == 0  ? VRP_LINK_TRUNK
                : strcasecmp(s.w[next], "hybrid") == 0 ? VRP_LINK_HYBRID
                                                       : VRP_LINK_OTHER;
        set(&ifc->link_type, t, line);
    } else if (cli_stmt_is(&s, 0, "port access vlan", &next) ||
               cli_stmt_is(&s, 0, "port default vlan", &next)) {
        return vlan_arg(m, &s, next, &ifc->access, err);
    } else if (cli_stmt_is(&s, 0, "port trunk pvid vlan", &next)) {
        return vlan_arg(m, &s, next, &ifc->trunk_pvid, err);
    } else if (cli_stmt_is(&s, 0, "port hybrid pvid vlan", &next)) {
        return vlan_arg(m, &s, next, &ifc->hybrid_pvid, err);
    } else if (cli_stmt_is(&s, 0, "port trunk permit vlan", &next) ||
               cli_stmt_is(&s, 0, "port trunk allow-pass vlan", &next)) {
        return trunk_vlans(m, ifc, &s, next, err);
    } else if (cli_stmt_is(&s, 0, "port hybrid", &next) && next < s.n &&
               strcasecmp(s.w[next], "pvid") != 0) {
        return hybrid_vlans(m, ifc, &s, err);
    } else if (cli_stmt_is(&s, 0, "stp edged-port", &next)) {
        /* `undo stp edged-port` restores the default (VRP: detection). */
        if (s.no)
            clear(&ifc->edge);
        else
            set(&ifc->edge, !(next < s.n && strcasecmp(s.w[next], "disable") == 0), line);
    } else if (cli_stmt_is(&s, 0, "stp enable", NULL)) {
        set(&ifc->stp_port, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "stp disable", NULL)) {
        set(&ifc->stp_port, s.no, line);
    } else if (cli_stmt_is(&s, 0, "stp bpdu-filter", &next)) {
        bool on = !s.no && !(next < s.n && strcasecmp(s.w[next], "disable") == 0);
        set(&ifc->bpdu_filter, on, line);
    } else if (cli_stmt_is(&s, 0, "port link-aggregation group", &next) ||
               cli_stmt_is(&s, 0, "eth-trunk", &next)) {
        if (s.no) {
            clear(&ifc->member);
            return 0;
        }
        if (!cli_stmt_int(&s, next, 0, 65535, &v))
            return bad(m, line, "not an aggregation group number", err);
        set(&ifc->member, (int)v, line);
    } else if (cli_stmt_is(&s, 0, "link-aggregation mode", &next) && next < s.n) {
        set(&ifc->lacp, !s.no && strcasecmp(s.w[next], "dynamic") == 0, line);
    } else if (cli_stmt_is(&s, 0, "mode", &next) && next < s.n) {
        /* VRP Eth-Trunk: mode lacp | lacp-static | lacp-dynamic | manual. */
        set(&ifc->lacp, !s.no && strncasecmp(s.w[next], "lacp", 4) == 0, line);
    } else if (cli_stmt_is(&s, 0, "lacp edge-port", NULL)) {
        set(&ifc->lacp_edge, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "speed", &next)) {
        if (s.no || (next < s.n && strcasecmp(s.w[next], "auto") == 0)) {
            set(&ifc->speed, 0, line);
        } else if (cli_stmt_int(&s, next, 1, 1000000, &v)) {
            set(&ifc->speed, (int)v, line);
        }
    }
    return 0;
}

/* `stp timer X N` (centiseconds, 100 to hi) into t; `undo` clears it. */
static int timer(struct vrp_model *m, const struct cli_stmt *s, size_t next, long long hi,
                 struct vrp_setting *t, const char *why, struct pr_error *err)
{
    long long v;
    if (s->no)
        clear(t);
    else if (cli_stmt_int(s, next, 100, hi, &v))
        set(t, (int)v, s->line);
    else
        return bad(m, s->line, why, err);
    return 0;
}

static int global_stmt(struct vrp_model *m, const struct cli_line *line, struct pr_error *err)
{
    struct cli_stmt s;
    cli_stmt_init(&s, line);
    cli_stmt_undo(&s);
    size_t next;
    if (cli_stmt_is(&s, 0, "stp mode", &next)) {
        if (s.no) {
            clear(&m->mode);
            return 0;
        }
        if (next >= s.n)
            return bad(m, line, "no spanning-tree mode", err);
        const char *w = s.w[next];
        int mode = strcasecmp(w, "stp") == 0                                 ? PR_MODE_STP
                   : strcasecmp(w, "rstp") == 0                              ? PR_MODE_RSTP
                   : strcasecmp(w, "mstp") == 0                              ? PR_MODE_MSTP
                   : strcasecmp(w, "pvst") == 0 && m->dialect == VRP_COMWARE ? PR_MODE_RAPID_PVST
                                                                             : -1;
        if (mode < 0)
            return bad(m, line, "unknown spanning-tree mode", err);
        set(&m->mode, mode, line);
    } else if (cli_stmt_is(&s, 0, "stp global enable", NULL) ||
               (cli_stmt_is(&s, 0, "stp enable", NULL) && s.n == 2)) {
        set(&m->stp, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "stp disable", NULL) && s.n == 2) {
        set(&m->stp, s.no, line);
    } else if (cli_stmt_is(&s, 0, "stp timer forward-delay", &next)) {
        return timer(m, &s, next, 6000, &m->fwd_delay, "forward delay out of range (centiseconds)",
                     err);
    } else if (cli_stmt_is(&s, 0, "stp timer max-age", &next)) {
        return timer(m, &s, next, 8000, &m->max_age, "max age out of range (centiseconds)", err);
    } else if (cli_stmt_is(&s, 0, "stp timer hello", &next)) {
        return timer(m, &s, next, 1000, &m->hello,
                     "hello time out of range (100-1000 centiseconds)", err);
    } else if (cli_stmt_is(&s, 0, "stp edged-port default", NULL)) {
        /* System view: every port edge but one with `stp edged-port
         * disable` (Huawei command reference, stp edged-port default). */
        set(&m->edge_default, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "stp bpdu-protection", NULL)) {
        set(&m->bpdu_protect, !s.no, line);
    } else if (cli_stmt_is(&s, 0, "version", &next) && m->dialect == VRP_COMWARE && !s.no &&
               next < s.n && m->version[0] == '\0') {
        /* " version 7.1.070, Release 6628P47" */
        pr_strlcpy(m->version, after_words(line, 1), sizeof m->version);
        m->major = isdigit((unsigned char)m->version[0]) ? atoi(m->version) : 0;
    }
    return 0;
}

enum section { SEC_NONE, SEC_IFACE, SEC_OTHER };

int vrp_model_build(enum vrp_dialect d, struct cli_text *text, struct vrp_model **out,
                    struct pr_error *err)
{
    *out = NULL;
    struct vrp_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        cli_text_free(text);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    m->dialect = d;
    m->text = text;
    enum section sec = SEC_NONE;
    size_t cur = 0;
    for (size_t i = 0; i < text->n_lines; i++) {
        const struct cli_line *line = &text->lines[i];
        int rc = 0;
        if (line->text[0] == '#') {
            sec = SEC_NONE;
        } else if (line->indent == 0 && strncasecmp(line->text, "interface ", 10) == 0) {
            const char *name = after_words(line, 1);
            if (*name == '\0' || strlen(name) >= sizeof m->ifaces[0].name) {
                rc = bad(m, line, "not an interface name", err);
            } else {
                struct vrp_iface *ifc = open_iface(m, line, name, err);
                if (ifc == NULL)
                    rc = -1;
                else
                    cur = (size_t)(ifc - m->ifaces);
                sec = SEC_IFACE;
            }
        } else if (line->indent == 0) {
            rc = global_stmt(m, line, err);
            sec = SEC_OTHER;
        } else if (sec == SEC_IFACE) {
            rc = iface_stmt(m, &m->ifaces[cur], line, err);
        } else if (sec == SEC_NONE) {
            rc = global_stmt(m, line, err);
        }
        if (rc != 0) {
            vrp_model_free(m);
            return -1;
        }
    }
    *out = m;
    return 0;
}

void vrp_model_free(struct vrp_model *m)
{
    if (m == NULL)
        return;
    cli_text_free(m->text);
    free(m->ifaces);
    free(m);
}
